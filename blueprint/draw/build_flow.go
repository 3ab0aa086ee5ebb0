package draw

import (
	"image/color"
	"math"

	"servicebp/blueprint/layout"
)

// HeadRadius is the circumradius of an arrowhead triangle, in world units.
const HeadRadius = 4.5

// HeadBack is how far before the tip a flow's line stops, so that it ends
// inside the arrowhead's base and the tip stays sharp.
const HeadBack = HeadRadius * 1.4

// flow is the group of a route: one polyline, shortened at its heads, and
// a closed triangle per head. A route of fewer than two points draws
// nothing.
func (b *builder) flow(r *layout.Route) *Group {
	p := b.pal
	pts := r.Points
	if len(pts) < 2 {
		return nil
	}
	line := b.points(pts...)
	line[len(line)-1] = shorten(line[len(line)-1], pts[len(pts)-2])
	if r.TwoWay {
		line[0] = shorten(line[0], pts[1])
	}
	g := b.group(Element{Kind: ElemFlow, From: r.Key.From, To: r.Key.To}, 1+len(r.Heads))
	c, w := p.Flow, p.FlowStroke
	var dash []float32
	if cc, cw, cd, ok := b.flowChange(r.Key); ok {
		c, w, dash = cc, cw, cd
	}
	if b.opt.HighlightFlows[r.Key] {
		c, w = p.Selection, p.FlowStroke+highlightExtra
	}
	g.Items = append(g.Items, b.path(Path{Points: line, Stroke: c, Width: w, Dash: dash}))
	for _, h := range r.Heads {
		g.Items = append(g.Items, b.arrowhead(h, c))
	}
	if b.opt.Dimmed[r.Key.From] || b.opt.Dimmed[r.Key.To] {
		b.dim(g)
	}
	return g
}

// highlightExtra is how much wider a highlighted flow is stroked.
const highlightExtra = 1

// shorten moves the end pt of an orthogonal segment HeadBack toward the
// segment's other end (at most to it).
func shorten(pt, toward layout.Point) layout.Point {
	dx, dy := toward.X-pt.X, toward.Y-pt.Y
	n := abs(dx) + abs(dy) // routes are orthogonal
	if n == 0 {
		return pt
	}
	d := min(HeadBack, n)
	return layout.Point{X: pt.X + dx/n*d, Y: pt.Y + dy/n*d}
}

// arrowhead is the filled equilateral triangle whose tip is at h.Tip,
// pointing along h.Dir, with circumradius HeadRadius. The tip is the
// first point.
func (b *builder) arrowhead(h layout.Arrowhead, c color.NRGBA) *Path {
	cx, cy := float64(h.Tip.X-h.Dir.X*HeadRadius), float64(h.Tip.Y-h.Dir.Y*HeadRadius)
	a := math.Atan2(float64(h.Dir.Y), float64(h.Dir.X))
	pts := b.points(h.Tip, h.Tip, h.Tip)
	for i := 1; i < 3; i++ {
		t := a + 2*math.Pi*float64(i)/3
		pts[i] = layout.Point{X: float32(cx + HeadRadius*math.Cos(t)), Y: float32(cy + HeadRadius*math.Sin(t))}
	}
	return b.path(Path{Points: pts, Closed: true, Fill: c})
}

// flowLabel is the group of a route's label on a small plate. It has
// the kind ElemFlowLabel, so that it paints above the cards and keeps the
// flow's own group (and id) unique.
func (b *builder) flowLabel(r *layout.Route) *Group {
	p := b.pal
	t := *r.Label
	g := b.group(Element{Kind: ElemFlowLabel, From: r.Key.From, To: r.Key.To}, 2)
	g.Items = append(g.Items, b.rect(Rect{R: t.Rect().Inset(-3), Fill: p.FlowLabel, Stroke: p.Grid, Width: 1, Radius: 3}), b.text(t, p.Muted))
	if b.opt.Dimmed[r.Key.From] || b.opt.Dimmed[r.Key.To] {
		b.dim(g)
	}
	return g
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
