package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

func TestUndoRedoWhileEntryFocused(t *testing.T) {
	e, f := editAskText(t)

	// A committed edit, then typing that is not committed yet.
	replaceText(e, f, "First")
	key(e, fyne.KeyReturn)
	typeInto(e, f, "!!")
	if f.Text != "First!!" {
		t.Fatalf("field = %q", f.Text)
	}

	// Ctrl+Z undoes the typing first, in the field as the field's own
	// undo does, without touching the model.
	press(e, &fyne.ShortcutUndo{})
	if f.Text != "First!" {
		t.Errorf("Ctrl+Z with uncommitted typing: field = %q, want First!", f.Text)
	}
	press(e, &fyne.ShortcutUndo{})
	if f.Text != "First" {
		t.Errorf("Ctrl+Z with uncommitted typing: field = %q, want First", f.Text)
	}
	if got := e.Doc().Step("ask").Text; got != "First" {
		t.Errorf("model text = %q, want First", got)
	}
	// Once the typing is gone, Ctrl+Z undoes the committed edit.
	press(e, &fyne.ShortcutUndo{})
	if got := e.Doc().Step("ask").Text; got != "Order a flat white" {
		t.Errorf("second Ctrl+Z: model text = %q", got)
	}
	if f.Text != "Order a flat white" {
		t.Errorf("field = %q after undo, want the model's text", f.Text)
	}
	// Ctrl+Shift+Z (a menu shortcut) and Ctrl+Y (through the focused
	// field) both redo the model.
	press(e, ctrlKey(fyne.KeyZ, true))
	if got := e.Doc().Step("ask").Text; got != "First" {
		t.Errorf("Ctrl+Shift+Z: model text = %q, want First", got)
	}
	press(e, &fyne.ShortcutUndo{})
	press(e, &fyne.ShortcutRedo{})
	if got := e.Doc().Step("ask").Text; got != "First" {
		t.Errorf("Ctrl+Y in a field: model text = %q, want First", got)
	}
}

func TestUndoRedoShortcutsUnfocused(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.apply(blueprint.SetTitle("One"))
	e.apply(blueprint.SetTitle("Two"))
	for _, tc := range []struct {
		name string
		sc   fyne.Shortcut
		want string
	}{
		{"Ctrl+Z", &fyne.ShortcutUndo{}, "One"},
		{"Ctrl+Z again", &fyne.ShortcutUndo{}, "Coffee to go"},
		{"Ctrl+Shift+Z", ctrlKey(fyne.KeyZ, true), "One"},
		{"Ctrl+Y", &fyne.ShortcutRedo{}, "Two"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			press(e, tc.sc)
			if got := e.Doc().Title; got != tc.want {
				t.Errorf("title = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestClipboardShortcutsReachFocusedEntry(t *testing.T) {
	e, f := editAskText(t)
	e.win.Canvas().Focus(f)
	press(e, &fyne.ShortcutSelectAll{})
	press(e, &fyne.ShortcutCopy{Clipboard: e.app.Clipboard()})
	if got := e.app.Clipboard().Content(); got != "Order a flat white" {
		t.Errorf("Ctrl+A, Ctrl+C in the text field copied %q", got)
	}
	if e.Selection().Kind != state.SelectSteps {
		t.Errorf("Ctrl+A in a field changed the board selection to %v", e.Selection())
	}
}

func TestTextShortcutsStayInFields(t *testing.T) {
	e, f := editAskText(t)
	e.win.Canvas().Focus(f)
	f.CursorColumn = len(f.Text)
	press(e, ctrlKey(fyne.KeyLeft, true))
	if len(e.Doc().Columns) != 3 {
		t.Errorf("Ctrl+Shift+← in a text field inserted a column")
	}
	if f.SelectedText() != "white" {
		t.Errorf("Ctrl+Shift+← selected %q, want the last word", f.SelectedText())
	}
	e.win.Canvas().Unfocus()
	press(e, ctrlKey(fyne.KeyLeft, true))
	if len(e.Doc().Columns) != 4 {
		t.Errorf("Ctrl+Shift+← on the board did not insert a column")
	}
}
