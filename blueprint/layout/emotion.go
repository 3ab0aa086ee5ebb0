package layout

import (
	"math"
	"strings"

	"servicebp/blueprint"
)

// The emotion band's inner sizes, in world units.
const (
	// emotionTopPad is the space between the band's top and the +2 level.
	emotionTopPad = 8
	// emotionUnit is the height of one emotion unit (the plot is four
	// units high, from −2 to +2) when the style does not say.
	emotionUnit = 9
	// emotionLabelGap is the space between a lowest point and its label.
	emotionLabelGap = 5
	// emotionBottomPad is the space under the label row.
	emotionBottomPad = 6
	// EmotionPointRadius is the radius of a point of the emotion curve.
	EmotionPointRadius = 6
)

// EmotionCurve is the customer's emotions drawn as a line chart in a slim
// band of its own directly below the (last) customer lane: a point at the
// centre of each customer card that has an emotion, joined left to right.
type EmotionCurve struct {
	// Rect is the whole band, header column included; Header is its cell
	// in the header column.
	Rect, Header Rect
	// Plot is the chart area: its top is +2, its bottom −2.
	Plot Rect
	// Title names the band, in the header column.
	Title TextLine
	// Points are in drawing order: by column, then top to bottom.
	Points []EmotionPoint
}

// EmotionPoint is one step's point on the curve. Label is set on the
// lowest points (every point with the minimum emotion, when that is below
// zero): the step's text cut short, centred under the point.
type EmotionPoint struct {
	StepID  string
	Emotion int
	At      Point
	Label   *TextLine
}

// Y is the height of emotion e (−2..+2) in the plot.
func (e *EmotionCurve) Y(emotion int) float32 {
	emotion = max(-2, min(2, emotion))
	return e.Plot.Y + float32(2-emotion)*e.Plot.H/4
}

// ZeroY is the height of the zero line.
func (e *EmotionCurve) ZeroY() float32 { return e.Y(0) }

// emotionLane is the index of the lane the emotion band follows (the
// last customer lane), or -1 when there is no band: the style switches it
// off, or no placed customer step has an emotion.
func (c *computer) emotionLane() int {
	if c.st.NoEmotionCurve {
		return -1
	}
	last, found := -1, false
	for i, ln := range c.d.Lanes {
		if ln.Kind != blueprint.LaneCustomer {
			continue
		}
		last = i
		for ci := range c.d.Columns {
			for _, si := range c.cellSteps[cellKey{i, ci}] {
				found = found || c.d.Steps[si].Emotion != 0
			}
		}
	}
	if !found {
		return -1
	}
	return last
}

// emotionBandHeight is the height of the band: the padding, the four
// units of the plot, and a row for the labels under the lowest points.
func (c *computer) emotionBandHeight() float32 {
	h := emotionTopPad + 4*c.emotionUnit() + EmotionPointRadius + emotionLabelGap + c.smallLH + emotionBottomPad
	return float32(math.Ceil(float64(h)))
}

// emotionUnit is the height of one emotion unit.
func (c *computer) emotionUnit() float32 {
	if c.st.EmotionUnit > 0 {
		return c.st.EmotionUnit
	}
	return emotionUnit
}

// emotionBand starts the curve in the band at y, across x0..gridRight.
func (c *computer) emotionBand(x0, y, gridRight float32) float32 {
	st := c.st
	h := c.emotionBandHeight()
	lb := st.Labels.orEnglish()
	ec := &EmotionCurve{
		Rect:   Rect{x0, y, gridRight - x0, h},
		Header: Rect{x0, y, st.LaneHeaderWidth, h},
		Plot:   Rect{x0 + st.LaneHeaderWidth, y + emotionTopPad, gridRight - x0 - st.LaneHeaderWidth, 4 * c.emotionUnit()},
	}
	s := c.oneLine(lb.Emotion, st.LaneHeaderWidth-2*laneTitleInset, st.SmallSize, true)
	w, th := c.m.size(s, st.SmallSize, true)
	ec.Title = TextLine{Text: s, Pos: Point{x0 + laneTitleInset, y + emotionTopPad - 2}, W: w, H: th, Size: st.SmallSize, Bold: true}
	c.l.Emotion = ec
	return y + h
}

