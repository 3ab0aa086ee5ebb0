package blueprint

import (
	"fmt"
	"sync"

	"gopkg.in/yaml.v3"
)

// This file holds the rules of the file format that span elements: which
// ids must be unique, and what references must name. The loader reports
// every broken rule with its position; an edit command is refused on the
// first (see checkEdited). Both run checkRules, so what a file may hold
// and what an edit may make are the same.

// A problem is one broken rule that checkRules found.
type problem struct {
	// pos is the element's place in its file, zero for an element made
	// in the editor.
	pos Pos
	msg string
	// ref, when not refNone, says the problem is a reference to an id
	// of that kind that nothing has, bad: the loader suggests a close id.
	ref refKind
	bad string
}

// refKind is the kind of element a reference names.
type refKind int

const (
	refNone refKind = iota
	refLane
	refColumn
	refStep
)

// checkRules checks the references and uniqueness rules of doc, calling
// report for each problem in document order until it returns false. Ids
// are unique among the lanes, among the lines, among the columns and among
// the steps; elements of different kinds may share an id (a step often
// shares its column's), since a reference always says which kind it
// names. A blueprint has at least one lane; each line is below a lane
// other than the last, and no two lines are below the same lane; a step
// names an existing lane and column; a flow joins two different existing
// steps, and at most one flow goes from one step to another.
func checkRules(doc *Document, report func(problem) bool) {
	stop := false
	say := func(p problem) {
		if !stop && !report(p) {
			stop = true
		}
	}
	if len(doc.Lanes) == 0 {
		say(problem{msg: "a blueprint needs at least one lane; remove \"lanes:\" to get the five standard lanes"})
	}
	m := ruleMapsPool.Get().(*ruleMaps)
	defer m.release()
	lanes, lines, cols, steps, lineBelow, flows := m.lanes, m.lines, m.cols, m.steps, m.lineBelow, m.flows
	for i, l := range doc.Lanes {
		lanes.claim(l.ID, "lane", i, l.Pos, say)
	}
	for i, l := range doc.Lines {
		if stop {
			return
		}
		lines.claim(l.ID, "line", i, l.Pos, say)
		lane, ok := lanes[l.Below]
		switch {
		case !ok:
			say(problem{pos: l.Pos, msg: fmt.Sprintf("line %q: below: unknown lane %q", l.ID, l.Below), ref: refLane, bad: l.Below})
		case lane.index == len(doc.Lanes)-1:
			say(problem{pos: l.Pos, msg: fmt.Sprintf("line %q is below the last lane %q; a line must separate two lanes", l.ID, l.Below)})
		default:
			if first, dup := lineBelow[l.Below]; dup {
				say(problem{pos: l.Pos, msg: fmt.Sprintf("line %q: another line%s is already below lane %q", l.ID, atLine(" (line %d)", first), l.Below)})
			}
			lineBelow[l.Below] = l.Pos
		}
	}
	for i, c := range doc.Columns {
		cols.claim(c.ID, "column", i, c.Pos, say)
	}
	for i, s := range doc.Steps {
		if stop {
			return
		}
		steps.claim(s.ID, "step", i, s.Pos, say)
		if _, ok := lanes[s.Lane]; !ok {
			say(problem{pos: s.Pos, msg: fmt.Sprintf("step %q: unknown lane %q", s.ID, s.Lane), ref: refLane, bad: s.Lane})
		}
		if _, ok := cols[s.Column]; !ok {
			say(problem{pos: s.Pos, msg: fmt.Sprintf("step %q: unknown column %q", s.ID, s.Column), ref: refColumn, bad: s.Column})
		}
	}
	for _, f := range doc.Flows {
		if stop {
			return
		}
		if _, ok := steps[f.From]; !ok {
			say(problem{pos: f.Pos, msg: fmt.Sprintf("flow from %q: no step has that id", f.From), ref: refStep, bad: f.From})
		}
		if _, ok := steps[f.To]; !ok {
			say(problem{pos: f.Pos, msg: fmt.Sprintf("flow to %q: no step has that id", f.To), ref: refStep, bad: f.To})
		}
		if f.From == f.To {
			say(problem{pos: f.Pos, msg: fmt.Sprintf("flow from %q to itself; a flow joins two different steps", f.From)})
		}
		key := [2]string{f.From, f.To}
		if first, dup := flows[key]; dup {
			say(problem{pos: f.Pos, msg: fmt.Sprintf("duplicate flow from %q to %q%s", f.From, f.To, atLine(" (first at line %d)", first))})
		}
		flows[key] = f.Pos
	}
	if len(doc.Questions) == 0 {
		return
	}
	first := make(map[string]Pos, len(doc.Questions))
	for _, q := range doc.Questions {
		if stop {
			return
		}
		if _, ok := steps[q.Step]; q.Step != "" && !ok {
			say(problem{pos: q.Pos, msg: fmt.Sprintf("question %q: step %q: no step has that id", clip(q.Text, 40), q.Step), ref: refStep, bad: q.Step})
		}
		if p, dup := first[q.Text]; dup {
			say(problem{pos: q.Pos, msg: fmt.Sprintf("duplicate question %q (first at line %d); merge the two entries", clip(q.Text, 40), p.Line)})
			continue
		}
		first[q.Text] = q.Pos
	}
}

