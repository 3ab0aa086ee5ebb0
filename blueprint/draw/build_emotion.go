package draw

import (
	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

// zeroLineAlpha is the opacity of the emotion band's zero line: faint
// enough to sit behind the curve.
const zeroLineAlpha = 0x60

// emotion is the group of the emotion curve's band: its top border, its
// header cell and title, the zero line, the segments between the points,
// the points coloured happy or unhappy as the emotion badges are, and the
// labels of the lowest points.
func (b *builder) emotion(ec *layout.EmotionCurve) *Group {
	p := b.pal
	lc := p.Lane(blueprint.LaneCustomer)
	g := b.group(Element{Kind: ElemEmotionCurve}, 6+3*len(ec.Points))
	r := ec.Rect
	g.Items = append(g.Items,
		b.rect(Rect{R: ec.Header, Fill: lc.Header}),
		b.rect(Rect{R: layout.Rect{X: ec.Header.X, Y: ec.Header.Y, W: 4, H: ec.Header.H}, Fill: lc.Accent}),
		b.line(layout.Point{X: r.X, Y: r.Y}, layout.Point{X: r.Right(), Y: r.Y}, p.Grid, 1),
		b.text(ec.Title, lc.Accent))
	zero := p.Muted
	zero.A = zeroLineAlpha
	zy := ec.ZeroY()
	zl := b.line(layout.Point{X: ec.Plot.X, Y: zy}, layout.Point{X: ec.Plot.Right(), Y: zy}, zero, 1)
	zl.Dash = []float32{4, 4}
	g.Items = append(g.Items, zl)
	if len(ec.Points) > 1 {
		pts := make([]layout.Point, len(ec.Points))
		for i, pt := range ec.Points {
			pts[i] = pt.At
		}
		g.Items = append(g.Items, b.path(Path{Points: b.points(pts...), Stroke: p.Muted, Width: 1.6}))
	}
	for _, pt := range ec.Points {
		fill := p.Happy
		if pt.Emotion < 0 {
			fill = p.Unhappy
		}
		if b.opt.Dimmed[pt.StepID] {
			fill = Fade(fill, p.Background)
		}
		g.Items = append(g.Items, &Circle{Center: pt.At, Radius: layout.EmotionPointRadius, Fill: fill, Stroke: p.Background, Width: 1.5})
	}
	for _, pt := range ec.Points {
		if pt.Label != nil {
			c := p.Text
			if b.opt.Dimmed[pt.StepID] {
				c = Fade(c, p.Background)
			}
			g.Items = append(g.Items, b.text(*pt.Label, c))
		}
	}
	return g
}
