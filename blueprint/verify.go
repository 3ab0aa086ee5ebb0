package blueprint

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// elementKind says what part of a document an element of the output is.
type elementKind int

const (
	elHeader elementKind = iota
	elVersion
	elTitle
	elDescription
	elKey
	elLane
	elLine
	elColumn
	elStep
	elFlow
	elLint
	elConflict
	elQuestion
	elFooter
)

// element names one part of a document in messages: its kind and, for
// lanes, lines, columns and steps, its id (a); for flows from (a) and to
// (b); for a top-level key, the key (a).
type element struct {
	kind elementKind
	a, b string
}

func (el element) String() string {
	switch el.kind {
	case elHeader:
		return "the header comment"
	case elVersion:
		return "the format version"
	case elTitle:
		return "the title"
	case elDescription:
		return "the description"
	case elKey:
		return fmt.Sprintf("the %q key", el.a)
	case elLane:
		return fmt.Sprintf("lane %q", el.a)
	case elLine:
		return fmt.Sprintf("line %q", el.a)
	case elColumn:
		return fmt.Sprintf("column %q", el.a)
	case elStep:
		return fmt.Sprintf("step %q", el.a)
	case elFlow:
		return fmt.Sprintf("flow %q → %q", el.a, el.b)
	case elLint:
		return "the lint settings"
	case elConflict:
		return fmt.Sprintf("the %s %q merge conflict", el.a, el.b)
	case elQuestion:
		return fmt.Sprintf("question %s (%q)", el.b, clip(el.a, 40))
	}
	return "the footer comment"
}

// mark is where an element starts in the output, as a byte offset.
type mark struct {
	off int
	el  element
}

// verifyName is the file name the output is parsed under.
const verifyName = "canonical output"

// verify refuses output that the loader would refuse or read back as a
// document other than d: output over MaxFileSize, output that does not
// parse or validate, and output whose content differs from d once read.
// Comments are not compared: the canonical form moves and rewraps them on
// purpose (see docs/format.md), and a comment cannot break the structure
// without failing the parse.
func verify(d *Document, out []byte, marks []mark) error {
	if len(out) > MaxFileSize {
		return fmt.Errorf("the canonical form of this blueprint is %.1f MB (%d bytes): %w, so it could not be opened again; it was not written", float64(len(out))/(1<<20), len(out), ErrTooLarge)
	}
	got, err := Parse(verifyName, out)
	if err != nil {
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return fmt.Errorf("internal error: the canonical form does not load back: %w; it was not written", err)
		}
		first := list[0]
		where := elementAt(out, marks, first.Line, !blockContextProblem(first.Msg))
		return fmt.Errorf("internal error: the canonical YAML written for %s does not load back (output line %d:%d: %s); it was not written", where, first.Line, first.Col, first.Msg)
	}
	if el, what := firstDifference(d, got); what != "" {
		return fmt.Errorf("internal error: the canonical YAML written for %s reads back differently (%s); it was not written", el, what)
	}
	return nil
}

// blockContextProblem reports the YAML syntax errors that yaml.v3 places at
// the start of the block being parsed rather than at the problem, so that
// the line names the element but not the key.
func blockContextProblem(msg string) bool {
	switch strings.TrimPrefix(msg, "YAML syntax error: ") {
	case "did not find expected key", "did not find expected '-' indicator", "did not find expected node content":
		return true
	}
	return false
}

// elementAt names the element that output line (1-based) belongs to, and,
// when withKey is set, the step key it holds when the line is one of a
// step's keys.
func elementAt(out []byte, marks []mark, line int, withKey bool) string {
	start := 0
	for n := 1; n < line && start < len(out); n++ {
		i := bytes.IndexByte(out[start:], '\n')
		if i < 0 {
			break
		}
		start += i + 1
	}
	i := sort.Search(len(marks), func(i int) bool { return marks[i].off > start }) - 1
	if i < 0 {
		return "the start of the file"
	}
	el := marks[i].el
	name := el.String()
	if el.kind == elStep && withKey {
		text := out[start:]
		if j := bytes.IndexByte(text, '\n'); j >= 0 {
			text = text[:j]
		}
		key, _, found := strings.Cut(strings.TrimPrefix(strings.TrimSpace(string(text)), "- "), ":")
		if found && slices.Contains(stepKeys, key) {
			name += fmt.Sprintf(" (its %q)", key)
		}
	}
	return name
}

