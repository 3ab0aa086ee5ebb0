// Package merge is the 3-way merge of blueprints behind `servicebp merge`
// and git's merge driver. Elements are matched by id (flows by their from
// and to steps) and merged field by field; the same field changed
// differently on both sides, an element deleted on one side and edited on
// the other, and an element the merge needs back after one side deleted
// it are conflicts. A conflict keeps OURS's value (or the element) and is
// recorded in the document's Conflicts, which the file's "conflicts"
// section holds, so nothing is lost and the result always loads.
package merge

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"servicebp/blueprint"
)

// Merge merges the changes from base to ours and from base to theirs and
// returns the merged document, whose Conflicts hold the conflicts already
// in ours and theirs (merged as the rest) followed by the new ones. A nil
// base is an empty document: the merge is then 2-way, and an element both
// sides added with different content is a conflict field by field. The
// result is always a document that Marshal writes: when the merged lines
// break the lines' rules (two below one lane), it has OURS's lines and a
// "document" conflict on "lines"; when the merged elements cannot form a
// valid blueprint at all, it is OURS with one "document" conflict that
// says why. The inputs are not changed. The error is Write's.
func Merge(base, ours, theirs *blueprint.Document) (*blueprint.Document, error) {
	d, _, err := Write(base, ours, theirs)
	return d, err
}

// Write is Merge that also returns the merged document's canonical text,
// as blueprint.Marshal writes it, so that the caller need not marshal (and
// verify) it again. The error is Marshal's when even the fallback to OURS
// cannot be written, which happens only when OURS itself cannot.
func Write(base, ours, theirs *blueprint.Document) (*blueprint.Document, []byte, error) {
	if base == nil {
		base = &blueprint.Document{}
	}
	out := merged(base, ours, theirs)
	text, err := blueprint.Marshal(out)
	if err != nil && !slices.EqualFunc(out.Lines, ours.Lines, sameLine) {
		// Lines merged from both sides may break the lines' rules (two
		// below one lane, one below the last lane): try OURS's lines.
		lines := out.Clone()
		lines.Lines = slices.Clone(ours.Lines)
		lines.Conflicts = append(lines.Conflicts, blueprint.Conflict{Element: "document", Field: "lines", Ours: "kept", Theirs: "not merged: " + reason(err)})
		if t, lerr := blueprint.Marshal(lines); lerr == nil {
			return lines, t, nil
		}
	}
	if err != nil {
		out = ours.Clone()
		out.Conflicts = append(out.Conflicts, blueprint.Conflict{Element: "document", Ours: "kept", Theirs: "not merged: " + reason(err)})
		text, err = blueprint.Marshal(out)
	}
	return out, text, err
}

// sameLine reports whether two lines are the same, comments aside.
func sameLine(a, b blueprint.Line) bool { return a.ID == b.ID && sameContent(a, b) }

// loaderMessage finds the loader's message in Marshal's refusal of an
// invalid document.
var loaderMessage = regexp.MustCompile(`\(output line \d+:\d+: (.*)\); it was not written$`)

// outputLine is a reference to a line of the unwritten text.
var outputLine = regexp.MustCompile(` \((first at )?line \d+\)`)

// reason says why the merged document was refused, for a conflict entry:
// the loader's message when there is one.
func reason(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	if m := loaderMessage.FindStringSubmatch(msg); m != nil {
		// Line numbers in the message are the unwritten text's.
		return outputLine.ReplaceAllString(m[1], "")
	}
	return msg
}

