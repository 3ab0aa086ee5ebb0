package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/golden"
	"servicebp/internal/state"
)

// TestRenameOffersTheID renames a new lane that has steps to "Partner
// taxi firm": its made-up id is offered for change, and changing it moves
// its steps along; an unused new column takes the id of its name at once.
func TestRenameOffersTheID(t *testing.T) {
	e := savedEditor(t)
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

// savedEditor is a new blueprint's editor once it has been saved, so
// that ids steps refer to are offered for change rather than changed.
func savedEditor(t *testing.T) *Editor {
	t.Helper()
	e := testEditor(t, "")
	if !e.writeFile(filepath.Join(t.TempDir(), "new.yaml")) || e.untitled() {
		t.Fatal("the new blueprint was not saved")
	}
	return e
}

// TestUntitledIDsFollow: in a blueprint never saved, nothing outside the
// editor knows its ids, so naming a lane or giving a column a phase
// changes the made-up ids the steps are in without asking, in the same
// undo step as the name.
func TestUntitledIDsFollow(t *testing.T) {
	e := testEditor(t, "")
	e.apply(blueprint.AddLane(blueprint.Lane{ID: "new-lane", Name: "New lane"}, -1))
	e.apply(blueprint.AddStep(blueprint.Step{ID: "taxi", Lane: "new-lane", Column: "column", Text: "Taxi arrives"}, -1))
	e.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{"new-lane"}})
	replaceText(e, e.ui.inspector.lane.name, "Partner taxi firm")
	key(e, "Return")
	if e.question != nil {
		t.Fatalf("asked %q in an untitled blueprint", e.question.message)
	}
	if s := e.Doc().Step("taxi"); e.Doc().Lane("partner-taxi-firm") == nil || s.Lane != "partner-taxi-firm" {
		t.Fatalf("lanes %v, step in %q", laneIDs(e.Doc()), s.Lane)
	}
	if e.Selection().One(state.SelectLane) != "partner-taxi-firm" {
		t.Errorf("selection %v after the id change", e.Selection())
	}

	e.SetSelection(state.Selection{Kind: state.SelectColumn, IDs: []string{"column"}})
	replaceText(e, e.ui.inspector.column.phase, "Arrival")
	key(e, "Return")
	if e.question != nil {
		t.Fatalf("asked %q in an untitled blueprint", e.question.message)
	}
	if c := e.Doc().Column("arrival"); c == nil || e.Doc().Step("taxi").Column != "arrival" {
		t.Fatalf("columns %v, step in %q", e.Doc().Columns, e.Doc().Step("taxi").Column)
	}
	if e.Selection().One(state.SelectColumn) != "arrival" {
		t.Errorf("selection %v after the id change", e.Selection())
	}
	e.undo()
	if c := e.Doc().Column("column"); c == nil || c.Phase != "" || e.Doc().Step("taxi").Column != "column" {
		t.Error("the phase and the id change are not one undo step")
	}
}

func laneIDs(d *blueprint.Document) []string {
	var ids []string
	for _, l := range d.Lanes {
		ids = append(ids, l.ID)
	}
	return ids
}

// TestPhaseGivesTheColumnItsID gives phases to columns whose ids the editor
// made up: an unused one takes the phase's id at once, in the same undo
// step; one a step is in is offered the change, and its step follows; an
// id the user chose never changes.
func TestPhaseGivesTheColumnItsID(t *testing.T) {
	e := savedEditor(t)
	e.apply(blueprint.InsertColumn(blueprint.Column{ID: "column-2"}, -1))
	e.apply(blueprint.InsertColumn(blueprint.Column{ID: "lobby"}, -1))
	e.apply(blueprint.AddStep(blueprint.Step{ID: "arrive", Lane: "customer", Column: "column", Text: "Arrive"}, -1))
	phase := func(id, text string) {
		t.Helper()
		e.SetSelection(state.Selection{Kind: state.SelectColumn, IDs: []string{id}})
		replaceText(e, e.ui.inspector.column.phase, text)
		key(e, "Return")
	}

	phase("column-2", "Arrival")
	if c := e.Doc().Column("arrival"); c == nil || c.Phase != "Arrival" || e.question != nil {
		t.Fatalf("columns %v, question %v", e.Doc().Columns, e.question)
	}
	if e.Selection().One(state.SelectColumn) != "arrival" {
		t.Errorf("selection %v after the id change", e.Selection())
	}
	e.undo()
	if c := e.Doc().Column("column-2"); c == nil || c.Phase != "" {
		t.Fatal("the phase and the id change are not one undo step")
	}
	e.redo()

	phase("column", "Arrival")
	if e.Doc().Column("column") == nil {
		t.Fatal("the id of a column with a step changed without asking")
	}
	if e.question == nil || e.question.button("Change to arrival-2") == nil {
		t.Fatal("the made-up id column is not offered for change")
	}
	answer(t, e, "Change to arrival-2")
	if s := e.Doc().Step("arrive"); s.Column != "arrival-2" {
		t.Errorf("the step stayed in %q", s.Column)
	}
	if e.Selection().One(state.SelectColumn) != "arrival-2" {
		t.Errorf("selection %v after the id change", e.Selection())
	}

	phase("lobby", "Stay")
	if c := e.Doc().Column("lobby"); c == nil || c.Phase != "Stay" || e.question != nil {
		t.Errorf("an id the user chose changed, or was offered: %v", e.Doc().Columns)
	}
}

