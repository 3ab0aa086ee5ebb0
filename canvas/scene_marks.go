package canvas

import (
	"maps"

	"servicebp/blueprint/draw"
)

// Mark is the finding marker a card carries in the editor (see
// draw.Mark).
type Mark = draw.Mark

// The marks, from none to the most serious.
const (
	MarkNone    = draw.MarkNone
	MarkInfo    = draw.MarkInfo
	MarkWarning = draw.MarkWarning
	MarkError   = draw.MarkError
)

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
