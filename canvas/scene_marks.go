package canvas

import (
	"image/color"
	"maps"

	"servicebp/blueprint/layout"
)

// Mark is the finding marker a card carries in the editor: a small dot on
// its right edge, coloured by the most serious finding about the step.
type Mark int

// The marks, from none to the most serious.
const (
	MarkNone Mark = iota
	MarkInfo
	MarkWarning
	MarkError
)

// markRadius is the radius of a finding marker, in world units.
const markRadius = 5

// markInfo is the colour of an info marker: a quiet slate that reads on
// both the light and the dark cards.
var markInfo = color.NRGBA{0x64, 0x74, 0x8b, 0xff}

// SetMarks puts a finding marker on the cards of the steps in marks (step
// id to mark). Nil or empty marks nothing, which is how the scene starts,
// so exports never carry markers.
func (s *Scene) SetMarks(marks map[string]Mark) {
	if len(marks) == 0 && len(s.marks) == 0 {
		return
	}
	if maps.Equal(marks, s.marks) {
		return
	}
	s.marks = maps.Clone(marks)
	s.refresh()
}

// Marks returns a copy of the markers set with SetMarks.
func (s *Scene) Marks() map[string]Mark { return maps.Clone(s.marks) }

// mark appends c's finding marker, if it has one, to its specs.
func (s *Scene) mark(specs []spec, c *layout.Card) []spec {
	m := s.marks[c.StepID]
	if m == MarkNone {
		return specs
	}
	return append(specs, markSpec(c.Rect, m, &s.pal))
}

// markSpec is the marker dot on the bottom right corner of the card r,
// clear of the connector handle in the middle of the right edge, ringed
// with the card colour so it stands out on the lane behind.
func markSpec(r layout.Rect, m Mark, p *Palette) spec {
	fill := markInfo
	switch m {
	case MarkError:
		fill = p.Fail
	case MarkWarning:
		fill = p.Wait
	}
	cx, cy := r.Right()-1, r.Bottom()-1
	return spec{
		shape: shapeCircle,
		r:     layout.Rect{X: cx - markRadius, Y: cy - markRadius, W: 2 * markRadius, H: 2 * markRadius},
		fill:  fill, stroke: p.Card, width: 1.5,
	}
}
