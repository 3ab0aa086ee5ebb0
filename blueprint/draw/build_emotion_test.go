package draw

import (
	"image/color"
	"math"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

func TestBuildEmotionCurve(t *testing.T) {
	d := coffee()
	d.Steps[0].Emotion = -2 // ask
	d.Steps[2].Emotion = -2 // card
	l, list := build(t, d, Options{Dimmed: map[string]bool{"card": true}})
	g := groups(list)[Element{Kind: ElemEmotionCurve}]
	if g == nil || l.Emotion == nil {
		t.Fatal("no emotion curve group")
	}
	// After the cards (so the points cover the flows crossing the band),
	// before the flow labels.
	at := map[ElemKind]int{}
	for i, gr := range list.Groups {
		at[gr.Elem.Kind] = i
	}
	if at[ElemEmotionCurve] < at[ElemStep] || at[ElemEmotionCurve] > at[ElemFlowLabel] {
		t.Errorf("curve group at %d, last card %d, last flow label %d", at[ElemEmotionCurve], at[ElemStep], at[ElemFlowLabel])
	}
	p := LightPalette()
	if n := count[*Circle](g); n != 3 {
		t.Errorf("%d points, want 3", n)
	}
	fills := map[layout.Point]Circle{}
	var curve *Path
	var zero *Path
	for _, it := range g.Items {
		switch it := it.(type) {
		case *Circle:
			fills[it.Center] = *it
		case *Path:
			switch {
			case len(it.Points) == 3:
				curve = it
			case it.Dash != nil:
				zero = it
			}
		}
	}
	for _, pt := range l.Emotion.Points {
		c, ok := fills[pt.At]
		want := p.Unhappy
		if pt.Emotion > 0 {
			want = p.Happy
		}
		if pt.StepID == "card" {
			want = Fade(want, p.Background)
		}
		if !ok || c.Fill != want {
			t.Errorf("point %s: %+v, want fill %v", pt.StepID, c, want)
		}
	}
	if curve == nil || curve.Points[0] != l.Emotion.Points[0].At || curve.Points[2] != l.Emotion.Points[2].At {
		t.Errorf("curve = %+v", curve)
	}
	if zero == nil || zero.Points[0].Y != l.Emotion.ZeroY() {
		t.Errorf("zero line = %+v", zero)
	}
	var labels []string
	for _, it := range g.Items {
		if tx, ok := it.(*Text); ok {
			labels = append(labels, tx.Line.Text)
		}
	}
	// The title and the two lowest points' labels.
	if len(labels) != 3 || labels[0] != layout.EnglishLabels.Emotion || labels[1] != "Order a flat white" || labels[2] != "Pay by card" {
		t.Errorf("texts = %q", labels)
	}

	d.Steps[3].Emotion, d.Steps[0].Emotion, d.Steps[2].Emotion = 0, 0, 0
	if _, list := build(t, d, Options{}); groups(list)[Element{Kind: ElemEmotionCurve}] != nil {
		t.Error("curve group without emotions")
	}
}

func TestBuildHighlightFlows(t *testing.T) {
	k := layout.FlowKey{From: "ask", To: "take"}
	_, plain := build(t, coffee(), Options{})
	_, lit := build(t, coffee(), Options{HighlightFlows: map[layout.FlowKey]bool{k: true}})
	p := LightPalette()
	for _, list := range []*List{plain, lit} {
		for _, fk := range []layout.FlowKey{k, {From: "ask", To: "card"}} {
			g := groups(list)[Element{Kind: ElemFlow, From: fk.From, To: fk.To}]
			line := g.Items[0].(*Path)
			head := g.Items[1].(*Path)
			on := list == lit && fk == k
			wantC, wantW := p.Flow, p.FlowStroke
			if on {
				wantC, wantW = p.Selection, p.FlowStroke+highlightExtra
			}
			if line.Stroke != wantC || line.Width != wantW || head.Fill != wantC {
				t.Errorf("flow %v highlighted=%v: stroke %v width %v head %v", fk, on, line.Stroke, line.Width, head.Fill)
			}
		}
	}
}

// TestEmotionCurveReadable checks, in every palette, that the emotion
// curve reads at a glance: a line heavier than the flows, in a colour
// that stands out from the band's background and from the customer lane
// above it and is not the flows' colour, with points big enough to see,
// each ringed in the background so that it stands apart from the line.
func TestEmotionCurveReadable(t *testing.T) {
	d := coffee()
	d.Steps[0].Emotion = -2
	d.Steps[3].Emotion = 2
	for _, name := range PaletteNames {
		t.Run(name, func(t *testing.T) {
			p, _ := PaletteByName(name)
			l := layout.Compute(d, layout.DefaultStyle(), measure)
			list := Build(l, &p, Options{})
			g := groups(list)[Element{Kind: ElemEmotionCurve}]
			if g == nil {
				t.Fatal("no emotion curve")
			}
			lc := p.Lane(blueprint.LaneCustomer)
			for _, it := range g.Items {
				switch it := it.(type) {
				case *Path:
					if it.Dash != nil {
						continue
					}
					if it.Width < p.FlowStroke+1 {
						t.Errorf("curve %g wide, flows %g: want it clearly heavier", it.Width, p.FlowStroke)
					}
					for what, bg := range map[string]color.NRGBA{"background": p.Background, "customer lane": lc.Fill, "customer lane (alternate)": lc.AltFill} {
						if c := contrast(it.Stroke, bg); c < 4.5 {
							t.Errorf("curve %v on the %s %v: contrast %.2f, want ≥ 4.5", it.Stroke, what, bg, c)
						}
					}
					if dist := colorDistance(it.Stroke, p.Flow); dist < 80 {
						t.Errorf("curve %v is close to the flows' %v (distance %.0f)", it.Stroke, p.Flow, dist)
					}
				case *Circle:
					if it.Radius < 6 || it.Width < 2 || it.Stroke != p.Background {
						t.Errorf("point radius %g with a %g ring of %v; want ≥ 6 with a ≥ 2 ring of the background", it.Radius, it.Width, it.Stroke)
					}
					if c := contrast(it.Fill, p.Background); c < 2 {
						t.Errorf("point %v on the background: contrast %.2f", it.Fill, c)
					}
				}
			}
		})
	}
}

// colorDistance is the distance between a and b in RGB.
func colorDistance(a, b color.NRGBA) float64 {
	dr, dg, db := float64(a.R)-float64(b.R), float64(a.G)-float64(b.G), float64(a.B)-float64(b.B)
	return math.Sqrt(dr*dr + dg*dg + db*db)
}
