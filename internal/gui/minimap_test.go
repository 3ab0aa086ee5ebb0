package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestMinimapToggle switches View > Minimap from the menu and with its
// key: it is off at first, the check mark and the board follow, and the
// choice is remembered for the next editor.
func TestMinimapToggle(t *testing.T) {
	a := test.NewTempApp(t)
	e := startEditor(t, a, t.TempDir(), copyFixture(t, "coffee.yaml"))
	it := viewItem(t, e, "Minimap")
	if it.Checked || e.ui.board.Minimap() {
		t.Fatalf("a first start shows the minimap: checked %v, shown %v", it.Checked, e.ui.board.Minimap())
	}
	it.Action()
	if !it.Checked || !e.ui.board.Minimap() || !a.Preferences().Bool(prefMinimap) {
		t.Errorf("after View > Minimap: checked %v, shown %v, remembered %v", it.Checked, e.ui.board.Minimap(), a.Preferences().Bool(prefMinimap))
	}
	next := startEditor(t, a, t.TempDir(), copyFixture(t, "coffee.yaml"))
	if !next.ui.board.Minimap() || !viewItem(t, next, "Minimap").Checked {
		t.Error("the next editor does not show the minimap switched on before")
	}
	press(e, ctrlKey(fyne.KeyO, true))
	if it.Checked || e.ui.board.Minimap() || a.Preferences().Bool(prefMinimap) {
		t.Errorf("after Ctrl+Shift+O: checked %v, shown %v, remembered %v", it.Checked, e.ui.board.Minimap(), a.Preferences().Bool(prefMinimap))
	}
}
