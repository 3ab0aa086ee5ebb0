package blueprint

import (
	"maps"
	"slices"
	"unsafe"
)

// This file holds the snapshots History keeps. A snapshot is a Document
// value: edits replace the slices they change and share the others (see
// commands.go), so a snapshot costs only what its edit touched. To keep
// even that small, History stores each earlier state as a delta against
// the state after it: for each slice, the run of elements that differs
// between the two (between the common prefix and the common suffix), and
// nothing for a slice the edit did not replace. Editing one step of a
// 1,000-step blueprint keeps one old step, not a copy of all 1,000.

// delta turns a document back into the state it was in before one edit.
type delta struct {
	// head is the earlier state's Document with its large slices left
	// out: the scalars, the lint settings and the comments, which an
	// edit replaces as a whole.
	head      Document
	lanes     splice[Lane]
	lines     splice[Line]
	columns   splice[Column]
	steps     splice[Step]
	flows     splice[Flow]
	conflicts splice[Conflict]
}

// splice turns a slice back into an earlier one: the earlier slice is the
// later one's first at elements, then mid, then its last tail elements.
type splice[T any] struct {
	// same is set when the edit kept the slice: the later one is the
	// earlier one.
	same     bool
	at, tail int
	mid      []T
	// isNil is set when the earlier slice was nil rather than empty.
	isNil bool
}

// diffDoc is the delta that turns after back into before.
func diffDoc(before, after *Document) delta {
	d := delta{head: *before}
	d.head.Lanes, d.head.Lines, d.head.Columns, d.head.Steps, d.head.Flows, d.head.Conflicts = nil, nil, nil, nil, nil, nil
	d.lanes = diffSlice(before.Lanes, after.Lanes, func(a, b *Lane) bool { return *a == *b })
	d.lines = diffSlice(before.Lines, after.Lines, func(a, b *Line) bool { return *a == *b })
	d.columns = diffSlice(before.Columns, after.Columns, func(a, b *Column) bool { return *a == *b })
	d.steps = diffSlice(before.Steps, after.Steps, stepEqual)
	d.flows = diffSlice(before.Flows, after.Flows, func(a, b *Flow) bool { return *a == *b })
	d.conflicts = diffSlice(before.Conflicts, after.Conflicts, func(a, b *Conflict) bool { return *a == *b })
	return d
}

// apply returns the earlier state from the later one, after.
func (d *delta) apply(after *Document) Document {
	out := d.head
	out.Lanes = d.lanes.apply(after.Lanes)
	out.Lines = d.lines.apply(after.Lines)
	out.Columns = d.columns.apply(after.Columns)
	out.Steps = d.steps.apply(after.Steps)
	out.Flows = d.flows.apply(after.Flows)
	out.Conflicts = d.conflicts.apply(after.Conflicts)
	return out
}

// size estimates the bytes d keeps alive: the elements of its splices.
// Strings are counted by their headers only; most are shared with the
// document.
func (d *delta) size() int {
	return int(unsafe.Sizeof(*d)) + d.lanes.size() + d.lines.size() + d.columns.size() +
		d.steps.size() + d.flows.size() + d.conflicts.size()
}

// diffSlice is the splice that turns after back into before.
func diffSlice[T any](before, after []T, eq func(a, b *T) bool) splice[T] {
	if sameSlice(before, after) {
		return splice[T]{same: true}
	}
	n := min(len(before), len(after))
	at := 0
	for at < n && eq(&before[at], &after[at]) {
		at++
	}
	tail := 0
	for tail < n-at && eq(&before[len(before)-1-tail], &after[len(after)-1-tail]) {
		tail++
	}
	return splice[T]{at: at, tail: tail, mid: slices.Clone(before[at : len(before)-tail]), isNil: before == nil}
}

// sameSlice reports whether a and b are the same slice: same length and
// the same backing array, or both nil, or both empty and not nil.
func sameSlice[T any](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 {
		return (a == nil) == (b == nil)
	}
	return &a[0] == &b[0]
}

// apply returns the earlier slice from the later one. It makes a new
// slice, so the later one stays as it is.
func (s *splice[T]) apply(after []T) []T {
	if s.same {
		return after
	}
	n := s.at + len(s.mid) + s.tail
	if n == 0 {
		if s.isNil {
			return nil
		}
		return []T{}
	}
	out := make([]T, 0, n)
	out = append(out, after[:s.at]...)
	out = append(out, s.mid...)
	return append(out, after[len(after)-s.tail:]...)
}

func (s *splice[T]) size() int {
	var zero T
	return len(s.mid) * int(unsafe.Sizeof(zero))
}

// stepEqual reports whether two steps are equal in every field, telling a
// nil list or map from an empty one, as a snapshot must restore it.
func stepEqual(a, b *Step) bool {
	return a.ID == b.ID && a.Lane == b.Lane && a.Column == b.Column && a.Text == b.Text &&
		a.Owner == b.Owner && a.Duration == b.Duration && a.Wait == b.Wait && a.Queue == b.Queue &&
		sameStrings(a.Waiting, b.Waiting) && a.Fail == b.Fail && a.Recovery == b.Recovery &&
		a.Moment == b.Moment && a.Emotion == b.Emotion && a.Votes == b.Votes && sameStrings(a.Tags, b.Tags) &&
		a.Notes == b.Notes && a.Image == b.Image && a.Comment == b.Comment && sameKeyComments(a.KeyComments, b.KeyComments) &&
		a.EndComment == b.EndComment && a.Pos == b.Pos
}

func sameStrings(a, b []string) bool {
	return (a == nil) == (b == nil) && slices.Equal(a, b)
}

func sameKeyComments(a, b map[string]KeyComment) bool {
	return (a == nil) == (b == nil) && maps.Equal(a, b)
}
