package blueprint

import (
	"slices"
	"testing"
)

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

// TestColumnIDFromPhase: a new column without a name takes its id from
// its phase, and the second column of a phase gets the next free id.
func TestColumnIDFromPhase(t *testing.T) {
	d := New("", EnglishNames)
	h := NewHistory(d)
	for _, c := range []Command{
		InsertColumn(Column{Phase: "Arrival"}, -1),
		InsertColumn(Column{Phase: "Arrival"}, -1),
		InsertColumn(Column{Name: "Check in", Phase: "Arrival"}, -1),
		InsertColumn(Column{Phase: "入住"}, -1),
		InsertColumn(Column{Phase: "!!"}, -1),
	} {
		if err := h.Apply(c); err != nil {
			t.Fatalf("%s: %v", c.Label(), err)
		}
	}
	var ids []string
	for _, c := range h.Doc().Columns {
		ids = append(ids, c.ID)
	}
	want := []string{"column", "arrival", "arrival-2", "check-in", "入住", "column-2"}
	if !slices.Equal(ids, want) {
		t.Errorf("column ids %v, want %v", ids, want)
	}
	for _, tc := range []struct {
		c    Column
		want string
	}{
		{Column{Name: "Check in", Phase: "Arrival"}, "Check in"},
		{Column{Phase: "Arrival"}, "Arrival"},
		{Column{Name: "--", Phase: "Arrival"}, "Arrival"},
		{Column{}, ""},
	} {
		if got := ColumnIDText(tc.c); got != tc.want {
			t.Errorf("ColumnIDText(%+v) = %q, want %q", tc.c, got, tc.want)
		}
	}
}

// TestRenameColumnIDsMovesEveryReference: the steps in the columns and the
// merge conflicts about them follow the new ids, in one undo step.
func TestRenameColumnIDsMovesEveryReference(t *testing.T) {
	d := New("", EnglishNames)
	d.Conflicts = []Conflict{
		{Element: "column", ID: "column", Field: "name", Ours: "A", Theirs: "B"},
		{Element: "step", ID: "ride", Field: "column", Base: "column-2", Ours: "column", Theirs: "column-2"},
		{Element: "step", ID: "ride", Field: "text", Ours: "column", Theirs: "x"},
	}
	h := NewHistory(d)
	for _, c := range []Command{
		InsertColumn(Column{ID: "column-2"}, -1),
		AddStep(Step{ID: "ride", Lane: "customer", Column: "column", Text: "Ride"}, -1),
		AddStep(Step{ID: "pay", Lane: "customer", Column: "column-2", Text: "Pay"}, -1),
		RenameColumnIDs([][2]string{{"column", "arrival"}, {"column-2", "arrival-2"}}),
	} {
		if err := h.Apply(c); err != nil {
			t.Fatalf("%s: %v", c.Label(), err)
		}
	}
	got := h.Doc()
	if got.Step("ride").Column != "arrival" || got.Step("pay").Column != "arrival-2" {
		t.Errorf("steps in %q and %q", got.Step("ride").Column, got.Step("pay").Column)
	}
	k := got.Conflicts
	if k[0].ID != "arrival" || k[1].Base != "arrival-2" || k[1].Ours != "arrival" || k[1].Theirs != "arrival-2" {
		t.Errorf("conflicts not moved: %+v", k[:2])
	}
	if k[2].Ours != "column" {
		t.Errorf("a text that happens to equal the old id changed: %+v", k[2])
	}
	if h.UndoLabel() != "Change column ids" {
		t.Errorf("undo label %q", h.UndoLabel())
	}
	h.Undo()
	if h.Doc().Step("ride").Column != "column" || h.Doc().Column("column-2") == nil {
		t.Error("undo did not bring both ids back")
	}
}
