package blueprint

import "testing"

// TestRenameLaneAndColumnID changes made-up ids, and the references
// follow; a taken or bad id is refused.
func TestRenameLaneAndColumnID(t *testing.T) {
	d := New("", EnglishNames)
	h := NewHistory(d)
	for _, c := range []Command{
		AddLane(Lane{ID: "new-lane", Name: "Taxi"}, -1),
		AddStep(Step{ID: "ride", Lane: "new-lane", Column: "column", Text: "Ride"}, -1),
		RenameLaneID("new-lane", "taxi"),
		RenameColumnID("column", "arrival"),
	} {
		if err := h.Apply(c); err != nil {
			t.Fatalf("%s: %v", c.Label(), err)
		}
	}
	s := h.Doc().Step("ride")
	if s.Lane != "taxi" || s.Column != "arrival" {
		t.Errorf("step in %s × %s", s.Lane, s.Column)
	}
	if err := h.Apply(RenameLaneID("taxi", "customer")); err == nil {
		t.Error("a lane took the id of another")
	}
	if err := h.Apply(RenameColumnID("arrival", "Bad Id")); err == nil {
		t.Error("a bad id was accepted")
	}
	for id, want := range map[string]bool{"column": true, "column-12": true, "new-lane-2": true, "customer": false, "columns": false} {
		if IsGeneratedID(id) != want {
			t.Errorf("IsGeneratedID(%q) = %v", id, !want)
		}
	}
}
