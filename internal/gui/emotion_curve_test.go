package gui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/golden"
)

// viewItem is the View menu's item labelled label.
func viewItem(t *testing.T, e *Editor, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range e.ui.menus.main.Items {
		if m.Label != "View" {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no View > %s", label)
	return nil
}

func TestEmotionCurveToggle(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	board := e.ui.board
	if board.Layout().Emotion != nil {
		t.Fatal("a curve with no emotions")
	}
	s := *e.Doc().Step("enjoy")
	s.Emotion = -2
	if !e.apply(blueprint.EditStep("enjoy", s)) {
		t.Fatal("edit refused")
	}
	if board.Layout().Emotion == nil {
		t.Fatal("no curve after giving a customer step an emotion")
	}
	// The editor's PNG export follows the switch: the band makes it
	// taller.
	exportHeight := func() int {
		path := filepath.Join(t.TempDir(), "x.png")
		if !e.exportPNG(path, exportSettings{Scale: 1, Theme: "light"}) {
			t.Fatal("export failed")
		}
		return golden.ReadPNG(t, path).Bounds().Dy()
	}
	on := exportHeight()
	it := viewItem(t, e, "Emotion curve")
	if !it.Checked {
		t.Error("the curve's menu item is not checked by default")
	}
	it.Action()
	if it.Checked || board.Layout().Emotion != nil || e.app.Preferences().BoolWithFallback(prefEmotionCurve, true) {
		t.Errorf("after switching off: checked %v, curve %v, preference %v", it.Checked, board.Layout().Emotion != nil, e.emotionCurve())
	}
	if off := exportHeight(); off >= on {
		t.Errorf("export %d high without the curve, %d with it", off, on)
	}
	// The choice is remembered: the presentation follows it.
	if p := e.Present(); p.EmotionCurve() {
		t.Error("the presentation draws the curve the View menu switched off")
	}
	it.Action()
	if !it.Checked || board.Layout().Emotion == nil || !e.emotionCurve() {
		t.Errorf("after switching on: checked %v, curve %v", it.Checked, board.Layout().Emotion != nil)
	}
}
