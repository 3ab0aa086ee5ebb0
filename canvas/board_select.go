package canvas

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// hitKind says what lies under the pointer.
type hitKind int

const (
	hitNone hitKind = iota
	hitHandle
	hitCard
	hitFlow
	hitCell
	hitLane
	hitColumn
	hitLine
	// hitNewColumn is the space right of the last column, in a lane: a
	// double-click there adds a card in a new column.
	hitNewColumn
	// hitTitle is the blueprint's title, or its placeholder.
	hitTitle
)

// hit is what lies under a point of the board.
type hit struct {
	kind         hitKind
	step         string
	flow         layout.FlowKey
	lane, column string
	line         string
}

// flowReach is how near a click must be to a flow, in screen units.
const flowReach = 6

// hitAt finds what is under pos: a connector handle, a card, a flow, a
// boundary line's label, a lane or column header, or a cell.
func (b *Board) hitAt(pos fyne.Position) hit {
	l := b.lay
	if l == nil {
		return hit{}
	}
	if id := b.handleStep(); id != "" {
		if c, ok := b.handleAt(id); ok && dist(c, pos) <= handleReach {
			return hit{kind: hitHandle, step: id}
		}
	}
	p, ok := b.frozenWorld(pos)
	if !ok {
		return hit{}
	}
	if id, ok := l.CardAt(p); ok {
		return hit{kind: hitCard, step: id}
	}
	if k, ok := l.FlowAt(p, flowReach/b.zoom); ok {
		return hit{kind: hitFlow, flow: k}
	}
	if lane, col, ok := l.CellAt(p); ok {
		return hit{kind: hitCell, lane: lane, column: col}
	}
	if r, ok := b.newColumnRect(); ok && r.Contains(p) {
		if li := laneAt(l, p.Y); li >= 0 {
			return hit{kind: hitNewColumn, lane: l.Lanes[li].ID}
		}
	}
	for _, m := range l.Lines {
		if p.X >= m.X1 && p.X < l.Grid.X+b.style.LaneHeaderWidth && abs(p.Y-m.Y) <= 4/b.zoom+2 {
			return hit{kind: hitLine, line: m.ID}
		}
	}
	for _, ln := range l.Lanes {
		if ln.Header.Contains(p) {
			return hit{kind: hitLane, lane: ln.ID}
		}
	}
	if l.Title != nil && l.Title.Rect().Contains(p) {
		return hit{kind: hitTitle}
	}
	if len(l.Lanes) > 0 && p.Y < l.Lanes[0].Rect.Y {
		for _, c := range l.Columns {
			if c.Rect.Contains(p) {
				return hit{kind: hitColumn, column: c.ID}
			}
		}
	}
	return hit{}
}

func dist(a, b fyne.Position) float32 {
	dx, dy := a.X-b.X, a.Y-b.Y
	return sqrt(dx*dx + dy*dy)
}

// press is the state of a mouse button held down on the board.
type press struct {
	down   bool
	pos    fyne.Position
	button desktop.MouseButton
	mods   fyne.KeyModifier
	hit    hit
	// reselect makes a click (press and release without a drag) on an
	// already selected card select only that card.
	reselect bool
	// seen is set by MouseDown and cleared by the tap that follows, so
	// that a tap the driver delivers after MouseDown does not act twice.
	seen bool
}

// MouseDown selects what is under the pointer at once and prepares a
// drag: of the selected cards, of a rubber band, of a new flow from a
// connector handle, or a pan with the middle button or Space held.
func (b *Board) MouseDown(ev *desktop.MouseEvent) {
	b.requestFocus()
	h := b.hitAt(ev.Position)
	b.firstClick, b.lastClick = b.lastClick, press{down: true, pos: ev.Position, mods: ev.Modifier}
	b.press = press{down: true, pos: ev.Position, button: ev.Button, mods: ev.Modifier, hit: h, seen: true}
	if b.editing != nil {
		b.commitEdit()
	}
	switch ev.Button {
	case desktop.MouseButtonPrimary:
		b.pressPrimary(h, ev.Modifier)
	case desktop.MouseButtonSecondary:
		if h.kind == hitCard && !b.selection().Has(h.step) {
			b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{h.step}})
		} else if h.kind != hitCard {
			b.selectHit(h)
		}
	}
}

// pressPrimary is a left press on h.
func (b *Board) pressPrimary(h hit, mods fyne.KeyModifier) {
	if b.space {
		return
	}
	if b.connect != "" {
		from := b.connect
		b.connect = ""
		if h.kind == hitCard && h.step != from {
			b.addFlow(from, h.step)
		} else {
			b.connectToNewCard(from, h)
		}
		b.over.update(b)
		return
	}
	toggle := mods&(fyne.KeyModifierShift|fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	switch {
	case h.kind == hitHandle:
	case h.kind == hitCard && toggle:
		b.toggleStep(h.step)
	case h.kind == hitCard && b.selection().Has(h.step):
		b.press.reselect = len(b.selection().IDs) > 1
	case toggle && (h.kind == hitCell || h.kind == hitNone):
		// Shift-drag on empty space adds a rubber band to the selection.
	default:
		b.selectHit(h)
	}
}

// selectHit selects what h names.
func (b *Board) selectHit(h hit) {
	switch h.kind {
	case hitCard, hitHandle:
		b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{h.step}})
	case hitFlow:
		b.store.Select(state.Selection{Kind: state.SelectFlow, IDs: []string{h.flow.From, h.flow.To}})
	case hitCell:
		b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{h.lane, h.column}})
	case hitLane:
		b.store.Select(state.Selection{Kind: state.SelectLane, IDs: []string{h.lane}})
	case hitColumn:
		b.store.Select(state.Selection{Kind: state.SelectColumn, IDs: []string{h.column}})
	case hitLine:
		b.store.Select(state.Selection{Kind: state.SelectLine, IDs: []string{h.line}})
	default:
		b.store.Select(state.Selection{})
	}
}

