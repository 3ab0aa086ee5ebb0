package layout

import (
	"testing"

	"servicebp/assets"
	"servicebp/blueprint"
)

// emotionDoc is testDoc with more customer emotions: two lowest points
// (−2), a happy one, and an emotion on a frontstage step that the curve
// must leave out.
func emotionDoc() *blueprint.Document {
	d := testDoc()
	for i := range d.Steps {
		switch d.Steps[i].ID {
		case "arrive":
			d.Steps[i].Emotion = 1
		case "desk":
			d.Steps[i].Emotion = -2
		case "sleep":
			d.Steps[i].Emotion = -2
		case "keys":
			d.Steps[i].Emotion = 2
		}
	}
	return d
}

func TestEmotionCurvePoints(t *testing.T) {
	l := Compute(emotionDoc(), DefaultStyle(), fakeMeasure)
	ec := l.Emotion
	if ec == nil {
		t.Fatal("no emotion curve for a blueprint with customer emotions")
	}
	want := []struct {
		id string
		e  int
	}{{"arrive", 1}, {"desk", -2}, {"sleep", -2}}
	if len(ec.Points) != len(want) {
		t.Fatalf("got %d points, want %d: %+v", len(ec.Points), len(want), ec.Points)
	}
	for i, w := range want {
		p := ec.Points[i]
		r, _ := l.CardRect(w.id)
		if p.StepID != w.id || p.Emotion != w.e {
			t.Errorf("point %d = %s %d, want %s %d", i, p.StepID, p.Emotion, w.id, w.e)
		}
		// At the card's centre, unless a flow runs down through it there:
		// then beside the flow, clear of it, still over the card.
		if x, through := flowDownAt(l, r.Center().X, p.At.Y); through {
			if p.At.X-x < EmotionPointRadius+emotionClearance || p.At.X > r.Right() {
				t.Errorf("point %s at x %v, on or too near the flow at %v, or off its card %v", w.id, p.At.X, x, r)
			}
		} else if p.At.X != r.Center().X {
			t.Errorf("point %s at x %v, want the card's centre %v", w.id, p.At.X, r.Center().X)
		}
		if !ec.Rect.Contains(p.At) {
			t.Errorf("point %s at %v outside the band %v", w.id, p.At, ec.Rect)
		}
	}
	// −2 at the bottom of the plot, +2 at its top, 0 in the middle.
	if ec.Y(2) != ec.Plot.Y || ec.Y(-2) != ec.Plot.Bottom() || ec.ZeroY() != ec.Plot.Y+ec.Plot.H/2 {
		t.Errorf("y mapping: +2→%v −2→%v 0→%v for plot %v", ec.Y(2), ec.Y(-2), ec.ZeroY(), ec.Plot)
	}
	if ec.Points[0].At.Y >= ec.ZeroY() || ec.Points[1].At.Y != ec.Plot.Bottom() {
		t.Errorf("+1 at %v and −2 at %v, zero at %v", ec.Points[0].At.Y, ec.Points[1].At.Y, ec.ZeroY())
	}
	// The lowest points, and only they, are labelled, under the point,
	// inside the band and no wider than the card.
	for _, p := range ec.Points {
		if (p.Label != nil) != (p.Emotion == -2) {
			t.Errorf("point %s (%d): label %v", p.StepID, p.Emotion, p.Label)
			continue
		}
		if p.Label == nil {
			continue
		}
		r, _ := l.CardRect(p.StepID)
		lr := p.Label.Rect()
		if lr.Y <= p.At.Y || lr.Bottom() > ec.Rect.Bottom() || lr.W > r.W || lr.X < r.X-0.01 || lr.Right() > r.Right()+0.01 {
			t.Errorf("label %q at %v: point %v, card %v, band %v", p.Label.Text, lr, p.At, r, ec.Rect)
		}
	}
	if got := ec.Points[1].Label.Text; got != "Check in at the desk" && got[len(got)-len(Ellipsis):] != Ellipsis {
		t.Errorf("label of desk = %q", got)
	}
}

