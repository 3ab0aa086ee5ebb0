package state

import (
	"slices"

	"servicebp/blueprint"
)

// IDChange is a made-up id and the one an element's new name or phase
// suggests for it.
type IDChange struct {
	Old, New string
}

// PhasePlan is a planned change of the phase of some columns.
type PhasePlan struct {
	// Command sets the phase, and changes in the same undo step the ids of
	// the columns whose made-up id nothing refers to.
	Command blueprint.Command
	// Changed lists the ids Command changes.
	Changed []IDChange
	// Offer lists the made-up ids that steps refer to, with the id the
	// phase suggests for each: in a blueprint that has a file, such an id
	// never changes without asking.
	Offer []IDChange
}

// PlanSetPhase plans putting the columns cols in the phase named phase
// ("" for none); see PlanPhase.
func PlanSetPhase(d *blueprint.Document, untitled bool, phase string, cols ...string) PhasePlan {
	return PlanPhase(d, untitled, blueprint.SetPhase(phase, cols...), cols)
}

// PlanRenamePhase plans renaming the phase old to new; see PlanPhase.
func PlanRenamePhase(d *blueprint.Document, untitled bool, old, new string) PhasePlan {
	var cols []string
	for _, c := range d.Columns {
		if c.Phase == old {
			cols = append(cols, c.ID)
		}
	}
	return PlanPhase(d, untitled, blueprint.RenamePhase(old, new), cols)
}

// PlanPhase plans the command set (a SetPhase or RenamePhase) that
// changes the phase of the columns cols. A column without a name
// whose id the editor made up ("column-3") takes an id made from the
// phase ("arrival", then "arrival-2"): at once when nothing refers to it,
// through Offer when steps do, unless untitled (the blueprint has never
// been written to a file, so nothing outside it knows its ids): then the
// steps' ids follow at once too. The ids are planned on the document as
// set leaves it; a set that fails is returned as it is, to report its
// error.
func PlanPhase(d *blueprint.Document, untitled bool, set blueprint.Command, cols []string) PhasePlan {
	p := PhasePlan{Command: set}
	w := *d
	if set.Do(&w) != nil {
		return p
	}
	var eligible, texts []string
	for _, id := range cols {
		c := w.Column(id)
		if c == nil || !blueprint.IsGeneratedID(id) || slices.Contains(eligible, id) {
			continue
		}
		if t := blueprint.ColumnIDText(*c); t != "" && t == c.Phase {
			eligible, texts = append(eligible, id), append(texts, t)
		}
	}
	var now [][2]string
	for i, next := range blueprint.UniqueIDs(&w, texts, "column") {
		old := eligible[i]
		if blueprint.IsGeneratedID(next) {
			continue
		}
		if !untitled && slices.ContainsFunc(w.Steps, func(s blueprint.Step) bool { return s.Column == old }) {
			p.Offer = append(p.Offer, IDChange{Old: old, New: next})
			continue
		}
		now = append(now, [2]string{old, next})
		p.Changed = append(p.Changed, IDChange{Old: old, New: next})
	}
	if len(now) > 0 {
		p.Command = blueprint.Batch(set.Label(), set, blueprint.RenameColumnIDs(now))
	}
	return p
}

// ColumnIDChanges is changes as blueprint.RenameColumnIDs takes them.
func ColumnIDChanges(changes []IDChange) [][2]string {
	out := make([][2]string, len(changes))
	for i, c := range changes {
		out[i] = [2]string{c.Old, c.New}
	}
	return out
}

// RenamedStep returns s with the step old, where s selects it or a flow
// of it, as new.
func (s Selection) RenamedStep(old, new string) Selection {
	out := Selection{Kind: s.Kind, IDs: slices.Clone(s.IDs)}
	if s.Kind == SelectSteps || s.Kind == SelectFlow {
		for i, id := range out.IDs {
			if id == old {
				out.IDs[i] = new
			}
		}
	}
	return out
}

// Renamed returns s with the ids in changes replaced by the new ones: the
// selected columns, or the column of a selected cell, of kind k's
// elements (SelectColumn or SelectLane).
func (s Selection) Renamed(k SelectionKind, changes []IDChange) Selection {
	rename := func(id string) string {
		for _, c := range changes {
			if c.Old == id {
				return c.New
			}
		}
		return id
	}
	out := Selection{Kind: s.Kind, IDs: slices.Clone(s.IDs)}
	switch {
	case s.Kind == k:
		for i, id := range out.IDs {
			out.IDs[i] = rename(id)
		}
	case s.Kind == SelectCell && len(s.IDs) == 2 && k == SelectColumn:
		out.IDs[1] = rename(s.IDs[1])
	case s.Kind == SelectCell && len(s.IDs) == 2 && k == SelectLane:
		out.IDs[0] = rename(s.IDs[0])
	}
	return out
}
