package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/internal/state"
)

// TestStatusBarSaysWhatTheKeysDo: quick capture, editing a card and
// drawing a flow each say in the status bar what Enter, Tab and Esc do
// there; back to selecting, the hint goes, and a notice shown meanwhile
// stays.
func TestStatusBarSaysWhatTheKeysDo(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b := e.ui.board
	notice := func() string { return e.ui.notice.Text }

	b.StartCapture("backstage", "order", "")
	test.Type(e.win.Canvas().Focused(), "Grind")
	if n := notice(); !strings.Contains(n, "Tab: add, lane below") || !strings.Contains(n, "Esc: drop") {
		t.Errorf("quick capture's status bar says %q", n)
	}
	key(e, fyne.KeyEscape)
	if n := notice(); n != "" {
		t.Errorf("after Esc the status bar still says %q", n)
	}

	e.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: []string{"ask"}})
	b.EditSelection()
	if n := notice(); !strings.Contains(n, "Shift+Enter: new line") {
		t.Errorf("editing a card, the status bar says %q", n)
	}
	key(e, fyne.KeyEscape)

	b.StartConnect("ask")
	if n := notice(); !strings.Contains(n, "click the card it goes to") {
		t.Errorf("drawing a flow, the status bar says %q", n)
	}
	e.notify("Saved")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := notice(); n != "Saved" {
		t.Errorf("leaving the mode replaced the notice shown meanwhile: %q", n)
	}
}