func TestEmotionCurvePushesLanesDown(t *testing.T) {
	with := Compute(emotionDoc(), DefaultStyle(), fakeMeasure)
	st := DefaultStyle()
	st.NoEmotionCurve = true
	without := Compute(emotionDoc(), st, fakeMeasure)
	if without.Emotion != nil {
		t.Fatal("NoEmotionCurve left a curve")
	}
	ec := with.Emotion
	cust := with.Lanes[1]
	if cust.Kind != blueprint.LaneCustomer || ec.Rect.Y != cust.Rect.Bottom() {
		t.Fatalf("band at %v, customer lane %v", ec.Rect, cust.Rect)
	}
	h := ec.Rect.H
	if h <= 0 || h > 100 {
		t.Errorf("band height %v: not a slim band", h)
	}
	for i := range with.Lanes {
		dy := with.Lanes[i].Rect.Y - without.Lanes[i].Rect.Y
		if want := map[bool]float32{true: h, false: 0}[i >= 2]; dy != want {
			t.Errorf("lane %s moved by %v, want %v", with.Lanes[i].ID, dy, want)
		}
	}
	if with.Height-without.Height != h {
		t.Errorf("height grew by %v, want %v", with.Height-without.Height, h)
	}
	// The line of interaction runs under the band, on top of the
	// frontstage lane; the other lines stay on their lanes' bottoms.
	for _, m := range with.Lines {
		li := with.laneIndex[lineBelow(t, m.ID)]
		want := with.Lanes[li].Rect.Bottom()
		if m.Kind == blueprint.LineInteraction {
			want = ec.Rect.Bottom()
			if want != with.Lanes[li+1].Rect.Y {
				t.Errorf("line of interaction at %v, frontstage lane at %v", want, with.Lanes[li+1].Rect.Y)
			}
		}
		if m.Y != want {
			t.Errorf("line %s at %v, want %v", m.ID, m.Y, want)
		}
	}
	// Nothing lies in the band but the curve: no card, no cell.
	for _, c := range with.Cards {
		if c.Rect.Intersects(ec.Rect) {
			t.Errorf("card %s %v overlaps the band %v", c.StepID, c.Rect, ec.Rect)
		}
	}
	if _, _, ok := with.CellAt(Point{ec.Plot.X + 10, ec.ZeroY()}); ok {
		t.Error("the band is a cell")
	}
}

func lineBelow(t *testing.T, id string) string {
	t.Helper()
	for _, ln := range testDoc().Lines {
		if ln.ID == id {
			return ln.Below
		}
	}
	t.Fatalf("no line %s", id)
	return ""
}

func TestEmotionCurveAbsent(t *testing.T) {
	d := testDoc()
	for i := range d.Steps {
		d.Steps[i].Emotion = 0
	}
	// An emotion outside the customer lane does not make a band.
	d.Steps[2].Emotion = 2
	if l := Compute(d, DefaultStyle(), fakeMeasure); l.Emotion != nil {
		t.Fatalf("band without customer emotions: %+v", l.Emotion)
	}
	// Only happy emotions: a curve with no labels.
	d.Steps[1].Emotion = 1
	d.Steps[3].Emotion = 2
	l := Compute(d, DefaultStyle(), fakeMeasure)
	if l.Emotion == nil || len(l.Emotion.Points) != 2 {
		t.Fatalf("curve = %+v", l.Emotion)
	}
	for _, p := range l.Emotion.Points {
		if p.Label != nil {
			t.Errorf("point %s (%d) labelled with no unhappy step", p.StepID, p.Emotion)
		}
	}
}

func TestEmotionCurveStackedLowest(t *testing.T) {
	d := testDoc()
	d.Steps = append(d.Steps, blueprint.Step{ID: "queue", Lane: "customer", Column: "checkin", Text: "Queue", Emotion: -1})
	l := Compute(d, DefaultStyle(), fakeMeasure)
	var labels []string
	for _, p := range l.Emotion.Points {
		if p.Label != nil {
			labels = append(labels, p.Label.Text)
		}
	}
	// desk and queue share a column and the minimum: one label for both.
	if len(labels) != 1 || labels[0] != "Check in at the desk · Queue" && labels[0][len(labels[0])-len(Ellipsis):] != Ellipsis {
		t.Errorf("labels = %q", labels)
	}
}

