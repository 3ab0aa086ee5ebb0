package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"servicebp/canvas"
)

// presentMenuItem finds the menu item labelled label.
func presentMenuItem(t *testing.T, e *Editor, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range e.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// presentWindows returns the open windows showing a presenter.
func presentWindows(e *Editor) []fyne.Window {
	var out []fyne.Window
	for _, w := range e.app.Driver().AllWindows() {
		if _, ok := w.Content().(*canvas.Presenter); ok {
			out = append(out, w)
		}
	}
	return out
}

func TestPresentFromEditor(t *testing.T) {
	tests := []struct {
		name  string
		start func(e *Editor)
	}{
		{"View > Present", func(e *Editor) { presentMenuItem(t, e, lang.L("Present")+"  (F5)").Action() }},
		{"F5", func(e *Editor) { e.win.Canvas().Unfocus(); presentEditorKey(e, fyne.KeyF5) }},
		{"F5 on the board", func(e *Editor) {
			b := e.ui.board
			e.win.Canvas().Focus(b)
			presentEditorKey(e, fyne.KeyF5)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := testEditor(t, "coffee.yaml")
			tc.start(e)
			wins := presentWindows(e)
			if len(wins) != 1 {
				t.Fatalf("%d presentation windows, want 1", len(wins))
			}
			w := wins[0]
			p := w.Content().(*canvas.Presenter)
			if !w.FullScreen() || w.MainMenu() != nil {
				t.Errorf("the presentation is not fullscreen without menus: fullscreen %v, menu %v", w.FullScreen(), w.MainMenu())
			}
			if w.Canvas().Focused() != p {
				t.Errorf("the presenter does not have the keyboard")
			}
			if got, want := len(p.Document().Steps), len(e.Doc().Steps); got != want || p.Document() == e.Doc() {
				t.Errorf("the presentation shows %d steps of a copy, want %d", got, want)
			}
			// Keys drive the reveal; Esc clears the spotlight, then closes.
			p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			if p.Current() != 1 {
				t.Errorf("Right: current column %d, want 1", p.Current())
			}
			p.SetSpotlight(e.Doc().Steps[0].ID)
			p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if len(presentWindows(e)) != 1 || p.Spotlight() != nil {
				t.Fatalf("the first Esc should only clear the spotlight")
			}
			p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if n := len(presentWindows(e)); n != 0 {
				t.Errorf("Esc left %d presentation windows open", n)
			}
			if e.Dirty() {
				t.Errorf("presenting changed the document")
			}
		})
	}
}

// presentEditorKey types a key into the editor window as the desktop
// driver does when nothing is focused.
func presentEditorKey(e *Editor, k fyne.KeyName) {
	c := e.win.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: k})
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(&fyne.KeyEvent{Name: k})
	}
}

func TestExportSlidesFromEditor(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	presentMenuItem(t, e, lang.L("Export slides…"))
	dir := filepath.Join(t.TempDir(), "deck")
	if !e.exportSlides(dir, e.exportSettings()) {
		t.Fatal("export failed")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(e.Doc().Phases()) + 1; len(entries) != want {
		t.Errorf("%d files, want %d", len(entries), want)
	}
	if entries[0].Name() != "00-overview.png" {
		t.Errorf("first slide %s", entries[0].Name())
	}
	if msg := e.ui.notice.Text; !strings.Contains(msg, dir) {
		t.Errorf("notice %q does not name the folder", msg)
	}
	// A folder that cannot be made is reported, and nothing is written.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if e.exportSlides(filepath.Join(file, "deck"), e.exportSettings()) {
		t.Errorf("exporting under a file succeeded")
	}
}
