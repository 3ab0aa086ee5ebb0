package draw

import (
	"image/color"

	"servicebp/blueprint/layout"
)

// Options are what, beyond the layout and the palette, changes the
// picture.
type Options struct {
	// Transparent leaves out the background rectangle.
	Transparent bool
	// NoBackdrop leaves out the whole backdrop group (background, lane
	// bands, grid and boundary lines), for a painter that paints it itself.
	NoBackdrop bool
	// Selected are the steps whose cards get the selection outline.
	Selected map[string]bool
	// Marks are the finding markers on cards, by step id. Exports leave it
	// nil: markers are an editor's view of the lint findings.
	Marks map[string]Mark
	// Dimmed are the steps whose cards, and the flows that touch them, are
	// faded toward the background (the presenter's focus).
	Dimmed map[string]bool
	// HighlightFlows are the flows stroked in the selection colour and a
	// little wider (the editor's selected path).
	HighlightFlows map[layout.FlowKey]bool
	// Changes, when not nil, marks the changes of a diff on the picture
	// (see Changes).
	Changes *Changes
}

// Build returns the picture of l in palette p: the backdrop, the title and
// description, the phases, the column headers, the lane titles, the
// boundary lines' labels, the legend, the flows, the cards, the emotion
// curve and the flow labels, in that painting order, one group per
// element. With Changes, the ghosts of removed cards paint under the
// cards, the move arrows over them and the change panel last.
func Build(l *layout.Layout, p *Palette, opt Options) *List {
	b := &builder{pal: p, lay: l, opt: &opt}
	out := &List{Width: l.Width, Height: l.Height}
	n := 9 + len(l.Phases) + len(l.Columns) + len(l.Lanes) + len(l.Lines) + len(l.Cards) + 2*len(l.Flows)
	out.Groups = make([]*Group, 0, n)
	if !opt.NoBackdrop {
		out.Groups = append(out.Groups, b.backdrop(l, p, opt.Transparent))
	}
	out.Groups = b.static(out.Groups)
	for i := range l.Flows {
		r := &l.Flows[i]
		if g := b.flow(r); g != nil {
			out.Groups = append(out.Groups, g)
		}
	}
	if opt.Changes != nil {
		out.Groups = b.ghosts(out.Groups)
	}
	for i := range l.Cards {
		out.Groups = append(out.Groups, b.card(&l.Cards[i]))
	}
	if opt.Changes != nil {
		out.Groups = b.moves(out.Groups)
	}
	if l.Emotion != nil {
		out.Groups = append(out.Groups, b.emotion(l.Emotion))
	}
	for i := range l.Flows {
		if r := &l.Flows[i]; r.Label != nil {
			out.Groups = append(out.Groups, b.flowLabel(r))
		}
	}
	if opt.Changes != nil && opt.Changes.Panel != nil {
		out.Groups = append(out.Groups, b.panel(opt.Changes.Panel))
	}
	return out
}

// builder turns layout elements into groups under a palette.
type builder struct {
	arena
	pal *Palette
	lay *layout.Layout
	opt *Options
}

// static appends the groups of the title, phases, column headers, lane
// titles, line labels and the legend.
func (b *builder) static(out []*Group) []*Group {
	p, l := b.pal, b.lay
	if l.Title != nil || len(l.Description) > 0 {
		g := b.group(Element{Kind: ElemTitle}, 1+len(l.Description))
		if l.Title != nil && l.TitleHint {
			g.Items = append(g.Items, b.text(*l.Title, p.Muted))
		} else if l.Title != nil {
			g.Items = append(g.Items, b.text(*l.Title, p.Title))
		}
		for _, t := range l.Description {
			g.Items = append(g.Items, b.text(t, p.Muted))
		}
		out = append(out, g)
	}
	for _, ph := range l.Phases {
		g := b.group(Element{Kind: ElemPhase, ID: ph.Name}, 2)
		g.Items = append(g.Items, b.rect(Rect{R: ph.Rect, Fill: p.Phase, Radius: 4}), b.text(ph.Label, p.PhaseText))
		out = append(out, g)
	}
	for _, c := range l.Columns {
		switch {
		case c.Header != nil:
			g := b.group(Element{Kind: ElemColumn, ID: c.ID}, 1)
			out = append(out, g)
			g.Items = append(g.Items, b.text(*c.Header, p.Muted))
		case c.Blank.H > 0:
			// A thin tab over an unnamed column, to click for its menu.
			g := b.group(Element{Kind: ElemColumn, ID: c.ID}, 1)
			out = append(out, g)
			g.Items = append(g.Items, b.rect(Rect{R: c.Blank.Inset(2), Fill: p.Grid, Radius: 2}))
		}
	}
	for _, ln := range l.Lanes {
		if len(ln.Title) == 0 {
			continue
		}
		g := b.group(Element{Kind: ElemLane, ID: ln.ID}, len(ln.Title))
		for _, t := range ln.Title {
			g.Items = append(g.Items, b.text(t, p.Lane(ln.Kind).Accent))
		}
		out = append(out, g)
	}
	for _, m := range l.Lines {
		g := b.group(Element{Kind: ElemLine, ID: m.ID}, 1)
		out = append(out, g)
		g.Items = append(g.Items, b.text(m.Label, p.LineLabel))
	}
	if l.Legend != nil {
		out = append(out, b.legend(l.Legend))
	}
	return out
}

