package gui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/internal/state"
)

// testEditor starts an editor in a test app with its own cache folder, no
// autosave timer and no file polling; path is copied from testdata into a
// temporary folder first unless it is empty.
func testEditor(t *testing.T, fixture string) *Editor {
	t.Helper()
	a := test.NewTempApp(t)
	return startEditor(t, a, t.TempDir(), copyFixture(t, fixture))
}

// editAskText opens coffee.yaml with the step "ask" selected and returns
// the editor and the inspector's text field of that step.
func editAskText(t *testing.T) (*Editor, *field) {
	t.Helper()
	e := testEditor(t, "coffee.yaml")
	e.SetSelection(state.StepSelection("ask"))
	return e, e.ui.inspector.step.text
}

// undoAll undoes every edit and fails the test unless that brings the
// editor back to the saved state.
func undoAll(t *testing.T, e *Editor) {
	t.Helper()
	for e.store.History().CanUndo() {
		e.undo()
	}
	if e.Dirty() {
		t.Error("undoing every edit does not return to the saved state")
	}
}

// generatedFile writes a generated blueprint of n steps (bpgen) to a
// temporary file and returns its path.
func generatedFile(t testing.TB, n int) string {
	t.Helper()
	data, err := blueprint.Marshal(bpgen.Generate(n))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bp.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func startEditor(t testing.TB, a fyne.App, cache, path string) *Editor {
	t.Helper()
	e := NewEditor(a, Options{CacheDir: cache, AutosaveDelay: time.Hour, WatchInterval: -1, NoticeTime: -1, AnalysisDelay: -1, PhotosInForeground: true})
	e.Start(path)
	t.Cleanup(func() {
		e.auto.stop()
		e.watch.stop()
	})
	return e
}

// copyFixture copies testdata/name into a temporary folder and returns the
// copy's path, or "" for an empty name.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	if name == "" {
		return ""
	}
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// press delivers a shortcut the way the desktop driver does: a main-menu
// item with that shortcut first, then the focused widget, then the
// canvas's shortcuts.
func press(e *Editor, s fyne.Shortcut) {
	for _, m := range e.win.MainMenu().Items {
		if pressMenu(m, s) {
			return
		}
	}
	c := e.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

func pressMenu(m *fyne.Menu, s fyne.Shortcut) bool {
	for _, it := range m.Items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
			it.Action()
			return true
		}
		if it.ChildMenu != nil && pressMenu(it.ChildMenu, s) {
			return true
		}
	}
	return false
}

// ctrl builds Ctrl+key (Ctrl+Shift+key with shift).
func ctrlKey(key fyne.KeyName, shift bool) *desktop.CustomShortcut {
	m := fyne.KeyModifierShortcutDefault
	if shift {
		m |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: m}
}

// answer taps the button labelled label in the open question.
func answer(t *testing.T, e *Editor, label string) {
	t.Helper()
	if e.question == nil {
		t.Fatalf("no question is open; wanted to answer %q", label)
	}
	b := e.question.button(label)
	if b == nil {
		t.Fatalf("question %q has no button %q", e.question.title, label)
	}
	test.Tap(b)
}

// typeInto focuses f, selects nothing and types text at the end.
func typeInto(e *Editor, f *field, text string) {
	e.win.Canvas().Focus(f)
	f.CursorRow = len(f.Text)
	test.Type(f, text)
}

// replaceText focuses f and replaces its text by typing: select all,
// then type.
func replaceText(e *Editor, f *field, text string) {
	e.win.Canvas().Focus(f)
	f.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(f, text)
}

// key sends one key to the focused widget.
func key(e *Editor, name fyne.KeyName) {
	if f := e.win.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
	}
}