// firstDifference compares the content of want, the document given to
// Marshal, with got, the document read back from its output, the way the
// loader fills in defaults: an empty lane or line name reads back as the
// default name, a missing version as FormatVersion, missing columns as
// the columns the steps use. It returns the first element that differs
// and how, or "" when they hold the same blueprint.
func firstDifference(want, got *Document) (element, string) {
	version := want.Version
	if version == 0 {
		version = FormatVersion
	}
	if got.Version != version {
		return element{kind: elVersion}, fmt.Sprintf("version %d instead of %d", got.Version, version)
	}
	if got.Title != want.Title {
		return element{kind: elTitle}, textDiff("text", got.Title, want.Title)
	}
	if got.Description != want.Description {
		return element{kind: elDescription}, textDiff("text", got.Description, want.Description)
	}
	if el, what := laneDifference(want.Lanes, got.Lanes); what != "" {
		return el, what
	}
	if el, what := lineDifference(want.Lines, got.Lines); what != "" {
		return el, what
	}
	steps := canonicalSteps(want)
	cols := want.Columns
	if len(cols) == 0 {
		cols = deriveColumns(steps)
	}
	if len(got.Columns) != len(cols) {
		return element{kind: elKey, a: "columns"}, fmt.Sprintf("%d columns instead of %d", len(got.Columns), len(cols))
	}
	for i, c := range cols {
		g := got.Columns[i]
		el := element{kind: elColumn, a: c.ID}
		if what := fieldsDiff("id", g.ID, c.ID, "name", g.Name, c.Name, "phase", g.Phase, c.Phase); what != "" {
			return el, what
		}
	}
	if len(got.Steps) != len(steps) {
		return element{kind: elKey, a: "steps"}, fmt.Sprintf("%d steps instead of %d", len(got.Steps), len(steps))
	}
	for i := range steps {
		if what := stepDifference(&steps[i], &got.Steps[i]); what != "" {
			return element{kind: elStep, a: steps[i].ID}, what
		}
	}
	if len(got.Flows) != len(want.Flows) {
		return element{kind: elKey, a: "flows"}, fmt.Sprintf("%d flows instead of %d", len(got.Flows), len(want.Flows))
	}
	for i, f := range want.Flows {
		g := got.Flows[i]
		el := element{kind: elFlow, a: f.From, b: f.To}
		if what := fieldsDiff("from", g.From, f.From, "to", g.To, f.To, "label", g.Label, f.Label); what != "" {
			return el, what
		}
		if g.TwoWay != f.TwoWay {
			return el, fmt.Sprintf("two-way %v instead of %v", g.TwoWay, f.TwoWay)
		}
	}
	if el, what := questionsDifference(want.Questions, got.Questions); what != "" {
		return el, what
	}
	if !slices.Equal(got.Lint.Disable, want.Lint.Disable) {
		return element{kind: elLint}, fmt.Sprintf("disable %q instead of %q", got.Lint.Disable, want.Lint.Disable)
	}
	if got.Lint.LongWait != want.Lint.LongWait {
		return element{kind: elLint}, fmt.Sprintf("long-wait %v instead of %v", got.Lint.LongWait, want.Lint.LongWait)
	}
	return conflictsDifference(want.Conflicts, got.Conflicts)
}

func laneDifference(want, got []Lane) (element, string) {
	if len(got) != len(want) {
		return element{kind: elKey, a: "lanes"}, fmt.Sprintf("%d lanes instead of %d", len(got), len(want))
	}
	for i, l := range want {
		name := l.Name
		if name == "" {
			name = defaultLaneName(l)
		}
		g := got[i]
		if what := fieldsDiff("id", g.ID, l.ID, "kind", string(g.Kind), string(l.Kind), "name", g.Name, name); what != "" {
			return element{kind: elLane, a: l.ID}, what
		}
	}
	return element{}, ""
}

func lineDifference(want, got []Line) (element, string) {
	if len(got) != len(want) {
		return element{kind: elKey, a: "lines"}, fmt.Sprintf("%d lines instead of %d", len(got), len(want))
	}
	for i, l := range want {
		name := l.Name
		if name == "" {
			name = defaultLineName(l)
		}
		g := got[i]
		if what := fieldsDiff("id", g.ID, l.ID, "kind", string(g.Kind), string(l.Kind), "name", g.Name, name,
			"below", g.Below, l.Below, "style", string(g.Style), string(l.Style)); what != "" {
			return element{kind: elLine, a: l.ID}, what
		}
	}
	return element{}, ""
}

func stepDifference(want, got *Step) string {
	if what := fieldsDiff("id", got.ID, want.ID, "lane", got.Lane, want.Lane, "column", got.Column, want.Column,
		"text", got.Text, want.Text, "owner", got.Owner, want.Owner, "fail", got.Fail, want.Fail,
		"recovery", got.Recovery, want.Recovery, "notes", got.Notes, want.Notes,
		"image", got.Image, want.Image); what != "" {
		return what
	}
	switch {
	case got.Duration != want.Duration:
		return fmt.Sprintf("duration %v instead of %v", got.Duration, want.Duration)
	case got.Wait != want.Wait:
		return fmt.Sprintf("wait %v instead of %v", got.Wait, want.Wait)
	case got.Moment != want.Moment:
		return fmt.Sprintf("moment %v instead of %v", got.Moment, want.Moment)
	case got.Emotion != want.Emotion:
		return fmt.Sprintf("emotion %d instead of %d", got.Emotion, want.Emotion)
	case got.Votes != want.Votes:
		return fmt.Sprintf("votes %d instead of %d", got.Votes, want.Votes)
	case !slices.Equal(got.Tags, want.Tags):
		return fmt.Sprintf("tags %q instead of %q", got.Tags, want.Tags)
	}
	return queueDifference(want, got)
}

// fieldsDiff takes triples of field name, value read back and value
// given, and describes the first pair that differs.
func fieldsDiff(triples ...string) string {
	for i := 0; i+2 < len(triples); i += 3 {
		if triples[i+1] != triples[i+2] {
			return textDiff(triples[i], triples[i+1], triples[i+2])
		}
	}
	return ""
}

func textDiff(field, got, want string) string {
	const max = 80
	return fmt.Sprintf("%s %q instead of %q", field, clip(got, max), clip(want, max))
}

// clip shortens s to at most n runes for a message.
func clip(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}
