package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/canvas"
)

func TestBoardSelectionDrivesInspector(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b, ok := e.ui.board.(*canvas.Board)
	if !ok {
		t.Fatalf("the centre holds %T, not the board", e.ui.board)
	}
	b.OnSelected(canvas.Selection{Kind: canvas.SelectSteps, IDs: []string{"enjoy"}})
	if e.Selection().One(canvas.SelectSteps) != "enjoy" || e.ui.inspector.step.text.Text != "Enjoy the coffee" {
		t.Errorf("selection %v, inspector text %q", e.Selection(), e.ui.inspector.step.text.Text)
	}
	// The editor's selection reaches the board.
	e.SetSelection(canvas.StepSelection("ask"))
	if !b.Selection().Has("ask") {
		t.Errorf("board selection = %v, want ask", b.Selection())
	}
	// A selected empty cell is where Insert > Step adds the step.
	b.OnSelected(canvas.Selection{Kind: canvas.SelectCell, IDs: []string{"backstage", "pay"}})
	e.insertStep()
	id := e.Selection().One(canvas.SelectSteps)
	if s := e.Doc().Step(id); s == nil || s.Lane != "backstage" || s.Column != "pay" {
		t.Errorf("Insert > Step after selecting backstage × pay made %+v", s)
	}
}

func TestUndoWithBoardFocused(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b := e.ui.board.(*canvas.Board)
	e.apply(blueprint.SetTitle("Edited"))
	e.win.Canvas().Focus(b)
	press(e, &fyne.ShortcutUndo{})
	if e.Doc().Title != "Coffee to go" {
		t.Errorf("Ctrl+Z with the board focused: title %q", e.Doc().Title)
	}
	press(e, ctrlKey(fyne.KeyZ, true))
	if e.Doc().Title != "Edited" {
		t.Errorf("Ctrl+Shift+Z with the board focused: title %q", e.Doc().Title)
	}
}
