package layout

import (
	"strconv"

	"servicebp/blueprint"
)

// cardContent is the measured content of one card before it is placed.
type cardContent struct {
	lines     []string
	truncated bool
	owner     string
	notes     []annotationLine
	height    float32
	badges    bool
	thumb     float32 // the thumbnail's height, 0 with no image
}

// thumbGap is the space between a card's text and its thumbnail.
const thumbGap = 6

// thumbHeight is the height of the thumbnail on a card whose text is tw
// wide.
func (c *computer) thumbHeight(tw float32) float32 {
	most := c.st.ThumbHeight
	if most <= 0 {
		most = 90
	}
	return float32(int(min(most, tw*0.6) + 0.5))
}

// hasTopBadges reports whether s shows pills on its card's top edge.
func (c *computer) hasTopBadges(s *blueprint.Step) bool {
	return s.Fail != "" || s.Wait > 0 || s.Emotion != 0 || s.Moment || s.Votes > 0 || len(c.st.Links[s.ID]) > 0
}

// WaitText is the text of a wait badge, for example "W 10m".
func WaitText(d blueprint.Duration) string { return "W " + d.String() }

// EmotionText is the text of an emotion badge: "+2", "+1", "-1", "-2".
func EmotionText(e int) string {
	if e > 0 {
		return "+" + strconv.Itoa(e)
	}
	return strconv.Itoa(e)
}

// VotesText is the count on a dot-vote badge.
func VotesText(n int) string { return strconv.Itoa(n) }

// votesWidth is the width of a dot-vote badge: the dot, a gap and the
// count in a pill.
func (c *computer) votesWidth(n int) float32 {
	return c.pillWidth(VotesText(n)) + c.dotSize() + 3
}

// dotSize is the diameter of the sticker dot on a dot-vote badge.
func (c *computer) dotSize() float32 { return c.st.BadgeHeight - 6 }

// pillWidth is the width of a badge pill holding text.
func (c *computer) pillWidth(text string) float32 {
	return c.m.width(text, c.st.SmallSize, true) + 10
}

// badgesWidth is the width the top-edge badges of s need.
func (c *computer) badgesWidth(s *blueprint.Step) float32 {
	w := float32(0)
	if s.Fail != "" {
		w += c.pillWidth("F") + 4
	}
	if s.Wait > 0 {
		w += c.pillWidth(WaitText(s.Wait)) + 4
	}
	if s.Emotion != 0 {
		w += c.pillWidth(EmotionText(s.Emotion)) + 4
	}
	for _, l := range c.st.Links[s.ID] {
		w += c.pillWidth(LinkText(l)) + 4
	}
	if s.Moment {
		w += c.st.BadgeHeight + 8
	}
	if s.Votes > 0 {
		w += c.votesWidth(s.Votes) + 4
	}
	return w
}

// CardAccentWidth is the width of the lane-coloured stripe down a card's
// left edge. A card's text, badges and owner start CardPadding right of
// the stripe and end CardPadding left of the right edge: the text has the
// same room on both sides.
const CardAccentWidth = 4

// textInsets is how much narrower than its card a card's text is.
func textInsets(st Style) float32 { return CardAccentWidth + 2*st.CardPadding }

// cardWidth is the width of the cards in column ci.
func (c *computer) cardWidth(ci int) float32 {
	return c.colW[ci] - c.st.ColumnGutter - c.gapAfter[ci]
}

// content measures the card of step si, once.
func (c *computer) content(si int) *cardContent {
	if c.contents == nil {
		c.contents = make([]*cardContent, len(c.d.Steps))
	}
	if cc := c.contents[si]; cc != nil {
		return cc
	}
	st := c.st
	s := &c.d.Steps[si]
	ci := c.colIdx[s.Column]
	tw := c.cardWidth(ci) - textInsets(st)
	cc := &cardContent{badges: c.hasTopBadges(s)}
	if s.Text != "" {
		cc.lines, cc.truncated = wrap(c.m, s.Text, tw, st.TextSize, false, st.MaxLines)
	}
	h := st.CardPadding*2 + float32(max(1, len(cc.lines)))*c.textLH
	if cc.badges {
		h += st.BadgeHeight / 2
	}
	if cc.notes = c.annotations(s, tw); len(cc.notes) > 0 {
		h += 4 + float32(len(cc.notes))*c.smallLH
	}
	if s.Owner != "" {
		cc.owner = c.oneLine(s.Owner, tw, st.SmallSize, false)
		h += c.smallLH + 4
	}
	if s.Image != "" {
		cc.thumb = c.thumbHeight(tw)
		h += cc.thumb + thumbGap
	}
	cc.height = float32(int(h + 0.999))
	c.contents[si] = cc
	return cc
}

