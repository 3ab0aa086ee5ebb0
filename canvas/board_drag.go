package canvas

import (
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// dragMode is what a drag on the board does.
type dragMode int

const (
	dragNone dragMode = iota
	// dragMove moves the selected cards to another cell.
	dragMove
	// dragBand selects the cards inside a rubber band.
	dragBand
	// dragPan moves the view.
	dragPan
	// dragConnect draws a new flow from a card's connector handle.
	dragConnect
	// dragLane and dragColumn reorder lanes and columns by their headers.
	dragLane
	dragColumn
)

// dragState is the state of a drag in progress.
type dragState struct {
	mode dragMode
	// start and cur are where the drag started and where the pointer is,
	// on the board.
	start, cur fyne.Position
	// synthetic is set for a drag that came without MouseDown (Fyne's
	// test.Drag): its events carry the start position and the distance.
	synthetic bool
	// moving are the dragged steps; anchor is the one under the pointer.
	moving []string
	anchor string
	// base is the selection a rubber band adds to; band is what it
	// selects so far.
	base []string
	band state.Selection
	// from is the source step of a new flow.
	from string
	// The cell under the pointer while moving cards.
	dropLane, dropCol string
	dropOK            bool
	dropRect          layout.Rect
	// dropIndex is where a dragged lane or column goes.
	dropIndex int
}

func sqrt(v float32) float32 { return float32(math.Sqrt(float64(max(v, 0)))) }

// Dragged moves the selected cards' ghosts with a drop-target highlight,
// stretches the rubber band, pans, or draws the wire of a new flow,
// depending on where the drag started.
func (b *Board) Dragged(ev *fyne.DragEvent) {
	d := &b.drag
	if d.mode == dragNone {
		if !b.press.down {
			// A drag without MouseDown: its position is where it started.
			b.press = press{down: true, pos: ev.Position, button: desktop.MouseButtonPrimary, hit: b.hitAt(ev.Position)}
			if h := b.press.hit; h.kind == hitCard && !b.selection().Has(h.step) {
				b.selectHit(h)
			} else if h.kind != hitCard && h.kind != hitHandle {
				b.selectHit(h)
			}
			d.synthetic = true
			d.cur = ev.Position
		}
		b.startDrag()
	}
	if d.synthetic {
		d.cur = d.cur.Add(ev.Dragged)
	} else {
		d.cur = ev.Position
	}
	switch d.mode {
	case dragPan:
		b.setView(b.zoom, b.off.Add(ev.Dragged))
		return
	case dragBand:
		b.autoScroll()
		b.bandSelect(d.start, d.cur, d.base)
	case dragMove:
		b.autoScroll()
		b.updateDrop()
	case dragConnect:
		b.autoScroll()
	case dragLane, dragColumn:
		b.autoScroll()
		b.updateReorder()
	}
	b.over.update(b)
}

// autoEdge is how near the board's edge a drag scrolls the view.
const autoEdge = 32

// autoScroll scrolls the view while a drag is near the board's edge, the
// nearer the faster, keeping the drag's start on the same world point.
func (b *Board) autoScroll() {
	d := &b.drag
	step := func(p, size float32) float32 {
		switch {
		case p < autoEdge:
			return (autoEdge - max(p, 0)) / 2
		case p > size-autoEdge:
			return -(min(p, size) - (size - autoEdge)) / 2
		}
		return 0
	}
	dx, dy := step(d.cur.X, b.size.Width), step(d.cur.Y, b.size.Height)
	if dx == 0 && dy == 0 {
		return
	}
	old := b.off
	b.setView(b.zoom, b.off.AddXY(dx, dy))
	d.start = d.start.Add(b.off.Subtract(old))
}

// startDrag picks the drag mode from the press that started it.
func (b *Board) startDrag() {
	d := &b.drag
	p := &b.press
	d.start, d.cur = p.pos, p.pos
	b.hover = ""
	switch {
	case p.button == desktop.MouseButtonTertiary || b.space:
		d.mode = dragPan
	case p.hit.kind == hitHandle:
		d.mode, d.from = dragConnect, p.hit.step
	case p.hit.kind == hitLane:
		d.mode, d.from = dragLane, p.hit.lane
	case p.hit.kind == hitColumn:
		d.mode, d.from = dragColumn, p.hit.column
	case p.hit.kind == hitCard && b.selection().Has(p.hit.step):
		d.mode, d.anchor = dragMove, p.hit.step
		d.moving = slices.Clone(b.selection().IDs)
	case p.hit.kind == hitCard:
		d.mode = dragNone
	case p.hit.kind == hitCell || p.hit.kind == hitNone || p.hit.kind == hitFlow:
		sel := b.selection()
		d.mode = dragBand
		d.base, d.band = nil, sel
		if p.mods&(fyne.KeyModifierShift|fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 && sel.Kind == state.SelectSteps {
			d.base = slices.Clone(sel.IDs)
		}
	default:
		d.mode = dragPan
	}
	if d.mode == dragNone {
		d.mode = dragPan
	}
}

// updateDrop finds the cell under the pointer while cards are moved.
func (b *Board) updateDrop() {
	d := &b.drag
	lane, col, ok := b.lay.CellAt(b.toWorld(d.cur))
	d.dropLane, d.dropCol, d.dropOK = lane, col, ok
	if !ok {
		return
	}
	lb, cb := b.laneBand(lane), b.columnBox(col)
	g := b.style.ColumnGutter / 4
	d.dropRect = layout.Rect{X: cb.Rect.X + g, Y: lb.Rect.Y + 3, W: cb.Rect.W - 2*g, H: lb.Rect.H - 6}
}

// DragEnd finishes the drag: it moves the cards to the drop cell as one
// undo step, creates the flow, or ends the rubber band or the pan.
func (b *Board) DragEnd() {
	d := b.drag
	b.drag = dragState{cur: d.cur}
	b.press = press{}
	switch d.mode {
	case dragMove:
		if d.dropOK {
			b.moveTo(d.moving, d.anchor, d.dropLane, d.dropCol, b.toWorld(d.cur).Y)
		}
	case dragConnect:
		if to, ok := b.lay.CardAt(b.toWorld(d.cur)); ok && to != d.from {
			b.addFlow(d.from, to)
		} else if !ok {
			h := b.hitAt(d.cur)
			if h.kind == hitFlow {
				// Dropped on another flow that crosses the cell: the
				// cell is what the drop means.
				if p, ok := b.frozenWorld(d.cur); ok {
					if lane, col, ok := b.lay.CellAt(p); ok {
						h = hit{kind: hitCell, lane: lane, column: col}
					}
				}
			}
			b.connectToNewCard(d.from, h)
		}
	case dragBand:
		b.store.Select(d.band)
	case dragLane:
		if d.dropOK && d.dropIndex != b.store.Doc().LaneIndex(d.from) {
			b.apply(blueprint.MoveLane(d.from, d.dropIndex))
		}
	case dragColumn:
		if d.dropOK && d.dropIndex != b.store.Doc().ColumnIndex(d.from) {
			b.apply(blueprint.MoveColumn(d.from, d.dropIndex))
		}
	}
	b.over.update(b)
}

// moveTo moves the steps so that anchor lands in the lane × column cell,
// keeping the others' lane and column offsets from it; a single step is
// put in the cell's stack where y falls (world units).
func (b *Board) moveTo(ids []string, anchor, lane, column string, y float32) {
	d := b.store.Doc()
	a := d.Step(anchor)
	if a == nil {
		return
	}
	dl := d.LaneIndex(lane) - d.LaneIndex(a.Lane)
	dc := d.ColumnIndex(column) - d.ColumnIndex(a.Column)
	if len(ids) == 1 {
		index := 0
		for _, id := range b.lay.CellCards(lane, column) {
			if r, ok := b.lay.CardRect(id); ok && id != anchor && r.Center().Y < y {
				index++
			}
		}
		if dl == 0 && dc == 0 {
			cur := slices.Index(d.CellSteps(lane, column), anchor)
			if cur == index {
				return
			}
		}
		b.apply(blueprint.MoveStep(anchor, lane, column, index))
		return
	}
	if dl == 0 && dc == 0 {
		return
	}
	b.apply(b.shiftSteps(ids, dl, dc, "Move steps"))
}

// shiftSteps is the command that moves each step dl lanes down and dc
// columns right, clamped to the grid, as one undo step.
func (b *Board) shiftSteps(ids []string, dl, dc int, label string) blueprint.Command {
	d := b.store.Doc()
	var cmds []blueprint.Command
	for _, id := range ids {
		s := d.Step(id)
		if s == nil {
			continue
		}
		li := clampInt(d.LaneIndex(s.Lane)+dl, 0, len(d.Lanes)-1)
		ci := clampInt(d.ColumnIndex(s.Column)+dc, 0, len(d.Columns)-1)
		lane, col := d.Lanes[li].ID, d.Columns[ci].ID
		if lane == s.Lane && col == s.Column {
			continue
		}
		cmds = append(cmds, blueprint.MoveStep(id, lane, col, -1))
	}
	if len(cmds) == 0 {
		return nil
	}
	if len(cmds) == 1 {
		return cmds[0]
	}
	return blueprint.Batch(label, cmds...)
}

func clampInt(v, lo, hi int) int { return max(lo, min(v, hi)) }

// addFlow adds a flow from → to and selects it; an existing flow is
// selected instead.
func (b *Board) addFlow(from, to string) {
	d := b.store.Doc()
	if d.FlowIndex(from, to) >= 0 {
		b.store.Select(state.Selection{Kind: state.SelectFlow, IDs: []string{from, to}})
		return
	}
	if d.FlowIndex(to, from) >= 0 {
		b.fail(fmt.Errorf("there is already a flow from %q to %q", to, from))
		return
	}
	if b.apply(blueprint.AddFlow(blueprint.Flow{From: from, To: to})) {
		b.store.Select(state.Selection{Kind: state.SelectFlow, IDs: []string{from, to}})
	}
}

// connectToNewCard opens the editor for a new card in the empty cell, or
// the new-column slot, that h is, for a flow from the step from dropped
// there: committed with text, the card and the flow to it are added in
// one undo step, as draw.io and Miro do; Esc adds neither.
func (b *Board) connectToNewCard(from string, h hit) {
	var st *editState
	switch h.kind {
	case hitCell:
		st = &editState{kind: editNewStep, lane: h.lane, column: h.column, flowFrom: from}
	case hitNewColumn:
		st = &editState{kind: editNewStep, lane: h.lane, flowFrom: from}
	default:
		return
	}
	if st.column != "" {
		b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{st.lane, st.column}})
	} else {
		b.store.Select(state.Selection{})
	}
	b.startEdit(st, "")
}

