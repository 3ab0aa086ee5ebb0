package draw

import (
	"image/color"
	"math"

	"servicebp/blueprint/layout"
)

// ChangeKind is what happened to a card or a flow between two versions of
// a blueprint, as a picture of their diff marks it.
type ChangeKind uint8

// The change kinds.
const (
	ChangeNone ChangeKind = iota
	// ChangeAdded: the element is new.
	ChangeAdded
	// ChangeEdited: some of its fields have other values.
	ChangeEdited
	// ChangeMoved: a step is in another cell (it may be edited too).
	ChangeMoved
	// ChangeRemoved: the element is gone; a card is drawn as a ghost.
	ChangeRemoved
)

// Changes are the marks of a diff on the picture of the newer version:
// cards and flows outlined in the colour of their change and tagged,
// ghosts of removed cards in their old cells, an arrow from the old cell of
// each moved card, and optionally a panel with the key and the list of
// every change. All geometry is precomputed (see diff.Marks), so drawing
// it measures nothing.
type Changes struct {
	// Steps are the changed cards, by step id.
	Steps map[string]StepChange
	// Flows are the added and edited flows.
	Flows map[layout.FlowKey]ChangeKind
	// Ghosts are removed cards drawn in their old cells.
	Ghosts []Ghost
	// Panel, when not nil, is drawn under the blueprint (exports).
	Panel *ChangePanel
}

// Tag is a small pill on a card naming its change: "added", "moved from
// Arrival", the edited fields.
type Tag struct {
	Kind  ChangeKind
	Rect  layout.Rect
	Label layout.TextLine
}

// StepChange is how one card is marked.
type StepChange struct {
	Kind ChangeKind
	// Tags sit on the card's bottom edge.
	Tags []Tag
	// From is, for a moved card, the point in its old cell that the move
	// arrow starts from; nil when the old cell is not in the picture.
	From *layout.Point
}

// Ghost is a removed card in its old cell: an outline with its text.
type Ghost struct {
	StepID string
	Rect   layout.Rect
	Lines  []layout.TextLine
	Tag    Tag
}

// ChangePanel is the key of the change marks and the list of changes, in
// a box under the blueprint.
type ChangePanel struct {
	Rect    layout.Rect
	Title   layout.TextLine
	Key     []PanelEntry
	Entries []PanelEntry
}

// PanelEntry is one line of the panel: a sample of the mark in Sample and
// its text.
type PanelEntry struct {
	Kind   ChangeKind
	Sample layout.Rect
	Text   layout.TextLine
}

// ChangeColor is the colour of the change kind k in palette p.
func ChangeColor(p *Palette, k ChangeKind) color.NRGBA {
	switch k {
	case ChangeAdded:
		return p.Added
	case ChangeEdited:
		return p.Edited
	case ChangeMoved:
		return p.Moved
	case ChangeRemoved:
		return p.Removed
	}
	return p.CardEdge
}

// OnColor is black or white, whichever reads better on c.
func OnColor(c color.NRGBA) color.NRGBA {
	lum := 0.2126*srgbLinear(c.R) + 0.7152*srgbLinear(c.G) + 0.0722*srgbLinear(c.B)
	if lum > 0.26 {
		return color.NRGBA{0x11, 0x18, 0x27, 0xff}
	}
	return color.NRGBA{0xff, 0xff, 0xff, 0xff}
}

func srgbLinear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// changeStroke is the outline width of a changed card or ghost.
const changeStroke = 2.4

// ghostDash is the dash pattern of a ghost's outline and a move arrow.
var ghostDash = []float32{6, 4}

// markCard outlines the card group g of c in the colour of its change and
// appends its tags.
func (b *builder) markCard(g *Group, body *Rect, c *layout.Card) {
	if b.opt.Changes == nil {
		return
	}
	ch, ok := b.opt.Changes.Steps[c.StepID]
	if !ok || ch.Kind == ChangeNone {
		return
	}
	if !b.opt.Selected[c.StepID] {
		body.Stroke, body.Width = ChangeColor(b.pal, ch.Kind), changeStroke
	}
	for _, t := range ch.Tags {
		g.Items = append(g.Items, b.tag(t)...)
	}
}