// emotionPoints places the points once the cards are placed, and labels
// the lowest ones.
func (c *computer) emotionPoints() {
	ec := c.l.Emotion
	if ec == nil {
		return
	}
	low, n := 0, 0
	for k := range c.l.Cards {
		if c.d.Steps[c.cardStep[k]].Emotion != 0 {
			n++
		}
	}
	ec.Points = make([]EmotionPoint, 0, n)
	for k := range c.l.Cards {
		card := &c.l.Cards[k]
		s := &c.d.Steps[c.cardStep[k]]
		if s.Emotion == 0 || c.d.Lanes[c.laneIdx[s.Lane]].Kind != blueprint.LaneCustomer {
			continue
		}
		e := max(-2, min(2, s.Emotion))
		ec.Points = append(ec.Points, EmotionPoint{StepID: s.ID, Emotion: e, At: Point{card.Rect.Center().X, ec.Y(e)}})
		low = min(low, e)
	}
	if low >= 0 {
		return
	}
	// One label per x: steps stacked in one column share it.
	for i := 0; i < len(ec.Points); {
		j := i + 1
		for j < len(ec.Points) && ec.Points[j].At.X == ec.Points[i].At.X {
			j++
		}
		var texts []string
		first := -1
		for k := i; k < j; k++ {
			if ec.Points[k].Emotion != low {
				continue
			}
			if first < 0 {
				first = k
			}
			s := &c.d.Steps[c.cardStep[c.l.cardIndex[ec.Points[k].StepID]]]
			t := strings.TrimSpace(firstLine(s.Text))
			if t == "" {
				t = s.ID
			}
			texts = append(texts, t)
		}
		if first >= 0 {
			c.emotionLabel(&ec.Points[first], strings.Join(texts, " · "))
		}
		i = j
	}
}

// emotionLabel puts text under p, cut to the width of p's card.
func (c *computer) emotionLabel(p *EmotionPoint, text string) {
	st := c.st
	width := float32(120)
	if r, ok := c.l.CardRect(p.StepID); ok {
		width = r.W
	}
	s := c.oneLine(text, width, st.SmallSize, false)
	w, h := c.m.size(s, st.SmallSize, false)
	p.Label = &TextLine{Text: s, Pos: Point{p.At.X - w/2, p.At.Y + EmotionPointRadius + emotionLabelGap}, W: w, H: h, Size: st.SmallSize}
}

// emotionClearance is the space kept between a point of the curve and a
// flow that runs down through the band.
const emotionClearance = 4

// clearEmotionPoints moves each point of the curve off a flow that runs
// down through it: a flow from a customer card leaves from the middle of
// its bottom edge, where the card's point is, and a point on the line read
// as a joint of the flow. The point goes right of the line, still over its
// card. A label stays centred under its card, on its plate, which the
// flow passes under.
func (c *computer) clearEmotionPoints() {
	ec := c.l.Emotion
	if ec == nil {
		return
	}
	const r = EmotionPointRadius
	for i := range ec.Points {
		p := &ec.Points[i]
		x, ok := c.verticalFlowAt(p.At.X, r+emotionClearance, p.At.Y-r, p.At.Y+r)
		if !ok {
			continue
		}
		p.At.X = x + r + emotionClearance
	}
}

// verticalFlowAt finds a vertical segment of a flow within reach of x that
// spans y0..y1, and returns its x.
func (c *computer) verticalFlowAt(x, reach, y0, y1 float32) (float32, bool) {
	for i := range c.l.Flows {
		pts := c.l.Flows[i].Points
		for j := 1; j < len(pts); j++ {
			a, b := pts[j-1], pts[j]
			if a.X != b.X || a.X < x-reach || a.X > x+reach {
				continue
			}
			if min(a.Y, b.Y) <= y1 && max(a.Y, b.Y) >= y0 {
				return a.X, true
			}
		}
	}
	return 0, false
}
