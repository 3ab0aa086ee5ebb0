package canvas

import (
	"image/color"

	"servicebp/blueprint/layout"
)

// builder turns layout elements into specs under a palette.
type builder struct {
	pal         *Palette
	lay         *layout.Layout
	transparent bool
	noBackdrop  bool
	selected    map[string]bool
}

// static is the grid: background, title, phases, column headers, lanes,
// separators, boundary lines and the legend.
func (b *builder) static() []spec {
	p, l := b.pal, b.lay
	out := make([]spec, 0, 64+len(l.Lanes)*8+len(l.Columns)*3)
	if !b.noBackdrop {
		for _, f := range Backdrop(l, p, b.transparent) {
			out = append(out, f.spec())
		}
	}
	if l.Title != nil {
		out = append(out, textSpec(*l.Title, p.Title))
	}
	for _, t := range l.Description {
		out = append(out, textSpec(t, p.Muted))
	}
	for _, ph := range l.Phases {
		r := rectSpec(ph.Rect, p.Phase)
		r.radius = 4
		out = append(out, r, textSpec(ph.Label, p.PhaseText))
	}
	for _, c := range l.Columns {
		if c.Header != nil {
			out = append(out, textSpec(*c.Header, p.Muted))
		}
	}
	for _, ln := range l.Lanes {
		for _, t := range ln.Title {
			out = append(out, textSpec(t, p.Lane(ln.Kind).Accent))
		}
	}
	for _, m := range l.Lines {
		out = append(out, textSpec(m.Label, p.LineLabel))
	}
	if l.Legend != nil {
		out = b.legend(out, l.Legend)
	}
	return out
}

func (b *builder) legend(out []spec, lg *layout.Legend) []spec {
	p := b.pal
	for _, it := range lg.Items {
		s := it.Sample
		switch it.Kind {
		case layout.LegendFail:
			out = append(out, pill(s, p.Fail), textSpec(*it.SampleText, p.BadgeText))
		case layout.LegendWait:
			out = append(out, pill(s, p.Wait), textSpec(*it.SampleText, p.WaitText))
		case layout.LegendEmotion:
			out = append(out, pill(s, p.Happy), textSpec(*it.SampleText, p.BadgeText))
		case layout.LegendMoment:
			out = append(out, momentMark(s, p))
		case layout.LegendFlow, layout.LegendTwoWay:
			y := s.Y + s.H/2
			a, z := layout.Point{X: s.X, Y: y}, layout.Point{X: s.Right(), Y: y}
			out = append(out, arrowhead(layout.Arrowhead{Tip: z, Dir: layout.Point{X: 1}}, p.Flow))
			if it.Kind == layout.LegendTwoWay {
				out = append(out, arrowhead(layout.Arrowhead{Tip: a, Dir: layout.Point{X: -1}}, p.Flow))
				a.X += headBack
			}
			out = append(out, lineSpec(a, layout.Point{X: z.X - headBack, Y: y}, p.Flow, p.FlowStroke))
		}
		out = append(out, textSpec(it.Label, p.Muted))
	}
	return out
}

func pill(r layout.Rect, c color.NRGBA) spec {
	s := rectSpec(r, c)
	s.radius = r.H / 2
	return s
}

// momentMark is the moment-of-truth diamond filling r.
func momentMark(r layout.Rect, p *Palette) spec {
	return spec{shape: shapePoly, r: r, fill: p.Moment, stroke: p.Card, width: 1.2, sides: 4}
}

