package draw

import (
	"math"

	"servicebp/blueprint/layout"
)

// Dashes calls f with the ends of every stroked piece of the open path p:
// each segment when p is solid, otherwise each "on" dash of p.Dash, the
// pattern running on across the corners. It is for painters with no
// dashed stroke of their own; a dash that runs over a corner is cut in
// two there. Horizontal and vertical segments step along one coordinate,
// so their dashes end on the same float32 values as a dash loop along x
// or y would give.
func (p *Path) Dashes(f func(a, b layout.Point)) {
	solid := true
	for _, d := range p.Dash {
		if d > 0 {
			solid = false
		}
	}
	if solid {
		for i := 0; i+1 < len(p.Points); i++ {
			f(p.Points[i], p.Points[i+1])
		}
		return
	}
	pat := p.Dash
	i := 0                 // the pattern entry
	left := max(pat[0], 0) // what is left of it
	for s := 0; s+1 < len(p.Points); s++ {
		a, b := p.Points[s], p.Points[s+1]
		// The segment runs from v = v0 to v1; pt is the point at v. On an
		// axis v is the coordinate itself (negated when decreasing), so
		// the dash ends are plain sums of it.
		var v0, v1 float32
		var pt func(v float32) layout.Point
		switch dx, dy := b.X-a.X, b.Y-a.Y; {
		case dx == 0 && dy == 0:
			continue
		case dy == 0 && dx > 0:
			v0, v1 = a.X, b.X
			pt = func(v float32) layout.Point { return layout.Point{X: v, Y: a.Y} }
		case dy == 0:
			v0, v1 = -a.X, -b.X
			pt = func(v float32) layout.Point { return layout.Point{X: -v, Y: a.Y} }
		case dx == 0 && dy > 0:
			v0, v1 = a.Y, b.Y
			pt = func(v float32) layout.Point { return layout.Point{X: a.X, Y: v} }
		case dx == 0:
			v0, v1 = -a.Y, -b.Y
			pt = func(v float32) layout.Point { return layout.Point{X: a.X, Y: -v} }
		default:
			n := float32(math.Hypot(float64(dx), float64(dy)))
			ux, uy := dx/n, dy/n
			v0, v1 = 0, n
			pt = func(v float32) layout.Point { return layout.Point{X: a.X + ux*v, Y: a.Y + uy*v} }
		}
		for v := v0; v < v1; {
			end := v + left
			if end > v1 {
				if i%2 == 0 {
					f(pt(v), b)
				}
				left = end - v1
				break
			}
			if i%2 == 0 && left > 0 {
				f(pt(v), pt(end))
			}
			v = end
			i = (i + 1) % len(pat)
			left = max(pat[i], 0)
		}
	}
}
