package draw

import (
	"image/color"

	"servicebp/blueprint/layout"
)

// CardRadius is the corner radius of a card, in world units.
const CardRadius = 6

// Mark is the finding marker a card carries in the editor: a small dot on
// its bottom right corner, coloured by the most serious finding about the
// step.
type Mark int

// The marks, from none to the most serious.
const (
	MarkNone Mark = iota
	MarkInfo
	MarkWarning
	MarkError
)

// MarkRadius is the radius of a finding marker, in world units.
const MarkRadius = 5

// MarkInfoColor is the colour of an info marker: a quiet slate that reads
// on both the light and the dark cards.
var MarkInfoColor = color.NRGBA{0x64, 0x74, 0x8b, 0xff}

// card is the group of one card: its shadow, body, lane-coloured edge,
// text, badges and finding marker.
func (b *builder) card(c *layout.Card) *Group {
	if b.opt.Changes != nil && b.opt.Changes.Steps[c.StepID].Kind == ChangeRemoved {
		return b.ghostCard(c)
	}
	p := b.pal
	r := c.Rect
	g := b.group(Element{Kind: ElemStep, ID: c.StepID}, 4+len(c.Lines)+len(c.Annotations)+2*len(c.Badges))
	const radius = CardRadius
	// A soft line under the card stands in for a shadow: a second rounded
	// rectangle per card would double the cost of drawing the cards.
	shadow := b.line(layout.Point{X: r.X + radius/2, Y: r.Bottom() + 1}, layout.Point{X: r.Right() - radius/2, Y: r.Bottom() + 1}, p.Shadow, 2)
	body := b.rect(Rect{R: r, Fill: p.Card, Stroke: p.CardEdge, Width: p.CardStroke, Radius: radius})
	switch {
	case b.opt.Selected[c.StepID]:
		body.Stroke, body.Width = p.Selection, max(p.CardStroke, 1.6)+0.6
	case c.Moment:
		body.Stroke, body.Width = p.Moment, max(p.CardStroke, 1.6)
	case c.Fail:
		body.Stroke, body.Width = p.Fail, max(p.CardStroke, 1.3)
	}
	// The lane stripe covers the left half of the card's edge line too, so
	// that no sliver of the edge shows beside it however the painter
	// rounds the two to pixels.
	sw := body.Width / 2
	accent := b.rect(Rect{R: layout.Rect{X: r.X - sw, Y: r.Y - sw, W: layout.CardAccentWidth + sw, H: r.H + 2*sw}, Fill: b.laneAccent(c.Lane), Radius: radius + sw, Corners: LeftCorners})
	g.Items = append(g.Items, shadow, body, accent)
	for _, t := range c.Lines {
		g.Items = append(g.Items, b.text(t, p.CardText))
	}
	for _, a := range c.Annotations {
		// The fail text in the fail colour; the recovery and the wait in
		// the owner's quieter ink (amber text would not read on a card).
		col := p.Owner
		if a.Kind == layout.AnnotationFail {
			col = p.Fail
		}
		g.Items = append(g.Items, b.text(a.Line, col))
	}
	if c.Image != "" {
		g.Items = b.thumb(g.Items, c)
	}
	for _, bd := range c.Badges {
		g.Items = b.badge(g.Items, bd)
	}
	b.markCard(g, body, c)
	if m := b.opt.Marks[c.StepID]; m != MarkNone {
		g.Items = append(g.Items, markDot(r, m, p))
	}
	if b.opt.Dimmed[c.StepID] {
		b.dim(g)
	}
	return g
}

