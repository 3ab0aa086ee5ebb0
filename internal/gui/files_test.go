package gui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/golden"
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

// TestOpenFileWithErrors starts the editor on a file with errors
// (servicebp bad.yaml): the window shows the problems alone, titled after
// the file, with no untitled blueprint behind them.
func TestOpenFileWithErrors(t *testing.T) {
	e := testEditor(t, "bad.yaml")
	q := e.question
	if q == nil || q.title != "Cannot open bad.yaml" {
		t.Fatalf("no error dialog for bad.yaml: %+v", q)
	}
	for _, want := range []string{"bad.yaml:4:5: step \"a\": unknown lane", "bad.yaml:10:5:"} {
		if !strings.Contains(q.message, want) {
			t.Errorf("dialog lacks %q:\n%s", want, q.message)
		}
	}
	if got := e.win.Title(); got != "Cannot open bad.yaml — servicebp" {
		t.Errorf("window title %q while the file is reported", got)
	}
	if shown(e.win.Content(), e.ui.board) {
		t.Error("the untitled blueprint's board shows behind the report")
	}
	var labels []string
	for _, b := range q.buttons {
		labels = append(labels, b.Text)
	}
	if want := "New blueprint|Open another…|Try again|Open in a text editor|Open what is valid"; strings.Join(labels, "|") != want {
		t.Errorf("choices %q, want %q", labels, want)
	}
	if q.def == nil || q.def.Text != "Open what is valid" || q.cancel == nil || q.cancel.Text != "New blueprint" {
		t.Errorf("Enter presses %v, Esc %v", q.def, q.cancel)
	}
	if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" {
		e.win.Resize(fyne.NewSize(1280, 800))
		golden.WritePNG(t, dir+"/open-bad-file.png", e.win.Canvas().Capture())
	}
	answer(t, e, "New blueprint")
	if e.question != nil || e.Path() != "" || e.Dirty() || !shown(e.win.Content(), e.ui.board) {
		t.Errorf("after New blueprint: question %v, path %q, dirty %v", e.question, e.Path(), e.Dirty())
	}
	if got := e.win.Title(); got != "Untitled — servicebp" {
		t.Errorf("window title %q after New blueprint", got)
	}
}

// TestOpenWhatIsValidKeepsThePath opens the valid part of a file with
// errors from the report: it is that file, unsaved, and saving it there
// asks first, since the parts with errors go.
func TestOpenWhatIsValidKeepsThePath(t *testing.T) {
	e := testEditor(t, "bad.yaml")
	path, err := filepath.Abs(e.reporting)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	answer(t, e, "Open what is valid")
	if e.Path() != path || !e.Dirty() || e.Doc().Title != "Broken" {
		t.Fatalf("path %q (want %q), dirty %v, title %q", e.Path(), path, e.Dirty(), e.Doc().Title)
	}
	if got := e.win.Title(); got != "• bad.yaml — servicebp" {
		t.Errorf("window title %q", got)
	}
	if !shown(e.win.Content(), e.ui.board) {
		t.Error("the board is not shown")
	}
	e.requestClose()
	if e.question == nil || !strings.Contains(e.question.message, "the part of bad.yaml that had no errors") {
		t.Fatalf("quitting did not ask about the valid part: %+v", e.question)
	}
	answer(t, e, "Save")
	if e.question == nil || e.question.title != "Replace bad.yaml?" {
		t.Fatalf("saving the valid part over the file did not ask: %+v", e.question)
	}
	answer(t, e, "Cancel")
	e.action("save").Run()
	if e.question == nil || e.question.title != "Replace bad.yaml?" {
		t.Fatalf("saving the valid part over the file did not ask: %+v", e.question)
	}
	answer(t, e, "Cancel")
	if after, _ := os.ReadFile(path); string(after) != string(before) || !e.Dirty() {
		t.Fatal("Cancel wrote the file, or marked it saved")
	}
	e.action("save").Run()
	answer(t, e, "Replace")
	if d, err := blueprint.Load(path); err != nil || d.Title != "Broken" || e.Dirty() {
		t.Errorf("after Replace: %v, dirty %v", err, e.Dirty())
	}
	e.action("save").Run()
	if e.question != nil {
		t.Errorf("a second save asked again: %q", e.question.title)
	}
}

// TestReportThenTryAgain opens a bad file in a text editor from the
// report, which stays; once the file is fixed, Try again opens it.
func TestReportThenTryAgain(t *testing.T) {
	e := testEditor(t, "bad.yaml")
	path := e.reporting
	var opened *url.URL
	e.openExternal = func(u *url.URL) error { opened = u; return nil }
	answer(t, e, "Open in a text editor")
	if opened == nil || e.question == nil || e.question.title != "Cannot open bad.yaml" {
		t.Fatalf("opened %v; the report is gone: %+v", opened, e.question)
	}
	answer(t, e, "Try again")
	if e.question == nil || e.Path() != "" || e.reporting == "" {
		t.Fatalf("trying a file still broken left the report: %+v", e.question)
	}
	fixed := "servicebp: 1\ntitle: Fixed\nsteps:\n  - {id: a, lane: customer, column: c1, text: Found step}\n"
	if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	answer(t, e, "Try again")
	if e.question != nil || e.Doc().Title != "Fixed" || e.Dirty() || filepath.Base(e.Path()) != "bad.yaml" {
		t.Errorf("after the fix: question %v, title %q, dirty %v, path %q", e.question, e.Doc().Title, e.Dirty(), e.Path())
	}
	if got := e.win.Title(); got != "bad.yaml — servicebp" {
		t.Errorf("window title %q", got)
	}
}

