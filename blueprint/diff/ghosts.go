package diff

import (
	"strings"

	"servicebp/blueprint"
)

// WithGhosts returns a copy of new that also holds, for a picture of the
// changes, the steps removed from old whose lane and column are still in
// new (plain: text and owner only, so that they change no badge, legend or
// emotion curve), each after the step it followed in old, and the removed
// flows whose two ends are then in it. Laid out, the ghosts get cells of
// their own; Marks draws them as ghosts and those flows dashed. new is not
// changed.
func WithGhosts(old, new *blueprint.Document, changes []Change) *blueprint.Document {
	oi, ni := newIndex(old), newIndex(new)
	removed := map[string]bool{}
	var flows []blueprint.Flow
	for _, c := range changes {
		if c.Kind != Removed {
			continue
		}
		switch c.Element {
		case Step:
			if s := oi.steps[c.ID]; s != nil && ni.lanes[s.Lane] != nil && ni.columns[s.Column] != nil {
				removed[c.ID] = true
			}
		case Flow:
			if from, to, ok := strings.Cut(c.ID, "->"); ok {
				flows = append(flows, blueprint.Flow{From: from, To: to})
			}
		}
	}
	if len(removed) == 0 && len(flows) == 0 {
		return new
	}
	d := *new
	d.Steps = make([]blueprint.Step, 0, len(new.Steps)+len(removed))
	// Walk OLD's steps: a ghost goes after the last step before it that
	// is in NEW; NEW's steps keep their order.
	after := map[string][]blueprint.Step{}
	prev := ""
	for _, s := range old.Steps {
		if removed[s.ID] {
			after[prev] = append(after[prev], blueprint.Step{ID: s.ID, Lane: s.Lane, Column: s.Column, Text: s.Text, Owner: s.Owner})
			continue
		}
		if ni.steps[s.ID] != nil {
			prev = s.ID
		}
	}
	d.Steps = append(d.Steps, after[""]...)
	for _, s := range new.Steps {
		d.Steps = append(d.Steps, s)
		d.Steps = append(d.Steps, after[s.ID]...)
	}
	d.Flows = append([]blueprint.Flow(nil), new.Flows...)
	for _, f := range flows {
		if (ni.steps[f.From] != nil || removed[f.From]) && (ni.steps[f.To] != nil || removed[f.To]) {
			for _, of := range old.Flows {
				if of.From == f.From && of.To == f.To {
					d.Flows = append(d.Flows, blueprint.Flow{From: of.From, To: of.To, Label: of.Label, TwoWay: of.TwoWay})
				}
			}
		}
	}
	return &d
}
