package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestCaptureTypedFastLosesNothing types Chinese into a selected empty
// cell through the window, as the desktop driver delivers it: each rune
// to whatever has the focus at that moment, with no pause after the first
// one opens the editor, as when an input method commits several
// characters at once. Every character lands in the card, in order, and
// so do those typed into the next card after Enter.
func TestCaptureTypedFastLosesNothing(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	click(b, cellPos(t, b, "backstage", "pay"), 0)
	c.Focus(b)
	typeKey := func(k fyne.KeyName) { c.Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	driverType(c, "店员推荐搭配")
	typeKey(fyne.KeyReturn)
	driverType(c, "收銀台結帳")
	typeKey(fyne.KeyReturn)
	typeKey(fyne.KeyEscape)
	d := b.store.Doc()
	for text, cell := range map[string]string{"店员推荐搭配": "backstage×pay", "收銀台結帳": "backstage×drink"} {
		if got := captureCell(d, text); got != cell {
			var texts []string
			for _, s := range d.Steps {
				texts = append(texts, s.Text)
			}
			t.Errorf("%q is in %q, want %q; cards: %q", text, got, cell, texts)
		}
	}
}

// TestBoardRuneWhileEditorOpens sends a rune to the board after its first
// rune opened the inline editor, as happens when the board still had the
// focus when an input method's commit was split into runes: the rune goes
// into the open card, not into a new one.
func TestBoardRuneWhileEditorOpens(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	click(b, cellPos(t, b, "support", "order"), 0)
	b.TypedRune('店')
	b.TypedRune('员')
	test.Type(b.edit, "推荐")
	if !b.Editing() || b.edit.Text != "店员推荐" {
		t.Fatalf("editor text %q (editing %v), want 店员推荐", b.edit.Text, b.Editing())
	}
	if n := len(b.store.Doc().Steps); n != len(boardDoc().Steps) {
		t.Errorf("a card was added before Enter: %d steps", n)
	}
}

// driverType delivers each rune of text as the desktop driver does: to
// the object focused when the rune arrives, or to the canvas.
func driverType(c fyne.Canvas, text string) {
	for _, r := range text {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		} else if h := c.OnTypedRune(); h != nil {
			h(r)
		}
	}
}
