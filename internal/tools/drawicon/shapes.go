package main

import "math"

// shape is a region of the plane given by its signed distance function:
// negative inside, positive outside, in design units.
type shape interface {
	dist(x, y float64) float64
}

// roundRect is a rectangle with rounded corners, given by its centre, its
// half width and half height, and its corner radius.
type roundRect struct {
	cx, cy, hw, hh, r float64
}

func (s roundRect) dist(x, y float64) float64 {
	qx := math.Abs(x-s.cx) - (s.hw - s.r)
	qy := math.Abs(y-s.cy) - (s.hh - s.r)
	outside := math.Hypot(math.Max(qx, 0), math.Max(qy, 0))
	inside := math.Min(math.Max(qx, qy), 0)
	return outside + inside - s.r
}

// capsule is a straight stroke from (ax, ay) to (bx, by) with round caps and
// half width r.
type capsule struct {
	ax, ay, bx, by, r float64
}

func (s capsule) dist(x, y float64) float64 {
	return segmentDist(x, y, s.ax, s.ay, s.bx, s.by) - s.r
}

// polygon is a convex polygon; its points may run either way round.
type polygon []point

type point struct{ x, y float64 }

func (p polygon) dist(x, y float64) float64 {
	d := math.Inf(1)
	sign := 0.0
	inside := true
	for i := range p {
		a, b := p[i], p[(i+1)%len(p)]
		d = math.Min(d, segmentDist(x, y, a.x, a.y, b.x, b.y))
		cross := (b.x-a.x)*(y-a.y) - (b.y-a.y)*(x-a.x)
		switch {
		case cross == 0:
		case sign == 0:
			sign = math.Copysign(1, cross)
		case math.Copysign(1, cross) != sign:
			inside = false
		}
	}
	if inside {
		return -d
	}
	return d
}

// union is the region covered by any of its shapes.
type union []shape

func (u union) dist(x, y float64) float64 {
	d := math.Inf(1)
	for _, s := range u {
		d = math.Min(d, s.dist(x, y))
	}
	return d
}

// intersection is the region covered by all of its shapes.
type intersection []shape

func (in intersection) dist(x, y float64) float64 {
	d := math.Inf(-1)
	for _, s := range in {
		d = math.Max(d, s.dist(x, y))
	}
	return d
}

// segmentDist is the distance from (x, y) to the segment from (ax, ay) to
// (bx, by).
func segmentDist(x, y, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = ((x-ax)*dx + (y-ay)*dy) / l2
		t = math.Max(0, math.Min(1, t))
	}
	return math.Hypot(x-(ax+t*dx), y-(ay+t*dy))
}
