package gui

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"servicebp/blueprint"
	"servicebp/blueprint/diff"
	"servicebp/blueprint/draw"
)

// coffeeBefore is an earlier version of testdata/coffee.yaml: the order
// was taken in other words, the card was tapped at ordering, there was a
// sugar step backstage and no "enjoy" step.
const coffeeBefore = `servicebp: 1
title: Coffee to go
columns:
  - {id: order, name: Order, phase: Buy}
  - {id: pay, name: Pay, phase: Buy}
  - {id: drink, name: Drink}
steps:
  - id: ask
    lane: customer
    column: order
    text: Order a flat white
  - id: take-order
    lane: frontstage
    column: order
    text: Barista takes it
    owner: Barista
  - id: tap-card
    lane: customer
    column: pay
    text: Tap card
    wait: 2m
  - id: sugar
    lane: backstage
    column: drink
    text: Refill the sugar
flows:
  - {from: ask, to: take-order}
`

func writeFile(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCompareMode compares coffee.yaml with an earlier version: the board
// shows the marks, the list the changes; F8, Shift+F8 and F7 step through
// them, selecting each card; an edit refreshes the marks; Esc leaves.
func TestCompareMode(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.win.Resize(fyne.NewSize(1400, 900))
	b := e.ui.board
	old := writeFile(t, filepath.Join(t.TempDir(), "before.yaml"), coffeeBefore)
	if !e.CompareWithFile(old) || !e.Comparing() {
		t.Fatal("compare mode did not start")
	}
	c := e.compare
	if e.ui.centre.Objects[0] != c.view {
		t.Error("the compare view is not in the centre")
	}
	m := b.Scene().Changes()
	if m == nil {
		t.Fatal("the board shows no marks")
	}
	for id, kind := range map[string]draw.ChangeKind{"take-order": draw.ChangeEdited, "enjoy": draw.ChangeAdded} {
		if m.Steps[id].Kind != kind {
			t.Errorf("%s marked %d, want %d", id, m.Steps[id].Kind, kind)
		}
	}
	if len(m.Ghosts) != 1 || m.Ghosts[0].StepID != "sugar" {
		t.Errorf("ghosts %+v, want sugar's", m.Ghosts)
	}
	if n := c.list.Length(); n != 3 || len(c.changes) != 3 {
		t.Fatalf("the list has %d changes (%+v)", n, c.changes)
	}
	if !strings.Contains(c.status.Text, "before.yaml") || !strings.Contains(c.status.Text, "3 changes") {
		t.Errorf("status %q", c.status.Text)
	}

	// The keys, on the focused board: F8 steps on, Shift+F8 and F7 back.
	e.win.Canvas().Focus(b)
	typeKey := func(k fyne.KeyName) { b.TypedKey(&fyne.KeyEvent{Name: k}) }
	var visited []string
	for range 3 {
		typeKey(fyne.KeyF8)
		visited = append(visited, c.changes[c.at].ID)
	}
	wantOrder := []string{c.changes[0].ID, c.changes[1].ID, c.changes[2].ID}
	if !slices.Equal(visited, wantOrder) {
		t.Errorf("F8 visits %v, want %v", visited, wantOrder)
	}
	typeKey(fyne.KeyF8) // wraps to the first
	if c.at != 0 {
		t.Errorf("F8 after the last change is at %d", c.at)
	}
	b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	typeKey(fyne.KeyF8)
	b.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if c.at != 2 {
		t.Errorf("Shift+F8 from the first change is at %d, want the last", c.at)
	}
	typeKey(fyne.KeyF7)
	if c.at != 1 {
		t.Errorf("F7 is at %d, want 1", c.at)
	}
	// A change to a card in NEW selects that card and centres it.
	for i, ch := range c.changes {
		if ch.Element != diff.Step || e.Doc().Step(ch.ID) == nil {
			continue
		}
		c.goTo(i)
		if !e.Selection().Has(ch.ID) {
			t.Errorf("change %d selects %v, want %s", i, e.Selection(), ch.ID)
		}
		r, _ := b.Layout().CardRect(ch.ID)
		if p := b.Scene().WorldToScreen(r.Center()); p.X < b.Size().Width/2-2 || p.X > b.Size().Width/2+2 {
			t.Errorf("card %s centred at x %g on a board %g wide", ch.ID, p.X, b.Size().Width)
		}
	}

	// Editing refreshes the marks: the new title is one more change.
	e.apply(blueprint.SetTitle("Coffee to stay"))
	if !e.Comparing() || len(c.changes) != 4 {
		t.Fatalf("after an edit: comparing %v, %d changes", e.Comparing(), len(c.changes))
	}
	e.undo()
	if len(c.changes) != 3 {
		t.Errorf("after undo: %d changes", len(c.changes))
	}

	// Esc on the board leaves, taking the marks away.
	typeKey(fyne.KeyEscape)
	if e.Comparing() || b.Scene().Changes() != nil || e.ui.centre.Objects[0] != b {
		t.Errorf("after Esc: comparing %v, marks %v", e.Comparing(), b.Scene().Changes() != nil)
	}
	// Esc with nothing focused leaves too, and opening another file ends it.
	e.CompareWithFile(old)
	e.win.Canvas().Unfocus()
	e.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.Comparing() {
		t.Error("Esc with nothing focused does not leave compare mode")
	}
	e.CompareWithFile(old)
	e.openPath(copyFixture(t, "queue.yaml"))
	if e.Comparing() || b.Scene().Changes() != nil {
		t.Error("opening another file kept compare mode")
	}
	// A file that does not load is refused.
	if e.CompareWithFile(copyFixture(t, "bad.yaml")) || e.Comparing() {
		t.Error("compared with an invalid file")
	}
}

// TestCompareShortcutsDocumented lists compare mode's keys in Help >
// Keyboard shortcuts.
func TestCompareShortcutsDocumented(t *testing.T) {
	var keys []string
	for _, r := range workshopRows() {
		keys = append(keys, r[0])
	}
	if !slices.Contains(keys, "F8 / Shift+F8, F7") {
		t.Errorf("the shortcuts do not list F8: %v", keys)
	}
}

// git runs git in dir with a fixed identity and fails the test on error.
func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestCompareWithHEAD compares the open file with its version at git HEAD
// in a real repository, and says why it cannot for an untitled
// blueprint, a file outside git and a file not committed.
func TestCompareWithHEAD(t *testing.T) {
	root := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", root)
	repo := filepath.Join(root, "repo")
	if err := os.Mkdir(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, repo, "init", "-q")
	path := writeFile(t, filepath.Join(repo, "coffee.yaml"), coffeeBefore)
	git(t, repo, "add", "coffee.yaml")
	git(t, repo, "commit", "-q", "-m", "before")
	now, err := os.ReadFile(filepath.Join("testdata", "coffee.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(now))

	e := testEditor(t, "")
	if e.CompareWithHEAD() || !strings.Contains(e.ui.notice.Text, "Save the blueprint first") {
		t.Errorf("untitled: notice %q", e.ui.notice.Text)
	}
	e.openPath(path)
	if !e.CompareWithHEAD() || len(e.compare.changes) != 3 || !strings.Contains(e.compare.status.Text, "git HEAD") {
		t.Fatalf("compare with HEAD: %v, status %q", e.Comparing(), e.compare.status.Text)
	}
	e.compare.stop()

	outside := writeFile(t, filepath.Join(root, "outside.yaml"), coffeeBefore)
	e.openPath(outside)
	if e.CompareWithHEAD() || !strings.Contains(e.ui.notice.Text, "outside.yaml is not in a git repository") {
		t.Errorf("outside git: notice %q", e.ui.notice.Text)
	}
	fresh := writeFile(t, filepath.Join(repo, "fresh.yaml"), coffeeBefore)
	e.openPath(fresh)
	if e.CompareWithHEAD() || !strings.Contains(e.ui.notice.Text, "fresh.yaml is not committed in git HEAD yet") {
		t.Errorf("not committed: notice %q", e.ui.notice.Text)
	}
}
