package state

import (
	"slices"
	"testing"

	"servicebp/blueprint"
)

// TestPlanPhase plans phases for columns with made-up ids: the unused ones
// change in the phase's command, those with steps are offered, and named
// columns and chosen ids stay.
func TestPlanPhase(t *testing.T) {
	d := blueprint.New("", blueprint.EnglishNames)
	h := blueprint.NewHistory(d)
	for _, c := range []blueprint.Command{
		blueprint.InsertColumn(blueprint.Column{ID: "column-2"}, -1),
		blueprint.InsertColumn(blueprint.Column{ID: "column-3", Name: "Pay"}, -1),
		blueprint.InsertColumn(blueprint.Column{ID: "lobby"}, -1),
		blueprint.AddStep(blueprint.Step{ID: "a", Lane: "customer", Column: "column", Text: "A"}, -1),
	} {
		if err := h.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	p := PlanSetPhase(h.Doc(), false, "Arrival", "column", "column-2", "column-3", "lobby")
	if want := []IDChange{{"column-2", "arrival-2"}}; !slices.Equal(p.Changed, want) {
		t.Errorf("changed %v, want %v", p.Changed, want)
	}
	if want := []IDChange{{"column", "arrival"}}; !slices.Equal(p.Offer, want) {
		t.Errorf("offer %v, want %v", p.Offer, want)
	}
	if err := h.Apply(p.Command); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range h.Doc().Columns {
		ids = append(ids, c.ID+"/"+c.Phase)
	}
	if want := []string{"column/Arrival", "arrival-2/Arrival", "column-3/Arrival", "lobby/Arrival"}; !slices.Equal(ids, want) {
		t.Errorf("columns %v, want %v", ids, want)
	}
	if p := PlanSetPhase(h.Doc(), false, "", "column"); p.Changed != nil || p.Offer != nil {
		t.Errorf("clearing a phase plans id changes: %+v", p)
	}
	if p := PlanRenamePhase(h.Doc(), false, "Arrival", "Stay"); !slices.Equal(p.Offer, []IDChange{{"column", "stay"}}) || p.Changed != nil {
		t.Errorf("renaming the phase: %+v", p)
	}
	if p := PlanSetPhase(h.Doc(), false, "Bad\x00", "column-3"); p.Changed != nil || p.Command.Do(h.Doc()) == nil {
		t.Errorf("a refused phase plans %+v", p)
	}

	if p := PlanRenamePhase(h.Doc(), true, "Arrival", "Stay"); !slices.Equal(p.Changed, []IDChange{{"column", "stay"}}) || p.Offer != nil {
		t.Errorf("renaming the phase of an untitled blueprint: %+v", p)
	}

	sel := Selection{Kind: SelectCell, IDs: []string{"customer", "column"}}
	if got := sel.Renamed(SelectColumn, []IDChange{{"column", "arrival"}}); !slices.Equal(got.IDs, []string{"customer", "arrival"}) {
		t.Errorf("cell renamed to %v", got.IDs)
	}
	cols := Selection{Kind: SelectColumn, IDs: []string{"column", "lobby"}}
	if got := cols.Renamed(SelectColumn, []IDChange{{"column", "arrival"}}); !slices.Equal(got.IDs, []string{"arrival", "lobby"}) || cols.IDs[0] != "column" {
		t.Errorf("columns renamed to %v (from %v)", got.IDs, cols.IDs)
	}
}
