package state

import (
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

func TestPlanPasteAndDuplicate(t *testing.T) {
	d := bpgen.Generate(10)
	src := d.Steps[0]
	frag := Fragment(d, []string{src.ID, "no-such-step"})
	if len(frag.Steps) != 1 || len(frag.Lanes) != 1 || len(frag.Columns) != 1 || frag.Steps[0].Pos != (blueprint.Pos{}) {
		t.Fatalf("fragment of one step: %d steps, %d lanes, %d columns", len(frag.Steps), len(frag.Lanes), len(frag.Columns))
	}

	// Pasting at the selected cell of the last column puts the step there.
	last := d.Columns[len(d.Columns)-1].ID
	li, ci := PasteAnchor(d, Selection{Kind: SelectCell, IDs: []string{d.Lanes[1].ID, last}}, frag)
	if li != 1 || ci != len(d.Columns)-1 {
		t.Errorf("anchor at a selected cell = %d, %d", li, ci)
	}
	p, err := PlanPaste(d, frag, li, ci, "Paste")
	if err != nil || p.Command == nil || len(p.IDs) != 1 {
		t.Fatalf("PlanPaste = %+v, %v", p, err)
	}
	s := New(d)
	if err := s.Apply(p.Command); err != nil {
		t.Fatal(err)
	}
	got := s.Doc().Step(p.IDs[0])
	if got == nil || got.Lane != d.Lanes[1].ID || got.Column != last || got.Text != src.Text || p.IDs[0] == src.ID {
		t.Errorf("pasted step %+v", got)
	}
	if s.UndoLabel() != "Paste" || !s.Undo() || s.Doc().Step(p.IDs[0]) != nil {
		t.Error("the paste is not one undo step")
	}

	// Pasting past the last column adds the columns it needs.
	n := len(s.Doc().Columns)
	p, err = PlanPaste(s.Doc(), frag, 0, n, "Paste")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(p.Command); err != nil {
		t.Fatal(err)
	}
	if len(s.Doc().Columns) != n+1 || s.Doc().Step(p.IDs[0]).Column != s.Doc().Columns[n].ID {
		t.Errorf("paste past the end: %d columns (want %d)", len(s.Doc().Columns), n+1)
	}
	s.Undo()

	// Duplicate copies into the same cell with a fresh id.
	p, err = PlanDuplicate(s.Doc(), []string{src.ID})
	if err != nil || p.Command == nil {
		t.Fatalf("PlanDuplicate = %+v, %v", p, err)
	}
	if err := s.Apply(p.Command); err != nil {
		t.Fatal(err)
	}
	if dup := s.Doc().Step(p.IDs[0]); dup == nil || dup.Lane != src.Lane || dup.Column != src.Column {
		t.Errorf("duplicate %+v of %+v", dup, src)
	}

	// Nothing to paste, and nowhere to paste it.
	if p, err := PlanDuplicate(d, []string{"no-such-step"}); p.Command != nil || err != nil {
		t.Errorf("duplicating nothing = %+v, %v", p, err)
	}
	if _, err := PlanPaste(&blueprint.Document{}, frag, 0, 0, "Paste"); err == nil {
		t.Error("pasting into a blueprint with no lanes is not an error")
	}
}
