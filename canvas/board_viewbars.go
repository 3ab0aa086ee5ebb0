package canvas

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Size of the view position bars, in screen units.
const (
	// viewBarThickness is the thumb's thickness, viewBarHoverThickness
	// its thickness while the pointer is on the bar or drags it.
	viewBarThickness      = 6
	viewBarHoverThickness = 10
	viewBarMargin         = 3
	viewBarMinLength      = 24
	// viewBarArea is the thickness of a bar's track along the board's
	// edge: where it takes the pointer.
	viewBarArea = viewBarHoverThickness + 2*viewBarMargin
)

// viewBars show where the view is in the drawing, and move it, as
// scrollbars do: a bar along the bottom edge when the drawing is wider
// than what is in view, and one along the right edge when it is taller.
// Each thumb's length and place is that of the part in view, out of the
// drawing and the view together. Dragging a thumb pans; a click on the
// track beside it pages by one view.
type viewBars struct {
	h, v *viewBar
}

func newViewBars(b *Board) *viewBars {
	return &viewBars{h: newViewBar(b, true), v: newViewBar(b, false)}
}

// restyle colours the bars for p: its card text, faint.
func (vb *viewBars) restyle(p Palette) {
	for _, bar := range []*viewBar{vb.h, vb.v} {
		bar.restyle(p)
	}
}

// span is where the view [0, view) is within the union of itself and
// the drawing's extent [start, start+content), as a fraction of that
// union: the bar's start and length, whether the drawing reaches outside
// the view at all, and the union's length.
func span(start, content, view float32) (from, length float32, out bool, union float32) {
	lo, hi := min(0, start), max(view, start+content)
	if lo >= 0 && hi <= view || hi <= lo {
		return 0, 1, false, view
	}
	return -lo / (hi - lo), view / (hi - lo), true, hi - lo
}

// update places the bars for the board's view.
func (vb *viewBars) update(b *Board) {
	if b.lay == nil || b.size.Width <= 0 || b.size.Height <= 0 {
		hide(vb.h, vb.v)
		return
	}
	vb.h.place(b.off.X, b.lay.Width*b.zoom, b.size.Width, b.size.Height)
	vb.v.place(b.off.Y, b.lay.Height*b.zoom, b.size.Height, b.size.Width)
}

// viewBar is one view position bar: a track along an edge of the board
// with a thumb in it.
type viewBar struct {
	widget.BaseWidget
	b          *Board
	horizontal bool
	track      *fcanvas.Rectangle
	thumb      *fcanvas.Rectangle
	// at and length are the thumb's start and length along the bar.
	at, length float32
	// scale is how far the view moves, in screen units, for each unit
	// the thumb moves.
	scale float32
	// view is the board's length along the bar.
	view float32
	// hover is set while the pointer is on the bar, onThumb while it is
	// on the thumb; dragging while the thumb is dragged, from the offset
	// start by the distance moved.
	hover, onThumb, dragging bool
	start                    fyne.Position
	moved, dragScale         float32
}

// Interfaces a view bar implements.
var (
	_ fyne.Widget        = (*viewBar)(nil)
	_ fyne.Draggable     = (*viewBar)(nil)
	_ fyne.Tappable      = (*viewBar)(nil)
	_ desktop.Hoverable  = (*viewBar)(nil)
	_ desktop.Mouseable  = (*viewBar)(nil)
	_ desktop.Cursorable = (*viewBar)(nil)
)

func newViewBar(b *Board, horizontal bool) *viewBar {
	bar := &viewBar{
		b:          b,
		horizontal: horizontal,
		track:      &fcanvas.Rectangle{CornerRadius: viewBarHoverThickness / 2},
		thumb:      &fcanvas.Rectangle{CornerRadius: viewBarThickness / 2},
	}
	bar.ExtendBaseWidget(bar)
	bar.Hide()
	return bar
}

func (bar *viewBar) restyle(p Palette) {
	c := p.CardText
	c.A = 110
	bar.thumb.FillColor = color.NRGBA(c)
	c.A = 24
	bar.track.FillColor = color.NRGBA(c)
	bar.thumb.Refresh()
	bar.track.Refresh()
}

// along is the coordinate of pos along the bar.
func (bar *viewBar) along(pos fyne.Position) float32 {
	if bar.horizontal {
		return pos.X
	}
	return pos.Y
}

// place lays the bar along the board's edge for a drawing starting at
// start and content long, on a board view long and across wide, or hides
// it when the whole drawing is in view along the bar.
func (bar *viewBar) place(start, content, view, across float32) {
	from, length, out, union := span(start, content, view)
	if !out && !bar.dragging {
		// A hidden bar gets no MouseOut: it is thin when it shows again.
		bar.hover, bar.onThumb = false, false
		hide(bar)
		return
	}
	track := view - 2*viewBarMargin - viewBarArea
	bar.view = view
	bar.length = min(max(length*track, viewBarMinLength), track)
	room := max(track-bar.length, 1e-3)
	bar.at = viewBarMargin + min(from/max(1-length, 1e-6), 1)*room
	bar.scale = (union - view) / room
	if bar.horizontal {
		bar.Move(fyne.NewPos(0, across-viewBarArea))
		bar.Resize(fyne.NewSize(view-viewBarArea, viewBarArea))
	} else {
		bar.Move(fyne.NewPos(across-viewBarArea, 0))
		bar.Resize(fyne.NewSize(viewBarArea, view-viewBarArea))
	}
	bar.layoutThumb()
	bar.Show()
}