// TestSetPhaseOffersTheColumnIDs: Column > Set phase on two columns with
// steps offers both made-up ids in one question and one undo step.
func TestSetPhaseOffersTheColumnIDs(t *testing.T) {
	e := savedEditor(t)
	e.apply(blueprint.InsertColumn(blueprint.Column{ID: "column-2"}, -1))
	e.apply(blueprint.AddStep(blueprint.Step{ID: "a", Lane: "customer", Column: "column", Text: "A"}, -1))
	e.apply(blueprint.AddStep(blueprint.Step{ID: "b", Lane: "customer", Column: "column-2", Text: "B"}, -1))
	e.applyPhase(state.PlanSetPhase(e.Doc(), e.untitled(), "入住", "column", "column-2"))
	if e.question == nil || e.question.button("Change the ids") == nil {
		t.Fatal("the made-up ids are not offered for change")
	}
	if !strings.Contains(e.question.message, "入住, 入住-2") {
		t.Errorf("question %q", e.question.message)
	}
	if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" {
		e.win.Resize(fyne.NewSize(1280, 800))
		golden.WritePNG(t, dir+"/offer-column-ids.png", e.win.Canvas().Capture())
	}
	answer(t, e, "Change the ids")
	d := e.Doc()
	if d.Step("a").Column != "入住" || d.Step("b").Column != "入住-2" {
		t.Errorf("steps in %q, %q", d.Step("a").Column, d.Step("b").Column)
	}
	e.undo()
	if e.Doc().Step("b").Column != "column-2" || e.Doc().Column("column").Phase != "入住" {
		t.Error("undo of the id change did not bring back both ids at once, or undid the phase")
	}
}

// TestBoardOffersTheLaneID: a lane renamed on the board (its header's
// inline editor) is offered its new id through the editor's question.
func TestBoardOffersTheLaneID(t *testing.T) {
	e := savedEditor(t)
	e.apply(blueprint.AddLane(blueprint.Lane{ID: "new-lane", Name: "New lane"}, -1))
	e.apply(blueprint.AddStep(blueprint.Step{Lane: "new-lane", Column: "column", Text: "Taxi arrives"}, -1))
	e.apply(blueprint.RenameLane("new-lane", "Partner taxi firm"))
	if e.ui.board.OnOfferIDs == nil {
		t.Fatal("the board has no way to offer an id")
	}
	e.ui.board.OnOfferIDs(state.SelectLane, []state.IDChange{{Old: "new-lane", New: "partner-taxi-firm"}})
	answer(t, e, "Change to partner-taxi-firm")
	if d := e.Doc(); d.Lane("partner-taxi-firm") == nil || d.Steps[0].Lane != "partner-taxi-firm" {
		t.Errorf("lanes %v, step in %q", laneIDs(d), d.Steps[0].Lane)
	}
}

// TestUntitledStepIDFollowsItsText fixes a slip in a new card's text, in
// the inspector and on the board: in a blueprint never saved the id made
// from the first text follows, with the flow to it and the selection; once
// the blueprint is saved, the id stays.
func TestUntitledStepIDFollowsItsText(t *testing.T) {
	e := testEditor(t, "")
	e.apply(blueprint.AddStep(blueprint.Step{ID: "顾店点咖啡", Lane: "customer", Column: "column", Text: "顾店点咖啡"}, -1))
	e.apply(blueprint.AddStep(blueprint.Step{ID: "收银", Lane: "frontstage", Column: "column", Text: "收银"}, -1))
	e.apply(blueprint.AddFlow(blueprint.Flow{From: "顾店点咖啡", To: "收银"}))
	e.SetSelection(state.StepSelection("顾店点咖啡"))
	replaceText(e, e.ui.inspector.step.text, "顾客进店点咖啡")
	key(e, "Return")
	d := e.Doc()
	if d.Step("顾客进店点咖啡") == nil || d.Flows[0].From != "顾客进店点咖啡" {
		t.Fatalf("steps %v, flows %v: the id did not follow the text", d.Steps, d.Flows)
	}
	if !e.Selection().Equal(state.StepSelection("顾客进店点咖啡")) {
		t.Errorf("selection %v after the id change", e.Selection())
	}

	e.ui.board.SetSelection(state.StepSelection("收银"))
	e.ui.board.EditSelection()
	ed, ok := e.win.Canvas().Focused().(interface{ SetText(string) })
	if !ok {
		t.Fatalf("editing the card focused %T", e.win.Canvas().Focused())
	}
	ed.SetText("店员收银")
	key(e, "Return")
	if e.Doc().Step("店员收银") == nil || e.Doc().Flows[0].To != "店员收银" {
		t.Errorf("steps %v: the board's edit kept the old id", e.Doc().Steps)
	}

	if !e.writeFile(filepath.Join(t.TempDir(), "cafe.yaml")) {
		t.Fatal("not saved")
	}
	e.SetSelection(state.StepSelection("店员收银"))
	replaceText(e, e.ui.inspector.step.text, "店员收款")
	key(e, "Return")
	if s := e.Doc().Step("店员收银"); s == nil || s.Text != "店员收款" {
		t.Errorf("steps %v: a saved blueprint's step id changed", e.Doc().Steps)
	}
}
