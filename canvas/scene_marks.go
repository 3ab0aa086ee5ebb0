package canvas

import (
	"maps"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
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

// SetMarks puts the finding markers marks (step id to mark) on the board's
// cards, and has the legend explain each kind of marker shown.
func (b *Board) SetMarks(marks map[string]Mark) {
	var set layout.MarkSet
	for _, m := range marks {
		switch m {
		case MarkError:
			set |= layout.MarksError
		case MarkWarning:
			set |= layout.MarksWarning
		case MarkInfo:
			set |= layout.MarksInfo
		}
	}
	b.scene.SetMarks(marks)
	if set != b.style.MarkLegend {
		b.style.MarkLegend = set
		b.Reload()
	}
}