// thumb appends the items of a card's photo: a placeholder (a framed
// picture sign) and the photo over it, which covers it when the photo can
// be shown.
func (b *builder) thumb(out []Item, c *layout.Card) []Item {
	p := b.pal
	r := c.Thumb
	frame := b.rect(Rect{R: r, Fill: Fade(p.Grid, p.Card), Stroke: p.Grid, Width: 1, Radius: 3})
	// The picture sign: a sun and two hills, centred, a third of the box
	// high.
	s := max(min(r.H, r.W)/3, 6)
	cx, cy := r.X+r.W/2, r.Y+r.H/2
	hills := b.path(Path{
		Points: b.points(
			layout.Point{X: cx - s, Y: cy + s/2},
			layout.Point{X: cx - s/3, Y: cy - s/3},
			layout.Point{X: cx + s/6, Y: cy + s/6},
			layout.Point{X: cx + s/2, Y: cy - s/6},
			layout.Point{X: cx + s, Y: cy + s/2},
		),
		Closed: true, Fill: p.Muted,
	})
	sun := &Circle{Center: layout.Point{X: cx + s/2, Y: cy - s/2}, Radius: s / 6, Fill: p.Muted}
	return append(out, frame, hills, sun, &Image{R: r, Key: c.Image})
}

// badge appends the items of one badge.
func (b *builder) badge(out []Item, bd layout.Badge) []Item {
	p := b.pal
	switch bd.Kind {
	case layout.BadgeFail:
		return append(out, b.pill(bd.Rect, p.Fail), b.text(bd.Label, p.BadgeText))
	case layout.BadgeWait:
		return append(out, b.pill(bd.Rect, p.Wait), b.text(bd.Label, p.WaitText))
	case layout.BadgeEmotion:
		c := p.Happy
		if bd.Emotion < 0 {
			c = p.Unhappy
		}
		return append(out, b.pill(bd.Rect, c), b.text(bd.Label, p.BadgeText))
	case layout.BadgeMoment:
		return append(out, b.momentMark(bd.Rect))
	case layout.BadgeLink:
		// In the phase band's colours: it names another phase.
		return append(out, b.pill(bd.Rect, p.Phase), b.text(bd.Label, p.PhaseText))
	case layout.BadgeOwner:
		return append(out, b.text(bd.Label, p.Owner))
	case layout.BadgeVotes:
		return append(out, b.pill(bd.Rect, p.Votes), voteDot(bd.Dot, p), b.text(bd.Label, p.BadgeText))
	}
	return out
}

// laneAccent is the accent colour of the lane laneID.
func (b *builder) laneAccent(laneID string) color.NRGBA {
	for _, ln := range b.lay.Lanes {
		if ln.ID == laneID {
			return b.pal.Lane(ln.Kind).Accent
		}
	}
	return b.pal.Lane("").Accent
}

// momentMark is the moment-of-truth diamond centred in r, as wide as the
// shorter side of r, ringed in the card colour.
func (b *builder) momentMark(r layout.Rect) *Path {
	c := r.Center()
	h := min(r.W, r.H) / 2
	return b.path(Path{
		Points: b.points(layout.Point{X: c.X, Y: c.Y - h}, layout.Point{X: c.X + h, Y: c.Y}, layout.Point{X: c.X, Y: c.Y + h}, layout.Point{X: c.X - h, Y: c.Y}),
		Closed: true, Fill: b.pal.Moment, Stroke: b.pal.Card, Width: 1.2,
	})
}

// markDot is the marker dot on the bottom right corner of the card r,
// clear of the connector handle in the middle of the right edge, ringed
// with the card colour so it stands out on the lane behind.
func markDot(r layout.Rect, m Mark, p *Palette) *Circle {
	return &Circle{Center: layout.Point{X: r.Right() - 1, Y: r.Bottom() - 1}, Radius: MarkRadius, Fill: markColor(m, p), Stroke: p.Card, Width: 1.5}
}

// markColor is the colour of the finding marker m (of a card, or of its
// legend sample): the fail colour for an error, the wait colour for a
// warning, MarkInfoColor for the rest.
func markColor(m Mark, p *Palette) color.NRGBA {
	switch m {
	case MarkError:
		return p.Fail
	case MarkWarning:
		return p.Wait
	}
	return MarkInfoColor
}

// voteDot is the sticker dot of a dot-vote badge or its legend sample: a
// disc in the badge text colour, filling r.
func voteDot(r layout.Rect, p *Palette) *Circle {
	return &Circle{Center: r.Center(), Radius: r.W / 2, Fill: p.BadgeText}
}