// updateReorder finds where a dragged lane or column would go: among the
// others, before the first whose middle lies past the pointer. The drop
// mark is a bar in the gap it would take.
func (b *Board) updateReorder() {
	d := &b.drag
	p := b.toWorld(d.cur)
	l := b.lay
	idx, gap := 0, float32(0)
	d.dropOK = false
	if d.mode == dragLane {
		var others []layout.Rect
		for _, ln := range l.Lanes {
			if ln.ID != d.from {
				others = append(others, ln.Rect)
			} else {
				d.dropOK = true
			}
		}
		idx, gap = slotAt(others, p.Y, func(r layout.Rect) (float32, float32) { return r.Y, r.Bottom() })
		d.dropIndex = idx
		d.dropRect = layout.Rect{X: l.Grid.X, Y: gap - 2, W: l.Grid.W, H: 4}
		return
	}
	var others []layout.Rect
	for _, c := range l.Columns {
		if c.ID != d.from {
			others = append(others, c.Rect)
		} else {
			d.dropOK = true
		}
	}
	idx, gap = slotAt(others, p.X, func(r layout.Rect) (float32, float32) { return r.X, r.Right() })
	d.dropIndex = idx
	top := l.Grid.Y
	if len(l.Columns) > 0 {
		top = l.Columns[0].Rect.Y
	}
	d.dropRect = layout.Rect{X: gap - 2, Y: top, W: 4, H: l.Grid.Bottom() - top}
}

// slotAt is the index among rects (in order along one axis) before which
// v falls, by their middles, and the coordinate of that gap.
func slotAt(rects []layout.Rect, v float32, span func(layout.Rect) (lo, hi float32)) (int, float32) {
	for i, r := range rects {
		lo, hi := span(r)
		if v < (lo+hi)/2 {
			return i, lo
		}
	}
	if len(rects) == 0 {
		return 0, v
	}
	_, hi := span(rects[len(rects)-1])
	return len(rects), hi
}
