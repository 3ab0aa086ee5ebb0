package canvas

import (
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"fyne.io/fyne/v2"

	"servicebp/blueprint/layout"
)

// Frozen panes: as a spreadsheet freezes its first column and row, the
// board keeps the lane header column (lane names and line names) in view
// at the left edge when the drawing is scrolled left past it, and the
// band above the lanes (title, phases and column names) at the top edge
// when it is scrolled up past it. Each pane is a second scene of the
// drawing's backdrop, clipped to the pane and following the view along
// the other axis; where both are frozen the corner between them is left
// plain.
type frozenPane struct {
	scene *Scene
	bg    *fcanvas.Rectangle
	clip  *container.Scroll
	// dirty is set when the layout changed since the pane was drawn.
	dirty bool
	// zoom, off and size are the view the pane was last drawn at.
	zoom float32
	off  fyne.Position
	size fyne.Size
}

func newFrozenPane(p Palette) *frozenPane {
	f := &frozenPane{scene: NewScene(p), bg: fcanvas.NewRectangle(p.Background)}
	f.clip = container.NewScroll(container.NewWithoutLayout(f.bg, f.scene.Object()))
	f.clip.Direction = container.ScrollNone
	f.clip.Hide()
	f.dirty = true
	return f
}

// frozen are the board's two frozen panes and their corner.
type frozen struct {
	lanes, top *frozenPane
	corner     *fcanvas.Rectangle
}

func newFrozen(p Palette) *frozen {
	c := fcanvas.NewRectangle(p.Background)
	c.Hide()
	return &frozen{lanes: newFrozenPane(p), top: newFrozenPane(p), corner: c}
}

func (fz *frozen) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{fz.lanes.clip, fz.top.clip, fz.corner}
}

func (fz *frozen) restyle(p Palette) {
	for _, f := range []*frozenPane{fz.lanes, fz.top} {
		f.scene.SetPalette(p)
		f.bg.FillColor = p.Background
		f.bg.Refresh()
	}
	fz.corner.FillColor = p.Background
	fz.corner.Refresh()
}

func (fz *frozen) setFont(font fyne.Resource) {
	fz.lanes.scene.SetFont(font)
	fz.top.scene.SetFont(font)
}

// invalidate marks both panes for a new layout.
func (fz *frozen) invalidate() { fz.lanes.dirty, fz.top.dirty = true, true }

// paneLayout is the part of l a frozen pane draws: for the top pane the
// title and the phase and column headings, for the lane pane the lanes
// and lines with their names. Drawing no more keeps panning cheap.
func paneLayout(l *layout.Layout, top bool) *layout.Layout {
	c := *l
	c.Cards, c.Flows, c.Legend = nil, nil, nil
	if top {
		c.Lanes, c.Lines, c.Emotion = nil, nil, nil
	} else {
		c.Title, c.Description, c.Phases, c.Columns = nil, nil, nil, nil
	}
	return &c
}

// frozenLaneWidth and frozenTopHeight are the screen width of the lane
// header column and the height of the band above the lanes, from the
// drawing's origin.
func (b *Board) frozenLaneWidth() float32 {
	return (b.lay.Grid.X + b.style.LaneHeaderWidth) * b.zoom
}

func (b *Board) frozenTopHeight() float32 {
	if len(b.lay.Lanes) == 0 {
		return 0
	}
	return b.lay.Lanes[0].Rect.Y * b.zoom
}

// frozenLanesShown and frozenTopShown report whether the view is
// scrolled past the lane header column, or past the band above the lanes.
func (b *Board) frozenLanesShown() bool {
	return b.lay != nil && len(b.lay.Lanes) > 0 && b.off.X < 0
}

func (b *Board) frozenTopShown() bool {
	return b.lay != nil && len(b.lay.Lanes) > 0 && b.off.Y < 0
}

// updateFrozen shows, places and redraws the frozen panes for the view.
func (b *Board) updateFrozen() {
	fz := b.frozen
	if b.lay == nil || b.size.Width <= 0 {
		return
	}
	show := func(f *frozenPane, on bool, size fyne.Size, off fyne.Position) {
		top := f == fz.top
		if !on || size.Width <= 0 || size.Height <= 0 {
			hide(f.clip)
			return
		}
		if f.dirty {
			f.scene.Update(paneLayout(b.lay, top))
			f.dirty = false
		}
		if b.zoom != f.zoom || off != f.off {
			f.zoom, f.off = b.zoom, off
			f.scene.SetView(b.zoom, off)
			f.scene.SetViewport(size)
		}
		if size != f.size || !f.clip.Visible() {
			f.size = size
			f.scene.SetViewport(size)
			f.bg.Resize(size)
			f.clip.Resize(size)
			f.clip.Show()
			f.clip.Refresh()
		}
	}
	lanes, top := b.frozenLanesShown(), b.frozenTopShown()
	lw, th := b.frozenLaneWidth(), b.frozenTopHeight()
	// The panes end where the drawing does.
	right := min(b.size.Width, b.off.X+b.lay.Width*b.zoom)
	bottom := min(b.size.Height, b.off.Y+b.lay.Height*b.zoom)
	show(fz.lanes, lanes, fyne.NewSize(min(lw, b.size.Width/2), bottom), fyne.NewPos(0, b.off.Y))
	show(fz.top, top, fyne.NewSize(right, min(th, b.size.Height/2)), fyne.NewPos(b.off.X, 0))
	if lanes && top {
		fz.corner.Move(fyne.NewPos(0, 0))
		fz.corner.Resize(fyne.NewSize(min(lw, b.size.Width/2), min(th, b.size.Height/2)))
		fz.corner.Show()
		fz.corner.Refresh()
	} else {
		hide(fz.corner)
	}
}

// frozenWorld converts a board position to world coordinates, through a
// frozen pane when pos is on one; ok is false on the corner between them.
func (b *Board) frozenWorld(pos fyne.Position) (p layout.Point, ok bool) {
	inLanes := b.frozenLanesShown() && pos.X < min(b.frozenLaneWidth(), b.size.Width/2)
	inTop := b.frozenTopShown() && pos.Y < min(b.frozenTopHeight(), b.size.Height/2)
	x, y := (pos.X-b.off.X)/b.zoom, (pos.Y-b.off.Y)/b.zoom
	switch {
	case inLanes && inTop:
		return layout.Point{}, false
	case inLanes:
		x = pos.X / b.zoom
	case inTop:
		y = pos.Y / b.zoom
	}
	return layout.Point{X: x, Y: y}, true
}
