package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// TestDeletingALaneSaysWhatWent deletes a lane and a column, from Edit >
// Delete and with the board's Delete key: the status bar names what went
// and how to bring it back, and Ctrl+Z does.
func TestDeletingALaneSaysWhatWent(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	steps := len(e.Doc().Steps)
	e.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{"customer"}})
	e.action("delete").Run()
	if want := "Deleted lane Customer actions and 3 steps — Ctrl+Z to undo"; e.ui.notice.Text != want {
		t.Errorf("notice %q, want %q", e.ui.notice.Text, want)
	}
	e.undo()
	if len(e.Doc().Steps) != steps {
		t.Fatalf("undo brought back %d of %d steps", len(e.Doc().Steps), steps)
	}
	// The notice no longer says Ctrl+Z once it was pressed: it says what
	// came back, and what a redo would take away again.
	if n := e.ui.notice.Text; !strings.HasPrefix(n, "Undone: Delete") {
		t.Errorf("after undo the notice says %q", n)
	}
	e.redo()
	if n := e.ui.notice.Text; !strings.HasPrefix(n, "Redone: Delete") || e.Doc().Lane("customer") != nil {
		t.Errorf("after redo the notice says %q", n)
	}
	e.undo()
	e.SetSelection(state.Selection{Kind: state.SelectColumn, IDs: []string{"order"}})
	e.action("delete").Run()
	if want := "Deleted column Order and 2 steps — Ctrl+Z to undo"; e.ui.notice.Text != want {
		t.Errorf("notice %q, want %q", e.ui.notice.Text, want)
	}
	e.undo()
	e.ui.notice.SetText("")
	// The board's Delete key goes the same way.
	e.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{"evidence"}})
	e.win.Canvas().Focus(e.ui.board)
	e.ui.board.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if !strings.HasPrefix(e.ui.notice.Text, "Deleted lane Physical evidence — ") {
		t.Errorf("notice %q after deleting the empty lane", e.ui.notice.Text)
	}
}

// TestDeleteInTheOutline selects a column of a new blueprint in the
// outline and presses Delete there: the column goes.
func TestDeleteInTheOutline(t *testing.T) {
	e := testEditor(t, "")
	e.apply(blueprint.InsertColumn(blueprint.Column{ID: "second"}, 1))
	o := e.ui.outline
	for i, r := range o.rows {
		if r.sel.One(state.SelectColumn) == "second" {
			o.list.Select(i)
		}
	}
	if e.Selection().One(state.SelectColumn) != "second" {
		t.Fatalf("selection = %v", e.Selection())
	}
	e.win.Canvas().Focus(o.list)
	o.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if e.Doc().Column("second") != nil {
		t.Error("Delete in the outline left the selected column")
	}
}
