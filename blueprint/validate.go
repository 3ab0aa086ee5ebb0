package blueprint

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// validate checks the references and uniqueness rules of a decoded
// document, reporting problems at the elements' positions. Ids are unique
// among the lanes, among the lines, among the columns and among the steps;
// a step and a column may share an id, which hand-written files often do.
func (d *decoder) validate(doc *Document) {
	type owner struct {
		what string
		pos  Pos
	}
	ids := map[string]owner{}
	claim := func(id, what string, p Pos) {
		if id == "" {
			return
		}
		if first, dup := ids[what+" "+id]; dup {
			d.errorAt(p, "duplicate id %q: already used by the %s at line %d", id, first.what, first.pos.Line)
			return
		}
		ids[what+" "+id] = owner{what, p}
	}
	if len(doc.Lanes) == 0 {
		d.errorf(nil, "a blueprint needs at least one lane; remove \"lanes:\" to get the five standard lanes")
	}
	laneIDs := make([]string, len(doc.Lanes))
	for i, l := range doc.Lanes {
		claim(l.ID, "lane", l.Pos)
		laneIDs[i] = l.ID
	}
	lanes := newSuggester(laneIDs)
	lineBelow := map[string]Pos{}
	for _, l := range doc.Lines {
		claim(l.ID, "line", l.Pos)
		i := doc.LaneIndex(l.Below)
		switch {
		case i < 0:
			d.errorAt(l.Pos, "line %q: below: unknown lane %q%s", l.ID, l.Below, d.hint(l.Below, lanes))
		case i == len(doc.Lanes)-1:
			d.errorAt(l.Pos, "line %q is below the last lane %q; a line must separate two lanes", l.ID, l.Below)
		default:
			if first, dup := lineBelow[l.Below]; dup {
				d.errorAt(l.Pos, "line %q: another line (line %d) is already below lane %q", l.ID, first.Line, l.Below)
			}
			lineBelow[l.Below] = l.Pos
		}
	}
	colIDs := make([]string, len(doc.Columns))
	for i, c := range doc.Columns {
		claim(c.ID, "column", c.Pos)
		colIDs[i] = c.ID
	}
	laneSet := setOf(laneIDs)
	colSet := setOf(colIDs)
	cols := newSuggester(colIDs)
	for _, s := range doc.Steps {
		claim(s.ID, "step", s.Pos)
		if !laneSet[s.Lane] {
			d.errorAt(s.Pos, "step %q: unknown lane %q%s", s.ID, s.Lane, d.hint(s.Lane, lanes))
		}
		if !colSet[s.Column] {
			d.errorAt(s.Pos, "step %q: unknown column %q%s", s.ID, s.Column, d.hint(s.Column, cols))
		}
	}
	stepIDs := make([]string, len(doc.Steps))
	for i, s := range doc.Steps {
		stepIDs[i] = s.ID
	}
	stepSet := setOf(stepIDs)
	steps := newSuggester(stepIDs)
	flows := map[[2]string]Pos{}
	for _, f := range doc.Flows {
		if !stepSet[f.From] {
			d.errorAt(f.Pos, "flow from %q: no step has that id%s", f.From, d.hint(f.From, steps))
		}
		if !stepSet[f.To] {
			d.errorAt(f.Pos, "flow to %q: no step has that id%s", f.To, d.hint(f.To, steps))
		}
		if f.From == f.To {
			d.errorAt(f.Pos, "flow from %q to itself; a flow joins two different steps", f.From)
		}
		key := [2]string{f.From, f.To}
		if first, dup := flows[key]; dup {
			d.errorAt(f.Pos, "duplicate flow from %q to %q (first at line %d)", f.From, f.To, first.Line)
		}
		flows[key] = f.Pos
	}
	d.validateQuestions(doc, stepSet, steps)
}

func (d *decoder) errorAt(p Pos, format string, args ...any) {
	d.errorf(&yaml.Node{Line: p.Line, Column: p.Col}, format, args...)
}

// full reports whether the decoder has as many errors as it reports: any
// further error is dropped, so there is no point in working out its text.
func (d *decoder) full() bool { return len(d.errs) >= MaxErrors }

// hint suggests a close id for a broken reference, or nothing once the
// error list is full: a file with thousands of broken references would
// otherwise spend minutes on suggestions that are never shown.
func (d *decoder) hint(s string, ids *suggester) string {
	if d.full() {
		return ""
	}
	if m := ids.suggest(s); m != "" {
		return fmt.Sprintf("; did you mean %q?", m)
	}
	return ""
}

func setOf(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
