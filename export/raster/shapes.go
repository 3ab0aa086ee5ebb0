package raster

import (
	"image"
	"image/color"
	"math"

	xdraw "servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/export/text"
)

// kappa places the control points of a cubic Bézier quarter circle.
const kappa = 0.5522847498

// rect paints a rectangle: plain filled ones directly, the others through
// the rasterizer.
func (p *Painter) rect(dst *image.NRGBA, r *xdraw.Rect) {
	px := p.box(r.R)
	rad := min(r.Radius, r.R.W/2, r.R.H/2) * p.scale
	if r.Fill.A != 0 {
		if rad <= 0 {
			fillBox(dst, px, r.Fill)
		} else {
			s := p.begin(dst)
			s.roundRect(px, rad, r.Corners, false)
			s.fill(r.Fill)
		}
	}
	if r.Stroke.A != 0 && r.Width > 0 {
		hw := r.Width * p.scale / 2
		s := p.begin(dst)
		s.roundRect(px.Inset(-hw), rad+hw, r.Corners, false)
		if in := px.Inset(hw); in.W > 0 && in.H > 0 {
			s.roundRect(in, max(rad-hw, 0), r.Corners, true)
		}
		s.fill(r.Stroke)
	}
}

// roundRect adds r (pixels) with corners of radius rad as one contour,
// clockwise on screen, or anticlockwise (a hole) when reverse.
func (s *shape) roundRect(r layout.Rect, rad float32, corners xdraw.Corners, reverse bool) {
	x0, y0, x1, y1 := r.X, r.Y, r.Right(), r.Bottom()
	rad = min(rad, r.W/2, r.H/2)
	rr := rad // the right-hand corners
	if corners == xdraw.LeftCorners {
		rr = 0
	}
	k := float32(kappa)
	type pt = layout.Point
	// Clockwise from the top edge's start: top, right, bottom, left.
	var segs []seg
	line := func(x, y float32) { segs = append(segs, seg{op: text.LineTo, pts: [3]pt{{X: x, Y: y}}}) }
	arc := func(ax, ay, bx, by, cx, cy float32) {
		segs = append(segs, seg{op: text.CubeTo, pts: [3]pt{{X: ax, Y: ay}, {X: bx, Y: by}, {X: cx, Y: cy}}})
	}
	start := pt{X: x0 + rad, Y: y0}
	line(x1-rr, y0)
	if rr > 0 {
		arc(x1-rr+rr*k, y0, x1, y0+rr-rr*k, x1, y0+rr)
	}
	line(x1, y1-rr)
	if rr > 0 {
		arc(x1, y1-rr+rr*k, x1-rr+rr*k, y1, x1-rr, y1)
	}
	line(x0+rad, y1)
	if rad > 0 {
		arc(x0+rad-rad*k, y1, x0, y1-rad+rad*k, x0, y1-rad)
	}
	line(x0, y0+rad)
	if rad > 0 {
		arc(x0, y0+rad-rad*k, x0+rad-rad*k, y0, x0+rad, y0)
	}
	if !reverse {
		s.add(text.MoveTo, start)
		for _, sg := range segs {
			s.add(sg.op, sg.pts[:opPoints(sg.op)]...)
		}
		return
	}
	// Walk the same contour backwards: each segment from its end to its
	// start, with its control points in reverse order.
	ends := make([]pt, len(segs)+1)
	ends[0] = start
	for i, sg := range segs {
		ends[i+1] = sg.pts[opPoints(sg.op)-1]
	}
	s.add(text.MoveTo, ends[len(segs)])
	for i := len(segs) - 1; i >= 0; i-- {
		sg := segs[i]
		if sg.op == text.CubeTo {
			s.add(text.CubeTo, sg.pts[1], sg.pts[0], ends[i])
		} else {
			s.add(text.LineTo, ends[i])
		}
	}
}

func opPoints(op text.SegOp) int { return text.Seg{Op: op}.N() }

// circle paints a filled and/or stroked circle.
func (p *Painter) circle(dst *image.NRGBA, c *xdraw.Circle) {
	ctr := p.pt(c.Center.X, c.Center.Y)
	r := c.Radius * p.scale
	if c.Fill.A != 0 && r > 0 {
		s := p.begin(dst)
		s.circle(ctr, r, false)
		s.fill(c.Fill)
	}
	if c.Stroke.A != 0 && c.Width > 0 {
		hw := c.Width * p.scale / 2
		s := p.begin(dst)
		s.circle(ctr, r+hw, false)
		if r-hw > 0 {
			s.circle(ctr, r-hw, true)
		}
		s.fill(c.Stroke)
	}
}

func (s *shape) circle(c layout.Point, r float32, reverse bool) {
	b := layout.Rect{X: c.X - r, Y: c.Y - r, W: 2 * r, H: 2 * r}
	s.roundRect(b, r, xdraw.AllCorners, reverse)
}

// fillBox paints an axis-aligned rectangle (pixels) of colour c over dst,
// giving partly covered edge pixels their share of the colour.
func fillBox(dst *image.NRGBA, r layout.Rect, c color.NRGBA) {
	b := dst.Bounds()
	x0 := max(float64(r.X), float64(b.Min.X))
	y0 := max(float64(r.Y), float64(b.Min.Y))
	x1 := min(float64(r.Right()), float64(b.Max.X))
	y1 := min(float64(r.Bottom()), float64(b.Max.Y))
	if x0 >= x1 || y0 >= y1 {
		return
	}
	ix0, iy0 := int(math.Floor(x0)), int(math.Floor(y0))
	ix1, iy1 := int(math.Ceil(x1)), int(math.Ceil(y1))
	cover := func(i int, lo, hi float64) float64 { return min(float64(i+1), hi) - max(float64(i), lo) }
	// The whole pixels of a row, between the partly covered edges.
	fx0, fx1 := int(math.Ceil(x0)), int(math.Floor(x1))
	for y := iy0; y < iy1; y++ {
		cy := cover(y, y0, y1)
		row := dst.Pix[dst.PixOffset(ix0, y):]
		if cy >= 1 && c.A == 0xff && fx1 > fx0 {
			for x := ix0; x < fx0; x++ {
				over(row[4*(x-ix0):4*(x-ix0)+4], c, uint32(255*cover(x, x0, x1)+0.5))
			}
			span := row[4*(fx0-ix0) : 4*(fx1-ix0)]
			span[0], span[1], span[2], span[3] = c.R, c.G, c.B, c.A
			for n := 4; n < len(span); n *= 2 {
				copy(span[n:], span[:n])
			}
			for x := fx1; x < ix1; x++ {
				over(row[4*(x-ix0):4*(x-ix0)+4], c, uint32(255*cover(x, x0, x1)+0.5))
			}
			continue
		}
		for x := ix0; x < ix1; x++ {
			cv := uint32(255*cover(x, x0, x1)*cy + 0.5)
			if cv > 0 {
				over(row[4*(x-ix0):4*(x-ix0)+4], c, cv)
			}
		}
	}
}