// card is one card with its shadow, lane-coloured edge, text and badges.
func (b *builder) card(c *layout.Card) []spec {
	p := b.pal
	r := c.Rect
	out := make([]spec, 0, 6+len(c.Lines)+2*len(c.Badges))
	radius := float32(6)
	// A soft line under the card stands in for a shadow: a second rounded
	// rectangle per card would double the cost of drawing the cards.
	shadow := lineSpec(layout.Point{X: r.X + radius/2, Y: r.Bottom() + 1}, layout.Point{X: r.Right() - radius/2, Y: r.Bottom() + 1}, p.Shadow, 2)
	body := spec{shape: shapeRect, r: r, fill: p.Card, stroke: p.CardEdge, width: p.CardStroke, radius: radius}
	switch {
	case b.selected[c.StepID]:
		body.stroke, body.width = p.Selection, max(p.CardStroke, 1.6)+0.6
	case c.Moment:
		body.stroke, body.width = p.Moment, max(p.CardStroke, 1.6)
	case c.Fail:
		body.stroke, body.width = p.Fail, max(p.CardStroke, 1.3)
	}
	// The lane stripe covers the left half of the card's edge line too, so
	// that no sliver of the edge shows beside it however the painter
	// rounds the two to pixels.
	sw := body.width / 2
	accent := spec{shape: shapeRect, r: layout.Rect{X: r.X - sw, Y: r.Y - sw, W: 4 + sw, H: r.H + 2*sw}, fill: b.laneAccent(c.Lane), radius: radius + sw, corners: cornersLeft}
	out = append(out, shadow, body, accent)
	for _, t := range c.Lines {
		out = append(out, textSpec(t, p.CardText))
	}
	for _, bd := range c.Badges {
		switch bd.Kind {
		case layout.BadgeFail:
			out = append(out, pill(bd.Rect, p.Fail), textSpec(bd.Label, p.BadgeText))
		case layout.BadgeWait:
			out = append(out, pill(bd.Rect, p.Wait), textSpec(bd.Label, p.WaitText))
		case layout.BadgeEmotion:
			c := p.Happy
			if bd.Emotion < 0 {
				c = p.Unhappy
			}
			out = append(out, pill(bd.Rect, c), textSpec(bd.Label, p.BadgeText))
		case layout.BadgeMoment:
			out = append(out, momentMark(bd.Rect, p))
		case layout.BadgeLink:
			// In the phase band's colours: it names another phase.
			out = append(out, pill(bd.Rect, p.Phase), textSpec(bd.Label, p.PhaseText))
		case layout.BadgeOwner:
			out = append(out, textSpec(bd.Label, p.Owner))
		}
	}
	return out
}

func (b *builder) laneAccent(laneID string) color.NRGBA {
	for _, ln := range b.lay.Lanes {
		if ln.ID == laneID {
			return b.pal.Lane(ln.Kind).Accent
		}
	}
	return b.pal.Lane("").Accent
}

// flow is a route's segments and arrowheads; the segments stop short of
// the heads so the tips stay sharp.
func (b *builder) flow(r *layout.Route) []spec {
	p := b.pal
	pts := r.Points
	if len(pts) < 2 {
		return nil
	}
	out := make([]spec, 0, len(pts)+1)
	first, last := pts[0], pts[len(pts)-1]
	shorten := func(pt, toward layout.Point) layout.Point {
		dx, dy := toward.X-pt.X, toward.Y-pt.Y
		n := abs(dx) + abs(dy) // routes are orthogonal
		if n == 0 {
			return pt
		}
		d := min(headBack, n)
		return layout.Point{X: pt.X + dx/n*d, Y: pt.Y + dy/n*d}
	}
	last = shorten(last, pts[len(pts)-2])
	if r.TwoWay {
		first = shorten(first, pts[1])
	}
	for i := 0; i+1 < len(pts); i++ {
		a, z := pts[i], pts[i+1]
		if i == 0 {
			a = first
		}
		if i+2 == len(pts) {
			z = last
		}
		out = append(out, lineSpec(a, z, p.Flow, p.FlowStroke))
	}
	for _, h := range r.Heads {
		out = append(out, arrowhead(h, p.Flow))
	}
	return out
}

// flowLabel is the label of a route on a small plate.
func (b *builder) flowLabel(r *layout.Route) []spec {
	p := b.pal
	t := *r.Label
	plate := rectSpec(t.Rect().Inset(-3), p.FlowLabel)
	plate.radius = 3
	plate.stroke, plate.width = p.Grid, 1
	return []spec{plate, textSpec(t, p.Muted)}
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