// thickness is the thumb's thickness now.
func (bar *viewBar) thickness() float32 {
	if bar.hover || bar.dragging {
		return viewBarHoverThickness
	}
	return viewBarThickness
}

// layoutThumb places the thumb and, while the pointer is on the bar, the
// track behind it.
func (bar *viewBar) layoutThumb() {
	t := bar.thickness()
	cross := viewBarArea - viewBarMargin - t
	size := bar.Size()
	if bar.horizontal {
		bar.thumb.Move(fyne.NewPos(bar.at, cross))
		bar.thumb.Resize(fyne.NewSize(bar.length, t))
		bar.track.Move(fyne.NewPos(viewBarMargin, cross))
		bar.track.Resize(fyne.NewSize(size.Width-2*viewBarMargin, t))
	} else {
		bar.thumb.Move(fyne.NewPos(cross, bar.at))
		bar.thumb.Resize(fyne.NewSize(t, bar.length))
		bar.track.Move(fyne.NewPos(cross, viewBarMargin))
		bar.track.Resize(fyne.NewSize(t, size.Height-2*viewBarMargin))
	}
	bar.thumb.CornerRadius = t / 2
	bar.track.CornerRadius = t / 2
	bar.track.Hidden = !bar.hover && !bar.dragging
	bar.thumb.Refresh()
	bar.track.Refresh()
}

// pan moves the board's view by d screen units along the bar.
func (bar *viewBar) pan(from fyne.Position, d float32) {
	b := bar.b
	if bar.horizontal {
		b.setView(b.zoom, fyne.NewPos(from.X+d, from.Y))
	} else {
		b.setView(b.zoom, fyne.NewPos(from.X, from.Y+d))
	}
}

// Dragged moves the view with the thumb: the drawing goes the other way,
// by as much more as the drawing is longer than the track.
func (bar *viewBar) Dragged(ev *fyne.DragEvent) {
	if !bar.dragging {
		bar.dragging, bar.start, bar.moved, bar.dragScale = true, bar.b.off, 0, bar.scale
	}
	if bar.horizontal {
		bar.moved += ev.Dragged.DX
	} else {
		bar.moved += ev.Dragged.DY
	}
	bar.panWithin(bar.start, -bar.moved*bar.dragScale)
}

// panWithin moves the view from the offset from by d along the bar, as a
// scrollbar does: no further than the drawing's edge at the board's edge,
// or than where the view was if that was already further.
func (bar *viewBar) panWithin(from fyne.Position, d float32) {
	b := bar.b
	start, content := from.X, b.lay.Width*b.zoom
	if !bar.horizontal {
		start, content = from.Y, b.lay.Height*b.zoom
	}
	to := max(min(start, bar.view-content), min(start+d, max(start, 0)))
	bar.pan(from, to-start)
}

// DragEnd ends the thumb's drag.
func (bar *viewBar) DragEnd() {
	bar.dragging = false
	bar.b.bars.update(bar.b)
}

// Tapped on the track before or after the thumb pages the view back or
// on by one view.
func (bar *viewBar) Tapped(ev *fyne.PointEvent) {
	p := bar.along(ev.Position)
	switch {
	case p < bar.at:
		bar.panWithin(bar.b.off, bar.view)
	case p > bar.at+bar.length:
		bar.panWithin(bar.b.off, -bar.view)
	}
}

// MouseDown and MouseUp keep presses on the bar from the board, which
// would select what lies under it.
func (bar *viewBar) MouseDown(*desktop.MouseEvent) {}

// MouseUp: see MouseDown.
func (bar *viewBar) MouseUp(*desktop.MouseEvent) {}

// MouseIn thickens the thumb.
func (bar *viewBar) MouseIn(ev *desktop.MouseEvent) {
	bar.hover = true
	bar.MouseMoved(ev)
	bar.layoutThumb()
}

// MouseMoved follows whether the pointer is on the thumb, for the cursor.
func (bar *viewBar) MouseMoved(ev *desktop.MouseEvent) {
	p := bar.along(ev.Position)
	bar.onThumb = p >= bar.at && p <= bar.at+bar.length
}

// MouseOut thins the thumb again.
func (bar *viewBar) MouseOut() {
	bar.hover, bar.onThumb = false, false
	bar.layoutThumb()
}

// Cursor is a resize arrow along the bar on the thumb, which drags, and
// a pointing hand on the track, which pages.
func (bar *viewBar) Cursor() desktop.Cursor {
	switch {
	case bar.onThumb || bar.dragging:
		if bar.horizontal {
			return desktop.HResizeCursor
		}
		return desktop.VResizeCursor
	}
	return desktop.PointerCursor
}

// CreateRenderer returns the bar's renderer.
func (bar *viewBar) CreateRenderer() fyne.WidgetRenderer {
	return &viewBarRenderer{bar: bar, objs: []fyne.CanvasObject{bar.track, bar.thumb}}
}

type viewBarRenderer struct {
	bar  *viewBar
	objs []fyne.CanvasObject
}

func (r *viewBarRenderer) Layout(fyne.Size) { r.bar.layoutThumb() }

func (r *viewBarRenderer) MinSize() fyne.Size { return fyne.NewSize(viewBarArea, viewBarArea) }

func (r *viewBarRenderer) Refresh() { r.bar.layoutThumb() }

func (r *viewBarRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *viewBarRenderer) Destroy() {}
