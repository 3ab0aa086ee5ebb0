package canvas

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// handleRadius is the radius of a card's connector handle, in screen
// units; handleReach is how near a press must be to grab it.
const (
	handleRadius = 5
	handleReach  = 12
	handleInside = 2
)

// overlay is what the board draws over the scene: the highlight of a
// selected cell, lane, column, line or flow, the rubber band, the drop
// target and ghosts of dragged cards, and the connector handle and the
// wire of a flow being drawn. Its objects are made once and moved.
type overlay struct {
	box    *fyne.Container
	mark   *fcanvas.Rectangle
	drop   *fcanvas.Rectangle
	band   *fcanvas.Rectangle
	target *fcanvas.Rectangle
	handle *fcanvas.Circle
	wire   *fcanvas.Line
	// hint marks the slot right of the last column where a double-click
	// adds a card in a new column.
	hint   *fcanvas.Rectangle
	plus   *fcanvas.Text
	flow   []*fcanvas.Line
	ghosts []*fcanvas.Rectangle
	// ghostText is the first line of each ghost's card.
	ghostText []*fcanvas.Text
	ghostC    *fyne.Container
	flowC     *fyne.Container
	pal       Palette
}

func newOverlay() *overlay {
	o := &overlay{
		mark:   &fcanvas.Rectangle{},
		drop:   &fcanvas.Rectangle{},
		band:   &fcanvas.Rectangle{},
		target: &fcanvas.Rectangle{},
		handle: &fcanvas.Circle{},
		wire:   &fcanvas.Line{},
		hint:   &fcanvas.Rectangle{CornerRadius: 6},
		plus:   fcanvas.NewText("+", color.Black),
		ghostC: container.NewWithoutLayout(),
		flowC:  container.NewWithoutLayout(),
	}
	o.plus.Alignment = fyne.TextAlignCenter
	o.box = container.NewWithoutLayout(o.hint, o.plus, o.mark, o.flowC, o.drop, o.ghostC, o.target, o.wire, o.handle, o.band)
	for _, obj := range o.box.Objects {
		obj.Hide()
	}
	o.ghostC.Show()
	o.flowC.Show()
	o.restyle(LightPalette())
	return o
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

// restyle colours the overlay from p.
func (o *overlay) restyle(p Palette) {
	o.pal = p
	sel := p.Selection
	o.mark.FillColor, o.mark.StrokeColor, o.mark.StrokeWidth = withAlpha(sel, 28), sel, 2
	o.drop.FillColor, o.drop.StrokeColor, o.drop.StrokeWidth = withAlpha(sel, 40), sel, 2
	o.drop.CornerRadius = 6
	o.band.FillColor, o.band.StrokeColor, o.band.StrokeWidth = withAlpha(sel, 30), withAlpha(sel, 200), 1
	o.target.FillColor, o.target.StrokeColor, o.target.StrokeWidth = color.Transparent, sel, 3
	o.target.CornerRadius = 7
	o.handle.FillColor, o.handle.StrokeColor, o.handle.StrokeWidth = p.Card, sel, 2
	o.wire.StrokeColor, o.wire.StrokeWidth = sel, 2
	o.hint.FillColor, o.hint.StrokeColor, o.hint.StrokeWidth = withAlpha(sel, 18), withAlpha(sel, 120), 1
	o.plus.Color = withAlpha(sel, 200)
	for _, l := range o.flow {
		l.StrokeColor = withAlpha(sel, 150)
	}
	for _, g := range o.ghosts {
		g.FillColor, g.StrokeColor = withAlpha(p.Card, 170), sel
	}
	for _, t := range o.ghostText {
		t.Color = withAlpha(p.CardText, 200)
	}
}

// place moves obj to the world rectangle r on the board, and shows it.
func (o *overlay) place(b *Board, obj fyne.CanvasObject, r layout.Rect) {
	pos, size := b.screenRect(r)
	obj.Move(pos)
	obj.Resize(size)
	obj.Show()
	obj.Refresh()
}

func hide(objs ...fyne.CanvasObject) {
	for _, o := range objs {
		if o.Visible() {
			o.Hide()
		}
	}
}

// update re-places every overlay object for the board's state.
func (o *overlay) update(b *Board) {
	if b.lay == nil {
		return
	}
	o.updateMark(b)
	o.updateFlow(b)
	o.updateDrag(b)
	o.updateHandle(b)
	o.updateHint(b)
	b.repaint()
	b.noticeMode()
}

// updateHint shows the new-column slot under the pointer.
func (o *overlay) updateHint(b *Board) {
	lb := b.laneBand(b.hoverNew)
	col, ok := b.newColumnRect()
	if lb == nil || !ok || b.editing != nil {
		hide(o.hint, o.plus)
		return
	}
	g := b.style.ColumnGutter / 2
	r := layout.Rect{X: col.X + g, Y: lb.Rect.Y + b.style.LanePadding, W: col.W - 2*g, H: max(lb.Rect.H-2*b.style.LanePadding, 24)}
	o.place(b, o.hint, r)
	o.plus.TextSize = 22 * b.zoom
	o.plus.TextStyle.Bold = true
	pos, size := b.screenRect(r)
	ts := fyne.MeasureText("+", o.plus.TextSize, o.plus.TextStyle)
	o.plus.Move(pos.AddXY(0, (size.Height-ts.Height)/2))
	o.plus.Resize(fyne.NewSize(size.Width, ts.Height))
	o.plus.Show()
	o.plus.Refresh()
}

// updateMark outlines a selected cell, lane, column or line.
func (o *overlay) updateMark(b *Board) {
	r, ok := b.selectionRect()
	if !ok {
		hide(o.mark)
		return
	}
	o.place(b, o.mark, r)
}

// selectionRect is the world rectangle of a selected cell, or of the
// selected lanes, columns or lines together.
func (b *Board) selectionRect() (layout.Rect, bool) {
	s := b.selection()
	if s.Kind == state.SelectCell {
		lane, col := b.laneBand(s.IDs[0]), b.columnBox(s.IDs[1])
		if lane != nil && col != nil {
			return layout.Rect{X: col.Rect.X, Y: lane.Rect.Y, W: col.Rect.W, H: lane.Rect.H}, true
		}
		return layout.Rect{}, false
	}
	var box layout.Rect
	found := false
	for _, id := range s.IDs {
		r, ok := b.elementRect(s.Kind, id)
		if !ok {
			continue
		}
		if found {
			box = box.Union(r)
		} else {
			box, found = r, true
		}
	}
	return box, found
}

// elementRect is the world rectangle of the lane, column or line id.
func (b *Board) elementRect(k state.SelectionKind, id string) (layout.Rect, bool) {
	switch k {
	case state.SelectLane:
		if lane := b.laneBand(id); lane != nil {
			return lane.Rect, true
		}
	case state.SelectColumn:
		if col := b.columnBox(id); col != nil {
			return col.Rect, true
		}
	case state.SelectLine:
		for _, m := range b.lay.Lines {
			if m.ID == id {
				return layout.Rect{X: m.X1, Y: m.Y - 3, W: m.X2 - m.X1, H: 6}, true
			}
		}
	}
	return layout.Rect{}, false
}

// updateFlow draws a selected flow's route again, wide and in the
// selection colour.
func (o *overlay) updateFlow(b *Board) {
	var pts []layout.Point
	if b.selection().Kind == state.SelectFlow {
		if r := b.lay.Route(layout.FlowKey{From: b.selection().IDs[0], To: b.selection().IDs[1]}); r != nil {
			pts = r.Points
		}
	}
	n := max(len(pts)-1, 0)
	for len(o.flow) < n {
		l := &fcanvas.Line{StrokeColor: withAlpha(o.pal.Selection, 150)}
		o.flow = append(o.flow, l)
		o.flowC.Objects = append(o.flowC.Objects, l)
	}
	for i, l := range o.flow {
		if i >= n {
			hide(l)
			continue
		}
		l.StrokeWidth = max(5*b.zoom, 3)
		l.Position1, l.Position2 = b.toScreen(pts[i]), b.toScreen(pts[i+1])
		l.Show()
		l.Refresh()
	}
}

// updateDrag shows the rubber band, the ghosts of dragged cards, their
// drop target and the wire of a flow being drawn.
func (o *overlay) updateDrag(b *Board) {
	d := &b.drag
	if d.mode == dragBand {
		o.band.Move(fyne.NewPos(min(d.start.X, d.cur.X), min(d.start.Y, d.cur.Y)))
		o.band.Resize(fyne.NewSize(abs(d.cur.X-d.start.X), abs(d.cur.Y-d.start.Y)))
		o.band.Show()
		o.band.Refresh()
	} else {
		hide(o.band)
	}
	o.updateGhosts(b)
	if (d.mode == dragMove || d.mode == dragLane || d.mode == dragColumn) && d.dropOK {
		o.place(b, o.drop, d.dropRect)
	} else {
		hide(o.drop)
	}
	from := b.connect
	if d.mode == dragConnect {
		from = d.from
	}
	if from == "" {
		hide(o.wire, o.target)
		return
	}
	r, ok := b.lay.CardRect(from)
	if !ok {
		hide(o.wire, o.target)
		return
	}
	o.wire.Position1 = b.toScreen(layout.Point{X: r.Right(), Y: r.Center().Y})
	o.wire.Position2 = d.cur
	if to, ok := b.connectTarget(); ok && d.mode != dragConnect {
		// Drawn from the keyboard: the wire goes to the selection, where
		// Enter ends it.
		o.wire.Position2 = b.toScreen(to)
	}
	o.wire.StrokeWidth = max(2*b.zoom, 1.5)
	o.wire.Show()
	o.wire.Refresh()
	to, ok := b.lay.CardAt(b.toWorld(d.cur))
	if sel := b.selection(); d.mode != dragConnect && sel.Kind == state.SelectSteps && len(sel.IDs) == 1 {
		to, ok = sel.IDs[0], true
	}
	if ok && to != from {
		tr, _ := b.lay.CardRect(to)
		o.place(b, o.target, tr.Inset(-3))
	} else {
		hide(o.target)
	}
}

func (o *overlay) updateGhosts(b *Board) {
	d := &b.drag
	n := 0
	if d.mode == dragMove {
		n = len(d.moving)
	}
	for len(o.ghosts) < n {
		g := &fcanvas.Rectangle{FillColor: withAlpha(o.pal.Card, 170), StrokeColor: o.pal.Selection, StrokeWidth: 1.5, CornerRadius: 6}
		txt := &fcanvas.Text{Color: o.pal.CardText}
		o.ghosts = append(o.ghosts, g)
		o.ghostText = append(o.ghostText, txt)
		o.ghostC.Objects = append(o.ghostC.Objects, g, txt)
	}
	dx, dy := (d.cur.X-d.start.X)/b.zoom, (d.cur.Y-d.start.Y)/b.zoom
	for i, g := range o.ghosts {
		if i >= n {
			hide(g)
			continue
		}
		c := b.lay.Card(d.moving[i])
		if c == nil {
			hide(g, o.ghostText[i])
			continue
		}
		r := c.Rect
		r.X += dx
		r.Y += dy
		o.place(b, g, r)
		o.placeGhostText(b, o.ghostText[i], c, dx, dy)
	}
	for _, t := range o.ghostText[min(n, len(o.ghostText)):] {
		hide(t)
	}
}

// placeGhostText writes the first line of card c on its ghost, moved by
// dx, dy (world units).
func (o *overlay) placeGhostText(b *Board, t *fcanvas.Text, c *layout.Card, dx, dy float32) {
	if len(c.Lines) == 0 {
		hide(t)
		return
	}
	ln := c.Lines[0]
	text := ln.Text
	if len(c.Lines) > 1 {
		text += " " + layout.Ellipsis
	}
	t.Text, t.TextSize, t.Color = text, ln.Size*b.zoom, withAlpha(o.pal.CardText, 200)
	t.Move(b.toScreen(layout.Point{X: ln.Pos.X + dx, Y: ln.Pos.Y + dy}))
	t.Show()
	t.Refresh()
}

// handleAt is the screen centre of the connector handle of the step's
// card: the middle of its right edge.
func (b *Board) handleAt(id string) (fyne.Position, bool) {
	r, ok := b.lay.CardRect(id)
	if !ok {
		return fyne.Position{}, false
	}
	// The handle stands on the right edge, all but handleInside of it
	// outside the card, so that at any zoom it never covers the card's
	// text, which keeps CardPadding clear of the edge.
	return b.toScreen(layout.Point{X: r.Right(), Y: r.Center().Y}).AddXY(handleRadius-handleInside, 0), true
}

// handleStep is the step whose connector handle shows: the hovered card,
// or the one selected card.
func (b *Board) handleStep() string {
	if b.drag.mode != dragNone && b.drag.mode != dragConnect {
		return ""
	}
	if b.drag.mode == dragConnect {
		return b.drag.from
	}
	if b.hover != "" {
		return b.hover
	}
	if b.selection().Kind == state.SelectSteps && len(b.selection().IDs) == 1 {
		return b.selection().IDs[0]
	}
	return ""
}

func (o *overlay) updateHandle(b *Board) {
	id := b.handleStep()
	if id == "" || b.editing != nil {
		hide(o.handle)
		return
	}
	c, ok := b.handleAt(id)
	if !ok {
		hide(o.handle)
		return
	}
	o.handle.Position1 = c.SubtractXY(handleRadius, handleRadius)
	o.handle.Position2 = c.AddXY(handleRadius, handleRadius)
	o.handle.Show()
	o.handle.Refresh()
}

// laneBand returns the layout of the lane id, or nil.
func (b *Board) laneBand(id string) *layout.LaneBand {
	for i := range b.lay.Lanes {
		if b.lay.Lanes[i].ID == id {
			return &b.lay.Lanes[i]
		}
	}
	return nil
}

// columnBox returns the layout of the column id, or nil.
func (b *Board) columnBox(id string) *layout.ColumnBox {
	for i := range b.lay.Columns {
		if b.lay.Columns[i].ID == id {
			return &b.lay.Columns[i]
		}
	}
	return nil
}
