package canvas

import (
	"image/color"

	"servicebp/blueprint/draw"
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

// Backdrop returns the backdrop group of the display list (see
// draw.Backdrop) as axis-aligned rectangles in drawing order, each dash of
// a dashed boundary line a rectangle of its own, for a painter that fills
// them directly (the PNG export: much faster for large images). The scene
// draws them itself unless SetBackdrop(false).
func Backdrop(l *layout.Layout, p *Palette, transparent bool) []FillRect {
	g := draw.Backdrop(l, p, transparent)
	out := make([]FillRect, 0, len(g.Items)+len(l.Lines)*int(l.Grid.W/8))
	for _, it := range g.Items {
		switch it := it.(type) {
		case *draw.Rect:
			out = append(out, FillRect{Rect: it.R, Color: it.Fill})
		case *draw.Path:
			w := it.Width
			it.Dashes(func(a, b layout.Point) {
				if a.Y == b.Y {
					x1, x2 := min(a.X, b.X), max(a.X, b.X)
					out = append(out, FillRect{Rect: layout.Rect{X: x1, Y: a.Y - w/2, W: x2 - x1, H: w}, Color: it.Stroke, Line: true})
				} else {
					y1, y2 := min(a.Y, b.Y), max(a.Y, b.Y)
					out = append(out, FillRect{Rect: layout.Rect{X: a.X - w/2, Y: y1, W: w, H: y2 - y1}, Color: it.Stroke, Line: true})
				}
			})
		}
	}
	return out
}
