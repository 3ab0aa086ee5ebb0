// Package draw is the display list: the finished picture of a blueprint,
// in world units, with no Fyne in it. It is built once from a layout and a
// palette, and every output paints the same list: the editor's board maps
// its items to Fyne objects, and the exports paint it to PNG, SVG and PDF.
// Groups carry the element they draw, so a diff, a spotlight or a search
// can address it.
package draw

import (
	"image/color"

	"servicebp/blueprint/layout"
)

// List is a finished picture: Width × Height world units, painted group by
// group, item by item, in order (later items cover earlier ones).
type List struct {
	Width, Height float32
	Groups        []*Group
}

// ElemKind is the kind of blueprint element a group draws.
type ElemKind uint8

// The element kinds, in the order a blueprint is usually drawn.
const (
	ElemBackdrop ElemKind = iota // background, lane bands, grid, boundary lines
	ElemTitle                    // title and description
	ElemPhase
	ElemColumn
	ElemLane
	ElemLine // a boundary line's label
	ElemFlow
	ElemStep
	ElemLegend
	// ElemFlowLabel is a flow's label on its plate (From and To as for the
	// flow), painted above the cards.
	ElemFlowLabel
	// ElemEmotionCurve is the emotion curve's band under the customer
	// lane, painted above the flows that cross it.
	ElemEmotionCurve
	// ElemGhost is a removed card drawn in its old cell (ID is its step
	// id), in the picture of a diff.
	ElemGhost
	// ElemMove is the arrow from a moved card's old cell (ID is its step
	// id), in the picture of a diff.
	ElemMove
	// ElemChanges is the panel of a diff's picture: the key of the marks
	// and the list of changes.
	ElemChanges
)

// Element names what a group draws: a step, lane, line, column or phase by
// its id (a phase by its name), a flow by its two ends.
type Element struct {
	Kind     ElemKind
	ID       string
	From, To string
}

// Group is the items that draw one element.
type Group struct {
	Elem  Element
	Items []Item
}

// Item is one primitive of a list: a *Rect, *Path, *Circle, *Text or
// *Image.
type Item interface {
	// Bounds is the world rectangle the item covers, strokes included.
	Bounds() layout.Rect
}

// Corners says which corners of a Rect are rounded.
type Corners uint8

// The corner sets.
const (
	AllCorners  Corners = iota
	LeftCorners         // the top-left and bottom-left corners only
)

// Rect is a rectangle, filled and/or stroked, with rounded corners when
// Radius > 0. A colour with zero alpha is not painted; the stroke is
// centred on the rectangle's edge.
type Rect struct {
	R            layout.Rect
	Fill, Stroke color.NRGBA
	Width        float32 // stroke width
	Radius       float32
	Corners      Corners
}

// Path is a polyline, or a polygon when Closed. Dash, when not nil, is the
// on/off lengths of a dashed stroke in world units, starting with "on".
// Strokes have butt caps and miter joins.
type Path struct {
	Points       []layout.Point
	Closed       bool
	Fill, Stroke color.NRGBA
	Width        float32
	Dash         []float32
}

// Circle is a filled and/or stroked circle.
type Circle struct {
	Center       layout.Point
	Radius       float32
	Fill, Stroke color.NRGBA
	Width        float32
}

// Text is one line of text in the box Line.Rect(): Line.Pos is the box's
// top-left corner and Line.Size the font size in world units. Run is nil
// until a shaper has turned the text into positioned glyphs; the screen
// draws the string, the files draw the glyphs.
type Text struct {
	Line  layout.TextLine
	Color color.NRGBA
	Run   *Run
}

// Run is shaped text: glyphs placed along a baseline Ascent below the top
// of the text box. Faces names the fonts the glyphs come from, so that a
// painter can find their outlines; Glyph.Face indexes it.
type Run struct {
	Faces   []string
	Glyphs  []Glyph
	Ascent  float32
	Descent float32
	Advance float32 // the width of the run
}

// Glyph is one positioned glyph: X is the pen position from the left of
// the text box and Y the offset from the baseline (positive downwards), in
// world units. Cluster is the byte offset in the text of the characters
// the glyph draws.
type Glyph struct {
	Face    uint16
	ID      uint32
	X, Y    float32
	Cluster int
}

// Image is a photo that fills the box R, scaled and cropped (centred) to
// cover it. Key names the photo, a step's image path; the list holds no
// pixels, and each painter asks its picture source for them (see
// blueprint/images). A painter that has no picture for Key paints
// nothing, which leaves the placeholder drawn under the image showing.
// A dimmed card's photo is faded by a veil, a translucent Rect over it.
type Image struct {
	R   layout.Rect
	Key string
}

// Bounds is the image's box.
func (im *Image) Bounds() layout.Rect { return im.R }

// Bounds is r's rectangle grown by half its stroke.
func (r *Rect) Bounds() layout.Rect {
	if r.Stroke.A == 0 {
		return r.R
	}
	return r.R.Inset(-r.Width / 2)
}

// Bounds is the box of the points grown by half the stroke (a miter join
// can reach further; painters that cull leave a margin).
func (p *Path) Bounds() layout.Rect {
	if len(p.Points) == 0 {
		return layout.Rect{}
	}
	x1, y1 := p.Points[0].X, p.Points[0].Y
	x2, y2 := x1, y1
	for _, q := range p.Points[1:] {
		x1, y1 = min(x1, q.X), min(y1, q.Y)
		x2, y2 = max(x2, q.X), max(y2, q.Y)
	}
	r := layout.Rect{X: x1, Y: y1, W: x2 - x1, H: y2 - y1}
	if p.Stroke.A == 0 {
		return r
	}
	return r.Inset(-p.Width / 2)
}

// Bounds is the circle's box grown by half its stroke.
func (c *Circle) Bounds() layout.Rect {
	r := c.Radius
	if c.Stroke.A != 0 {
		r += c.Width / 2
	}
	return layout.Rect{X: c.Center.X - r, Y: c.Center.Y - r, W: 2 * r, H: 2 * r}
}

// Bounds is the text box.
func (t *Text) Bounds() layout.Rect { return t.Line.Rect() }

// Each calls f for every item of l in painting order, with its group.
func (l *List) Each(f func(g *Group, it Item)) {
	for _, g := range l.Groups {
		for _, it := range g.Items {
			f(g, it)
		}
	}
}

// Texts returns every text item of l, in painting order, for a shaper.
func (l *List) Texts() []*Text {
	var out []*Text
	l.Each(func(_ *Group, it Item) {
		if t, ok := it.(*Text); ok {
			out = append(out, t)
		}
	})
	return out
}
