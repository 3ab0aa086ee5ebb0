package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

func TestBoardSelectionDrivesInspector(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b := e.ui.board
	b.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: []string{"enjoy"}})
	if e.Selection().One(state.SelectSteps) != "enjoy" || e.ui.inspector.step.text.Text != "Enjoy the coffee" {
		t.Errorf("selection %v, inspector text %q", e.Selection(), e.ui.inspector.step.text.Text)
	}
	// The editor's selection reaches the board.
	e.SetSelection(state.StepSelection("ask"))
	if !b.Selection().Has("ask") {
		t.Errorf("board selection = %v, want ask", b.Selection())
	}
	// A selected empty cell is where Insert > Step adds the step.
	b.SetSelection(state.Selection{Kind: state.SelectCell, IDs: []string{"backstage", "pay"}})
	e.insertStep()
	id := e.Selection().One(state.SelectSteps)
	if s := e.Doc().Step(id); s == nil || s.Lane != "backstage" || s.Column != "pay" {
		t.Errorf("Insert > Step after selecting backstage × pay made %+v", s)
	}
}

func TestUndoWithBoardFocused(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b := e.ui.board
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
