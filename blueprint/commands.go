package blueprint

import (
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"
)

// This file holds what the edit commands share: checks of new values and
// the small slice operations whose exact inverses make Undo restore the
// document to the byte.
//
// Every command follows the same pattern: Do checks everything first and
// returns an error before it changes anything, then applies the edit and
// records what Undo needs (indexes and old values); Undo applies the
// recorded inverse operations in reverse order.

// maxIDLen is the longest id, in characters, that the file format allows.
const maxIDLen = 64

// cmdCheckIDSyntax reports whether id is a valid identifier: 1–64
// characters of letters, digits, '-', '_' and '.'.
func cmdCheckIDSyntax(id string) error {
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

// cmdIDUsed reports whether a lane, line, column or step of d has id.
func cmdIDUsed(d *Document, id string) bool {
	return d.StepIndex(id) >= 0 || d.ColumnIndex(id) >= 0 || d.LaneIndex(id) >= 0 || d.LineIndex(id) >= 0
}

// cmdCheckNewID checks that id is valid and used by nothing in d yet.
func cmdCheckNewID(d *Document, id string) error {
	if err := cmdCheckIDSyntax(id); err != nil {
		return err
	}
	if cmdIDUsed(d, id) {
		return fmt.Errorf("id %q is already used", id)
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

// cmdMove moves s[from] to s[to], shifting the elements between them. It
// does nothing when an index is out of range.
func cmdMove[T any](s []T, from, to int) {
	if from < 0 || to < 0 || from >= len(s) || to >= len(s) || from == to {
		return
	}
	v := s[from]
	if from < to {
		copy(s[from:to], s[from+1:to+1])
	} else {
		copy(s[to+1:from+1], s[to:from])
	}
	s[to] = v
}

// cmdInsert inserts v at index i of s, clamping i into range.
func cmdInsert[T any](s []T, i int, v T) []T {
	i = max(0, min(i, len(s)))
	return slices.Insert(s, i, v)
}

// cmdDelete removes s[i], if i is in range.
func cmdDelete[T any](s []T, i int) []T {
	if i < 0 || i >= len(s) {
		return s
	}
	return slices.Delete(s, i, i+1)
}

// removal records the elements a cascade removed from a slice, with their
// indexes in the slice before the removal, ascending.
type removal[T any] struct {
	idx  []int
	vals []T
}

// cmdRemove returns s without the elements for which drop is true, as a new
// slice when anything is removed, and the record to put them back.
func cmdRemove[T any](s []T, drop func(T) bool) ([]T, removal[T]) {
	var r removal[T]
	for i, v := range s {
		if drop(v) {
			r.idx = append(r.idx, i)
			r.vals = append(r.vals, v)
		}
	}
	if len(r.idx) == 0 {
		return s, r
	}
	out := make([]T, 0, len(s)-len(r.idx))
	k := 0
	for i, v := range s {
		if k < len(r.idx) && r.idx[k] == i {
			k++
			continue
		}
		out = append(out, v)
	}
	return out, r
}

// restore puts the removed elements back at their original indexes.
func (r removal[T]) restore(s []T) []T {
	if len(r.idx) == 0 {
		return s
	}
	out := make([]T, 0, len(s)+len(r.idx))
	j := 0
	for k, i := range r.idx {
		n := min(max(i-len(out), 0), len(s)-j)
		out = append(out, s[j:j+n]...)
		j += n
		out = append(out, r.vals[k])
	}
	return append(out, s[j:]...)
}

// cmdSortSteps puts d's steps in canonical order with SortSteps and returns
// the steps as they were before, or nil when the order did not change.
// Undo gives the result back to cmdUnsortSteps. Most edits keep the steps
// sorted, so the copy is only made when they are not.
func cmdSortSteps(d *Document) []Step {
	if cmdStepsSorted(d) {
		return nil
	}
	before := slices.Clone(d.Steps)
	d.SortSteps()
	for i := range before {
		a, b := &before[i], &d.Steps[i]
		if a.ID != b.ID || a.Lane != b.Lane || a.Column != b.Column {
			return before
		}
	}
	return nil
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

// cmdUnsortSteps restores the order recorded by cmdSortSteps.
func cmdUnsortSteps(d *Document, before *[]Step) {
	if *before != nil {
		d.Steps = *before
		*before = nil
	}
}

// countLabel is "Delete step" for n == 1 and "Delete 3 steps" otherwise.
func countLabel(verb string, n int, one, many string) string {
	if n == 1 {
		return verb + " " + one
	}
	return fmt.Sprintf("%s %d %s", verb, n, many)
}
