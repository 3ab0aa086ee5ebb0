package draw

import (
	"image/color"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

// zeroLineAlpha is the opacity of the emotion band's zero line: faint
// enough to sit behind the curve.
const zeroLineAlpha = 0x80

// The emotion curve's strokes, in world units: the curve is heavier than
// a flow (a unit more, in a palette of heavy flows), and each point has a ring of the background around it, so that
// the curve reads at a glance on the light and the dark board.
const (
	EmotionCurveWidth = 2.6
	emotionPointRing  = 2
)

// EmotionCurveColor is the colour of the emotion curve in p: its Emotion,
// or for a palette without one the customer lane's accent, as the band's
// title.
func EmotionCurveColor(p *Palette) color.NRGBA {
	if p.Emotion.A != 0 {
		return p.Emotion
	}
	return p.Lane(blueprint.LaneCustomer).Accent
}

// emotion is the group of the emotion curve (the backdrop has the band's
// header cell and top border): the band's title, the zero line, the
// segments between the points, the points coloured happy or unhappy as
// the emotion badges are, and the labels of the lowest points, each on a
// plate like a flow label's, so that a flow crossing the band does not
// run through the text.
func (b *builder) emotion(ec *layout.EmotionCurve) *Group {
	p := b.pal
	lc := p.Lane(blueprint.LaneCustomer)
	g := b.group(Element{Kind: ElemEmotionCurve}, 3+4*len(ec.Points))
	g.Items = append(g.Items, b.text(ec.Title, lc.Accent))
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
		g.Items = append(g.Items, b.path(Path{Points: b.points(pts...), Stroke: EmotionCurveColor(p), Width: max(EmotionCurveWidth, p.FlowStroke+1)}))
	}
	for _, pt := range ec.Points {
		fill := p.Happy
		if pt.Emotion < 0 {
			fill = p.Unhappy
		}
		if b.opt.Dimmed[pt.StepID] {
			fill = Fade(fill, p.Background)
		}
		g.Items = append(g.Items, &Circle{Center: pt.At, Radius: layout.EmotionPointRadius, Fill: fill, Stroke: p.Background, Width: emotionPointRing})
	}
	for _, pt := range ec.Points {
		if pt.Label != nil {
			c := p.Text
			if b.opt.Dimmed[pt.StepID] {
				c = Fade(c, p.Background)
			}
			plate := b.rect(Rect{R: pt.Label.Rect().Inset(-3), Fill: p.FlowLabel, Stroke: p.Grid, Width: 1, Radius: 3})
			if b.opt.Dimmed[pt.StepID] {
				plate.Stroke = Fade(plate.Stroke, p.Background)
			}
			g.Items = append(g.Items, plate, b.text(*pt.Label, c))
		}
	}
	return g
}
