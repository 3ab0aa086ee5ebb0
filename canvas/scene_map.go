package canvas

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
)

// The board draws the display list (see draw.Build): each list item maps
// to one or more Fyne objects, described by a spec. Fyne has no dashed
// strokes and no general polygons, so this is where dashes are split into
// line segments and regular polygons (arrowheads, diamonds) become
// fcanvas.Polygon.

// shape is the kind of Fyne object a spec draws.
type shape int

const (
	shapeRect shape = iota
	shapeText
	shapeLine
	shapePoly
	shapeCircle
	shapeImage
)

// spec describes one canvas object in world coordinates. Specs are
// comparable, so the scene can tell which objects changed.
type spec struct {
	shape shape
	// r is the box of a rect, text, polygon or circle. For a line, r.X, r.Y
	// is one end and r.W, r.H the other end (not a size).
	r       layout.Rect
	fill    color.NRGBA
	stroke  color.NRGBA
	width   float32
	radius  float32
	corners draw.Corners
	text    string
	size    float32
	bold    bool
	angle   float32
	sides   uint
	// img is the picture of an image spec (text holds its key); the
	// scene fills it in from its picture source.
	img *image.NRGBA
}

// bounds is the world rectangle the spec covers, for culling.
func (s *spec) bounds() layout.Rect {
	if s.shape == shapeLine {
		x1, y1 := min(s.r.X, s.r.W), min(s.r.Y, s.r.H)
		x2, y2 := max(s.r.X, s.r.W), max(s.r.Y, s.r.H)
		return layout.Rect{X: x1 - s.width, Y: y1 - s.width, W: x2 - x1 + 2*s.width, H: y2 - y1 + 2*s.width}
	}
	return s.r.Inset(-s.width)
}

func lineSpec(a, b layout.Point, c color.NRGBA, width float32) spec {
	return spec{shape: shapeLine, r: layout.Rect{X: a.X, Y: a.Y, W: b.X, H: b.Y}, stroke: c, width: width}
}

// groupSpecs appends the specs of g's items to out.
func groupSpecs(out []spec, g *draw.Group) []spec {
	for _, it := range g.Items {
		out = itemSpecs(out, it)
	}
	return out
}

// itemSpecs appends the specs that draw it to out.
func itemSpecs(out []spec, it draw.Item) []spec {
	switch it := it.(type) {
	case *draw.Rect:
		return append(out, spec{shape: shapeRect, r: it.R, fill: it.Fill, stroke: it.Stroke, width: it.Width, radius: it.Radius, corners: it.Corners})
	case *draw.Text:
		t := it.Line
		return append(out, spec{shape: shapeText, r: t.Rect(), fill: it.Color, text: t.Text, size: t.Size, bold: t.Bold})
	case *draw.Circle:
		r := it.Radius
		return append(out, spec{shape: shapeCircle, r: layout.Rect{X: it.Center.X - r, Y: it.Center.Y - r, W: 2 * r, H: 2 * r},
			fill: it.Fill, stroke: it.Stroke, width: it.Width})
	case *draw.Path:
		return pathSpecs(out, it)
	case *draw.Image:
		return append(out, spec{shape: shapeImage, r: it.R, text: it.Key})
	}
	return out
}

// pathSpecs appends the specs of a path: a polygon for a closed regular
// polygon, line segments (one per dash) for anything else.
func pathSpecs(out []spec, p *draw.Path) []spec {
	if p.Closed {
		if sp, ok := polygonSpec(p); ok {
			return append(out, sp)
		}
		// Fyne draws only regular polygons: outline anything else.
		c := p.Stroke
		if c.A == 0 {
			c = p.Fill
		}
		n := len(p.Points)
		for i := range n {
			out = append(out, lineSpec(p.Points[i], p.Points[(i+1)%n], c, max(p.Width, 1)))
		}
		return out
	}
	if p.Stroke.A == 0 && p.Width == 0 {
		return out
	}
	if len(p.Dash) == 0 {
		// Solid, the common case (flows, the grid): no closure to call.
		for i := 0; i+1 < len(p.Points); i++ {
			out = append(out, lineSpec(p.Points[i], p.Points[i+1], p.Stroke, p.Width))
		}
		return out
	}
	p.Dashes(func(a, b layout.Point) { out = append(out, lineSpec(a, b, p.Stroke, p.Width)) })
	return out
}

