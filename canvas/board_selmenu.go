package canvas

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// ShowSelectionMenu opens, from the keyboard (Shift+F10), the context
// menu a right-click on the selection opens: the card's, the flow's, the
// cell's (with its column and lane items), the lane's, the column's or
// the line's, or the board's with nothing selected. It opens at the
// selection's lower left corner, inside the board, and the arrow keys and
// Enter work it as any menu.
func (b *Board) ShowSelectionMenu() {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil || b.lay == nil {
		return
	}
	h, r, ok := b.selectionHit()
	m := b.contextMenu(h)
	if m == nil {
		return
	}
	pos := fyne.NewPos(b.size.Width/2, b.size.Height/3)
	if ok {
		p, s := b.screenRect(r)
		pos = fyne.NewPos(p.X, p.Y+s.Height)
	}
	pos.X = min(max(pos.X, 0), b.size.Width)
	pos.Y = min(max(pos.Y, 0), b.size.Height)
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(pos)
	widget.ShowPopUpMenuAtPosition(m, c, abs)
}

// selectionHit is the selection as the hit a click on it would be, with
// the world rectangle it is drawn in, when it is drawn.
func (b *Board) selectionHit() (hit, layout.Rect, bool) {
	sel := b.selection()
	l := b.lay
	if len(sel.IDs) == 0 {
		return hit{}, layout.Rect{}, false
	}
	last := sel.IDs[len(sel.IDs)-1]
	switch sel.Kind {
	case state.SelectSteps:
		r, ok := l.CardRect(last)
		return hit{kind: hitCard, step: last}, r, ok
	case state.SelectFlow:
		k := layout.FlowKey{From: sel.IDs[0], To: sel.IDs[1]}
		h := hit{kind: hitFlow, flow: k}
		if rt := l.Route(k); rt != nil && rt.Label != nil {
			return h, rt.Label.Rect(), true
		} else if rt != nil && len(rt.Points) > 1 {
			p := longestMid(rt.Points)
			return h, layout.Rect{X: p.X, Y: p.Y}, true
		}
		return h, layout.Rect{}, false
	case state.SelectCell:
		h := hit{kind: hitCell, lane: sel.IDs[0], column: sel.IDs[1]}
		lb, cb := b.laneBand(sel.IDs[0]), b.columnBox(sel.IDs[1])
		if lb == nil || cb == nil {
			return h, layout.Rect{}, false
		}
		return h, layout.Rect{X: cb.Rect.X, Y: lb.Rect.Y, W: cb.Rect.W, H: lb.Rect.H}, true
	case state.SelectLane:
		h := hit{kind: hitLane, lane: last}
		if lb := b.laneBand(last); lb != nil {
			return h, lb.Header, true
		}
		return h, layout.Rect{}, false
	case state.SelectColumn:
		h := hit{kind: hitColumn, column: last}
		if cb := b.columnBox(last); cb != nil {
			return h, cb.Rect, true
		}
		return h, layout.Rect{}, false
	case state.SelectLine:
		h := hit{kind: hitLine, line: last}
		for _, m := range l.Lines {
			if m.ID == last {
				return h, m.Label.Rect(), true
			}
		}
		return h, layout.Rect{}, false
	}
	return hit{}, layout.Rect{}, false
}
