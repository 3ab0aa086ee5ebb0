// Package raster paints a display list into bands of pixel rows, with
// golang.org/x/image/vector for anti-aliased coverage and the text
// engine's glyph outlines for text. A band needs memory for its own rows
// only, so an image of any size is painted in bounded memory. It has no
// Fyne in it.
package raster

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"

	xdraw "servicebp/blueprint/draw"
	"servicebp/blueprint/images"
	"servicebp/blueprint/layout"
	"servicebp/export/text"
)

// Painter paints one list at one scale, band after band. It is not safe
// for concurrent use; make one per goroutine.
type Painter struct {
	eng    *text.Engine
	scale  float32
	dx, dy float32 // where the world origin falls, in pixels
	items  []placed
	z      vector.Rasterizer
	mask   *image.Alpha
	pts    []layout.Point // scratch for strokes
	pics   images.Source
}

// placed is an item with its pixel bounds in the full image.
type placed struct {
	it     xdraw.Item
	y0, y1 int // pixel rows it may touch
}

// New returns a painter of l at scale pixels per world unit. Texts without
// a run are shaped with eng, which also gives the glyph outlines.
func New(l *xdraw.List, eng *text.Engine, scale float32) *Painter {
	return NewAt(l, eng, scale, layout.Point{})
}

// NewAt is New with the world origin painted at pixel off.
func NewAt(l *xdraw.List, eng *text.Engine, scale float32, off layout.Point) *Painter {
	eng.ShapeList(l)
	p := &Painter{eng: eng, scale: scale, dx: off.X, dy: off.Y}
	l.Each(func(_ *xdraw.Group, it xdraw.Item) {
		b := it.Bounds()
		// Miter joins and glyphs reach a little past the bounds.
		m := float32(2)
		if t, ok := it.(*xdraw.Text); ok {
			m += t.Line.Size / 2
		}
		if pa, ok := it.(*xdraw.Path); ok {
			m += 4 * pa.Width
		}
		p.items = append(p.items, placed{it: it,
			y0: int(math.Floor(float64((b.Y-m)*scale + off.Y))),
			y1: int(math.Ceil(float64((b.Bottom()+m)*scale + off.Y)))})
	})
	return p
}

// Paint paints every item that reaches dst's rows over what dst holds
// (clear it first for a fresh band); dst's bounds are the rows' place in
// the full image.
func (p *Painter) Paint(dst *image.NRGBA) {
	b := dst.Bounds()
	for i := range p.items {
		pl := &p.items[i]
		if pl.y1 <= b.Min.Y || pl.y0 >= b.Max.Y {
			continue
		}
		switch it := pl.it.(type) {
		case *xdraw.Rect:
			p.rect(dst, it)
		case *xdraw.Path:
			p.path(dst, it)
		case *xdraw.Circle:
			p.circle(dst, it)
		case *xdraw.Text:
			p.text(dst, it)
		case *xdraw.Image:
			p.image(dst, it)
		}
	}
}

// shape collects the contours of one shape in pixel coordinates of the
// full image, then fills them with a colour.
type shape struct {
	p          *Painter
	dst        *image.NRGBA
	clip       image.Rectangle // the band
	minX, minY float32
	maxX, maxY float32
	segs       []seg
}

type seg struct {
	op  text.SegOp
	pts [3]layout.Point
}

func (p *Painter) begin(dst *image.NRGBA) *shape {
	return &shape{p: p, dst: dst, clip: dst.Bounds(),
		minX: math.MaxFloat32, minY: math.MaxFloat32, maxX: -math.MaxFloat32, maxY: -math.MaxFloat32}
}

func (s *shape) grow(q layout.Point) {
	s.minX, s.minY = min(s.minX, q.X), min(s.minY, q.Y)
	s.maxX, s.maxY = max(s.maxX, q.X), max(s.maxY, q.Y)
}

func (s *shape) add(op text.SegOp, pts ...layout.Point) {
	var sg seg
	sg.op = op
	copy(sg.pts[:], pts)
	for _, q := range pts {
		s.grow(q)
	}
	s.segs = append(s.segs, sg)
}

// poly adds a closed polygon, in image pixels.
func (s *shape) poly(pts []layout.Point) {
	if len(pts) < 3 {
		return
	}
	s.add(text.MoveTo, pts[0])
	for _, q := range pts[1:] {
		s.add(text.LineTo, q)
	}
}

