package canvas

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"servicebp/blueprint/layout"
)

// Zoom limits and steps.
const (
	MinZoom = 0.1
	MaxZoom = 4
	// zoomStep is the factor of one ZoomIn or ZoomOut.
	zoomStep = 1.25
	// wheelZoom is the zoom exponent per unit of scroll: one wheel notch
	// (25 units in Fyne's desktop driver on Linux and Windows) zooms by
	// about 12%.
	wheelZoom = 0.0045
	// viewPad is the space kept between the drawing and the board's edge
	// when fitting, and how far the drawing may be scrolled past an edge.
	viewPad = 24
	// minOpenTextSize is the smallest size, in screen units, of card
	// text in a newly opened drawing.
	minOpenTextSize = 12
)

// Zoom returns the current zoom.
func (b *Board) Zoom() float32 { return b.zoom }

// Offset returns the board position of the drawing's world origin.
func (b *Board) Offset() fyne.Position { return b.off }

// setView sets zoom and offset, clamped, and updates the scene and the
// overlay.
func (b *Board) setView(zoom float32, off fyne.Position) {
	b.autoView = false
	zoom = max(MinZoom, min(zoom, MaxZoom))
	off = b.clampOffset(zoom, off)
	changed := zoom != b.zoom
	b.zoom, b.off = zoom, off
	b.scene.SetView(zoom, off)
	b.scene.SetViewport(b.size)
	b.over.update(b)
	b.updateFrozen()
	b.bars.update(b)
	b.mini.update()
	if b.editing != nil {
		b.placeEditor()
	}
	if changed && b.OnZoom != nil {
		b.OnZoom(zoom)
	}
}

// clampOffset keeps part of the drawing in view: along each axis it can
// be scrolled until only a strip (a third of the board, or all of a
// smaller drawing) is left at either edge.
func (b *Board) clampOffset(zoom float32, off fyne.Position) fyne.Position {
	if b.lay == nil || b.size.Width <= 0 || b.size.Height <= 0 {
		return off
	}
	clamp := func(v, content, view float32) float32 {
		keep := min(content, view/3)
		return max(keep-content, min(v, view-keep))
	}
	return fyne.NewPos(clamp(off.X, b.lay.Width*zoom, b.size.Width), clamp(off.Y, b.lay.Height*zoom, b.size.Height))
}

// ZoomAt zooms by factor keeping the world point under pos (a board
// position) where it is.
func (b *Board) ZoomAt(pos fyne.Position, factor float32) {
	w := b.toWorld(pos)
	zoom := max(MinZoom, min(b.zoom*factor, MaxZoom))
	b.setView(zoom, fyne.NewPos(pos.X-w.X*zoom, pos.Y-w.Y*zoom))
}

func (b *Board) centre() fyne.Position { return fyne.NewPos(b.size.Width/2, b.size.Height/2) }

// ZoomIn zooms in around the centre of the board.
func (b *Board) ZoomIn() { b.ZoomAt(b.centre(), zoomStep) }

// ZoomOut zooms out around the centre of the board.
func (b *Board) ZoomOut() { b.ZoomAt(b.centre(), 1/zoomStep) }

// ZoomActual shows the drawing at 100%, keeping the centre of the board
// where it is.
func (b *Board) ZoomActual() { b.ZoomAt(b.centre(), 1/b.zoom) }

// ZoomToFit zooms so that the whole drawing fits the board, centred.
func (b *Board) ZoomToFit() {
	if b.lay == nil || b.size.Width <= 0 || b.lay.Width <= 0 || b.lay.Height <= 0 {
		return
	}
	z := min((b.size.Width-2*viewPad)/b.lay.Width, (b.size.Height-2*viewPad)/b.lay.Height)
	z = max(MinZoom, min(z, 2))
	b.setView(z, fyne.NewPos((b.size.Width-b.lay.Width*z)/2, (b.size.Height-b.lay.Height*z)/2))
}

// initialView shows a newly opened drawing from its top-left corner at
// 100%, or larger if that is needed for card text of minOpenTextSize:
// readable at once, with the view bars telling how much more there is.
// The view follows the board's size until the user zooms or scrolls.
func (b *Board) initialView() {
	z := max(1, minOpenTextSize/b.style.TextSize)
	b.zoom = 0
	b.setView(z, fyne.NewPos(0, 0))
	b.autoView = true
}

// ScrollTo scrolls so that the world rectangle r is in view, if it is not:
// clear of the frozen lane headers and top band too, which would cover it
// once the view is scrolled (see board_frozen.go).
func (b *Board) ScrollTo(r layout.Rect) {
	pos, size := b.screenRect(r)
	off := b.off
	left, top := float32(0), float32(0)
	// A rectangle in a pane's own part of the drawing (the lane headers,
	// or the title and phase band) is never behind that pane.
	if b.lay != nil && len(b.lay.Lanes) > 0 {
		if r.X >= b.lay.Grid.X+b.style.LaneHeaderWidth {
			left = min(b.frozenLaneWidth(), b.size.Width/2)
		}
		if r.Y >= b.lay.Lanes[0].Rect.Y {
			top = min(b.frozenTopHeight(), b.size.Height/2)
		}
	}
	if pos.X < left {
		off.X -= pos.X - left - viewPad
	} else if e := pos.X + size.Width - b.size.Width; e > 0 {
		off.X -= min(e+viewPad, pos.X-left)
	}
	if pos.Y < top {
		off.Y -= pos.Y - top - viewPad
	} else if e := pos.Y + size.Height - b.size.Height; e > 0 {
		off.Y -= min(e+viewPad, pos.Y-top)
	}
	// Scrolled back to the drawing's edge, the panes give way to what they
	// copy: no need to go past it.
	if off.X > 0 && b.off.X <= 0 {
		off.X = 0
	}
	if off.Y > 0 && b.off.Y <= 0 {
		off.Y = 0
	}
	if off != b.off {
		b.setView(b.zoom, off)
	}
}

// modifiers are the modifier keys held now: the desktop driver's when it
// knows them, and those the board saw pressed.
func (b *Board) modifiers() fyne.KeyModifier {
	m := b.mods
	if app := fyne.CurrentApp(); app != nil {
		if d, ok := app.Driver().(desktop.Driver); ok {
			m |= d.CurrentKeyModifiers()
		}
	}
	return m
}

// Scrolled scrolls the view with the wheel; Shift+wheel scrolls sideways
// and Ctrl+wheel zooms around the pointer.
func (b *Board) Scrolled(ev *fyne.ScrollEvent) {
	mods := b.modifiers()
	switch {
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		dy := ev.Scrolled.DY
		if dy == 0 {
			dy = ev.Scrolled.DX
		}
		b.ZoomAt(ev.Position, float32(math.Exp(float64(dy*wheelZoom))))
	case mods&fyne.KeyModifierShift != 0:
		d := ev.Scrolled.DY
		if d == 0 {
			d = ev.Scrolled.DX
		}
		b.setView(b.zoom, b.off.AddXY(d, 0))
	default:
		b.setView(b.zoom, b.off.AddXY(ev.Scrolled.DX, ev.Scrolled.DY))
	}
}
