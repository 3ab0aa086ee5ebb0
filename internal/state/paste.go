package state

import (
	"fmt"

	"servicebp/blueprint"
)

// Paste is a planned paste or duplicate: the one Batch command that adds
// the steps, and the ids the new steps get, which the editor selects once
// the command is applied.
type Paste struct {
	Command blueprint.Command
	IDs     []string
}

// PasteAnchor is the lane and column index where the fragment's first
// lane and column go when it is pasted into d with sel selected: the
// selected cell, card, lane or column, or else the lane of the same id and
// a new column at the end.
func PasteAnchor(d *blueprint.Document, sel Selection, frag *blueprint.Document) (li, ci int) {
	li, ci = -1, len(d.Columns)
	switch sel.Kind {
	case SelectCell:
		li, ci = d.LaneIndex(sel.IDs[0]), d.ColumnIndex(sel.IDs[1])
	case SelectSteps:
		if s := d.Step(sel.IDs[0]); s != nil {
			li, ci = d.LaneIndex(s.Lane), d.ColumnIndex(s.Column)
		}
	case SelectLane:
		li = d.LaneIndex(sel.IDs[0])
	case SelectColumn:
		ci = d.ColumnIndex(sel.IDs[0])
	}
	if li < 0 {
		li = 0
		if first := fragmentLanes(frag); len(first) > 0 {
			if i := d.LaneIndex(first[0]); i >= 0 {
				li = i
			}
		}
	}
	return li, ci
}

// fragmentLanes are the fragment's lanes from the first one a step uses.
func fragmentLanes(frag *blueprint.Document) []string {
	minL := len(frag.Lanes)
	for _, s := range frag.Steps {
		minL = min(minL, frag.LaneIndex(s.Lane))
	}
	var ids []string
	for _, l := range frag.Lanes[max(minL, 0):] {
		ids = append(ids, l.ID)
	}
	return ids
}

// PlanDuplicate plans copying the steps with ids, with the flows between
// them, into their own cells below the originals. The plan has no
// command when none of the ids is a step of d.
func PlanDuplicate(d *blueprint.Document, ids []string) (Paste, error) {
	frag := Fragment(d, ids)
	if len(frag.Steps) == 0 {
		return Paste{}, nil
	}
	return PlanPaste(d, frag, d.LaneIndex(frag.Lanes[0].ID), d.ColumnIndex(frag.Columns[0].ID), "Duplicate")
}

// PlanPaste plans adding the fragment's steps and flows to d so that its
// top-left used lane and column land at lane li and column ci; columns
// past the last one are created. The new steps get fresh ids, and the
// whole paste is one undo step named label. The plan has no command when
// the fragment has no steps; it is an error when d has no lanes.
func PlanPaste(d, frag *blueprint.Document, li, ci int, label string) (Paste, error) {
	if len(frag.Steps) == 0 {
		return Paste{}, nil
	}
	if len(d.Lanes) == 0 {
		return Paste{}, fmt.Errorf("%s: the blueprint has no lanes", label)
	}
	ci = max(ci, 0)
	minL, minC := len(frag.Lanes), len(frag.Columns)
	for _, s := range frag.Steps {
		minL, minC = min(minL, frag.LaneIndex(s.Lane)), min(minC, frag.ColumnIndex(s.Column))
	}
	// Columns past the end of the document are created, named as in the
	// fragment.
	var newCols []blueprint.Column
	colOf := func(fc int) int { return ci + fc - minC }
	for _, s := range frag.Steps {
		fc := frag.ColumnIndex(s.Column)
		for colOf(fc) >= len(d.Columns)+len(newCols) {
			var c blueprint.Column
			if k := minC + len(d.Columns) + len(newCols) - ci; k >= 0 && k < len(frag.Columns) {
				c = blueprint.Column{Name: frag.Columns[k].Name, Phase: frag.Columns[k].Phase}
			}
			newCols = append(newCols, c)
		}
	}
	texts := make([]string, 0, len(newCols)+len(frag.Steps))
	for range newCols {
		texts = append(texts, "column")
	}
	for _, s := range frag.Steps {
		texts = append(texts, s.Text)
	}
	ids := blueprint.UniqueIDs(d, texts, "step")
	cmds := make([]blueprint.Command, 0, len(texts)+len(frag.Flows))
	colIDs := make([]string, 0, len(d.Columns)+len(newCols))
	for _, c := range d.Columns {
		colIDs = append(colIDs, c.ID)
	}
	for i, c := range newCols {
		c.ID = ids[i]
		colIDs = append(colIDs, c.ID)
		cmds = append(cmds, blueprint.InsertColumn(c, -1))
	}
	ids = ids[len(newCols):]
	newID := make(map[string]string, len(frag.Steps))
	for i, s := range frag.Steps {
		newID[s.ID] = ids[i]
		s.ID = ids[i]
		s.Pos = blueprint.Pos{}
		s.Lane = d.Lanes[max(0, min(li+frag.LaneIndex(s.Lane)-minL, len(d.Lanes)-1))].ID
		s.Column = colIDs[max(colOf(frag.ColumnIndex(s.Column)), 0)]
		cmds = append(cmds, blueprint.AddStep(s, -1))
	}
	for _, f := range frag.Flows {
		from, ok1 := newID[f.From]
		to, ok2 := newID[f.To]
		if ok1 && ok2 {
			f.From, f.To, f.Pos = from, to, blueprint.Pos{}
			cmds = append(cmds, blueprint.AddFlow(f))
		}
	}
	return Paste{Command: blueprint.Batch(label, cmds...), IDs: ids}, nil
}
