package state

import (
	"slices"

	"servicebp/blueprint"
)

// Fragment returns a small blueprint holding copies of the steps with the
// given ids, the flows between them, and the lanes and columns they span
// (with those between, so that the steps keep their relative places). It
// is what Copy puts on the clipboard, as YAML.
func Fragment(d *blueprint.Document, ids []string) *blueprint.Document {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	minL, maxL, minC, maxC := len(d.Lanes), -1, len(d.Columns), -1
	var steps []blueprint.Step
	for _, s := range d.Steps {
		if !set[s.ID] {
			continue
		}
		li, ci := d.LaneIndex(s.Lane), d.ColumnIndex(s.Column)
		if li < 0 || ci < 0 {
			continue
		}
		minL, maxL, minC, maxC = min(minL, li), max(maxL, li), min(minC, ci), max(maxC, ci)
		s.Pos = blueprint.Pos{}
		s.Tags = slices.Clone(s.Tags)
		steps = append(steps, s)
	}
	f := &blueprint.Document{Version: blueprint.FormatVersion}
	if len(steps) == 0 {
		return f
	}
	for _, l := range d.Lanes[minL : maxL+1] {
		l.Pos = blueprint.Pos{}
		f.Lanes = append(f.Lanes, l)
	}
	for _, l := range d.Lines {
		if li := d.LaneIndex(l.Below); li >= minL && li < maxL {
			l.Pos = blueprint.Pos{}
			f.Lines = append(f.Lines, l)
		}
	}
	for _, c := range d.Columns[minC : maxC+1] {
		c.Pos = blueprint.Pos{}
		f.Columns = append(f.Columns, c)
	}
	f.Steps = steps
	for _, fl := range d.Flows {
		if set[fl.From] && set[fl.To] {
			fl.Pos = blueprint.Pos{}
			f.Flows = append(f.Flows, fl)
		}
	}
	return f
}