// legend is the group of the legend's samples and labels.
func (b *builder) legend(lg *layout.Legend) *Group {
	p := b.pal
	g := b.group(Element{Kind: ElemLegend}, 3*len(lg.Items))
	for _, it := range lg.Items {
		s := it.Sample
		switch it.Kind {
		case layout.LegendFail:
			g.Items = append(g.Items, b.pill(s, p.Fail), b.text(*it.SampleText, p.BadgeText))
		case layout.LegendWait:
			g.Items = append(g.Items, b.pill(s, p.Wait), b.text(*it.SampleText, p.WaitText))
		case layout.LegendEmotion:
			g.Items = append(g.Items, b.pill(s, p.Happy), b.text(*it.SampleText, p.BadgeText))
		case layout.LegendMoment:
			g.Items = append(g.Items, b.momentMark(s))
		case layout.LegendVotes:
			g.Items = append(g.Items, b.pill(s, p.Votes), voteDot(it.Dot, p), b.text(*it.SampleText, p.BadgeText))
		case layout.LegendMarkError, layout.LegendMarkWarning, layout.LegendMarkInfo:
			m := MarkInfo
			switch it.Kind {
			case layout.LegendMarkError:
				m = MarkError
			case layout.LegendMarkWarning:
				m = MarkWarning
			}
			g.Items = append(g.Items, &Circle{Center: layout.Point{X: s.X + s.W/2, Y: s.Y + s.H/2}, Radius: MarkRadius, Fill: markColor(m, p), Stroke: p.Card, Width: 1.5})
		case layout.LegendFlow, layout.LegendTwoWay:
			y := s.Y + s.H/2
			a, z := layout.Point{X: s.X, Y: y}, layout.Point{X: s.Right(), Y: y}
			g.Items = append(g.Items, b.arrowhead(layout.Arrowhead{Tip: z, Dir: layout.Point{X: 1}}, p.Flow))
			if it.Kind == layout.LegendTwoWay {
				g.Items = append(g.Items, b.arrowhead(layout.Arrowhead{Tip: a, Dir: layout.Point{X: -1}}, p.Flow))
				a.X += HeadBack
			}
			g.Items = append(g.Items, b.line(a, layout.Point{X: z.X - HeadBack, Y: y}, p.Flow, p.FlowStroke))
		}
		g.Items = append(g.Items, b.text(it.Label, p.Muted))
	}
	return g
}

// dimFade is how far a dimmed element's colours move toward the
// background: 0 leaves them, 1 makes them vanish.
const dimFade = 0.78

// veilAlpha is the opacity of the veil over a dimmed photo: dimFade.
const veilAlpha = 199

// Fade mixes c toward bg the way a dimmed element is drawn, keeping c's
// opacity.
func Fade(c, bg color.NRGBA) color.NRGBA {
	mix := func(a, b uint8) uint8 { return uint8(float32(a)*(1-dimFade) + float32(b)*dimFade + 0.5) }
	return color.NRGBA{R: mix(c.R, bg.R), G: mix(c.G, bg.G), B: mix(c.B, bg.B), A: c.A}
}

// dim fades every colour of g toward the background.
func (b *builder) dim(g *Group) {
	bg := b.pal.Background
	for _, it := range g.Items {
		switch it := it.(type) {
		case *Rect:
			it.Fill, it.Stroke = Fade(it.Fill, bg), Fade(it.Stroke, bg)
		case *Path:
			it.Fill, it.Stroke = Fade(it.Fill, bg), Fade(it.Stroke, bg)
		case *Circle:
			it.Fill, it.Stroke = Fade(it.Fill, bg), Fade(it.Stroke, bg)
		case *Text:
			it.Color = Fade(it.Color, bg)
		}
	}
	for i := 0; i < len(g.Items); i++ {
		if im, ok := g.Items[i].(*Image); ok {
			veil := &Rect{R: im.R, Fill: color.NRGBA{R: bg.R, G: bg.G, B: bg.B, A: veilAlpha}}
			g.Items = append(g.Items[:i+1], append([]Item{veil}, g.Items[i+1:]...)...)
			i++
		}
	}
}
