package canvas

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
)

// Size of the view position bars, in screen units.
const (
	viewBarThickness = 6
	viewBarMargin    = 3
	viewBarMinLength = 24
)

// viewBars show where the view is in the drawing, as scrollbars do: a
// bar along the bottom edge when the drawing is wider than what is in
// view, and one along the right edge when it is taller. Each bar's
// length and place is that of the part in view, out of the drawing and
// the view together.
type viewBars struct {
	h, v *fcanvas.Rectangle
}

func newViewBars() *viewBars {
	bar := func() *fcanvas.Rectangle {
		r := &fcanvas.Rectangle{CornerRadius: viewBarThickness / 2}
		r.Hide()
		return r
	}
	return &viewBars{h: bar(), v: bar()}
}

// restyle colours the bars for p: its card text, faint.
func (vb *viewBars) restyle(p Palette) {
	c := p.CardText
	c.A = 110
	for _, r := range []*fcanvas.Rectangle{vb.h, vb.v} {
		r.FillColor = color.NRGBA(c)
		r.Refresh()
	}
}

// span is where the view [0, view) is within the union of itself and
// the drawing's extent [start, start+content), as a fraction of that
// union: the bar's start and length, and whether the drawing reaches
// outside the view at all.
func span(start, content, view float32) (from, length float32, out bool) {
	lo, hi := min(0, start), max(view, start+content)
	if lo >= 0 && hi <= view || hi <= lo {
		return 0, 1, false
	}
	return -lo / (hi - lo), view / (hi - lo), true
}

// update places the bars for the board's view.
func (vb *viewBars) update(b *Board) {
	if b.lay == nil || b.size.Width <= 0 || b.size.Height <= 0 {
		hide(vb.h, vb.v)
		return
	}
	w, h := b.size.Width, b.size.Height
	place := func(r *fcanvas.Rectangle, start, content, view, across float32, horizontal bool) {
		from, length, out := span(start, content, view)
		if !out {
			hide(r)
			return
		}
		track := view - 2*viewBarMargin - viewBarThickness
		l := max(length*track, viewBarMinLength)
		p := viewBarMargin + from*(track-l)/max(1-length, 1e-6)
		if horizontal {
			r.Move(fyne.NewPos(p, across-viewBarMargin-viewBarThickness))
			r.Resize(fyne.NewSize(l, viewBarThickness))
		} else {
			r.Move(fyne.NewPos(across-viewBarMargin-viewBarThickness, p))
			r.Resize(fyne.NewSize(viewBarThickness, l))
		}
		r.Show()
		r.Refresh()
	}
	place(vb.h, b.off.X, b.lay.Width*b.zoom, w, h, true)
	place(vb.v, b.off.Y, b.lay.Height*b.zoom, h, w, false)
}
