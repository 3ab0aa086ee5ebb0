package gui

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/internal/golden"
	"servicebp/internal/state"
)

// photoName is the name an attached photo gets: the step id and 8 hex
// digits of its hash.
var photoName = regexp.MustCompile(`^images/ask-[0-9a-f]{8}\.jpg$`)

// TestInspectorAttachPhoto attaches a photo through the inspector's
// "Attach image…" button: the file is copied next to the blueprint under
// a stable name, the step's image is set by one undoable edit, the board
// shows it, and "Remove image" takes it off again.
func TestInspectorAttachPhoto(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	src := filepath.Join(t.TempDir(), "Receipt.JPG")
	golden.WritePhoto(t, src, 400, 300)
	var chosen int
	e.photos.choose = func(onPath func(string)) { chosen++; onPath(src) }
	e.SetSelection(state.StepSelection("ask"))
	p := e.photos
	if p.name.Text != "No photo" || !p.remove.Disabled() {
		t.Fatalf("before: row %q, remove disabled %v", p.name.Text, p.remove.Disabled())
	}
	test.Tap(p.attach)
	if chosen != 1 {
		t.Fatalf("the button asked for a file %d times", chosen)
	}
	key := e.Doc().Step("ask").Image
	if !photoName.MatchString(key) {
		t.Fatalf("image %q, want images/ask-HASH.jpg", key)
	}
	copied, err := os.ReadFile(filepath.Join(filepath.Dir(e.Path()), filepath.FromSlash(key)))
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := os.ReadFile(src)
	if !bytes.Equal(copied, orig) {
		t.Error("the copy differs from the photo")
	}
	if p.name.Text != key || p.remove.Disabled() || !p.preview.Visible() {
		t.Errorf("after: row %q, remove disabled %v, preview shown %v", p.name.Text, p.remove.Disabled(), p.preview.Visible())
	}
	b := e.ui.board
	if b.Scene().Pictures() == nil {
		t.Fatal("the board has no pictures")
	}
	if pic, err := b.Scene().Pictures().Picture(key); err != nil || pic == nil {
		t.Fatalf("the board cannot show the photo: %v", err)
	}
	// Attaching the same photo again gives the same name and no edit.
	test.Tap(p.attach)
	if got := e.Doc().Step("ask").Image; got != key {
		t.Errorf("the same photo got a new name %q", got)
	}
	press(e, &fyne.ShortcutUndo{})
	if got := e.Doc().Step("ask").Image; got != "" {
		t.Fatalf("after undo, image %q", got)
	}
	if e.store.History().CanUndo() {
		t.Error("attaching made more than one undo step")
	}
	press(e, &fyne.ShortcutRedo{})
	if got := e.Doc().Step("ask").Image; got != key {
		t.Fatalf("after redo, image %q", got)
	}
	test.Tap(p.remove)
	if got := e.Doc().Step("ask").Image; got != "" {
		t.Fatalf("after Remove image, image %q", got)
	}
	press(e, &fyne.ShortcutUndo{})
	if got := e.Doc().Step("ask").Image; got != key {
		t.Fatalf("undoing the removal gives %q", got)
	}
	// The saved file keeps the path.
	e.save(nil)
	data, err := os.ReadFile(e.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "    image: "+key+"\n") {
		t.Errorf("saved file lacks the image:\n%s", data)
	}
	if _, err := blueprint.Parse("saved.yaml", data); err != nil {
		t.Fatal(err)
	}
}

// TestAttachPhotoRefusals checks that a file that is not an image, or a
// decompression bomb, is refused with a message and changes nothing.
func TestAttachPhotoRefusals(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.png")
	if err := os.WriteFile(text, []byte("not an image"), 0o644); err != nil {
		t.Fatal(err)
	}
	bomb := filepath.Join(dir, "bomb.jpg")
	data := photoJPEG(t)
	i := bytes.Index(data, []byte{0xff, 0xc0})
	data[i+5], data[i+6], data[i+7], data[i+8] = 0xff, 0xff, 0xff, 0xff
	if err := os.WriteFile(bomb, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{text, bomb, filepath.Join(dir, "missing.jpg")} {
		e.attachPhoto("ask", src)
		if got := e.Doc().Step("ask").Image; got != "" {
			t.Errorf("%s attached as %q", src, got)
		}
	}
	if e.store.History().CanUndo() {
		t.Error("a refused photo made an edit")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(e.Path()), photoFolder)); err == nil {
		t.Error("a refused photo was copied")
	}
}

func photoJPEG(t *testing.T) []byte {
	t.Helper()
	p := filepath.Join(t.TempDir(), "p.jpg")
	golden.WritePhoto(t, p, 32, 32)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDropPhotoOnCard drops a photo file on a card of the board: it is
// attached to that card's step, and a drop of another kind of file is
// ignored with a hint.
func TestDropPhotoOnCard(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.win.Resize(fyne.NewSize(1200, 800))
	src := filepath.Join(t.TempDir(), "till.png")
	golden.WritePhoto(t, src, 200, 150)
	b := e.ui.board
	r, ok := b.Scene().Layout().CardRect("tap-card")
	if !ok {
		t.Fatal("no card tap-card")
	}
	at := b.Scene().WorldToScreen(r.Center()).Add(fyne.CurrentApp().Driver().AbsolutePositionForObject(b))
	e.droppedFiles(at, []fyne.URI{storage.NewFileURI(filepath.Join(t.TempDir(), "notes.txt"))})
	if e.store.History().CanUndo() {
		t.Fatal("dropping a text file made an edit")
	}
	if got := e.ui.notice.Text; !strings.Contains(got, "Drop a PNG or JPEG image") {
		t.Errorf("notice %q", got)
	}
	e.droppedFiles(at, []fyne.URI{storage.NewFileURI(src)})
	got := e.Doc().Step("tap-card").Image
	if !regexp.MustCompile(`^images/tap-card-[0-9a-f]{8}\.png$`).MatchString(got) {
		t.Fatalf("tap-card image %q", got)
	}
	if e.store.Selection().One(state.SelectSteps) != "tap-card" {
		t.Errorf("selection %v, want the card the photo was dropped on", e.store.Selection())
	}
	if e.Doc().Step("ask").Image != "" {
		t.Error("another step got the photo")
	}
	press(e, &fyne.ShortcutUndo{})
	if e.Doc().Step("tap-card").Image != "" {
		t.Error("the drop is not undoable")
	}
}
