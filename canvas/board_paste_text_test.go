package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// TestPastePlainText pastes two lines of ordinary text with a lane
// selected: no parser error, two cards in that lane, in new columns, as
// one undo step.
func TestPastePlainText(t *testing.T) {
	b := newTestBoard(t, blueprint.New("", blueprint.EnglishNames))
	var failed error
	b.OnError = func(err error) { failed = err }
	clip := test.NewClipboard()
	clip.SetContent("Guest arrives\nGuest checks in\n")
	b.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{"customer"}})
	b.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if failed != nil {
		t.Fatalf("paste failed: %v", failed)
	}
	d := b.store.Doc()
	var texts []string
	for _, s := range d.Steps {
		if s.Lane != "customer" {
			t.Errorf("card %q went to lane %s", s.Text, s.Lane)
		}
		texts = append(texts, s.Text)
	}
	if len(texts) != 2 || texts[0] != "Guest arrives" || texts[1] != "Guest checks in" {
		t.Fatalf("pasted %v", texts)
	}
	if d.Steps[0].Column == d.Steps[1].Column {
		t.Error("the two lines share a column")
	}
	if len(b.Selection().IDs) != 2 {
		t.Errorf("selection after paste %v", b.Selection())
	}
	b.store.Undo()
	if len(b.store.Doc().Steps) != 0 {
		t.Error("the paste is not one undo step")
	}
}
