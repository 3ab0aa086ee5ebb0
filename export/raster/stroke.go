package raster

import (
	"image"
	"math"

	xdraw "servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
)

// miterLimit is the longest miter, in stroke widths, before a join is
// bevelled: SVG's default, so that the PNG and the SVG agree.
const miterLimit = 4

// path paints a polyline or polygon: its fill, then its stroke (dashed,
// butt caps, miter joins).
func (p *Painter) path(dst *image.NRGBA, pa *xdraw.Path) {
	if len(pa.Points) < 2 {
		return
	}
	pts := p.pts[:0]
	for _, q := range pa.Points {
		pts = append(pts, p.pt(q.X, q.Y))
	}
	p.pts = pts
	if pa.Fill.A != 0 && len(pts) >= 3 {
		s := p.begin(dst)
		s.poly(pts)
		s.fill(pa.Fill)
	}
	if pa.Stroke.A == 0 || pa.Width <= 0 {
		return
	}
	hw := pa.Width * p.scale / 2
	s := p.begin(dst)
	if len(pa.Dash) == 0 {
		s.stroke(pts, pa.Closed, hw)
	} else {
		dash := make([]float32, len(pa.Dash))
		for i, d := range pa.Dash {
			dash[i] = max(d*p.scale, 0)
		}
		line := pts
		if pa.Closed {
			line = append(append([]layout.Point(nil), pts...), pts[0])
		}
		dashes(line, dash, func(piece []layout.Point) { s.stroke(piece, false, hw) })
	}
	s.fill(pa.Stroke)
}

// dashes calls f with each "on" piece of the polyline pts under the dash
// pattern (on, off, on, …, repeated).
func dashes(pts []layout.Point, dash []float32, f func([]layout.Point)) {
	var total float32
	for _, d := range dash {
		total += d
	}
	if total <= 0 {
		f(pts)
		return
	}
	i, left, on := 0, dash[0], true
	piece := []layout.Point{pts[0]}
	for k := 1; k < len(pts); k++ {
		a, b := pts[k-1], pts[k]
		seg := dist(a, b)
		pos := float32(0)
		for seg-pos > left {
			pos += left
			q := lerp(a, b, pos/seg)
			if on {
				piece = append(piece, q)
				f(piece)
				piece = piece[:0]
			} else {
				piece = append(piece[:0], q)
			}
			on = !on
			i = (i + 1) % len(dash)
			left = dash[i]
		}
		left -= seg - pos
		if on {
			piece = append(piece, b)
		}
	}
	if on && len(piece) >= 2 {
		f(piece)
	}
}

// stroke adds the outline of a stroke of half-width hw along pts: one
// rectangle per segment and a miter (or bevel) wedge at each join, all
// clockwise so that their overlaps add up rather than cancel.
func (s *shape) stroke(pts []layout.Point, closed bool, hw float32) {
	n := len(pts)
	if closed && n > 2 && pts[0] == pts[n-1] {
		n--
	}
	segs := n - 1
	if closed {
		segs = n
	}
	var quad [4]layout.Point
	for i := range segs {
		a, b := pts[i], pts[(i+1)%n]
		d := dist(a, b)
		if d == 0 {
			continue
		}
		nx, ny := -(b.Y-a.Y)/d*hw, (b.X-a.X)/d*hw
		quad = [4]layout.Point{{X: a.X + nx, Y: a.Y + ny}, {X: b.X + nx, Y: b.Y + ny}, {X: b.X - nx, Y: b.Y - ny}, {X: a.X - nx, Y: a.Y - ny}}
		s.clockwise(quad[:])
	}
	for i := range n {
		if !closed && (i == 0 || i == n-1) {
			continue
		}
		s.join(pts[(i-1+n)%n], pts[i], pts[(i+1)%n], hw)
	}
}

// join adds the wedge that fills the outside of the corner at v between
// segments u→v and v→w.
func (s *shape) join(u, v, w layout.Point, hw float32) {
	d1, d2 := dist(u, v), dist(v, w)
	if d1 == 0 || d2 == 0 {
		return
	}
	e1 := layout.Point{X: (v.X - u.X) / d1, Y: (v.Y - u.Y) / d1}
	e2 := layout.Point{X: (w.X - v.X) / d2, Y: (w.Y - v.Y) / d2}
	cross := e1.X*e2.Y - e1.Y*e2.X
	if abs(cross) < 1e-6 {
		return // straight on (or straight back: nothing sensible to add)
	}
	side := float32(-1)
	if cross < 0 {
		side = 1
	}
	n1 := layout.Point{X: -e1.Y * side, Y: e1.X * side}
	n2 := layout.Point{X: -e2.Y * side, Y: e2.X * side}
	a := layout.Point{X: v.X + n1.X*hw, Y: v.Y + n1.Y*hw}
	b := layout.Point{X: v.X + n2.X*hw, Y: v.Y + n2.Y*hw}
	sx, sy := n1.X+n2.X, n1.Y+n2.Y
	l2 := sx*sx + sy*sy // |n1+n2|², 4cos²(θ/2)
	if l2 < 4/(miterLimit*miterLimit) {
		s.clockwise([]layout.Point{v, a, b}) // bevel
		return
	}
	m := layout.Point{X: v.X + sx*2*hw/l2, Y: v.Y + sy*2*hw/l2}
	s.clockwise([]layout.Point{v, a, m, b})
}

// clockwise adds the polygon pts, reversed if needed so that it runs
// clockwise on screen (positive signed area with y down).
func (s *shape) clockwise(pts []layout.Point) {
	var area float32
	for i := range pts {
		a, b := pts[i], pts[(i+1)%len(pts)]
		area += a.X*b.Y - b.X*a.Y
	}
	if area < 0 {
		for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
			pts[i], pts[j] = pts[j], pts[i]
		}
	}
	s.poly(pts)
}

func dist(a, b layout.Point) float32 {
	return float32(math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)))
}

func lerp(a, b layout.Point, t float32) layout.Point {
	return layout.Point{X: a.X + (b.X-a.X)*t, Y: a.Y + (b.Y-a.Y)*t}
}

func abs(v float32) float32 { return float32(math.Abs(float64(v))) }
