package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
)

func TestStartUntitled(t *testing.T) {
	e := testEditor(t, "")
	if got, want := e.win.Title(), "Untitled — servicebp"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	d := e.Doc()
	if len(d.Lanes) != 5 || len(d.Lines) != 3 {
		t.Errorf("new blueprint has %d lanes and %d lines, want 5 and 3", len(d.Lanes), len(d.Lines))
	}
	if d.Lanes[1].Name != "Customer actions" {
		t.Errorf("customer lane is named %q", d.Lanes[1].Name)
	}
	if e.Dirty() {
		t.Error("a new blueprint is dirty")
	}
}

func TestOpenEditSaveTitle(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	if got, want := e.win.Title(), "coffee.yaml — servicebp"; got != want {
		t.Fatalf("title = %q, want %q", got, want)
	}
	if !e.apply(blueprint.SetTitle("Coffee and cake")) {
		t.Fatal("SetTitle failed")
	}
	if got, want := e.win.Title(), "• coffee.yaml — servicebp"; got != want {
		t.Errorf("title after edit = %q, want %q", got, want)
	}
	press(e, ctrlKey(fyne.KeyS, false))
	if e.Dirty() {
		t.Error("still dirty after Ctrl+S")
	}
	if got, want := e.win.Title(), "coffee.yaml — servicebp"; got != want {
		t.Errorf("title after save = %q, want %q", got, want)
	}
	d, err := blueprint.Load(e.Path())
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Coffee and cake" {
		t.Errorf("saved title = %q", d.Title)
	}
	if got := e.recent(); len(got) == 0 || got[0] != e.Path() {
		t.Errorf("recent files = %v, want %s first", got, e.Path())
	}
}

func TestOpenFileWithErrors(t *testing.T) {
	e := testEditor(t, "bad.yaml")
	if e.Path() != "" {
		t.Errorf("path = %q, want the untitled blueprint", e.Path())
	}
	if len(e.Doc().Lanes) != 5 {
		t.Error("no usable blueprint behind the error dialog")
	}
	q := e.question
	if q == nil || !strings.Contains(q.title, "bad.yaml") {
		t.Fatalf("no error dialog for bad.yaml: %+v", q)
	}
	for _, want := range []string{"bad.yaml:4:5: step \"a\": unknown lane", "bad.yaml:10:5:"} {
		if !strings.Contains(q.message, want) {
			t.Errorf("dialog lacks %q:\n%s", want, q.message)
		}
	}
	answer(t, e, "OK")
	if e.question != nil {
		t.Error("dialog still open after OK")
	}
}

func TestWithExt(t *testing.T) {
	dir := t.TempDir()
	typed := filepath.Join(dir, "plan")
	if err := os.WriteFile(typed, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{typed, typed + ".yaml"},
		{filepath.Join(dir, "a.yaml"), filepath.Join(dir, "a.yaml")},
		{filepath.Join(dir, "a.YML"), filepath.Join(dir, "a.YML")},
		{filepath.Join(dir, "a.txt"), filepath.Join(dir, "a.txt.yaml")},
	} {
		t.Run(filepath.Base(tc.in), func(t *testing.T) {
			if got := withExt(tc.in, yamlExts); got != tc.want {
				t.Errorf("withExt(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if _, err := os.Stat(typed); !os.IsNotExist(err) {
		t.Errorf("the empty file the dialog created under the typed name is still there: %v", err)
	}
}

func TestSaveUntitledAsksForName(t *testing.T) {
	e := testEditor(t, "")
	e.apply(blueprint.SetTitle("Walk-in clinic"))
	path := filepath.Join(t.TempDir(), "clinic.yaml")
	if !e.writeFile(path) {
		t.Fatal("writeFile failed")
	}
	if e.Path() != path || e.Dirty() {
		t.Errorf("after save: path %q dirty %v", e.Path(), e.Dirty())
	}
	if got, want := e.win.Title(), "clinic.yaml — servicebp"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got := suggestedFileName(e); got != "clinic.yaml" {
		t.Errorf("suggested name = %q", got)
	}
}

func TestWindowSizeRemembered(t *testing.T) {
	e := testEditor(t, "")
	e.win.Resize(fyne.NewSize(900, 600))
	e.rememberWindowSize()
	e2 := startEditor(t, e.app, t.TempDir(), "")
	if got := e2.win.Canvas().Size(); got.Width != 900 || got.Height != 600 {
		t.Errorf("restored size = %v, want 900×600", got)
	}
}

func TestRecentFilesMenu(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	items := e.ui.menus.recent.ChildMenu.Items
	if len(items) != 1 || items[0].Label != e.Path() {
		t.Fatalf("Open recent = %v", items)
	}
	first := e.Path()
	e.apply(blueprint.SetTitle("x"))
	e.newUntitled()
	answer(t, e, "Don't save")
	items[0].Action()
	if e.Path() != first {
		t.Errorf("Open recent opened %q, want %q", e.Path(), first)
	}
}

func TestStartOnNewFile(t *testing.T) {
	for _, tc := range []struct {
		name     string
		wantPath bool
	}{
		{"plan.yaml", true},
		{"notes.txt", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name)
			e := startEditor(t, test.NewTempApp(t), t.TempDir(), path)
			if got := e.Path() == path; got != tc.wantPath {
				t.Fatalf("path = %q", e.Path())
			}
			if !tc.wantPath {
				if e.question == nil {
					t.Error("no error for a missing file that is not YAML")
				}
				return
			}
			if e.Dirty() || len(e.Doc().Lanes) != 5 {
				t.Errorf("dirty %v, %d lanes", e.Dirty(), len(e.Doc().Lanes))
			}
			e.apply(blueprint.SetTitle("Plan"))
			press(e, ctrlKey(fyne.KeyS, false))
			d, err := blueprint.Load(path)
			if err != nil || d.Title != "Plan" {
				t.Errorf("saved file: %v, %v", d, err)
			}
		})
	}
}