func merged(base, ours, theirs *blueprint.Document) *blueprint.Document {
	out := &blueprint.Document{Version: max(base.Version, ours.Version, theirs.Version)}
	var conflicts []blueprint.Conflict
	text := func(element, b, o, t string) string {
		v, conflict := pick(b, o, t)
		if conflict {
			conflicts = append(conflicts, blueprint.Conflict{Element: element, Base: b, Ours: o, Theirs: t})
		}
		return v
	}
	out.Title = text("title", base.Title, ours.Title, theirs.Title)
	out.Description = text("description", base.Description, ours.Description, theirs.Description)

	lanes := newSet("lane", func(l blueprint.Lane) string { return l.ID }, base.Lanes, ours.Lanes, theirs.Lanes)
	lines := newSet("line", func(l blueprint.Line) string { return l.ID }, base.Lines, ours.Lines, theirs.Lines)
	columns := newSet("column", func(c blueprint.Column) string { return c.ID }, base.Columns, ours.Columns, theirs.Columns)
	steps := newSet("step", func(s blueprint.Step) string { return s.ID }, base.Steps, ours.Steps, theirs.Steps)
	flows := newSet("flow", func(f blueprint.Flow) string { return blueprint.FlowID(f.From, f.To) }, base.Flows, ours.Flows, theirs.Flows)
	questions := newSet("question", func(q blueprint.Question) string { return q.Text }, base.Questions, ours.Questions, theirs.Questions)
	for _, s := range []interface{ merge() }{lanes, lines, columns, steps, flows, questions} {
		s.merge()
	}
	conflicts = append(conflicts, lanes.conflicts...)
	conflicts = append(conflicts, lines.conflicts...)
	conflicts = append(conflicts, columns.conflicts...)
	conflicts = append(conflicts, steps.conflicts...)
	conflicts = append(conflicts, flows.conflicts...)
	conflicts = append(conflicts, questions.conflicts...)
	conflicts = append(conflicts, neededByQuestions(steps, questions)...)
	conflicts = append(conflicts, needed(lanes, columns, steps, flows, lines)...)

	out.Lanes = lanes.list()
	out.Lines = lines.list()
	out.Columns = columns.list()
	out.Steps = steps.list()
	out.SortSteps()
	out.Flows = flows.list()
	out.Questions = questions.list()

	out.Lint.Disable = mergeMembers(base.Lint.Disable, ours.Lint.Disable, theirs.Lint.Disable)
	wait, conflict := pick(base.Lint.LongWait, ours.Lint.LongWait, theirs.Lint.LongWait)
	out.Lint.LongWait = wait
	if conflict {
		conflicts = append(conflicts, blueprint.Conflict{Element: "lint", Field: "long-wait",
			Base: durationText(base.Lint.LongWait), Ours: durationText(ours.Lint.LongWait), Theirs: durationText(theirs.Lint.LongWait)})
	}
	out.Comments = mergeComments(base.Comments, ours.Comments, theirs.Comments)
	out.Conflicts = mergeConflicts(base.Conflicts, ours.Conflicts, theirs.Conflicts, conflicts)
	return out
}

// needed puts back the elements the merged result refers to that one
// side deleted while the other side used them: the steps of a flow, and
// the lanes and columns of a step or the lane of a line. Each is a
// conflict: on the flow for a step, on the lane or column otherwise.
func needed(lanes *set[blueprint.Lane], columns *set[blueprint.Column], steps *set[blueprint.Step], flows *set[blueprint.Flow], lines *set[blueprint.Line]) []blueprint.Conflict {
	var conflicts []blueprint.Conflict
	// A step kept as edited against its deletion keeps the flows the
	// side that edited it still has, which the deletion took with it.
	for _, k := range sortedKeys(steps.keptByTheirs) {
		side := flows.ours
		if steps.keptByTheirs[k] {
			side = flows.theirs
		}
		for fk, f := range side {
			if (f.From == k || f.To == k) && !flows.has(fk) {
				flows.restore(fk)
			}
		}
	}
	for _, k := range sortedKeys(flows.result) {
		f := flows.result[k]
		for _, end := range []string{f.From, f.To} {
			if steps.has(end) || !steps.restore(end) {
				continue
			}
			side := func(s map[string]*blueprint.Step, fl map[string]*blueprint.Flow) string {
				if s[end] == nil {
					return "deleted step " + end
				}
				return flows.state(fl, k)
			}
			conflicts = append(conflicts, blueprint.Conflict{Element: "flow", ID: k, Base: flows.baseState(k),
				Ours: side(steps.ours, flows.ours), Theirs: side(steps.theirs, flows.theirs)})
		}
	}
	restored := map[string]bool{}
	use := func(element, id, user string, has func(string) bool, restore func(string) bool, ours, theirs bool) {
		if has(id) || restored[element+" "+id] || !restore(id) {
			return
		}
		restored[element+" "+id] = true
		side := func(has bool) string {
			if has {
				return "used by " + user
			}
			return "deleted"
		}
		conflicts = append(conflicts, blueprint.Conflict{Element: element, ID: id, Base: present, Ours: side(ours), Theirs: side(theirs)})
	}
	for _, k := range sortedKeys(steps.result) {
		s := steps.result[k]
		use("lane", s.Lane, "step "+k, lanes.has, lanes.restore, lanes.ours[s.Lane] != nil, lanes.theirs[s.Lane] != nil)
		use("column", s.Column, "step "+k, columns.has, columns.restore, columns.ours[s.Column] != nil, columns.theirs[s.Column] != nil)
	}
	for _, k := range sortedKeys(lines.result) {
		l := lines.result[k]
		use("lane", l.Below, "line "+k, lanes.has, lanes.restore, lanes.ours[l.Below] != nil, lanes.theirs[l.Below] != nil)
	}
	return conflicts
}

