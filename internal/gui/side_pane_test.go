package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"servicebp/internal/state"
)

// TestSidePanelHoldsStill selects nothing, a cell and a step in turn at
// 1280×800: the inspector keeps its place and width, so the divider
// between the board and the side panel does not jump, and its fields end
// left of where the scrollbar is drawn.
func TestSidePanelHoldsStill(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.win.Resize(fyne.NewSize(1280, 800))
	d := fyne.CurrentApp().Driver()
	type place struct{ x, w float32 }
	at := func() place {
		c := e.ui.inspector.content
		return place{d.AbsolutePositionForObject(c).X, c.Size().Width}
	}
	var first place
	for i, sel := range []state.Selection{
		{},
		{Kind: state.SelectCell, IDs: []string{"evidence", "order"}},
		state.StepSelection("ask"),
		{Kind: state.SelectFlow, IDs: []string{"ask", "take-order"}},
	} {
		e.SetSelection(sel)
		p := at()
		if i == 0 {
			first = p
		} else if p != first {
			t.Errorf("selection %v puts the inspector at x=%v width %v, want x=%v width %v as with nothing selected", sel, p.x, p.w, first.x, first.w)
		}
		if right := p.x + p.w; right > e.win.Canvas().Size().Width-theme.ScrollBarSize() {
			t.Errorf("selection %v: the inspector reaches x=%v, under the scrollbar at %v", sel, right, e.win.Canvas().Size().Width-theme.ScrollBarSize())
		}
	}
}