// stackHeight is the height of the cards of one cell stacked with gaps.
func (c *computer) stackHeight(steps []int) float32 {
	h := float32(0)
	for i, si := range steps {
		if i > 0 {
			h += c.st.CardGap
		}
		h += c.content(si).height
	}
	return h
}

// cards places every card, centring each cell's stack in its lane.
func (c *computer) cards() {
	st, l := c.st, c.l
	c.cardStep = make([]int, 0, len(c.d.Steps))
	for ci := range c.d.Columns {
		for li := range c.d.Lanes {
			k := cellKey{li, ci}
			steps := c.cellSteps[k]
			if len(steps) == 0 {
				continue
			}
			lane := l.Lanes[li].Rect
			y := lane.Y + float32(int((lane.H-c.stackHeight(steps))/2))
			x := c.colX[ci] + st.ColumnGutter/2
			w := c.cardWidth(ci)
			for _, si := range steps {
				cc := c.content(si)
				card := c.card(&c.d.Steps[si], cc, Rect{x, y, w, cc.height})
				l.cardIndex[card.StepID] = len(l.Cards)
				l.cells[k] = append(l.cells[k], len(l.Cards))
				l.Cards = append(l.Cards, card)
				c.cardStep = append(c.cardStep, si)
				y += cc.height + st.CardGap
			}
		}
	}
}

func (c *computer) card(s *blueprint.Step, cc *cardContent, r Rect) Card {
	st := c.st
	card := Card{StepID: s.ID, Lane: s.Lane, Column: s.Column, Rect: r, Truncated: cc.truncated, Moment: s.Moment, Fail: s.Fail != ""}
	bh := st.BadgeHeight
	left := r.X + CardAccentWidth + st.CardPadding
	bx := left
	by := r.Y - bh/2
	pill := func(kind BadgeKind, text string, emotion int) {
		w, h := c.m.size(text, st.SmallSize, true)
		pw := w + 10
		card.Badges = append(card.Badges, Badge{
			Kind: kind, Rect: Rect{bx, by, pw, bh}, Emotion: emotion,
			Label: TextLine{Text: text, Pos: Point{bx + 5, by + (bh-h)/2}, W: w, H: h, Size: st.SmallSize, Bold: true},
		})
		bx += pw + 4
	}
	if s.Fail != "" {
		pill(BadgeFail, "F", 0)
	}
	if s.Wait > 0 {
		pill(BadgeWait, WaitText(s.Wait), 0)
	}
	if s.Emotion != 0 {
		pill(BadgeEmotion, EmotionText(s.Emotion), s.Emotion)
	}
	// Link pills get what room is left on the top edge, their text cut
	// short with an ellipsis; one with no room for a few letters is left
	// out.
	right := r.Right() - st.CardPadding
	if s.Moment {
		right -= bh + 4
	}
	if s.Votes > 0 {
		text := VotesText(s.Votes)
		w, h := c.m.size(text, st.SmallSize, true)
		d := c.dotSize()
		pw := c.votesWidth(s.Votes)
		x := right - pw
		card.Badges = append(card.Badges, Badge{
			Kind: BadgeVotes, Rect: Rect{x, by, pw, bh}, Dot: Rect{x + 5, by + 3, d, d},
			Label: TextLine{Text: text, Pos: Point{x + 5 + d + 3, by + (bh-h)/2}, W: w, H: h, Size: st.SmallSize, Bold: true},
		})
		right = x - 4
	}
	for _, l := range st.Links[s.ID] {
		room := right - bx - 10
		if room < 3*st.SmallSize {
			break
		}
		pill(BadgeLink, ellipsize(c.m, LinkText(l), room, st.SmallSize, true, false), 0)
	}
	if s.Moment {
		card.Badges = append(card.Badges, Badge{Kind: BadgeMoment, Rect: Rect{r.Right() - st.CardPadding - bh, by, bh, bh}})
	}
	ty := r.Y + st.CardPadding
	if cc.badges {
		ty += bh / 2
	}
	for _, s := range cc.lines {
		w, h := c.m.size(s, st.TextSize, false)
		card.Lines = append(card.Lines, TextLine{Text: s, Pos: Point{left, ty + (c.textLH-h)/2}, W: w, H: h, Size: st.TextSize})
		ty += c.textLH
	}
	if len(cc.notes) > 0 {
		ty += 4
	}
	for _, n := range cc.notes {
		w, h := c.m.size(n.text, st.SmallSize, false)
		card.Annotations = append(card.Annotations, Annotation{Kind: n.kind, Line: TextLine{Text: n.text, Pos: Point{left, ty + (c.smallLH-h)/2}, W: w, H: h, Size: st.SmallSize}})
		ty += c.smallLH
	}
	if cc.thumb > 0 {
		if len(cc.lines) == 0 {
			ty += c.textLH
		}
		card.Image = s.Image
		card.Thumb = Rect{r.X + st.CardPadding, ty + thumbGap, r.W - 2*st.CardPadding, cc.thumb}
	}
	if cc.owner != "" {
		w, h := c.m.size(cc.owner, st.SmallSize, false)
		oy := r.Bottom() - st.CardPadding - h
		card.Badges = append(card.Badges, Badge{
			Kind: BadgeOwner, Rect: Rect{left, oy, w, h},
			Label: TextLine{Text: cc.owner, Pos: Point{left, oy}, W: w, H: h, Size: st.SmallSize},
		})
	}
	return card
}