// TestEmotionBandKeepsFlowLabelsOut routes a labelled flow straight down
// through the band: its label goes on the part of the route in a lane.
func TestEmotionBandKeepsFlowLabelsOut(t *testing.T) {
	d := emotionDoc()
	d.Flows = append(d.Flows, blueprint.Flow{From: "desk", To: "keys", Label: "key"})
	l := Compute(d, DefaultStyle(), fakeMeasure)
	for _, r := range l.Flows {
		if r.Label != nil && r.Label.Rect().Intersects(l.Emotion.Rect) {
			t.Errorf("label %q of %v at %v in the band %v", r.Label.Text, r.Key, r.Label.Rect(), l.Emotion.Rect)
		}
	}
	if r := l.Route(FlowKey{From: "desk", To: "keys"}); r == nil || r.Label == nil {
		t.Fatal("the labelled flow has no label")
	}
}

// TestEmotionBandTemplates lays out every template: flow labels stay out
// of the band, or in its label row under the −2 level, clear of the
// lowest points' labels; no card meets the band.
func TestEmotionBandTemplates(t *testing.T) {
	for _, name := range assets.TemplateNames() {
		data, err := assets.Template(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := blueprint.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		l := Compute(d, DefaultStyle(), fakeMeasure)
		ec := l.Emotion
		if ec == nil {
			continue
		}
		for _, c := range l.Cards {
			if c.Rect.Intersects(ec.Rect) {
				t.Errorf("%s: card %s in the band", name, c.StepID)
			}
		}
		for _, r := range l.Flows {
			if r.Label == nil || !r.Label.Rect().Intersects(ec.Rect) {
				continue
			}
			lr := r.Label.Rect()
			if lr.Y < ec.Plot.Bottom()+EmotionPointRadius {
				t.Errorf("%s: flow label %q at %v above the band's label row (plot %v)", name, r.Label.Text, lr, ec.Plot)
			}
			for _, p := range ec.Points {
				if p.Label != nil && p.Label.Rect().Intersects(lr) {
					t.Errorf("%s: flow label %q covers the label of %s", name, r.Label.Text, p.StepID)
				}
			}
		}
	}
}

// flowDownAt finds a vertical flow segment at x that passes height y.
func flowDownAt(l *Layout, x, y float32) (float32, bool) {
	for _, f := range l.Flows {
		for j := 1; j < len(f.Points); j++ {
			a, b := f.Points[j-1], f.Points[j]
			if a.X == b.X && a.X == x && min(a.Y, b.Y) <= y && max(a.Y, b.Y) >= y {
				return a.X, true
			}
		}
	}
	return 0, false
}

// TestEmotionPointsClearOfFlows: no point of the curve lies on a flow, in
// any template (the hotel's check-in flow runs down from the card whose
// point it crossed).
func TestEmotionPointsClearOfFlows(t *testing.T) {
	for _, name := range assets.TemplateNames() {
		data, err := assets.Template(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := blueprint.Parse(name+".yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		l := Compute(d, DefaultStyle(), fakeMeasure)
		if l.Emotion == nil {
			continue
		}
		for _, p := range l.Emotion.Points {
			for _, f := range l.Flows {
				for j := 1; j < len(f.Points); j++ {
					a, b := f.Points[j-1], f.Points[j]
					seg := Rect{min(a.X, b.X), min(a.Y, b.Y), max(a.X, b.X) - min(a.X, b.X), max(a.Y, b.Y) - min(a.Y, b.Y)}
					if seg.Inset(-EmotionPointRadius).Contains(p.At) {
						t.Errorf("%s: the point of %s at %v lies on the flow %v", name, p.StepID, p.At, f.Key)
					}
				}
			}
		}
	}
}
