package canvas

import (
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/internal/state"
)

// TestKeysRevealPastFrozenPanes: with the view scrolled right and down,
// the frozen lane headers and top band cover the drawing's left and top
// edges; moving the keyboard selection there scrolls until the selected
// cell or card is clear of them, rather than leaving it under the panes.
func TestKeysRevealPastFrozenPanes(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	fyne.CurrentApp().Driver().CanvasForObject(b).Content().Resize(fyne.NewSize(420, 300))
	b.Resize(fyne.NewSize(420, 300))
	covered := func(what string) {
		t.Helper()
		r, ok := b.selectionRect()
		if b.Selection().Kind == state.SelectSteps {
			r, ok = b.lay.CardRect(b.Selection().IDs[0])
		}
		if !ok {
			t.Fatalf("%s: nothing selected on the board (%v)", what, b.Selection())
		}
		pos, _ := b.screenRect(r)
		if b.frozenLanesShown() && pos.X < min(b.frozenLaneWidth(), b.size.Width/2) {
			t.Errorf("%s: %v starts at x=%v, under the frozen lane headers (%v wide)", what, b.Selection(), pos.X, b.frozenLaneWidth())
		}
		if b.frozenTopShown() && pos.Y < min(b.frozenTopHeight(), b.size.Height/2) {
			t.Errorf("%s: %v starts at y=%v, under the frozen top band (%v high)", what, b.Selection(), pos.Y, b.frozenTopHeight())
		}
	}
	scrolled := func() {
		b.setView(1, fyne.NewPos(-(b.lay.Columns[1].Rect.X-b.frozenLaneWidth()-20), -(b.lay.Lanes[1].Rect.Y-b.frozenTopHeight()-10)))
	}

	scrolled()
	b.SetSelection(state.Selection{Kind: state.SelectCell, IDs: []string{"frontstage", "pay"}})
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	covered("Left to the first column")
	scrolled()
	b.SetSelection(state.Selection{Kind: state.SelectCell, IDs: []string{"frontstage", "pay"}})
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	covered("Up to the first lane")
	scrolled()
	b.SetSelection(state.StepSelection("card"))
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	covered("Left to a card in the first column")
}
