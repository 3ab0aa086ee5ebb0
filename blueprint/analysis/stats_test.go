package analysis

import (
	"reflect"
	"testing"

	"servicebp/blueprint"
)

func TestComputeStats(t *testing.T) {
	full := func() *blueprint.Document {
		d := mk(append(served(),
			st("wait", "customer", "c2", "Wait for the drink"),
			st("call", "frontstage", "c2", "Call the name"),
			st("drink", "customer", "c3", "Drink"),
		), append(servedFlows(), fl("call", "wait"), fl("pos", "call"), fl("take", "pos"))...)
		d.Columns[0].Phase = "Order"
		d.Columns[1].Phase = "Order"
		s := d.Step("wait")
		s.Wait = 5 * blueprint.Minute
		s.Moment = true
		s = d.Step("brew")
		s.Duration = 3 * blueprint.Minute
		s.Fail = "Milk runs out"
		s.Wait = 2 * blueprint.Minute
		d.Step("take").Duration = 90 * blueprint.Second
		d.Step("drink").Duration = 10 * blueprint.Minute
		return d
	}
	lanes := func(n ...int) []LaneStats {
		var ls []LaneStats
		for i, l := range blueprint.DefaultLanes(blueprint.EnglishNames) {
			ls = append(ls, LaneStats{ID: l.ID, Name: l.Name, Kind: l.Kind, Steps: n[i]})
		}
		return ls
	}
	tests := []struct {
		name string
		doc  *blueprint.Document
		want Stats
	}{
		{"canonical lanes and lines", full(), Stats{
			Steps: 8, Lanes: lanes(1, 3, 2, 1, 1),
			HasVisibility: true, HasInteraction: true, HasInternal: true,
			AboveVisibility: 6, BelowVisibility: 2, AboveVisibilityPct: 75, BelowVisibilityPct: 25,
			// order→take, call→wait; take→pos is internal-crossing too.
			Encounters: 2, InternalEncounters: 3,
			FailPoints: 1, WaitPoints: 2, MomentsOfTruth: 1, UnexplainedWaits: 2, UnknownLengthWaits: 2,
			Phases: []PhaseStats{
				{Name: "Order", Columns: []string{"c1", "c2"}, Steps: 7, Duration: 4*blueprint.Minute + 30*blueprint.Second, Wait: 7 * blueprint.Minute},
				{Name: "", Columns: []string{"c3"}, Steps: 1, Duration: 10 * blueprint.Minute},
			},
		}},
		{"no lines", with(full(), func(d *blueprint.Document) { d.Lines = nil }), Stats{
			Steps: 8, Lanes: lanes(1, 3, 2, 1, 1),
			FailPoints: 1, WaitPoints: 2, MomentsOfTruth: 1, UnexplainedWaits: 2, UnknownLengthWaits: 2,
			Phases: []PhaseStats{
				{Name: "Order", Columns: []string{"c1", "c2"}, Steps: 7, Duration: 4*blueprint.Minute + 30*blueprint.Second, Wait: 7 * blueprint.Minute},
				{Name: "", Columns: []string{"c3"}, Steps: 1, Duration: 10 * blueprint.Minute},
			},
		}},
		{"visibility moved below backstage", with(mk(served(), servedFlows()...), moveLine(blueprint.LineVisibility, "backstage")), Stats{
			Steps: 5, Lanes: lanes(1, 1, 1, 1, 1),
			HasVisibility: true, HasInteraction: true, HasInternal: true,
			AboveVisibility: 4, BelowVisibility: 1, AboveVisibilityPct: 80, BelowVisibilityPct: 20,
			Encounters: 1, InternalEncounters: 1,
			Phases: []PhaseStats{{Columns: []string{"c1"}, Steps: 5}},
		}},
		{"thirds round to one decimal", mk([]blueprint.Step{st("a", "customer", "c1", ""), st("b", "backstage", "c1", ""), st("c", "support", "c1", "")}), Stats{
			Steps: 3, Lanes: lanes(0, 1, 0, 1, 1),
			HasVisibility: true, HasInteraction: true, HasInternal: true,
			AboveVisibility: 1, BelowVisibility: 2, AboveVisibilityPct: 33.3, BelowVisibilityPct: 66.7,
			Phases: []PhaseStats{{Columns: []string{"c1"}, Steps: 3}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ComputeStats(tc.doc); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("stats =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}
