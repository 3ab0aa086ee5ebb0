package gui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
)

// breakFile overwrites the open file with invalid YAML, as a bad merge
// would, with a modification time the watcher cannot miss.
func breakFile(t *testing.T, path string) []byte {
	t.Helper()
	bad := []byte("title: Coffee\n<<<<<<< HEAD\nlanes: [\n")
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	return bad
}

// TestBrokenOutsideEditKeepsTheEditorsCopy overwrites a clean file with
// invalid YAML: the editor's version is then the only valid copy, so it
// counts as unsaved, closing asks with Save and Save as, and Save asks
// before overwriting the outside edit.
func TestBrokenOutsideEditKeepsTheEditorsCopy(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	bad := breakFile(t, e.Path())
	e.watch.check()
	if !strings.Contains(e.ui.notice.Text, "has errors") {
		t.Errorf("notice = %q", e.ui.notice.Text)
	}
	if !e.Dirty() {
		t.Fatal("the editor's copy counts as saved although the file on disk is broken")
	}
	if !strings.HasPrefix(e.win.Title(), "• ") {
		t.Errorf("title %q does not show unsaved changes", e.win.Title())
	}
	closed := false
	e.win.SetOnClosed(func() { closed = true })
	e.requestClose()
	if closed {
		t.Fatal("quit without asking; the only valid copy is lost")
	}
	if e.question == nil || e.question.button("Save as…") == nil || e.question.button("Save") == nil {
		t.Fatal("closing does not offer Save and Save as")
	}
	answer(t, e, "Save")
	// The file was changed by another program: Save asks first.
	if e.question == nil || e.question.title != "File changed on disk" {
		t.Fatal("Save overwrote the outside edit without asking")
	}
	if data, _ := os.ReadFile(e.Path()); string(data) != string(bad) {
		t.Fatal("the file was written before the answer")
	}
	answer(t, e, "Overwrite")
	if !closed {
		t.Error("not closed after saving")
	}
	if _, err := blueprint.Load(e.Path()); err != nil {
		t.Errorf("the saved file does not load: %v", err)
	}
	if e.Dirty() {
		t.Error("still unsaved after the save")
	}
}

// TestKeepMyChangesThenSaveAsksAgain keeps the editor's version over an
// outside edit: a later Ctrl+S must not overwrite that edit silently.
func TestKeepMyChangesThenSaveAsksAgain(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.apply(blueprint.SetTitle("Mine"))
	rewrite(t, e.Path(), "Coffee to go", "Coffee from disk")
	e.watch.check()
	answer(t, e, "Keep my changes")
	e.undo() // back to the loaded state: still not what the file holds
	if !e.Dirty() {
		t.Error("the editor's version counts as saved although the file holds another")
	}
	e.action("save").Run()
	if e.question == nil || e.question.title != "File changed on disk" {
		t.Fatal("Ctrl+S overwrote the outside edit without a second warning")
	}
	answer(t, e, "Cancel")
	d, err := blueprint.Load(e.Path())
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Coffee from disk" {
		t.Errorf("the outside edit was overwritten: title %q", d.Title)
	}
	e.action("save").Run()
	answer(t, e, "Overwrite")
	if d, err = blueprint.Load(e.Path()); err != nil || d.Title != "Coffee to go" {
		t.Errorf("after Overwrite the file holds %v, %v", d, err)
	}
	if e.Dirty() {
		t.Error("unsaved after Overwrite")
	}
}

// TestOpenFileWithErrorsWrapsAndOffersAnEditor opens a file with several errors: all are listed
// in wrapping lines, and the file can be opened in a text editor.
func TestOpenFileWithErrorsWrapsAndOffersAnEditor(t *testing.T) {
	e := testEditor(t, "")
	path := filepath.Join(t.TempDir(), "hotel.yaml")
	src := "servicebp: 1\ntitle: Hotel\nsteps:\n" +
		"  - {id: arrive, lane: customer, column: c, emotion: high, text: A very long description of the arrival at the hotel entrance and its signage}\n" +
		"  - {id: arrive, lane: customr, column: c}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var opened *url.URL
	e.openExternal = func(u *url.URL) error { opened = u; return nil }
	if e.openPath(path) {
		t.Fatal("a file with errors opened")
	}
	q := e.question
	if q == nil || q.title != "Cannot open hotel.yaml" {
		t.Fatal("no dialog listing the problems")
	}
	for _, want := range []string{"emotion must be a whole number", `duplicate id "arrive"`, `unknown lane "customr"`} {
		if !strings.Contains(q.message, want) {
			t.Errorf("the problems do not say %q:\n%s", want, q.message)
		}
	}
	label := q.content.(*container.Scroll).Content.(*widget.Label)
	if label.Wrapping != fyne.TextWrapWord {
		t.Error("the problems do not wrap")
	}
	answer(t, e, "Open in a text editor")
	if opened == nil || opened.Scheme != "file" || opened.Path != path {
		t.Errorf("opened %v, want file://%s", opened, path)
	}
	answer(t, e, "Open what is valid")
	if e.Path() != path || !e.Dirty() || !e.store.Partial() {
		t.Errorf("the valid part opened as %q (dirty %v), want %s, unsaved", e.Path(), e.Dirty(), path)
	}
	if d := e.Doc(); d.Title != "Hotel" || len(d.Steps) != 0 {
		t.Errorf("valid part: title %q, %d steps (both steps have errors)", d.Title, len(d.Steps))
	}
}

// TestOpenWhatIsValid keeps the steps and flows without errors of a file
// with a bad step, a duplicate id and a flow to a missing step.
func TestOpenWhatIsValid(t *testing.T) {
	src := "servicebp: 1\ntitle: Hotel\ncolumns: [{id: c}, {id: d}]\nsteps:\n" +
		"  - {id: arrive, lane: customer, column: c, text: Arrive}\n" +
		"  - {id: arrive, lane: customer, column: d, text: Twice}\n" +
		"  - {id: pay, lane: customr, column: d, text: Pay}\n" +
		"  - {id: desk, lane: frontstage, column: c, text: Desk, emotion: high}\n" +
		"  - {id: key, lane: frontstage, column: d, text: Key}\n" +
		"flows:\n  - {from: arrive, to: key}\n  - {from: arrive, to: pay}\n"
	d := blueprint.ParseValid("f.yaml", []byte(src))
	if d == nil {
		t.Fatal("nothing kept")
	}
	var ids []string
	for _, s := range d.Steps {
		ids = append(ids, s.ID+"="+s.Text)
	}
	if strings.Join(ids, " ") != "arrive=Arrive key=Key" || len(d.Flows) != 1 || d.Flows[0].To != "key" {
		t.Errorf("kept steps %v, flows %v", ids, d.Flows)
	}
	if blueprint.ParseValid("f.yaml", []byte("steps: [\n")) != nil {
		t.Error("a file whose YAML cannot be read gave a valid part")
	}
}
