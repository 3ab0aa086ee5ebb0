package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/internal/state"
)

// TestF6CyclesThePanes presses F6 from the board: the focus goes to the
// inspector's first field, then to the outline, then back to the board;
// Shift+F6 goes the other way. With a card selected the inspector's first
// field is the card's text, where typing edits the card.
func TestF6CyclesThePanes(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	c := e.win.Canvas()
	c.Focus(e.ui.board)
	want := []fyne.Focusable{e.ui.inspector.doc.title, e.ui.outline.list, e.ui.board}
	for i, w := range want {
		key(e, fyne.KeyF6)
		if c.Focused() != w {
			t.Fatalf("F6 #%d focused %T, want %T", i+1, c.Focused(), w)
		}
	}
	e.focusPane(true)
	if c.Focused() != fyne.Focusable(e.ui.outline.list) {
		t.Errorf("Shift+F6 from the board focused %T, want the outline", c.Focused())
	}

	e.SetSelection(state.StepSelection("ask"))
	c.Focus(e.ui.board)
	key(e, fyne.KeyF6)
	if c.Focused() != e.ui.inspector.step.text {
		t.Fatalf("F6 with a card selected focused %T, want its text field", c.Focused())
	}
}
