package canvas

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint/layout"
)

// editorWorld is the world rectangle the inline editor covers on screen.
func editorWorld(b *Board) layout.Rect {
	p, s := b.editBox.Position(), b.editBox.Size()
	tl := b.toWorld(p)
	return layout.Rect{X: tl.X, Y: tl.Y, W: s.Width / b.zoom, H: s.Height / b.zoom}
}

// TestCaptureTabEditorWhereCardGoes types a card in Physical evidence and
// presses Tab: the editor for the next card opens in Customer actions,
// below the card already there and inside that lane, and the card typed
// in it lands exactly where the editor was drawn. Tab means one thing:
// add this card and go to the lane below, in the same column.
func TestCaptureTabEditorWhereCardGoes(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	click(b, cellPos(t, b, "evidence", "order"), 0)
	b.TypedRune('E')
	test.Type(b.edit, "vidence")
	captureKeys(b, fyne.KeyTab)
	if !b.Capturing() || b.editing.lane != "customer" || b.editing.column != "order" {
		t.Fatalf("after Tab the capture is not in customer × order")
	}
	test.Type(b.edit, "Where am I")
	ed := editorWorld(b)
	lane := b.laneBand("customer").Rect
	if ed.Y < lane.Y || ed.Bottom() > lane.Bottom()+0.5 {
		t.Errorf("editor %v is drawn outside the Customer lane %v", ed, lane)
	}
	ask, _ := b.lay.CardRect("ask")
	if ed.Y < ask.Bottom() {
		t.Errorf("editor %v covers the card above it %v", ed, ask)
	}
	saveCapture(t, b, "capture_tab.png")
	// Committed, the card stands where its editor was.
	captureKeys(b, fyne.KeyReturn)
	var id string
	for _, s := range b.Store().Doc().Steps {
		if s.Text == "Where am I" {
			id = s.ID
		}
	}
	r, ok := b.lay.CardRect(id)
	if !ok || abs(r.X-ed.X) > 0.5 || abs(r.Y-ed.Y) > 0.5 || abs(r.W-ed.W) > 0.5 {
		t.Errorf("card at %v, its editor was at %v", r, ed)
	}
}

// TestEditorOverCardGrowsDown edits a card: the editor covers the card at
// its size, and as lines are typed it grows downward, its top fixed.
func TestEditorOverCardGrowsDown(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	for _, zoom := range []float32{1, 0.5} {
		b.setView(zoom, fyne.NewPos(0, 0))
		b.DoubleTapped(&fyne.PointEvent{Position: cardPos(t, b, "card")})
		card, _ := b.lay.CardRect("card")
		ed := editorWorld(b)
		if abs(ed.X-card.X) > 0.5 || abs(ed.Y-card.Y) > 0.5 || abs(ed.W-card.W) > 0.5 {
			t.Errorf("zoom %v: editor %v, card %v", zoom, ed, card)
		}
		top, h := ed.Y, ed.H
		test.Type(b.edit, " and then a long second thought that wraps over several lines of the card")
		ed = editorWorld(b)
		if abs(ed.Y-top) > 0.5 || ed.H <= h {
			t.Errorf("zoom %v: editor went from y %v h %v to y %v h %v; want the same top, taller", zoom, top, h, ed.Y, ed.H)
		}
		if zoom == 1 {
			saveCapture(t, b, "editor_grows.png")
		}
		captureKeys(b, fyne.KeyEscape)
	}
}

// saveCapture writes the board's window to servicebp-board/name in the
// system's temporary folder, to be looked at.
func saveCapture(t *testing.T, b *Board, name string) {
	t.Helper()
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		t.Fatal("the board is in no window")
	}
	dir := filepath.Join(os.TempDir(), "servicebp-board")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, c.Capture()); err != nil {
		t.Fatal(err)
	}
}
