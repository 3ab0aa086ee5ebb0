package layout

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"servicebp/blueprint"
)

// randomDoc builds a messy document: unknown references, duplicate ids,
// empty and odd text, lines below missing lanes, self flows.
func randomDoc(r *rand.Rand) *blueprint.Document {
	words := []string{"", "a", "Check in", "顾客到店，询问价格", "supercalifragilisticexpialidocious", "line\nbreak", "  spaces  ", "emoji 😀", "tab\there", strings.Repeat("長", 80), "\u200b", "…"}
	pick := func() string { return words[r.IntN(len(words))] }
	d := &blueprint.Document{Title: pick(), Description: pick()}
	for i := range r.IntN(7) {
		k := blueprint.LaneKinds[r.IntN(len(blueprint.LaneKinds))]
		d.Lanes = append(d.Lanes, blueprint.Lane{ID: fmt.Sprintf("l%d", r.IntN(i+2)), Name: pick(), Kind: k})
	}
	for range r.IntN(4) {
		d.Lines = append(d.Lines, blueprint.Line{ID: pick(), Name: pick(), Below: fmt.Sprintf("l%d", r.IntN(8)),
			Style: blueprint.LineStyles[r.IntN(len(blueprint.LineStyles))], Kind: blueprint.LineKinds[r.IntN(4)]})
	}
	for i := range r.IntN(8) {
		d.Columns = append(d.Columns, blueprint.Column{ID: fmt.Sprintf("c%d", r.IntN(i+2)), Name: pick(), Phase: []string{"", "P", "Q"}[r.IntN(3)]})
	}
	for i := range r.IntN(30) {
		d.Steps = append(d.Steps, blueprint.Step{
			ID: fmt.Sprintf("s%d", r.IntN(i+2)), Lane: fmt.Sprintf("l%d", r.IntN(8)), Column: fmt.Sprintf("c%d", r.IntN(9)),
			Text: pick(), Owner: pick(), Fail: pick(), Wait: blueprint.Duration(r.IntN(3)) * blueprint.Hour,
			Moment: r.IntN(2) == 0, Emotion: r.IntN(5) - 2,
		})
	}
	for range r.IntN(30) {
		d.Flows = append(d.Flows, blueprint.Flow{From: fmt.Sprintf("s%d", r.IntN(30)), To: fmt.Sprintf("s%d", r.IntN(30)), Label: pick(), TwoWay: r.IntN(2) == 0})
	}
	return d
}

// TestRandomDocuments lays out many messy documents: no panic, cards
// inside the drawing, and hit-testing agrees with the cards.
func TestRandomDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	for n := range 300 {
		d := randomDoc(r)
		st := DefaultStyle()
		st.MaxLines = r.IntN(5)
		l := Compute(d, st, fakeMeasure)
		if l.Width <= 0 || l.Height <= 0 {
			t.Fatalf("doc %d: size %v × %v", n, l.Width, l.Height)
		}
		for _, c := range l.Cards {
			if c.Rect.X < 0 || c.Rect.Bottom() > l.Height || c.Rect.Right() > l.Width {
				t.Fatalf("doc %d: card %s at %+v outside %v × %v", n, c.StepID, c.Rect, l.Width, l.Height)
			}
			if id, ok := l.CardAt(c.Rect.Center()); !ok || l.Card(id).Rect != c.Rect {
				t.Fatalf("doc %d: CardAt(centre of %s) = %q, %v", n, c.StepID, id, ok)
			}
		}
		for range 20 {
			p := Point{r.Float32()*l.Width*1.2 - 10, r.Float32()*l.Height*1.2 - 10}
			l.CardAt(p)
			l.CellAt(p)
			l.FlowAt(p, 5)
		}
	}
}