// tag is the pill and text of t.
func (b *builder) tag(t Tag) []Item {
	c := ChangeColor(b.pal, t.Kind)
	return []Item{b.pill(t.Rect, c), b.text(t.Label, OnColor(c))}
}

// flowChange is the colour, width and dash of a changed flow (dashed when
// removed), ok false when the flow is unchanged.
func (b *builder) flowChange(k layout.FlowKey) (color.NRGBA, float32, []float32, bool) {
	if b.opt.Changes == nil {
		return color.NRGBA{}, 0, nil, false
	}
	kind := b.opt.Changes.Flows[k]
	if kind == ChangeNone {
		return color.NRGBA{}, 0, nil, false
	}
	var dash []float32
	if kind == ChangeRemoved {
		dash = ghostDash
	}
	return ChangeColor(b.pal, kind), b.pal.FlowStroke + 1.2, dash, true
}

// ghosts appends a group per ghost placed in a cell (see Changes.Ghosts).
func (b *builder) ghosts(out []*Group) []*Group {
	for _, gh := range b.opt.Changes.Ghosts {
		out = append(out, b.ghost(Element{Kind: ElemGhost, ID: gh.StepID}, gh.Rect, gh.Lines, []Tag{gh.Tag}))
	}
	return out
}

// ghostCard is the group of a laid-out card of a removed step: a ghost in
// the card's place, keyed as the card.
func (b *builder) ghostCard(c *layout.Card) *Group {
	return b.ghost(Element{Kind: ElemStep, ID: c.StepID}, c.Rect, c.Lines, b.opt.Changes.Steps[c.StepID].Tags)
}

// ghost is a group drawing a removed card: a faint fill in the removed
// colour, a dashed outline, the old text in the muted colour and its
// tags.
func (b *builder) ghost(e Element, r layout.Rect, lines []layout.TextLine, tags []Tag) *Group {
	p := b.pal
	g := b.group(e, 2+len(lines)+2*len(tags))
	fill := p.Removed
	fill.A = 0x22
	g.Items = append(g.Items, b.rect(Rect{R: r, Fill: fill, Radius: CardRadius}))
	g.Items = append(g.Items, b.path(Path{
		Points: b.points(layout.Point{X: r.X, Y: r.Y}, layout.Point{X: r.Right(), Y: r.Y}, layout.Point{X: r.Right(), Y: r.Bottom()}, layout.Point{X: r.X, Y: r.Bottom()}, layout.Point{X: r.X, Y: r.Y}),
		Stroke: p.Removed, Width: changeStroke - 0.6, Dash: ghostDash,
	}))
	for _, t := range lines {
		g.Items = append(g.Items, b.text(t, p.Muted))
	}
	for _, t := range tags {
		if t.Rect.W > 0 {
			g.Items = append(g.Items, b.tag(t)...)
		}
	}
	return g
}

// moves appends a group per moved card with a known old cell: a ring in
// the old cell and a dashed arrow from it to the card's edge.
func (b *builder) moves(out []*Group) []*Group {
	p := b.pal
	for i := range b.lay.Cards {
		c := &b.lay.Cards[i]
		ch, ok := b.opt.Changes.Steps[c.StepID]
		if !ok || ch.Kind != ChangeMoved || ch.From == nil {
			continue
		}
		from := *ch.From
		tip, dir, ok := edgeToward(c.Rect, from)
		if !ok {
			continue
		}
		g := b.group(Element{Kind: ElemMove, ID: c.StepID}, 3)
		start := layout.Point{X: from.X + dir.X*moveRing, Y: from.Y + dir.Y*moveRing}
		end := layout.Point{X: tip.X - dir.X*HeadBack, Y: tip.Y - dir.Y*HeadBack}
		g.Items = append(g.Items,
			&Circle{Center: from, Radius: moveRing, Fill: p.Background, Stroke: p.Moved, Width: 2},
			b.path(Path{Points: b.points(start, end), Stroke: p.Moved, Width: 2, Dash: ghostDash}),
			b.arrowhead(layout.Arrowhead{Tip: tip, Dir: dir}, p.Moved))
		out = append(out, g)
	}
	return out
}

