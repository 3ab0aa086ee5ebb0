package gui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
)

// TestConflictsPanel opens a file with merge conflicts: the Conflicts tab
// comes to the front and lists them; keeping a side's value is one
// undoable edit, and resolving the last conflict removes the section.
func TestConflictsPanel(t *testing.T) {
	e := testEditor(t, "conflicted.yaml")
	p := e.lint.conflicts
	if len(p.conflicts) != 2 || !p.none.Hidden {
		t.Fatalf("panel shows %d conflicts (none label hidden: %v)", len(p.conflicts), p.none.Hidden)
	}
	if got := e.lint.tabs.SelectedIndex(); got != tabConflicts {
		t.Errorf("selected tab %d, want the Conflicts tab", got)
	}
	if got := e.lint.tabs.Items[tabConflicts].Text; got != "Conflicts (2)" {
		t.Errorf("tab title %q", got)
	}

	// A row's "Keep theirs" button takes THEIRS's wait.
	row := newConflictRow()
	row.show(p, 0)
	if row.title.Text != "step order · wait" || row.values.Text != "Ours: 10m\nTheirs: 25m\nBase: 5m" {
		t.Errorf("row shows %q / %q", row.title.Text, row.values.Text)
	}
	test.Tap(row.theirs)
	if got := e.Doc().Step("order").Wait; got != 25*blueprint.Minute {
		t.Errorf("wait = %v after keeping theirs", got)
	}
	if len(p.conflicts) != 1 || p.conflicts[0].Element != "title" {
		t.Fatalf("conflicts after resolving: %+v", p.conflicts)
	}
	if !e.Dirty() {
		t.Error("resolving did not mark the file changed")
	}

	// Undo brings the conflict and OURS's value back.
	if !e.History().Undo() {
		t.Fatal("nothing to undo")
	}
	if len(e.Doc().Conflicts) != 2 || e.Doc().Step("order").Wait != 10*blueprint.Minute {
		t.Errorf("after undo: %d conflicts, wait %v", len(e.Doc().Conflicts), e.Doc().Step("order").Wait)
	}
	if len(p.conflicts) != 2 {
		t.Errorf("the panel shows %d conflicts after undo", len(p.conflicts))
	}

	// Resolving both leaves no section.
	if !p.resolve(1, blueprint.ChooseBase) || !p.resolve(0, blueprint.ChooseOurs) {
		t.Fatal("resolve refused")
	}
	if e.Doc().Conflicts != nil || e.Doc().Title != "Coffee to go" || !p.none.Visible() {
		t.Errorf("after resolving all: conflicts %+v, title %q", e.Doc().Conflicts, e.Doc().Title)
	}
	if got := e.lint.tabs.Items[tabConflicts].Text; got != "Conflicts" {
		t.Errorf("tab title %q", got)
	}
	out, err := blueprint.Marshal(e.Doc())
	if err != nil {
		t.Fatal(err)
	}
	if d, err := blueprint.Parse("resolved", out); err != nil || len(blueprint.ConflictErrors("resolved", d)) != 0 {
		t.Errorf("the resolved file does not validate: %v\n%s", err, out)
	}
}
