package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
	"servicebp/internal/state"
)

// useLanguage switches the UI language to the locale loc for one test.
func useLanguage(t *testing.T, loc string) {
	t.Helper()
	t.Cleanup(func() {
		if err := addTranslations(); err != nil {
			t.Error(err)
		}
	})
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(v, loc)
	}
	if err := addTranslations(); err != nil {
		t.Fatal(err)
	}
}

func TestChineseUI(t *testing.T) {
	useLanguage(t, "zh_CN.UTF-8")
	if got := uiLanguage(); got != i18n.Simplified {
		t.Fatalf("the UI speaks %s under zh_CN", got)
	}
	e := startEditor(t, test.NewTempApp(t), t.TempDir(), "")
	d := e.Doc()
	want := blueprint.New("", i18n.Simplified.Names())
	for i, l := range d.Lanes {
		if l.Name != want.Lanes[i].Name {
			t.Errorf("lane %d = %q, want %q", i, l.Name, want.Lanes[i].Name)
		}
	}
	if d.Lines[1].Name != "可视分界线" {
		t.Errorf("line of visibility = %q", d.Lines[1].Name)
	}
	if got := e.win.Title(); got != "未命名 — servicebp" {
		t.Errorf("title = %q", got)
	}
	if got := e.win.MainMenu().Items[0].Label; got != "文件" {
		t.Errorf("File menu = %q", got)
	}
}

func TestEnglishUI(t *testing.T) {
	useLanguage(t, "en_GB.UTF-8")
	if got := uiLanguage(); got != i18n.English {
		t.Fatalf("the UI speaks %s under en_GB", got)
	}
	e := startEditor(t, test.NewTempApp(t), t.TempDir(), "")
	if got := e.Doc().Lanes[0].Name; got != "Physical evidence" {
		t.Errorf("first lane = %q", got)
	}
}

// TestTraditionalUI checks that under a Taiwan or Hong Kong locale the
// menus, the title and the default lane and line names of a new blueprint
// are in Traditional Chinese, with the terms of the glossary.
func TestTraditionalUI(t *testing.T) {
	for _, loc := range []string{"zh_TW.UTF-8", "zh_HK.UTF-8"} {
		t.Run(loc, func(t *testing.T) {
			useLanguage(t, loc)
			if got := uiLanguage(); got != i18n.Traditional {
				t.Fatalf("the UI speaks %s under %s", got, loc)
			}
			e := startEditor(t, test.NewTempApp(t), t.TempDir(), "")
			d := e.Doc()
			want := []string{"有形展示", "顧客行為", "前台員工行為", "後台員工行為", "支持過程"}
			for i, l := range d.Lanes {
				if l.Name != want[i] {
					t.Errorf("lane %d = %q, want %q", i, l.Name, want[i])
				}
			}
			lines := []string{"互動分界線", "可視分界線", "內部互動線"}
			for i, l := range d.Lines {
				if l.Name != lines[i] {
					t.Errorf("line %d = %q, want %q", i, l.Name, lines[i])
				}
			}
			if got := e.win.Title(); got != "未命名 — servicebp" {
				t.Errorf("title = %q", got)
			}
			if got := e.win.MainMenu().Items[0].Label; got != "檔案" {
				t.Errorf("File menu = %q", got)
			}
		})
	}
}

// TestBoardDrawsDefaultNamesInUILanguage opens a file whose lanes and
// lines keep their default names under a Taiwan locale: the board draws
// them in Traditional Chinese, while the file keeps them as it has them.
func TestBoardDrawsDefaultNamesInUILanguage(t *testing.T) {
	useLanguage(t, "zh_TW.UTF-8")
	e := testEditor(t, "coffee.yaml")
	board := e.ui.board
	l := board.Layout()
	if got := l.Lanes[1].Title[0].Text; got != "顧客行為" {
		t.Errorf("customer lane drawn as %q, want 顧客行為", got)
	}
	if got := e.Doc().Lanes[1].Name; got != "Customer actions" {
		t.Errorf("the document's lane name became %q", got)
	}
	names := map[string]bool{}
	for _, m := range l.Lines {
		names[m.Label.Text] = true
	}
	if !names["可視分界線"] {
		t.Errorf("line labels %v lack 可視分界線", names)
	}
}

// TestPanelsShowDefaultNamesInUILanguage: the outline and the inspector
// name a lane that keeps its default name as the board draws it, and
// leaving the inspector's field untouched does not write the translated
// name into the file.
func TestPanelsShowDefaultNamesInUILanguage(t *testing.T) {
	useLanguage(t, "zh_TW.UTF-8")
	e := testEditor(t, "coffee.yaml")
	var found bool
	for _, r := range e.ui.outline.rows {
		if strings.HasSuffix(r.label, "：顧客行為") {
			found = true
		}
		if strings.HasSuffix(r.label, ": Customer actions") {
			t.Errorf("outline row %q keeps the English default name", r.label)
		}
	}
	if !found {
		t.Error("no outline row names the customer lane 顧客行為")
	}
	e.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{"customer"}})
	if got := e.ui.inspector.lane.name.Text; got != "顧客行為" {
		t.Errorf("inspector shows the customer lane as %q, want 顧客行為", got)
	}
	e.SetSelection(state.Selection{})
	if got := e.Doc().Lanes[1].Name; got != "Customer actions" {
		t.Errorf("an untouched field wrote the lane name %q", got)
	}
	if e.store.History().CanUndo() {
		t.Error("showing the lane made an edit")
	}
}
