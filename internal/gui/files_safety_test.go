package gui

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"servicebp/blueprint"
)

// theirVersion is what another program writes into the open file.
const theirVersion = "servicebp: 1\ntitle: Written by someone else\n"

func readFileText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestSaveAsksWhenFileChangedOnDisk(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	path := e.Path()
	if !e.apply(blueprint.SetTitle("Mine")) {
		t.Fatal("SetTitle failed")
	}
	if err := os.WriteFile(path, []byte(theirVersion), 0o644); err != nil {
		t.Fatal(err)
	}
	press(e, ctrlKey(fyne.KeyS, false))
	q := e.question
	if q == nil || q.title != "File changed on disk" || !strings.Contains(q.message, "coffee.yaml was changed by another program") {
		t.Fatalf("no question before overwriting a changed file: %+v", q)
	}
	for _, label := range []string{"Cancel", "Save as…", "Overwrite"} {
		if q.button(label) == nil {
			t.Errorf("the question has no %q button", label)
		}
	}
	if got := readFileText(t, path); got != theirVersion {
		t.Fatalf("the file was written before the answer: %q", got)
	}

	answer(t, e, "Cancel")
	if got := readFileText(t, path); got != theirVersion || !e.Dirty() {
		t.Fatalf("after Cancel: file %q, dirty %v", got, e.Dirty())
	}

	press(e, ctrlKey(fyne.KeyS, false))
	answer(t, e, "Overwrite")
	d, err := blueprint.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Mine" || e.Dirty() {
		t.Errorf("after Overwrite: saved title %q, dirty %v", d.Title, e.Dirty())
	}

	// The editor's own save is the new reference: the next one does not ask.
	e.apply(blueprint.SetTitle("Mine again"))
	press(e, ctrlKey(fyne.KeyS, false))
	if e.question != nil || e.Dirty() {
		t.Errorf("a save after the editor's own save asked %+v (dirty %v)", e.question, e.Dirty())
	}
}

func TestSaveChangedFileOffersSaveAs(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.apply(blueprint.SetTitle("Mine"))
	if err := os.WriteFile(e.Path(), []byte(theirVersion), 0o644); err != nil {
		t.Fatal(err)
	}
	before := len(e.win.Canvas().Overlays().List())
	press(e, ctrlKey(fyne.KeyS, false))
	answer(t, e, "Save as…")
	if got := len(e.win.Canvas().Overlays().List()); got <= before {
		t.Errorf("no save dialog after Save as… (%d overlays, %d before)", got, before)
	}
	if got := readFileText(t, e.Path()); got != theirVersion {
		t.Errorf("Save as… wrote the open file: %q", got)
	}
}

func TestSaveNewFileAsksWhenCreatedMeanwhile(t *testing.T) {
	a := testEditor(t, "").app
	path := filepath.Join(t.TempDir(), "later.yaml")
	e := startEditor(t, a, t.TempDir(), path)
	if e.Path() != path {
		t.Fatalf("path = %q", e.Path())
	}
	if err := os.WriteFile(path, []byte(theirVersion), 0o644); err != nil {
		t.Fatal(err)
	}
	if e.writeFile(path) {
		t.Fatal("saved over a file another program created meanwhile")
	}
	if e.question == nil || e.question.title != "File changed on disk" {
		t.Fatalf("no question: %+v", e.question)
	}
	if got := readFileText(t, path); got != theirVersion {
		t.Errorf("file = %q", got)
	}
}

func TestSaveRefusesReadOnlyFile(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	path := e.Path()
	before := readFileText(t, path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	e.apply(blueprint.SetTitle("Mine"))
	if e.writeFile(path) {
		t.Fatal("saved over a read-only file")
	}
	if got := readFileText(t, path); got != before || !e.Dirty() {
		t.Errorf("after refusing: file changed %v, dirty %v", got != before, e.Dirty())
	}
}

func TestSaveThroughSymlinkKeepsLink(t *testing.T) {
	src := copyFixture(t, "coffee.yaml")
	link := filepath.Join(t.TempDir(), "link.yaml")
	if err := os.Symlink(src, link); err != nil {
		t.Fatal(err)
	}
	e := startEditor(t, testEditor(t, "").app, t.TempDir(), link)
	e.apply(blueprint.SetTitle("Through the link"))
	if !e.writeFile(e.Path()) {
		t.Fatal("save failed")
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if d, err := blueprint.Load(src); err != nil || d.Title != "Through the link" {
		t.Errorf("the link's target was not saved: %v", err)
	}
}

func TestOpenRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	// Hang guard only: reading a FIFO would block forever.
	done := make(chan error, 1)
	go func() {
		_, _, err := readBlueprint(fifo)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "is not a regular file (a named pipe)") {
			t.Fatalf("readBlueprint(FIFO) = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO blocks")
	}
	e := testEditor(t, "")
	if e.openPath(fifo) {
		t.Fatal("opened a FIFO")
	}
	if q := e.question; q == nil || !strings.Contains(q.message, "pipe.yaml:1:1: is not a regular file") {
		t.Errorf("no positioned error: %+v", q)
	}

	// The file dialogs do not offer it: they would open it themselves.
	regular := filepath.Join(dir, "real.yaml")
	if err := os.WriteFile(regular, []byte(theirVersion), 0o644); err != nil {
		t.Fatal(err)
	}
	filter := regularFiles(yamlExts)
	for path, want := range map[string]bool{fifo: false, regular: true, filepath.Join(dir, "x.txt"): false} {
		if got := filter.Matches(storage.NewFileURI(path)); got != want {
			t.Errorf("filter matches %s = %v, want %v", filepath.Base(path), got, want)
		}
	}
}