// ruleMaps are the maps checkRules fills, kept between calls: an edit
// checks the rules on the whole document, and making the maps anew each
// time would cost more than filling them.
type ruleMaps struct {
	lanes, lines, cols, steps idClaims
	lineBelow                 map[string]Pos
	flows                     map[[2]string]Pos
}

var ruleMapsPool = sync.Pool{New: func() any {
	return &ruleMaps{idClaims{}, idClaims{}, idClaims{}, idClaims{}, map[string]Pos{}, map[[2]string]Pos{}}
}}

// release empties the maps and puts them back in the pool.
func (m *ruleMaps) release() {
	clear(m.lanes)
	clear(m.lines)
	clear(m.cols)
	clear(m.steps)
	clear(m.lineBelow)
	clear(m.flows)
	ruleMapsPool.Put(m)
}

// idClaims holds the ids of one kind of element seen so far, with the
// first element that has each: the file format's rule for ids is that
// they are unique among the elements of one kind, so each kind has its
// own claims.
type idClaims map[string]idOwner

// idOwner is the first element with an id: its index and position.
type idOwner struct {
	index int
	pos   Pos
}

// claim takes id for the element of kind what at index i and position p,
// or says which element of that kind has it already.
func (ids idClaims) claim(id, what string, i int, p Pos, say func(problem)) {
	if id == "" {
		return
	}
	first, dup := ids[id]
	if !dup {
		ids[id] = idOwner{i, p}
		return
	}
	by := "another " + what
	if first.pos.Line > 0 {
		by = fmt.Sprintf("the %s at line %d", what, first.pos.Line)
	}
	say(problem{pos: p, msg: fmt.Sprintf("duplicate id %q: already used by %s", id, by)})
}

// atLine formats the line of p into format, or is empty for an element
// without a position.
func atLine(format string, p Pos) string {
	if p.Line <= 0 {
		return ""
	}
	return fmt.Sprintf(format, p.Line)
}

// validate reports every rule doc breaks (see checkRules) at the element's
// position, with a suggestion for a reference to a missing id.
func (d *decoder) validate(doc *Document) {
	var lanes, cols, steps *suggester
	checkRules(doc, func(p problem) bool {
		hint := ""
		switch p.ref {
		case refLane:
			if lanes == nil {
				lanes = newSuggester(idsOf(doc.Lanes, func(l *Lane) string { return l.ID }))
			}
			hint = d.hint(p.bad, lanes)
		case refColumn:
			if cols == nil {
				cols = newSuggester(idsOf(doc.Columns, func(c *Column) string { return c.ID }))
			}
			hint = d.hint(p.bad, cols)
		case refStep:
			if steps == nil {
				steps = newSuggester(idsOf(doc.Steps, func(s *Step) string { return s.ID }))
			}
			hint = d.hint(p.bad, steps)
		}
		d.errorAt(p.pos, "%s%s", p.msg, hint)
		return true
	})
}

// idsOf lists the ids of elems.
func idsOf[T any](elems []T, id func(*T) string) []string {
	out := make([]string, len(elems))
	for i := range elems {
		out[i] = id(&elems[i])
	}
	return out
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
