package blueprint

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds what the edit commands share: the Command type, checks
// of new values, and the slice operations that make a changed copy.
//
// A command is a function of the document and a label. It checks what it
// needs, then builds the edited document; the rules that span elements (ids,
// references, lines) are then checked by checkRules, the loader's own
// validation, so an edit can never make a document the loader refuses.
//
// An edit never writes into the document's slices or maps: it replaces the
// ones it changes with new ones (replaced, inserted, removed, moved). The
// snapshots History keeps share every slice an edit did not touch, so
// writing in place would change the past.

// Command is one edit of a document. Do applies it to d, or returns an
// error and leaves d as it was (for example on a reference to a missing
// step); it does not write into d's slices or maps, but replaces those it
// changes. Do must give the same result when applied again to the same
// document: History redoes an edit by running it again.
type Command interface {
	Do(d *Document) error
	// Label names the edit for menus, for example "Move step".
	Label() string
}

// CommandFunc returns the command labelled label that runs fn on a copy of
// the document (a copy of the Document value: the slices are shared, so
// fn must replace rather than write into them) and keeps the result when
// fn succeeds and the result passes the file format's rules.
func CommandFunc(label string, fn func(d *Document) error) Command {
	return &edit{label: label, fn: fn}
}

// edit is the Command every constructor in this package returns.
type edit struct {
	label string
	fn    func(d *Document) error
}

func (c *edit) Label() string { return c.label }

func (c *edit) Do(d *Document) error {
	w := *d
	if err := c.fn(&w); err != nil {
		return err
	}
	if err := checkEdited(&w); err != nil {
		return fmt.Errorf("%s: %w", strings.ToLower(c.label), err)
	}
	*d = w
	return nil
}

// checkEdited reports the first rule of the file format that spans
// elements (see checkRules) that d breaks.
func checkEdited(d *Document) error {
	var err error
	checkRules(d, func(p problem) bool {
		err = fmt.Errorf("%s", p.msg)
		return false
	})
	return err
}

// maxIDLen is the longest id, in characters, that the file format allows.
const maxIDLen = 64

// checkIDSyntax reports whether id is a valid identifier: 1–64 characters
// of letters, digits, '-', '_' and '.'. The loader checks every id with it.
func checkIDSyntax(id string) error {
	if id == "" {
		return fmt.Errorf("the id is empty")
	}
	if !utf8.ValidString(id) {
		return fmt.Errorf("id %q is not valid UTF-8", id)
	}
	if n := utf8.RuneCountInString(id); n > maxIDLen {
		return fmt.Errorf("id %q is %d characters long; the limit is %d", id, n, maxIDLen)
	}
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' && r != '.' {
			return fmt.Errorf("id %q contains %q; use letters, digits, '-', '_' and '.'", id, r)
		}
	}
	return nil
}

// cmdCheckText checks that s, the value of the field what, is valid UTF-8
// without control characters other than tab and, when multiline is set,
// newline: what the loader accepts.
func cmdCheckText(what, s string, multiline bool) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", what)
	}
	for _, r := range s {
		if r == '\t' || (r == '\n' && multiline) {
			continue
		}
		if unicode.IsControl(r) {
			if r == '\n' {
				return fmt.Errorf("%s must be a single line", what)
			}
			return fmt.Errorf("%s contains the control character %U", what, r)
		}
	}
	return nil
}

// cmdCheckComment checks a comment like a multi-line text, and also
// refuses the characters a value would be written escaped for
// (bidirectional controls, line separators, byte-order marks): a comment
// cannot be escaped, and the loader refuses them raw.
func cmdCheckComment(s string) error {
	if err := cmdCheckText("comment", s, true); err != nil {
		return err
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && needsEscape(r) {
			return fmt.Errorf("comment contains %U, which a file may not hold raw", r)
		}
	}
	return nil
}

// cmdCheckTexts runs cmdCheckText on pairs of field names and values, all
// of one line.
func cmdCheckTexts(fields ...string) error {
	for i := 0; i+1 < len(fields); i += 2 {
		if err := cmdCheckText(fields[i], fields[i+1], false); err != nil {
			return err
		}
	}
	return nil
}

// cmdIndex turns a target index where -1 means "last" into a concrete index
// in 0..n, or reports an error when it is out of range. n is the largest
// valid index.
func cmdIndex(what string, index, n int) (int, error) {
	if index == -1 {
		return n, nil
	}
	if index < 0 || index > n {
		return 0, fmt.Errorf("%s %d is out of range 0..%d (or -1 for last)", what, index, n)
	}
	return index, nil
}

// replaced returns a copy of s with s[i] set to v.
func replaced[T any](s []T, i int, v T) []T {
	c := slices.Clone(s)
	c[i] = v
	return c
}

// inserted returns a new slice: s with v inserted at index i.
func inserted[T any](s []T, i int, v T) []T {
	c := make([]T, 0, len(s)+1)
	c = append(c, s[:i]...)
	c = append(c, v)
	return append(c, s[i:]...)
}

// moved returns a copy of s with s[from] moved to index to, the elements
// between them shifted.
func moved[T any](s []T, from, to int) []T {
	c := slices.Clone(s)
	if from == to {
		return c
	}
	v := c[from]
	if from < to {
		copy(c[from:to], c[from+1:to+1])
	} else {
		copy(c[to+1:from+1], c[to:from])
	}
	c[to] = v
	return c
}

// removed returns s without the elements for which drop is true: a new
// slice when anything is dropped, s itself otherwise.
func removed[T any](s []T, drop func(*T) bool) []T {
	i := slices.IndexFunc(s, func(v T) bool { return drop(&v) })
	if i < 0 {
		return s
	}
	out := make([]T, i, len(s)-1)
	copy(out, s[:i])
	for j := i + 1; j < len(s); j++ {
		if !drop(&s[j]) {
			out = append(out, s[j])
		}
	}
	return out
}

// sortSteps puts d's steps in canonical order with SortSteps, sorting a
// copy: the slice may be shared with the history's snapshots. Most edits
// keep the steps sorted, and then nothing is copied.
func sortSteps(d *Document) {
	if !cmdStepsSorted(d) {
		d.Steps = slices.Clone(d.Steps)
		d.SortSteps()
	}
}

// cmdStepKeys returns a function giving a step's sort key as SortSteps
// computes it: column index, then lane index, and (number of columns, 0)
// for a step whose lane or column is unknown.
func cmdStepKeys(d *Document) func(s *Step) (int, int) {
	col := make(map[string]int, len(d.Columns))
	for i, c := range d.Columns {
		col[c.ID] = i
	}
	lane := make(map[string]int, len(d.Lanes))
	for i, l := range d.Lanes {
		lane[l.ID] = i
	}
	return func(s *Step) (int, int) {
		c, ok1 := col[s.Column]
		l, ok2 := lane[s.Lane]
		if !ok1 || !ok2 {
			return len(d.Columns), 0
		}
		return c, l
	}
}

// cmdStepsSorted reports whether SortSteps, a stable sort, would leave the
// steps as they are.
func cmdStepsSorted(d *Document) bool {
	key := cmdStepKeys(d)
	pc, pl := -1, -1
	for i := range d.Steps {
		c, l := key(&d.Steps[i])
		if c < pc || (c == pc && l < pl) {
			return false
		}
		pc, pl = c, l
	}
	return true
}

// countLabel is "Delete step" for n == 1 and "Delete 3 steps" otherwise.
func countLabel(verb string, n int, one, many string) string {
	if n == 1 {
		return verb + " " + one
	}
	return fmt.Sprintf("%s %d %s", verb, n, many)
}
