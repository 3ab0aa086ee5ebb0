package gui

import (
	"testing"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// TestRenameOffersTheID renames a new lane that has steps to "Partner
// taxi firm": its made-up id is offered for change, and changing it moves
// its steps along; an unused new column takes the id of its name at once.
func TestRenameOffersTheID(t *testing.T) {
	e := testEditor(t, "")
	e.apply(blueprint.AddLane(blueprint.Lane{ID: "new-lane", Name: "New lane"}, -1))
	e.apply(blueprint.AddStep(blueprint.Step{Lane: "new-lane", Column: "column", Text: "Taxi arrives"}, -1))
	lane := state.Selection{Kind: state.SelectLane, IDs: []string{"new-lane"}}
	e.SetSelection(lane)
	replaceText(e, e.ui.inspector.lane.name, "Partner taxi firm")
	key(e, "Return")
	if e.Doc().Lane("new-lane") == nil || e.Doc().Lane("new-lane").Name != "Partner taxi firm" {
		t.Fatal("the lane was not renamed, or its referenced id changed without asking")
	}
	if e.question == nil || e.question.button("Change to partner-taxi-firm") == nil {
		t.Fatal("the made-up id new-lane is not offered for change")
	}
	answer(t, e, "Change to partner-taxi-firm")
	d := e.Doc()
	if d.Lane("partner-taxi-firm") == nil || d.Steps[0].Lane != "partner-taxi-firm" {
		t.Errorf("lane ids %v, step lane %q", laneIDs(d), d.Steps[0].Lane)
	}
	if e.Selection().One(state.SelectLane) != "partner-taxi-firm" {
		t.Errorf("selection %v after the id change", e.Selection())
	}

	// A column nothing refers to takes the id of its name in the rename.
	e.apply(blueprint.InsertColumn(blueprint.Column{ID: "column-2"}, -1))
	e.SetSelection(state.Selection{Kind: state.SelectColumn, IDs: []string{"column-2"}})
	replaceText(e, e.ui.inspector.column.name, "Check in")
	key(e, "Return")
	if c := e.Doc().Column("check-in"); c == nil || c.Name != "Check in" {
		t.Fatalf("columns %v", e.Doc().Columns)
	}
	if e.Selection().One(state.SelectColumn) != "check-in" {
		t.Errorf("selection %v", e.Selection())
	}
	e.undo()
	if e.Doc().Column("column-2") == nil || e.Doc().Column("column-2").Name != "" {
		t.Error("the rename and the id change are not one undo step")
	}
}

func laneIDs(d *blueprint.Document) []string {
	var ids []string
	for _, l := range d.Lanes {
		ids = append(ids, l.ID)
	}
	return ids
}
