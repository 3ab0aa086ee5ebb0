package canvas

import (
	"image/color"

	"servicebp/blueprint/layout"
)

// FillRect is one axis-aligned rectangle of the backdrop. A Line is the
// stroke of a horizontal or vertical line: Rect is the area the stroke
// covers, centred on the line.
type FillRect struct {
	Rect  layout.Rect
	Color color.NRGBA
	Line  bool
}

// spec is the canvas object that draws f.
func (f FillRect) spec() spec {
	if !f.Line {
		return rectSpec(f.Rect, f.Color)
	}
	r := f.Rect
	if r.W >= r.H {
		y := r.Y + r.H/2
		return lineSpec(layout.Point{X: r.X, Y: y}, layout.Point{X: r.Right(), Y: y}, f.Color, r.H)
	}
	x := r.X + r.W/2
	return lineSpec(layout.Point{X: x, Y: r.Y}, layout.Point{X: x, Y: r.Bottom()}, f.Color, r.W)
}

// hline is the stroke of the horizontal line at y from x1 to x2.
func hline(x1, x2, y, width float32, c color.NRGBA) FillRect {
	return FillRect{Rect: layout.Rect{X: x1, Y: y - width/2, W: x2 - x1, H: width}, Color: c, Line: true}
}

// vline is the stroke of the vertical line at x from y1 to y2.
func vline(x, y1, y2, width float32, c color.NRGBA) FillRect {
	return FillRect{Rect: layout.Rect{X: x - width/2, Y: y1, W: width, H: y2 - y1}, Color: c, Line: true}
}

// Backdrop returns the axis-aligned shapes under everything else, in
// drawing order: the background (unless transparent); each lane's band,
// header cell and accent stripe; the column separators, lane borders and
// grid frame; and the boundary lines, dashed by their style. The scene
// draws them itself unless SetBackdrop(false); the export paints them
// directly, which is much faster for large images.
func Backdrop(l *layout.Layout, p *Palette, transparent bool) []FillRect {
	out := make([]FillRect, 0, 8+4*len(l.Lanes)+len(l.Columns)+len(l.Lines)*int(l.Grid.W/8))
	if !transparent {
		out = append(out, FillRect{Rect: layout.Rect{W: l.Width, H: l.Height}, Color: p.Background})
	}
	for _, ln := range l.Lanes {
		lc := p.Lane(ln.Kind)
		fill := lc.Fill
		if ln.Index%2 == 1 {
			fill = lc.AltFill
		}
		out = append(out, FillRect{Rect: ln.Rect, Color: fill}, FillRect{Rect: ln.Header, Color: lc.Header},
			FillRect{Rect: layout.Rect{X: ln.Header.X, Y: ln.Header.Y, W: 4, H: ln.Header.H}, Color: lc.Accent})
	}
	g := l.Grid
	for i, c := range l.Columns {
		if i > 0 {
			out = append(out, vline(c.Rect.X, g.Y, g.Bottom(), 1, p.Grid))
		}
	}
	lined := make(map[float32]bool, len(l.Lines))
	for _, m := range l.Lines {
		lined[m.Y] = true
	}
	for i, ln := range l.Lanes {
		if i > 0 && !lined[ln.Rect.Y] {
			out = append(out, hline(g.X, g.Right(), ln.Rect.Y, 1, p.Grid))
		}
	}
	out = append(out, hline(g.X, g.Right(), g.Y, 1, p.Grid), hline(g.X, g.Right(), g.Bottom(), 1, p.Grid),
		vline(g.Right(), g.Y, g.Bottom(), 1, p.Grid))
	for _, m := range l.Lines {
		pat := dashPattern(m.Style)
		if pat == nil {
			out = append(out, hline(m.X1, m.X2, m.Y, p.LineStroke, p.Line))
			continue
		}
		pos := m.X1
		for i := 0; pos < m.X2; i++ {
			n := pat[i%len(pat)]
			if i%2 == 0 {
				out = append(out, hline(pos, min(pos+n, m.X2), m.Y, p.LineStroke, p.Line))
			}
			pos += n
		}
	}
	return out
}
