package draw

import (
	"image/color"
	"testing"

	"servicebp/blueprint/layout"
)

// TestBuildVotes checks the dot-vote badge: a pill in the votes colour on
// the card's top edge, right of the other pills and left of the moment
// mark, holding a dot and the count; and the legend entry, only when a
// card has votes.
func TestBuildVotes(t *testing.T) {
	if _, list := build(t, coffee(), Options{}); legendHas(list, LightPalette().Votes) {
		t.Error("the legend explains votes on a blueprint without votes")
	}
	d := coffee()
	d.Steps[2].Votes = 12 // the moment card
	d.Steps[1].Votes = 3  // the fail point
	l, list := build(t, d, Options{})
	p := LightPalette()
	g := groups(list)
	for _, c := range l.Cards {
		var votes *layout.Badge
		for i := range c.Badges {
			if c.Badges[i].Kind == layout.BadgeVotes {
				votes = &c.Badges[i]
			}
		}
		step := d.Step(c.StepID)
		if (votes != nil) != (step.Votes > 0) {
			t.Fatalf("card %s: votes badge %v with %d votes", c.StepID, votes, step.Votes)
		}
		if votes == nil {
			continue
		}
		if votes.Label.Text != layout.VotesText(step.Votes) || votes.Rect.Y >= c.Rect.Y || votes.Rect.Bottom() <= c.Rect.Y || votes.Rect.Right() > c.Rect.Right() {
			t.Errorf("card %s: badge %+v on card %+v", c.StepID, votes, c.Rect)
		}
		for _, b := range c.Badges {
			switch b.Kind {
			case layout.BadgeFail, layout.BadgeWait, layout.BadgeEmotion:
				if b.Rect.Right() > votes.Rect.X {
					t.Errorf("card %s: %v pill overlaps the votes badge", c.StepID, b.Kind)
				}
			case layout.BadgeMoment:
				if b.Rect.X < votes.Rect.Right() {
					t.Errorf("card %s: the moment mark overlaps the votes badge", c.StepID)
				}
			}
		}
		if !votes.Rect.Contains(votes.Dot.Center()) || votes.Dot.Right() > votes.Label.Pos.X {
			t.Errorf("card %s: dot %+v, label at %v", c.StepID, votes.Dot, votes.Label.Pos)
		}
		cg := g[Element{Kind: ElemStep, ID: c.StepID}]
		pill, dot, text := false, false, false
		for _, it := range cg.Items {
			switch it := it.(type) {
			case *Rect:
				pill = pill || (it.Fill == p.Votes && it.R == votes.Rect)
			case *Circle:
				dot = dot || (it.Fill == p.BadgeText && it.Center == votes.Dot.Center())
			case *Text:
				text = text || (it.Line.Text == votes.Label.Text && it.Color == p.BadgeText)
			}
		}
		if !pill || !dot || !text {
			t.Errorf("card %s: pill %v, dot %v, count %v in the display list", c.StepID, pill, dot, text)
		}
	}
	if !legendHas(list, p.Votes) {
		t.Error("the legend does not explain the votes")
	}
}

// legendHas reports whether the legend has a pill filled with c.
func legendHas(list *List, c color.NRGBA) bool {
	for _, g := range list.Groups {
		if g.Elem.Kind != ElemLegend {
			continue
		}
		for _, it := range g.Items {
			if r, ok := it.(*Rect); ok && r.Fill == c {
				return true
			}
		}
	}
	return false
}
