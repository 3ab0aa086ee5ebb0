package state

import (
	"testing"

	"servicebp/blueprint"
)

func TestSelectionValid(t *testing.T) {
	d, err := blueprint.Parse("s.yaml", []byte(`servicebp: 1
columns:
  - {id: c1}
  - {id: c2}
steps:
  - {id: a, lane: customer, column: c1}
  - {id: b, lane: frontstage, column: c1}
flows:
  - {from: a, to: b}
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   Selection
		want Selection
	}{
		{"steps keep the ones that exist", StepSelection("a", "gone", "b"), StepSelection("a", "b")},
		{"no step left selects nothing", StepSelection("gone"), Selection{}},
		{"a flow", Selection{Kind: SelectFlow, IDs: []string{"a", "b"}}, Selection{Kind: SelectFlow, IDs: []string{"a", "b"}}},
		{"a flow that is gone", Selection{Kind: SelectFlow, IDs: []string{"b", "a"}}, Selection{}},
		{"a cell", Selection{Kind: SelectCell, IDs: []string{"backstage", "c2"}}, Selection{Kind: SelectCell, IDs: []string{"backstage", "c2"}}},
		{"a cell of a missing column", Selection{Kind: SelectCell, IDs: []string{"backstage", "c9"}}, Selection{}},
		{"several lanes", Selection{Kind: SelectLane, IDs: []string{"customer", "nope", "support"}}, Selection{Kind: SelectLane, IDs: []string{"customer", "support"}}},
		{"columns", Selection{Kind: SelectColumn, IDs: []string{"c2"}}, Selection{Kind: SelectColumn, IDs: []string{"c2"}}},
		{"a line", Selection{Kind: SelectLine, IDs: []string{"visibility"}}, Selection{Kind: SelectLine, IDs: []string{"visibility"}}},
		{"nothing", Selection{}, Selection{}},
	}
	for _, tc := range tests {
		if got := tc.in.Valid(d); !got.Equal(tc.want) {
			t.Errorf("%s: Valid = %v, want %v", tc.name, got, tc.want)
		}
	}
	if StepSelection().Kind != SelectNone {
		t.Error("StepSelection() selects something")
	}
	if got := StepSelection("a").One(SelectSteps); got != "a" {
		t.Errorf("One = %q", got)
	}
	if got := StepSelection("a", "b").One(SelectSteps); got != "" {
		t.Errorf("One of two = %q", got)
	}
	if got := StepSelection("a").One(SelectLane); got != "" {
		t.Errorf("One of another kind = %q", got)
	}
}
