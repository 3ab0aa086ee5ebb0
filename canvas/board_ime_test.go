package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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

// imeKeys delivers key presses as the desktop driver does under X11
// with an input method: KeyDown, TypedKey and KeyUp to the focused
// object, and no character for a key the input method keeps.
func imeKeys(c fyne.Canvas, names ...fyne.KeyName) {
	for _, n := range names {
		ev := &fyne.KeyEvent{Name: n}
		f := c.Focused()
		if k, ok := f.(desktop.Keyable); ok {
			k.KeyDown(ev)
		}
		f.TypedKey(ev)
		if k, ok := f.(desktop.Keyable); ok {
			k.KeyUp(ev)
		}
	}
}

// TestInputMethodKeysStayInTheCard types pinyin into a card being
// captured as an input method does: the letter keys reach the card
// without characters, then the Backspace that takes a letter off the
// pinyin and the Esc that abandons it; a candidate picked with Space
// commits its character. None of the input method's keys touches the
// card's text or closes it; once nothing is composed, Backspace and Enter
// work on the card again. A card selected on the board is not deleted by
// a Backspace that fixes pinyin typed there.
func TestInputMethodKeysStayInTheCard(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	click(b, cellPos(t, b, "backstage", "pay"), 0)
	c.Focus(b)
	driverType(c, "店员")
	if !b.Editing() || c.Focused() != b.edit {
		t.Fatal("typing into the cell opened no card editor")
	}
	imeKeys(c, fyne.KeyT, fyne.KeyU, fyne.KeyI, fyne.KeyBackspace, fyne.KeyBackspace)
	if b.edit.Text != "店员" {
		t.Errorf("Backspace fixing the pinyin changed the card to %q", b.edit.Text)
	}
	imeKeys(c, fyne.KeyEscape)
	if !b.Editing() || b.edit.Text != "店员" {
		t.Fatalf("Esc abandoning the pinyin closed the card (editing %v, %q)", b.Editing(), b.edit.Text)
	}
	imeKeys(c, fyne.KeyT, fyne.KeyU, fyne.KeyI, fyne.KeySpace)
	driverType(c, "推")
	imeKeys(c, fyne.KeyJ, fyne.KeyI, fyne.KeyA, fyne.KeyReturn)
	if !b.Editing() {
		t.Fatal("Enter picking the pinyin's letters committed the card")
	}
	driverType(c, "jia")
	if b.edit.Text != "店员推jia" {
		t.Errorf("card text %q, want 店员推jia", b.edit.Text)
	}
	// Nothing composed: Backspace deletes and Enter adds the card.
	imeKeys(c, fyne.KeyBackspace, fyne.KeyBackspace, fyne.KeyBackspace)
	if b.edit.Text != "店员推" {
		t.Errorf("Backspace with nothing composed left %q, want 店员推", b.edit.Text)
	}
	imeKeys(c, fyne.KeyReturn, fyne.KeyEscape)
	if got := captureCell(b.store.Doc(), "店员推"); got != "backstage×pay" {
		t.Fatalf("the card is in %q", got)
	}

	// Pinyin typed with a card selected: its Backspace is the input
	// method's, not Delete the selection.
	click(b, cardPos(t, b, "card"), 0)
	c.Focus(b)
	imeKeys(c, fyne.KeyN, fyne.KeyI, fyne.KeyBackspace)
	if b.store.Doc().Step("card") == nil {
		t.Fatal("Backspace fixing pinyin deleted the selected card")
	}
	// Without an input method each letter brings its character, and
	// Backspace deletes the selection as before.
	imeKeys(c, fyne.KeyEscape)
	click(b, cardPos(t, b, "card"), 0)
	c.Focus(b)
	imeKeys(c, fyne.KeyBackspace)
	if b.store.Doc().Step("card") != nil {
		t.Error("Backspace no longer deletes the selected card")
	}
}

// TestIMEGuardPlainTyping: letters followed by their characters, and
// letters typed with Ctrl, leave every key to the widget.
func TestIMEGuardPlainTyping(t *testing.T) {
	var g IMEGuard
	for _, k := range []fyne.KeyName{fyne.KeyA, fyne.KeyB} {
		if g.Keep(k) {
			t.Fatalf("the guard kept the letter %s", k)
		}
		g.Rune()
	}
	if g.Keep(fyne.KeyBackspace) || g.Keep(fyne.KeyEscape) {
		t.Error("the guard kept a key after plain typing")
	}
	g.KeyDown(desktop.KeyControlLeft)
	g.Keep(fyne.KeyB) // Ctrl+B makes no character
	g.KeyUp(desktop.KeyControlLeft)
	if g.Composing() || g.Keep(fyne.KeyBackspace) {
		t.Error("a letter typed with Ctrl counted as composition")
	}
	g.Keep(fyne.KeyX)
	g.Reset()
	if g.Keep(fyne.KeyReturn) {
		t.Error("the guard kept Enter after the focus moved")
	}
}
