package layout

import (
	"testing"

	"servicebp/blueprint"
)

// TestCardTextPaddingBothSides lays out cards whose text fills their
// column, in Chinese and English, with and without badges and owners:
// every line, badge and owner starts CardPadding right of the lane stripe
// and ends at least CardPadding left of the card's right edge.
func TestCardTextPaddingBothSides(t *testing.T) {
	d := blueprint.New("Padding", blueprint.EnglishNames)
	d.Columns = []blueprint.Column{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	d.Steps = []blueprint.Step{
		{ID: "zh", Lane: "customer", Column: "a", Text: "结算页核对地址和金额"},
		{ID: "en", Lane: "customer", Column: "b", Text: "Guest checks the address and the amount", Owner: "Front desk", Fail: "Wrong total", Wait: 5 * blueprint.Minute},
		{ID: "long", Lane: "frontstage", Column: "c", Text: "结算页核对地址和金额，结算页核对地址和金额，结算页核对地址和金额"},
	}
	for _, m := range []Measure{fakeMeasure, proportionalMeasure} {
		st := DefaultStyle()
		l := Compute(d, st, m)
		for _, c := range l.Cards {
			left := c.Rect.X + CardAccentWidth + st.CardPadding
			right := c.Rect.Right() - st.CardPadding
			check := func(what string, x, w float32) {
				if abs32(x-left) > 0.01 {
					t.Errorf("%s %s starts at %.2f, want %.2f (padding after the stripe)", c.StepID, what, x, left)
				}
				if x+w > right+0.01 {
					t.Errorf("%s %s ends at %.2f, past %.2f (padding before the right edge)", c.StepID, what, x+w, right)
				}
			}
			for _, ln := range c.Lines {
				check("line "+ln.Text, ln.Pos.X, ln.W)
			}
			for i, b := range c.Badges {
				if b.Kind == BadgeOwner || i == 0 {
					check("badge "+b.Label.Text, b.Rect.X, b.Rect.W)
				}
			}
		}
	}
}