// MarkSampleWidth is the width of the legend's sample of a finding marker,
// a dot.
const MarkSampleWidth = 12

// legendKinds reports which legend entries the drawing uses.
func (c *computer) legendKinds() map[LegendKind]bool {
	used := make(map[LegendKind]bool, 6)
	for _, card := range c.l.Cards {
		for _, b := range card.Badges {
			switch b.Kind {
			case BadgeFail:
				used[LegendFail] = true
			case BadgeWait:
				used[LegendWait] = true
			case BadgeMoment:
				used[LegendMoment] = true
			case BadgeEmotion:
				used[LegendEmotion] = true
			case BadgeVotes:
				used[LegendVotes] = true
			}
		}
	}
	for _, r := range c.l.Flows {
		used[LegendFlow] = used[LegendFlow] || !r.TwoWay
		used[LegendTwoWay] = used[LegendTwoWay] || r.TwoWay
	}
	if len(c.l.Cards) > 0 {
		m := c.st.MarkLegend
		used[LegendMarkError] = m&MarksError != 0
		used[LegendMarkWarning] = m&MarksWarning != 0
		used[LegendMarkInfo] = m&MarksInfo != 0
	}
	return used
}

// legend lays out, in rows no wider than width, the entries for the marks
// the drawing uses; it returns nil when there are none.
func (c *computer) legend(x, y, width float32) *Legend {
	st := c.st
	lb := st.Labels.orEnglish()
	bh := st.BadgeHeight
	type entry struct {
		kind   LegendKind
		sample string
		label  string
		sw     float32
	}
	entries := []entry{
		{LegendFail, "F", lb.Fail, 0},
		{LegendWait, "W " + lb.WaitSample, lb.Wait, 0},
		{LegendMoment, "", lb.Moment, bh},
		{LegendEmotion, "+1", lb.Emotion, 0},
		{LegendFlow, "", lb.Flow, 36},
		{LegendTwoWay, "", lb.TwoWay, 36},
		{LegendVotes, VotesText(3), lb.Votes, 0},
		{LegendMarkError, "", lb.MarkError, MarkSampleWidth},
		{LegendMarkWarning, "", lb.MarkWarning, MarkSampleWidth},
		{LegendMarkInfo, "", lb.MarkInfo, MarkSampleWidth},
	}
	used := c.legendKinds()
	lg := &Legend{}
	cx, cy := x, y
	rowH := max(bh, c.smallLH)
	for _, e := range entries {
		if !used[e.kind] {
			continue
		}
		sw := e.sw
		if e.sample != "" {
			sw = c.pillWidth(e.sample)
		}
		dot := float32(0)
		if e.kind == LegendVotes {
			dot = c.dotSize() + 3
			sw += dot
		}
		lw, lh := c.m.size(e.label, st.SmallSize, false)
		iw := sw + 6 + lw
		if cx > x && cx+iw > x+width {
			cx = x
			cy += rowH + 8
		}
		it := LegendItem{Kind: e.kind, Sample: Rect{cx, cy + (rowH-bh)/2, sw, bh}}
		if e.sample != "" {
			w, h := c.m.size(e.sample, st.SmallSize, true)
			it.SampleText = &TextLine{Text: e.sample, Pos: Point{cx + 5 + dot, it.Sample.Y + (bh-h)/2}, W: w, H: h, Size: st.SmallSize, Bold: true}
		}
		if e.kind == LegendVotes {
			it.Dot = Rect{cx + 5, it.Sample.Y + 3, c.dotSize(), c.dotSize()}
		}
		it.Label = TextLine{Text: e.label, Pos: Point{cx + sw + 6, cy + (rowH-lh)/2}, W: lw, H: lh, Size: st.SmallSize}
		lg.Items = append(lg.Items, it)
		cx += iw + 22
	}
	if len(lg.Items) == 0 {
		return nil
	}
	lg.Rect = Rect{x, y, 0, 0}
	for _, it := range lg.Items {
		lg.Rect = lg.Rect.Union(it.Sample).Union(it.Label.Rect())
	}
	return lg
}