// neededByQuestions puts back the steps the merged questions refer to that
// one side deleted, each a conflict on the question.
func neededByQuestions(steps *set[blueprint.Step], questions *set[blueprint.Question]) []blueprint.Conflict {
	var conflicts []blueprint.Conflict
	for _, k := range sortedKeys(questions.result) {
		q := questions.result[k]
		if q.Step == "" || steps.has(q.Step) || !steps.restore(q.Step) {
			continue
		}
		side := func(st map[string]*blueprint.Step, qs map[string]*blueprint.Question) string {
			if st[q.Step] == nil {
				return "deleted step " + q.Step
			}
			return questions.state(qs, k)
		}
		ours, theirs := side(steps.ours, questions.ours), side(steps.theirs, questions.theirs)
		conflicts = append(conflicts, blueprint.Conflict{Element: "question", ID: k, Base: questions.baseState(k), Ours: ours, Theirs: theirs})
	}
	return conflicts
}

func sortedKeys[T any](m map[string]T) []string {
	keys := slices.Collect(maps.Keys(m))
	sort.Strings(keys)
	return keys
}

// pick is the 3-way merge of one value: the common value, or the value of
// the side that changed it; when both changed it differently, OURS's and
// a conflict.
func pick[T comparable](b, o, t T) (T, bool) {
	switch {
	case o == t, t == b:
		return o, false
	case o == b:
		return t, false
	}
	return o, true
}

func durationText(d blueprint.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// mergeMembers merges a list of distinct strings (lint.disable) as a set:
// an entry is in the result when both sides have it, or one side added it
// and the other did not remove it.
func mergeMembers(base, ours, theirs []string) []string {
	switch {
	case slices.Equal(ours, base):
		return slices.Clone(theirs)
	case slices.Equal(theirs, base):
		return slices.Clone(ours)
	}
	inB, inO, inT := setOf(base), setOf(ours), setOf(theirs)
	keep := map[string]bool{}
	for _, k := range slices.Concat(base, ours, theirs) {
		if v, _ := pick(inB[k], inO[k], inT[k]); v {
			keep[k] = true
		}
	}
	if len(keep) == 0 {
		return nil
	}
	return mergeOrder(base, ours, theirs, keep)
}

// mergeComments merges the comments that belong to no element, each one
// on its own; where both sides changed one, OURS's is kept.
func mergeComments(b, o, t blueprint.Comments) blueprint.Comments {
	var out blueprint.Comments
	out.Header, _ = pick(b.Header, o.Header, t.Header)
	out.Footer, _ = pick(b.Footer, o.Footer, t.Footer)
	out.Keys = mergeCommentMap(b.Keys, o.Keys, t.Keys)
	out.KeyLines = mergeCommentMap(b.KeyLines, o.KeyLines, t.KeyLines)
	return out
}

func mergeCommentMap(b, o, t map[string]string) map[string]string {
	var out map[string]string
	for _, m := range []map[string]string{o, t, b} {
		for k := range m {
			if v, _ := pick(b[k], o[k], t[k]); v != "" {
				if out == nil {
					out = map[string]string{}
				}
				out[k] = v
			}
		}
	}
	return out
}

// mergeConflicts merges the conflicts the three versions already hold, as
// a set (one the user deleted on one side stays deleted), and appends the
// new ones that are not among them.
func mergeConflicts(base, ours, theirs, found []blueprint.Conflict) []blueprint.Conflict {
	key := func(c blueprint.Conflict) string {
		return strings.Join([]string{c.Element, c.ID, c.Field, c.Base, c.Ours, c.Theirs}, "\x00")
	}
	var out []blueprint.Conflict
	same := func(a, b []blueprint.Conflict) bool {
		return slices.EqualFunc(a, b, func(x, y blueprint.Conflict) bool { return key(x) == key(y) })
	}
	// A side that left the entries as they were takes the other side's
	// list as it is, duplicates and all.
	switch {
	case same(ours, base):
		out = slices.Clone(theirs)
	case same(theirs, base):
		out = slices.Clone(ours)
	default:
		out = mergeConflictSets(key, base, ours, theirs)
	}
	for i := range out {
		out[i].Pos = blueprint.Pos{}
	}
	seen := make(map[string]bool, len(out)+len(found))
	for _, c := range out {
		seen[key(c)] = true
	}
	for _, c := range found {
		if !seen[key(c)] {
			seen[key(c)] = true
			out = append(out, c)
		}
	}
	return out
}

// mergeConflictSets merges the entries of the three versions as a set.
func mergeConflictSets(key func(blueprint.Conflict) string, base, ours, theirs []blueprint.Conflict) []blueprint.Conflict {
	s := newSet("conflict", key, base, ours, theirs)
	keep := map[string]bool{}
	for _, k := range slices.Concat(s.bOrder, s.oOrder, s.tOrder) {
		if v, _ := pick(s.base[k] != nil, s.ours[k] != nil, s.theirs[k] != nil); v {
			keep[k] = true
		}
	}
	var out []blueprint.Conflict
	for _, k := range mergeOrder(s.bOrder, s.oOrder, s.tOrder, keep) {
		for _, v := range []*blueprint.Conflict{s.ours[k], s.theirs[k], s.base[k]} {
			if v != nil {
				out = append(out, *v)
				break
			}
		}
	}
	return out
}