// shown reports whether o is in the tree of objects under root.
func shown(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	var kids []fyne.CanvasObject
	switch c := root.(type) {
	case *fyne.Container:
		kids = c.Objects
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		kids = r.Objects()
	}
	for _, k := range kids {
		if shown(k, o) {
			return true
		}
	}
	return false
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

// TestReportEndsWithAnotherBlueprint: File > New while a bad file is
// reported (its shortcut still works) ends the report and shows the new
// blueprint.
func TestReportEndsWithAnotherBlueprint(t *testing.T) {
	e := testEditor(t, "bad.yaml")
	e.action("new").Run()
	if e.question != nil || e.reporting != "" || !shown(e.win.Content(), e.ui.board) {
		t.Errorf("after File > New: question %v, reporting %q", e.question, e.reporting)
	}
	if got := e.win.Title(); got != "Untitled — servicebp" {
		t.Errorf("window title %q", got)
	}
	e.openPath(copyFixture(t, "bad.yaml"))
	e.openPath(copyFixture(t, "coffee.yaml"))
	if e.question != nil || e.reporting != "" || e.Doc().Title != "Coffee to go" {
		t.Errorf("a good file opened over the report leaves question %v, reporting %q", e.question, e.reporting)
	}
}

// TestOpenBadFileOverABlueprint opens a file with errors while a
// blueprint is open: that blueprint stays behind the problems until the
// user opens what is valid, which then is the bad file, unsaved.
func TestOpenBadFileOverABlueprint(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	bad := copyFixture(t, "bad.yaml")
	if e.openPath(bad) {
		t.Fatal("a file with errors opened")
	}
	q := e.question
	if q == nil || q.title != "Cannot open bad.yaml" || q.button("OK") == nil || q.button("New blueprint") != nil {
		t.Fatalf("question %+v", q)
	}
	if e.reporting != "" || e.Doc().Title != "Coffee to go" || !shown(e.win.Content(), e.ui.board) {
		t.Errorf("the open blueprint was hidden or replaced: reporting %q, title %q", e.reporting, e.Doc().Title)
	}
	if got := e.win.Title(); got != "coffee.yaml — servicebp" {
		t.Errorf("window title %q", got)
	}
	answer(t, e, "Open what is valid")
	if abs, _ := filepath.Abs(bad); e.Path() != abs || !e.Dirty() || e.Doc().Title != "Broken" {
		t.Errorf("path %q, dirty %v, title %q", e.Path(), e.Dirty(), e.Doc().Title)
	}
}

// TestValidPartReloadsWhenTheFileIsFixed: an untouched valid part takes
// the file once it is fixed on disk (in a text editor, say); an edited
// one asks first.
func TestValidPartReloadsWhenTheFileIsFixed(t *testing.T) {
	e := testEditor(t, "bad.yaml")
	answer(t, e, "Open what is valid")
	fixed := "servicebp: 1\ntitle: Fixed\nsteps:\n  - {id: a, lane: customer, column: c1, text: Found step}\n"
	if err := os.WriteFile(e.Path(), []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	e.watch.check()
	if e.question != nil || e.Doc().Title != "Fixed" || e.Dirty() || e.store.Partial() {
		t.Errorf("after the fix: question %v, title %q, dirty %v, partial %v", e.question, e.Doc().Title, e.Dirty(), e.store.Partial())
	}

	e = testEditor(t, "bad.yaml")
	answer(t, e, "Open what is valid")
	e.apply(blueprint.SetTitle("Mine"))
	if err := os.WriteFile(e.Path(), []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	e.watch.check()
	if e.question == nil || e.question.title != "File changed on disk" || e.Doc().Title != "Mine" {
		t.Errorf("an edited valid part was replaced without asking: question %v, title %q", e.question, e.Doc().Title)
	}
}

// TestQuestionOverTheReportHandsBackTheKeys opens a bad file and then a
// second question over its report, as the crash recovery prompt does when
// an unsaved untitled blueprint was left behind: once that one is
// answered, Enter works the report again and opens what is valid.
func TestQuestionOverTheReportHandsBackTheKeys(t *testing.T) {
	e := testEditor(t, "bad.yaml")
	report := e.question
	if report == nil || e.reporting == "" {
		t.Fatal("no report on bad.yaml")
	}
	e.ask("Restore unsaved changes?", "Untitled has changes that were never saved.",
		choice{label: "Discard"}, choice{label: "Restore", importance: widget.HighImportance})
	if !e.questionKey(fyne.KeyEscape) {
		t.Fatal("Esc did not answer the question over the report")
	}
	if e.question != report {
		t.Fatalf("after the question over it was answered, the keys go to %+v, not the report", e.question)
	}
	e.questionKey(fyne.KeyReturn)
	if e.reporting != "" || e.Doc().Title != "Broken" {
		t.Errorf("Enter on the report left reporting=%q, title %q; want what is valid opened", e.reporting, e.Doc().Title)
	}
}

// TestSuggestedFileNameKeepsTheTitle: the save dialog offers the whole
// title as the file name, for Chinese titles of up to 20 characters and
// English ones of several words, where an id would be cut at 24 bytes.
func TestSuggestedFileNameKeepsTheTitle(t *testing.T) {
	e := testEditor(t, "")
	for title, want := range map[string]string{
		"街角咖啡店服务蓝图":                           "街角咖啡店服务蓝图.yaml",
		"Overnight hotel stay with breakfast": "overnight-hotel-stay-with-breakfast.yaml",
		"":                                    "blueprint.yaml",
	} {
		e.apply(blueprint.SetTitle(title))
		if got := suggestedFileName(e); got != want {
			t.Errorf("title %q suggests %q, want %q", title, got, want)
		}
	}
}