// moveRing is the radius of the ring that marks a moved card's old cell.
const moveRing = 5

// edgeToward is the point where the line from `from` to the centre of r
// crosses r's edge, and the unit direction of that line; ok is false
// when from is inside r or too close to draw an arrow.
func edgeToward(r layout.Rect, from layout.Point) (tip, dir layout.Point, ok bool) {
	c := r.Center()
	dx, dy := c.X-from.X, c.Y-from.Y
	n := float32(math.Hypot(float64(dx), float64(dy)))
	if n == 0 || r.Contains(from) {
		return tip, dir, false
	}
	dir = layout.Point{X: dx / n, Y: dy / n}
	// The centre minus the half size along the direction, whichever side
	// the line leaves through first.
	t := float32(math.Inf(1))
	if dir.X != 0 {
		t = min(t, r.W/2/abs(dir.X))
	}
	if dir.Y != 0 {
		t = min(t, r.H/2/abs(dir.Y))
	}
	tip = layout.Point{X: c.X - dir.X*t, Y: c.Y - dir.Y*t}
	if n-t < 2*HeadBack+moveRing {
		return tip, dir, false
	}
	return tip, dir, true
}

// panel is the group of the change panel: its box, title, key and
// entries.
func (b *builder) panel(pn *ChangePanel) *Group {
	p := b.pal
	g := b.group(Element{Kind: ElemChanges}, 2+2*len(pn.Key)+2*len(pn.Entries))
	g.Items = append(g.Items, b.rect(Rect{R: pn.Rect, Fill: p.Card, Stroke: p.CardEdge, Width: p.CardStroke, Radius: 6}))
	g.Items = append(g.Items, b.text(pn.Title, p.Title))
	for _, e := range pn.Key {
		g.Items = append(g.Items, b.sample(e)...)
		g.Items = append(g.Items, b.text(e.Text, p.Text))
	}
	for _, e := range pn.Entries {
		c := ChangeColor(p, e.Kind)
		g.Items = append(g.Items, b.rect(Rect{R: e.Sample, Fill: c, Radius: 2}), b.text(e.Text, p.Text))
	}
	return g
}

// sample is the key's picture of a change kind: a small card outlined as
// the change marks it, a ghost's dashed outline, or a move arrow.
func (b *builder) sample(e PanelEntry) []Item {
	p := b.pal
	r := e.Sample
	c := ChangeColor(p, e.Kind)
	switch e.Kind {
	case ChangeRemoved:
		fill := c
		fill.A = 0x22
		return []Item{b.rect(Rect{R: r, Fill: fill, Radius: 3}), b.path(Path{
			Points: b.points(layout.Point{X: r.X, Y: r.Y}, layout.Point{X: r.Right(), Y: r.Y}, layout.Point{X: r.Right(), Y: r.Bottom()}, layout.Point{X: r.X, Y: r.Bottom()}, layout.Point{X: r.X, Y: r.Y}),
			Stroke: c, Width: 1.6, Dash: []float32{4, 3},
		})}
	case ChangeMoved:
		y := r.Y + r.H/2
		from, tip := layout.Point{X: r.X + 3, Y: y}, layout.Point{X: r.Right(), Y: y}
		return []Item{
			&Circle{Center: from, Radius: 3, Fill: p.Card, Stroke: c, Width: 1.6},
			b.path(Path{Points: b.points(layout.Point{X: from.X + 3, Y: y}, layout.Point{X: tip.X - HeadBack, Y: y}), Stroke: c, Width: 1.6, Dash: []float32{4, 3}}),
			b.arrowhead(layout.Arrowhead{Tip: tip, Dir: layout.Point{X: 1}}, c),
		}
	}
	return []Item{b.rect(Rect{R: r, Fill: p.Card, Stroke: c, Width: 2, Radius: 3})}
}
