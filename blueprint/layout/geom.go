package layout

import "math"

// Point is a position in world coordinates.
type Point struct{ X, Y float32 }

// Rect is an axis-aligned rectangle in world coordinates: X, Y is its
// top-left corner.
type Rect struct{ X, Y, W, H float32 }

// Right is the x coordinate of the right edge.
func (r Rect) Right() float32 { return r.X + r.W }

// Bottom is the y coordinate of the bottom edge.
func (r Rect) Bottom() float32 { return r.Y + r.H }

// Center is the middle of the rectangle.
func (r Rect) Center() Point { return Point{r.X + r.W/2, r.Y + r.H/2} }

// Contains reports whether p lies inside r, edges included.
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

// Intersects reports whether r and o overlap.
func (r Rect) Intersects(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Union is the smallest rectangle that holds r and o.
func (r Rect) Union(o Rect) Rect {
	x1, y1 := min(r.X, o.X), min(r.Y, o.Y)
	x2, y2 := max(r.Right(), o.Right()), max(r.Bottom(), o.Bottom())
	return Rect{x1, y1, x2 - x1, y2 - y1}
}

// Inset shrinks r by d on every side (grows it when d is negative).
func (r Rect) Inset(d float32) Rect {
	return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d}
}

// segmentDistance is the distance from p to the segment a–b.
func segmentDistance(p, a, b Point) float32 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	t := float32(0)
	if l2 > 0 {
		t = ((p.X-a.X)*dx + (p.Y-a.Y)*dy) / l2
		t = max(0, min(1, t))
	}
	qx, qy := a.X+t*dx-p.X, a.Y+t*dy-p.Y
	return sqrt32(qx*qx + qy*qy)
}

func sqrt32(v float32) float32 { return float32(math.Sqrt(float64(max(v, 0)))) }
