package present

import (
	"cmp"
	"slices"

	"servicebp/blueprint"
)

// Note is one step's speaker notes, as the presenter view lists them.
type Note struct {
	StepID string
	Text   string
	Notes  string
}

// SlideNotes are the notes of what the room sees: the steps of the
// spotlit slice when there is a spotlight (its seed first), else the
// steps in the revealed columns of the current phase, in column order and
// then in lane order. Steps without notes are left out.
func SlideNotes(d *blueprint.Document, r *Reveal, s *Spotlight) []Note {
	var ids []string
	if s != nil {
		ids = append(ids, s.Seed)
		for _, id := range s.IDs(d) {
			if id != s.Seed {
				ids = append(ids, id)
			}
		}
	} else if cur := r.Current(); cur >= 0 {
		first := 0
		if ph := r.Phase(); ph >= 0 {
			first = r.Phases()[ph].First
		}
		lane := make(map[string]int, len(d.Lanes))
		for i, l := range d.Lanes {
			lane[l.ID] = i
		}
		col := make(map[string]int, cur-first+1)
		for c := first; c <= cur; c++ {
			col[d.Columns[c].ID] = c
		}
		var steps []*blueprint.Step
		for i := range d.Steps {
			if _, ok := col[d.Steps[i].Column]; ok {
				steps = append(steps, &d.Steps[i])
			}
		}
		slices.SortStableFunc(steps, func(a, b *blueprint.Step) int {
			if c := cmp.Compare(col[a.Column], col[b.Column]); c != 0 {
				return c
			}
			return cmp.Compare(lane[a.Lane], lane[b.Lane])
		})
		for _, st := range steps {
			ids = append(ids, st.ID)
		}
	}
	var notes []Note
	for _, id := range ids {
		if st := d.Step(id); st != nil && st.Notes != "" {
			notes = append(notes, Note{StepID: st.ID, Text: st.Text, Notes: st.Notes})
		}
	}
	return notes
}

// NextColumn is the column the next step of the reveal shows, and false
// when every column is revealed.
func NextColumn(d *blueprint.Document, r *Reveal) (blueprint.Column, bool) {
	i := r.Current() + 1
	if i <= 0 || i >= len(d.Columns) {
		return blueprint.Column{}, false
	}
	return d.Columns[i], true
}
