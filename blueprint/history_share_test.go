package blueprint_test

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// shares reports whether two slices are the same slice.
func shares[T any](a, b []T) bool {
	return len(a) == len(b) && unsafe.SliceData(a) == unsafe.SliceData(b)
}

// historyEdits applies n varied small edits (text, stacking order, a new
// flow) to the document of h.
func historyEdits(tb testing.TB, h *blueprint.History, n int) {
	tb.Helper()
	d := h.Doc()
	for i := range n {
		s := d.Steps[(i*37)%len(d.Steps)]
		var c blueprint.Command
		switch i % 3 {
		case 0:
			s.Text = fmt.Sprintf("Edited %d", i)
			c = blueprint.EditStep(s.ID, s)
		case 1:
			c = blueprint.MoveStep(s.ID, s.Lane, s.Column, 0)
		default:
			c = blueprint.AddFlow(blueprint.Flow{From: s.ID, To: d.Steps[(i*37+7)%len(d.Steps)].ID, Label: "new"})
		}
		if err := h.Apply(c); err != nil {
			tb.Fatalf("edit %d: %v", i, err)
		}
	}
}

// TestHistorySharesWhatAnEditKeeps checks the structural sharing of
// snapshots: an edit of one step replaces the steps and shares the other
// slices, and 200 edits of a 1,000-step blueprint keep deltas of a few
// steps each, not 200 copies of the steps.
func TestHistorySharesWhatAnEditKeeps(t *testing.T) {
	d := bpgen.Generate(1000)
	h := blueprint.NewHistory(d)
	before := *d
	s := d.Steps[499]
	s.Text = "Edited"
	if err := h.Apply(blueprint.EditStep(s.ID, s)); err != nil {
		t.Fatal(err)
	}
	if !shares(before.Lanes, d.Lanes) || !shares(before.Columns, d.Columns) || !shares(before.Flows, d.Flows) || !shares(before.Lines, d.Lines) {
		t.Error("editing a step replaced a slice other than the steps")
	}
	if shares(before.Steps, d.Steps) {
		t.Error("editing a step wrote into the steps in place")
	}
	if got, most := blueprint.UndoBytes(h), 1024; got > most {
		t.Errorf("one step edit keeps %d bytes, want at most %d", got, most)
	}
	historyEdits(t, h, 199)
	full := 200 * len(d.Steps) * int(unsafe.Sizeof(blueprint.Step{}))
	if got := blueprint.UndoBytes(h); got > full/50 {
		t.Errorf("200 edits keep %d bytes of snapshots; a copy of the steps per edit would be %d", got, full)
	}
	t.Logf("200 edits of a 1,000-step blueprint keep %d bytes of snapshots (a copy per edit: %d)", blueprint.UndoBytes(h), full)
}

// TestHistoryBoundsItsMemory applies edits that each reorder all 1,000
// steps until their snapshots pass MaxUndoBytes: the oldest are forgotten,
// the rest undo to exactly the states they were, and the document, whose
// saved state was forgotten, stays dirty.
func TestHistoryBoundsItsMemory(t *testing.T) {
	d := bpgen.Generate(1000)
	h := blueprint.NewHistory(d)
	// A lane move only reorders lanes and steps, which order tells apart.
	order := func() string {
		var b strings.Builder
		for _, l := range d.Lanes {
			b.WriteString(l.ID + " ")
		}
		for _, s := range d.Steps {
			b.WriteString(s.ID + " ")
		}
		return b.String()
	}
	states := []string{order()}
	const edits = 130
	for i := range edits {
		if err := h.Apply(blueprint.MoveLane("evidence", 1-i%2)); err != nil {
			t.Fatal(err)
		}
		states = append(states, order())
		if got := blueprint.UndoBytes(h); got > blueprint.MaxUndoBytes {
			t.Fatalf("after edit %d the snapshots take %d bytes, more than MaxUndoBytes", i, got)
		}
	}
	n := 0
	for h.Undo() {
		n++
		if order() != states[edits-n] {
			t.Fatalf("undo %d does not give back the state before edit %d", n, edits-n)
		}
	}
	if n >= edits || n < 10 {
		t.Fatalf("%d of %d edits could be undone; want fewer than all, and at least 10", n, edits)
	}
	if !h.Dirty() {
		t.Fatal("the saved state was forgotten, yet the document is clean")
	}
	t.Logf("%d of %d lane moves of 1,000 steps kept within MaxUndoBytes", n, edits)
}