// fill rasterizes the contours and paints c through their coverage.
func (s *shape) fill(c color.NRGBA) {
	if c.A == 0 || len(s.segs) == 0 {
		return
	}
	area := image.Rect(int(math.Floor(float64(s.minX))), int(math.Floor(float64(s.minY))),
		int(math.Ceil(float64(s.maxX))), int(math.Ceil(float64(s.maxY)))).Intersect(s.clip)
	if area.Empty() {
		return
	}
	p := s.p
	z := &p.z
	z.Reset(area.Dx(), area.Dy())
	ox, oy := float32(area.Min.X), float32(area.Min.Y)
	for _, sg := range s.segs {
		a, b, d := sg.pts[0], sg.pts[1], sg.pts[2]
		switch sg.op {
		case text.MoveTo:
			z.ClosePath()
			z.MoveTo(a.X-ox, a.Y-oy)
		case text.LineTo:
			z.LineTo(a.X-ox, a.Y-oy)
		case text.QuadTo:
			z.QuadTo(a.X-ox, a.Y-oy, b.X-ox, b.Y-oy)
		case text.CubeTo:
			z.CubeTo(a.X-ox, a.Y-oy, b.X-ox, b.Y-oy, d.X-ox, d.Y-oy)
		}
	}
	z.ClosePath()
	if p.mask == nil || cap(p.mask.Pix) < area.Dx()*area.Dy() {
		p.mask = image.NewAlpha(image.Rect(0, 0, area.Dx(), area.Dy()))
	}
	m := p.mask
	m.Pix = m.Pix[:area.Dx()*area.Dy()]
	m.Stride, m.Rect = area.Dx(), image.Rect(0, 0, area.Dx(), area.Dy())
	z.DrawOp = draw.Src
	z.Draw(m, m.Rect, image.Opaque, image.Point{})
	composite(s.dst, area, m, c)
}

// composite paints c over dst in area through mask (whose origin is at
// area.Min).
func composite(dst *image.NRGBA, area image.Rectangle, mask *image.Alpha, c color.NRGBA) {
	for y := area.Min.Y; y < area.Max.Y; y++ {
		mrow := mask.Pix[(y-area.Min.Y)*mask.Stride:]
		row := dst.Pix[dst.PixOffset(area.Min.X, y):]
		for x := range area.Dx() {
			a := uint32(mrow[x])
			if a == 0 {
				continue
			}
			over(row[4*x:4*x+4], c, a)
		}
	}
}

// over paints colour c with coverage cov (0–255) over pixel p.
func over(p []uint8, c color.NRGBA, cov uint32) {
	ta := (uint32(c.A)*cov + 127) / 255
	if ta == 0xff {
		p[0], p[1], p[2], p[3] = c.R, c.G, c.B, 0xff
		return
	}
	ba := uint32(p[3]) * (0xff - ta) / 0xff // what shows of p through c
	oa := ta + ba
	if oa == 0 {
		return
	}
	p[0] = uint8((uint32(c.R)*ta + uint32(p[0])*ba + oa/2) / oa)
	p[1] = uint8((uint32(c.G)*ta + uint32(p[1])*ba + oa/2) / oa)
	p[2] = uint8((uint32(c.B)*ta + uint32(p[2])*ba + oa/2) / oa)
	p[3] = uint8(oa)
}

// pt is world point q in image pixels.
func (p *Painter) pt(x, y float32) layout.Point {
	return layout.Point{X: x*p.scale + p.dx, Y: y*p.scale + p.dy}
}

// box is world rectangle r in image pixels.
func (p *Painter) box(r layout.Rect) layout.Rect {
	return layout.Rect{X: r.X*p.scale + p.dx, Y: r.Y*p.scale + p.dy, W: r.W * p.scale, H: r.H * p.scale}
}

// text fills the glyph outlines of t.
func (p *Painter) text(dst *image.NRGBA, t *xdraw.Text) {
	r := t.Run
	if r == nil || t.Color.A == 0 {
		return
	}
	s := p.begin(dst)
	k := t.Line.Size * p.scale
	// The baseline falls on a whole pixel below the top of the box, as on
	// the editor's screen, so that the stems of the glyphs stay sharp.
	top := p.pt(t.Line.Pos.X, t.Line.Pos.Y)
	bx, by := top.X, top.Y+float32(math.Ceil(float64(r.Ascent*p.scale)))
	for _, g := range r.Glyphs {
		gx, gy := bx+g.X*p.scale, by+g.Y*p.scale
		for _, sg := range p.eng.GlyphOutline(r, g) {
			var pts [3]layout.Point
			for i := range sg.N() {
				pts[i] = layout.Point{X: gx + sg.Pts[i].X*k, Y: gy + sg.Pts[i].Y*k}
			}
			s.add(sg.Op, pts[:sg.N()]...)
		}
	}
	s.fill(t.Color)
}