// toggleStep adds the step to the selected steps, or removes it.
func (b *Board) toggleStep(id string) {
	var ids []string
	if b.selection().Kind == state.SelectSteps {
		ids = slices.Clone(b.selection().IDs)
	}
	if i := slices.Index(ids, id); i >= 0 {
		ids = slices.Delete(ids, i, i+1)
	} else {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		b.store.Select(state.Selection{})
		return
	}
	b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: ids})
}

// MouseUp ends a click: a click on one of several selected cards selects
// only that card. A drag ends in DragEnd, which the driver calls after
// MouseUp.
func (b *Board) MouseUp(ev *desktop.MouseEvent) {
	if b.drag.mode != dragNone {
		return
	}
	if b.press.reselect && b.press.hit.kind == hitCard {
		b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{b.press.hit.step}})
	}
	seen := b.press.seen
	b.press = press{seen: seen}
}

// Tapped selects what is under the pointer when no MouseDown came before
// it (a tap without a mouse, or a test); after MouseDown it has nothing
// left to do.
func (b *Board) Tapped(ev *fyne.PointEvent) {
	if b.press.seen {
		b.press.seen = false
		return
	}
	b.MouseDown(&desktop.MouseEvent{PointEvent: *ev, Button: desktop.MouseButtonPrimary})
	b.MouseUp(&desktop.MouseEvent{PointEvent: *ev, Button: desktop.MouseButtonPrimary})
	b.press.seen = false
}

// MouseIn starts tracking the hovered card.
func (b *Board) MouseIn(ev *desktop.MouseEvent) { b.MouseMoved(ev) }

// MouseMoved shows the connector handle of the hovered card, and follows
// the pointer with the wire of a flow started from a context menu.
func (b *Board) MouseMoved(ev *desktop.MouseEvent) {
	if b.lay == nil {
		return
	}
	b.drag.cur = ev.Position
	hover := ""
	if id, ok := b.lay.CardAt(b.toWorld(ev.Position)); ok {
		hover = id
	} else if b.hover != "" {
		// Keep the handle while the pointer is on it, just outside the card.
		if c, ok := b.handleAt(b.hover); ok && dist(c, ev.Position) <= handleReach {
			hover = b.hover
		}
	}
	hoverNew := ""
	if hover == "" && b.drag.mode == dragNone {
		if h := b.hitAt(ev.Position); h.kind == hitNewColumn {
			hoverNew = h.lane
		}
	}
	if hover != b.hover || hoverNew != b.hoverNew || b.connect != "" {
		changed := hover != b.hover
		b.hover, b.hoverNew = hover, hoverNew
		b.over.update(b)
		if changed && b.OnHover != nil {
			b.OnHover(hover)
		}
	}
}

// MouseOut hides the hover handle.
func (b *Board) MouseOut() {
	if b.hover != "" || b.hoverNew != "" {
		left := b.hover != ""
		b.hover, b.hoverNew = "", ""
		b.over.update(b)
		if left && b.OnHover != nil {
			b.OnHover("")
		}
	}
}

// SelectAll selects every step.
func (b *Board) SelectAll() {
	d := b.store.Doc()
	ids := make([]string, len(d.Steps))
	for i, s := range d.Steps {
		ids[i] = s.ID
	}
	if len(ids) == 0 {
		b.store.Select(state.Selection{})
		return
	}
	b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: ids})
}

// bandSelect selects the cards that intersect the screen rectangle
// between a and z, added to base.
func (b *Board) bandSelect(a, z fyne.Position, base []string) {
	wa, wz := b.toWorld(a), b.toWorld(z)
	r := layout.Rect{X: min(wa.X, wz.X), Y: min(wa.Y, wz.Y), W: abs(wz.X - wa.X), H: abs(wz.Y - wa.Y)}
	ids := slices.Clone(base)
	for i := range b.lay.Cards {
		c := &b.lay.Cards[i]
		if c.Rect.Intersects(r) && !slices.Contains(ids, c.StepID) {
			ids = append(ids, c.StepID)
		}
	}
	sel := state.Selection{}
	if len(ids) > 0 {
		sel = state.Selection{Kind: state.SelectSteps, IDs: ids}
	}
	if !sel.Equal(b.drag.band) {
		b.drag.band = sel
		b.showSelection()
	}
}

// laneAt is the index of the lane whose band holds y, or -1.
func laneAt(l *layout.Layout, y float32) int {
	for i := range l.Lanes {
		if r := l.Lanes[i].Rect; y >= r.Y && y < r.Bottom() {
			return i
		}
	}
	return -1
}

// newColumnRect is the world area right of the last column, as wide as a
// new column and as high as the lanes.
func (b *Board) newColumnRect() (layout.Rect, bool) {
	l := b.lay
	if len(l.Lanes) == 0 {
		return layout.Rect{}, false
	}
	x := l.Grid.Right()
	top, bottom := l.Lanes[0].Rect.Y, l.Lanes[len(l.Lanes)-1].Rect.Bottom()
	return layout.Rect{X: x, Y: top, W: b.style.MinColumnWidth, H: bottom - top}, true
}
