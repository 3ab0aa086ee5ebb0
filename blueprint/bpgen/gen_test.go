package bpgen

import (
	"testing"

	"servicebp/blueprint"
)

// TestStack checks that stacking keeps every step, groups the columns k at
// a time and gives a valid blueprint.
func TestStack(t *testing.T) {
	d := Generate(40) // 8 columns of 5 steps
	before, err := blueprint.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	s := Stack(d, 3)
	if len(s.Steps) != len(d.Steps) {
		t.Fatalf("%d steps, want %d", len(s.Steps), len(d.Steps))
	}
	if len(s.Columns) != 3 {
		t.Fatalf("%d columns, want 3", len(s.Columns))
	}
	perColumn := map[string]int{}
	for _, st := range s.Steps {
		perColumn[st.Column]++
	}
	if got := perColumn[s.Columns[0].ID]; got != 15 {
		t.Errorf("first column holds %d steps, want 15", got)
	}
	if got := perColumn[s.Columns[2].ID]; got != 10 {
		t.Errorf("last column holds %d steps, want 10", got)
	}
	if after, _ := blueprint.Marshal(d); string(after) != string(before) {
		t.Error("Stack changed its input")
	}
	data, err := blueprint.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := blueprint.Parse("stacked.yaml", data); err != nil {
		t.Errorf("stacked blueprint does not load: %v", err)
	}
}
