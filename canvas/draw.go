package canvas

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

// shape is the kind of Fyne object a spec draws.
type shape int

const (
	shapeRect shape = iota
	shapeText
	shapeLine
	shapePoly
	shapeCircle
)

// Corner sets of a rectangle spec.
const (
	cornersAll = iota
	cornersLeft
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
	corners int
	text    string
	size    float32
	bold    bool
	angle   float32
	sides   uint
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

func rectSpec(r layout.Rect, fill color.NRGBA) spec {
	return spec{shape: shapeRect, r: r, fill: fill}
}

func textSpec(t layout.TextLine, c color.NRGBA) spec {
	return spec{shape: shapeText, r: t.Rect(), fill: c, text: t.Text, size: t.Size, bold: t.Bold}
}

func lineSpec(a, b layout.Point, c color.NRGBA, width float32) spec {
	return spec{shape: shapeLine, r: layout.Rect{X: a.X, Y: a.Y, W: b.X, H: b.Y}, stroke: c, width: width}
}

// dashPattern is the on/off lengths of a line style, in world units; nil
// means solid.
func dashPattern(st blueprint.LineStyle) []float32 {
	switch st {
	case blueprint.StyleDashed:
		return []float32{9, 6}
	case blueprint.StyleDashDot:
		return []float32{12, 4, 2, 4}
	case blueprint.StyleDotted:
		return []float32{2, 4}
	}
	return nil
}

// dashed appends the dashes of the straight line a–b drawn in style st.
func dashed(out []spec, a, b layout.Point, st blueprint.LineStyle, c color.NRGBA, width float32) []spec {
	pat := dashPattern(st)
	if pat == nil {
		return append(out, lineSpec(a, b, c, width))
	}
	dx, dy := b.X-a.X, b.Y-a.Y
	n := float32(math.Hypot(float64(dx), float64(dy)))
	if n == 0 {
		return out
	}
	ux, uy := dx/n, dy/n
	pos := float32(0)
	for i := 0; pos < n; i++ {
		l := pat[i%len(pat)]
		if i%2 == 0 {
			end := min(pos+l, n)
			out = append(out, lineSpec(layout.Point{X: a.X + ux*pos, Y: a.Y + uy*pos}, layout.Point{X: a.X + ux*end, Y: a.Y + uy*end}, c, width))
		}
		pos += l
	}
	return out
}

// headRadius is the circumradius of an arrowhead triangle, in world units.
const headRadius = 4.5

// arrowhead is the filled triangle whose tip is at h.Tip, pointing along
// h.Dir.
func arrowhead(h layout.Arrowhead, c color.NRGBA) spec {
	cx, cy := h.Tip.X-h.Dir.X*headRadius, h.Tip.Y-h.Dir.Y*headRadius
	angle := float32(math.Atan2(float64(h.Dir.X), float64(-h.Dir.Y)) * 180 / math.Pi)
	return spec{shape: shapePoly, r: layout.Rect{X: cx - headRadius, Y: cy - headRadius, W: 2 * headRadius, H: 2 * headRadius}, fill: c, sides: 3, angle: angle}
}

// headBack is how far before the tip a flow's line stops, so that it ends
// inside the arrowhead's base.
const headBack = headRadius * 1.4

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
func apply(obj fyne.CanvasObject, s *spec, v view, font fyne.Resource) {
	z := v.zoom
	switch o := obj.(type) {
	case *fcanvas.Rectangle:
		o.FillColor, o.StrokeColor, o.StrokeWidth = s.fill, s.stroke, s.width*z
		if s.corners == cornersLeft {
			o.CornerRadius, o.TopLeftCornerRadius, o.BottomLeftCornerRadius = 0, s.radius*z, s.radius*z
		} else {
			o.CornerRadius = s.radius * z
		}
		o.Move(v.pos(s.r.X, s.r.Y))
		o.Resize(v.size(s.r.W, s.r.H))
	case *fcanvas.Text:
		o.Text, o.Color, o.TextSize = s.text, s.fill, s.size*z
		o.TextStyle = fyne.TextStyle{Bold: s.bold}
		o.FontSource = font
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
	}
	obj.Refresh()
}
