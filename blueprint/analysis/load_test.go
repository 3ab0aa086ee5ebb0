package analysis

import (
	"fmt"
	"slices"
	"testing"

	"servicebp/blueprint"
)

// A loaded blueprint with its own lane names and order: the partner lane
// sits between the frontstage and the line of visibility, and the line of
// interaction sits below the evidence lane, which comes second.
const reordered = `servicebp: 1
lanes:
  - {id: guest, kind: customer}
  - {id: seen, kind: evidence}
  - {id: staff, kind: frontstage}
  - {id: partner, kind: custom}
  - {id: office, kind: backstage}
lines:
  - {id: loi, kind: interaction, below: seen}
  - {id: lov, kind: visibility, below: partner}
steps:
  - {id: ask, lane: guest, column: c1, text: Ask for a taxi}
  - {id: call, lane: staff, column: c1, text: Call the taxi firm}
  - {id: taxi, lane: partner, column: c1, text: Taxi arrives}
  - {id: log, lane: office, column: c1, text: Log the booking}
flows:
  - {from: ask, to: call}
  - {from: call, to: taxi}
  - {from: taxi, to: ask}
  - {from: log, to: ask}
`

func TestLoaded(t *testing.T) {
	d, err := blueprint.Parse("reordered.yaml", []byte(reordered))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Lint(d, Options{}) {
		got = append(got, fmt.Sprintf("%s@%d:%d %s", f.Rule, f.Pos.Line, f.Pos.Col, key(f)))
	}
	want := []string{
		// ask meets call across the line of interaction, and the column has
		// no evidence.
		"touchpoint-without-evidence@12:5 ask",
		// call's only flows stay above the line of visibility: the partner
		// lane is above it in this blueprint.
		"frontstage-unsupported@13:5 call",
		"empty-lane@4:5 lane:seen",
		"flow-cycle@19:5 ask",
		// log → ask leaks; taxi → ask does not, since the partner lane is
		// above the line of visibility.
		"visibility-leak@20:5 ask",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings =\n%q\nwant\n%q", got, want)
	}
	s := ComputeStats(d)
	if s.AboveVisibility != 3 || s.BelowVisibility != 1 || s.Encounters != 3 || s.HasInternal {
		t.Errorf("stats = %+v; want 3 above, 1 below, 3 encounters, no internal line", s)
	}
}
