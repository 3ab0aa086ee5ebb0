package canvas

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/internal/state"
)

// overlayTexts are the texts drawn in c's top overlay, and the pop-up
// menu's place in it.
func overlayTexts(c fyne.Canvas) ([]string, fyne.Position, fyne.Size, bool) {
	top := c.Overlays().Top()
	if top == nil {
		return nil, fyne.Position{}, fyne.Size{}, false
	}
	var out []string
	var pos fyne.Position
	var size fyne.Size
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if m, ok := o.(*widget.PopUpMenu); ok && !found {
			pos, size, found = m.Position(), m.Size(), true
		}
		switch o := o.(type) {
		case *fcanvas.Text:
			out = append(out, o.Text)
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return out, pos, size, found
}

// TestShiftF10OpensTheSelectionMenu selects a card, a cell, a flow and a
// column with nothing but the board and presses Shift+F10: each time the
// menu a right-click would open appears, next to what is selected, and
// Esc closes it.
func TestShiftF10OpensTheSelectionMenu(t *testing.T) {
	for _, tc := range []struct {
		name string
		sel  state.Selection
		item string
	}{
		{"card", state.StepSelection("take"), "Add flow from here…"},
		{"cell", state.Selection{Kind: state.SelectCell, IDs: []string{"support", "pay"}}, "Add step here"},
		{"flow", state.Selection{Kind: state.SelectFlow, IDs: []string{"ask", "take"}}, "Reverse"},
		{"column", state.Selection{Kind: state.SelectColumn, IDs: []string{"pay"}}, "Insert column after"},
		{"lane", state.Selection{Kind: state.SelectLane, IDs: []string{"backstage"}}, "Add lane below"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTestBoard(t, boardDoc())
			c := fyne.CurrentApp().Driver().CanvasForObject(b)
			c.Focus(b)
			b.store.Select(tc.sel)
			b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF10})
			b.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			texts, pos, size, ok := overlayTexts(c)
			if !ok {
				t.Fatal("Shift+F10 opened no menu")
			}
			if !slices.Contains(texts, tc.item) {
				t.Errorf("the menu has %q, want %q in it", texts, tc.item)
			}
			// The menu opens at the selection's lower left corner, or as
			// near it as the window lets it.
			_, r, _ := b.selectionHit()
			p, s := b.screenRect(r)
			below := pos.Y >= p.Y+s.Height-theme.Padding()-1 && pos.Y <= p.Y+s.Height+1
			fitted := pos.Y+size.Height >= c.Size().Height-theme.Padding()-1 && pos.Y < p.Y+s.Height
			if !below && !fitted || pos.X < p.X-theme.Padding()-1 || pos.X > p.X+1 {
				t.Errorf("the menu opens at %v (size %v), want it at the selection's lower left corner (%v, %v)", pos, size, p.X, p.Y+s.Height)
			}
		})
	}
}

// TestCardMenuManagesItsColumnAndLane: the menu of a card has its
// column's and lane's menus, so that a full column can be renamed from
// the keyboard (Shift+F10 on one of its cards).
func TestCardMenuManagesItsColumnAndLane(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	m := b.contextMenu(hit{kind: hitCard, step: "take"})
	var col, lane *fyne.Menu
	for _, it := range m.Items {
		switch it.Label {
		case "Column":
			col = it.ChildMenu
		case "Lane":
			lane = it.ChildMenu
		}
	}
	if col == nil || lane == nil {
		t.Fatalf("the card menu has no Column or Lane submenu")
	}
	for _, it := range col.Items {
		if it.Label == "Rename column" {
			it.Action()
		}
	}
	if b.editing == nil || b.editing.kind != editColumnName || b.editing.id != "order" {
		t.Errorf("Column > Rename column edits %+v, want the card's column order", b.editing)
	}
	if lane.Items[0].Label != "Rename lane" {
		t.Errorf("lane menu starts with %q", lane.Items[0].Label)
	}
}