// polygonSpec is the Fyne polygon of the closed path p when p is a
// regular polygon: its points equally far from their centre and equally
// spaced around it, the first one giving the rotation.
func polygonSpec(p *draw.Path) (spec, bool) {
	n := len(p.Points)
	if n < 3 {
		return spec{}, false
	}
	var cx, cy float64
	for _, q := range p.Points {
		cx, cy = cx+float64(q.X), cy+float64(q.Y)
	}
	cx, cy = cx/float64(n), cy/float64(n)
	x0, y0 := float64(p.Points[0].X)-cx, float64(p.Points[0].Y)-cy
	r := math.Hypot(x0, y0)
	if r == 0 {
		return spec{}, false
	}
	a0 := math.Atan2(y0, x0)
	step := 2 * math.Pi / float64(n)
	for i, q := range p.Points {
		x, y := float64(q.X)-cx, float64(q.Y)-cy
		wx, wy := r*math.Cos(a0+step*float64(i)), r*math.Sin(a0+step*float64(i))
		if math.Abs(x-wx) > r*1e-3 || math.Abs(y-wy) > r*1e-3 {
			return spec{}, false
		}
	}
	// Fyne's angle is in degrees, clockwise, 0 with the first point on
	// top.
	angle := math.Atan2(x0, -y0) * 180 / math.Pi
	if k := math.Round(angle); math.Abs(angle-k) < 1e-3 {
		angle = k
	}
	if angle == -180 {
		angle = 180 // the same turn, as Atan2 gives it for a +0 sine
	}
	if k := math.Round(r * 64); math.Abs(r*64-k) < 1e-3 {
		r = k / 64
	}
	rf := float32(r)
	return spec{shape: shapePoly, r: layout.Rect{X: float32(cx) - rf, Y: float32(cy) - rf, W: 2 * rf, H: 2 * rf},
		fill: p.Fill, stroke: p.Stroke, width: p.Width, sides: uint(n), angle: float32(angle)}, true
}

// newObject creates the Fyne object for a spec's shape.
func newObject(s shape) fyne.CanvasObject {
	switch s {
	case shapeText:
		return &fcanvas.Text{}
	case shapeLine:
		return &fcanvas.Line{}
	case shapePoly:
		return &fcanvas.Polygon{}
	case shapeCircle:
		return &fcanvas.Circle{}
	case shapeImage:
		return &fcanvas.Image{FillMode: fcanvas.ImageFillCover, ScaleMode: fcanvas.ImageScaleSmooth}
	}
	return &fcanvas.Rectangle{}
}

// view maps world coordinates to the screen.
type view struct {
	zoom float32
	off  fyne.Position
}

func (v view) pos(x, y float32) fyne.Position {
	return fyne.NewPos(x*v.zoom+v.off.X, y*v.zoom+v.off.Y)
}

func (v view) size(w, h float32) fyne.Size { return fyne.NewSize(w*v.zoom, h*v.zoom) }

// apply sets obj from s under v and refreshes it.
func apply(obj fyne.CanvasObject, s *spec, v view, font textFonts) {
	z := v.zoom
	switch o := obj.(type) {
	case *fcanvas.Rectangle:
		o.FillColor, o.StrokeColor, o.StrokeWidth = s.fill, s.stroke, s.width*z
		if s.corners == draw.LeftCorners {
			o.CornerRadius, o.TopLeftCornerRadius, o.BottomLeftCornerRadius = 0, s.radius*z, s.radius*z
		} else {
			o.CornerRadius = s.radius * z
		}
		o.Move(v.pos(s.r.X, s.r.Y))
		o.Resize(v.size(s.r.W, s.r.H))
	case *fcanvas.Text:
		o.Text, o.Color, o.TextSize = s.text, s.fill, drawnTextSize(s.size*z)
		o.TextStyle = fyne.TextStyle{Bold: s.bold}
		o.FontSource = font.of(s.text)
		o.Move(v.pos(s.r.X, s.r.Y))
		o.Resize(v.size(s.r.W, s.r.H))
	case *fcanvas.Line:
		o.StrokeColor, o.StrokeWidth = s.stroke, s.width*z
		o.Position1 = v.pos(s.r.X, s.r.Y)
		o.Position2 = v.pos(s.r.W, s.r.H)
	case *fcanvas.Polygon:
		o.FillColor, o.StrokeColor, o.StrokeWidth = s.fill, s.stroke, s.width*z
		o.Sides, o.Angle = s.sides, s.angle
		o.Move(v.pos(s.r.X, s.r.Y))
		o.Resize(v.size(s.r.W, s.r.H))
	case *fcanvas.Circle:
		o.FillColor, o.StrokeColor, o.StrokeWidth = s.fill, s.stroke, s.width*z
		o.Position1 = v.pos(s.r.X, s.r.Y)
		o.Position2 = v.pos(s.r.Right(), s.r.Bottom())
	case *fcanvas.Image:
		if s.img != nil && o.Image != s.img {
			o.Image = s.img
		}
		o.Move(v.pos(s.r.X, s.r.Y))
		o.Resize(v.size(s.r.W, s.r.H))
	}
	obj.Refresh()
}

// drawnTextSize is the size to draw text of size (screen units) at, so
// that it is no wider than the layout measured: Fyne shapes text at the
// next whole size up (8.4 is drawn as 9, 6% wider, enough for the last
// glyph to touch a card's edge), so a fractional size is drawn at the
// whole size below it.
func drawnTextSize(size float32) float32 {
	if f := float32(math.Floor(float64(size))); f >= 1 {
		return f
	}
	return size
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
