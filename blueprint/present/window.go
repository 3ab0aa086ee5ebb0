package present

import (
	"slices"

	"servicebp/blueprint"
)

// Window returns a copy of d cut down to the columns first to last
// (indexes, inclusive, clamped to d's columns): those columns, the steps in
// them and the flows between those steps, with every lane and line kept.
// A presentation shows one phase, or a few columns, at a time this way,
// with the lane headers beside them.
func Window(d *blueprint.Document, first, last int) *blueprint.Document {
	first = max(first, 0)
	last = min(last, len(d.Columns)-1)
	w := &blueprint.Document{
		Version:     d.Version,
		Title:       d.Title,
		Description: d.Description,
		Lanes:       slices.Clone(d.Lanes),
		Lines:       slices.Clone(d.Lines),
		Lint:        d.Lint,
	}
	if first > last {
		return w
	}
	w.Columns = slices.Clone(d.Columns[first : last+1])
	cols := make(map[string]bool, len(w.Columns))
	for _, c := range w.Columns {
		cols[c.ID] = true
	}
	kept := make(map[string]bool)
	for _, s := range d.Steps {
		if cols[s.Column] {
			s.Tags = slices.Clone(s.Tags)
			w.Steps = append(w.Steps, s)
			kept[s.ID] = true
		}
	}
	for _, f := range d.Flows {
		if kept[f.From] && kept[f.To] {
			w.Flows = append(w.Flows, f)
		}
	}
	return w
}
