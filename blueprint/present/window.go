package present

import (
	"slices"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
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

// Links returns, for the window of columns first to last of d (see
// Window), the flows that join a step inside it to a step outside, by the
// inside step's id: at most one link out and one in, each naming the first
// other end's phase, or its column when that is in the window's own phase
// or has no phase, and counting the other places. A layout of the
// window shows them as badges on the cards (layout.Style.Links), so that a
// phase on its own still shows where its steps hand over.
func Links(d *blueprint.Document, first, last int) map[string][]layout.Link {
	first = max(first, 0)
	last = min(last, len(d.Columns)-1)
	if first > last {
		return nil
	}
	colIdx := make(map[string]int, len(d.Columns))
	for i, c := range d.Columns {
		colIdx[c.ID] = i
	}
	stepCol := make(map[string]int, len(d.Steps))
	for _, s := range d.Steps {
		stepCol[s.ID] = colIdx[s.Column]
	}
	inside := func(ci int) bool { return ci >= first && ci <= last }
	// The window's phase, when all its columns share one.
	phase := d.Columns[first].Phase
	for _, c := range d.Columns[first : last+1] {
		if c.Phase != phase {
			phase = ""
		}
	}
	place := func(ci int) string {
		c := d.Columns[ci]
		switch {
		case c.Phase != "" && c.Phase != phase:
			return c.Phase
		case c.Name != "":
			return c.Name
		}
		return c.ID
	}
	// One badge per direction: the first place, and how many more.
	var links map[string][]layout.Link
	seen := make(map[layout.Link]bool)
	add := func(id string, l layout.Link) {
		key := layout.Link{Out: l.Out, To: id + "\x00" + l.To}
		if seen[key] {
			return
		}
		seen[key] = true
		for i := range links[id] {
			if links[id][i].Out == l.Out {
				links[id][i].More++
				return
			}
		}
		if links == nil {
			links = make(map[string][]layout.Link)
		}
		links[id] = append(links[id], l)
	}
	for _, f := range d.Flows {
		fc, fok := stepCol[f.From]
		tc, tok := stepCol[f.To]
		if !fok || !tok || inside(fc) == inside(tc) {
			continue
		}
		if inside(fc) {
			add(f.From, layout.Link{Out: true, To: place(tc)})
		} else {
			add(f.To, layout.Link{To: place(fc)})
		}
	}
	return links
}
