package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/canvas"
	"servicebp/internal/state"
)

// menuItems are the items of the main menu and its submenus.
func menuItems(m *fyne.MainMenu) []*fyne.MenuItem {
	var all []*fyne.MenuItem
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			all = append(all, it)
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, menu := range m.Items {
		walk(menu.Items)
	}
	return all
}

// TestActionTableBuildsMenusHelpAndKeys checks that the menus, the
// keyboard-shortcuts dialog and the board's key map all come from the one
// action table, in both directions.
func TestActionTableBuildsMenusHelpAndKeys(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	rows := shortcutRows(e.actions)
	keyRows := rows[:len(rows)-len(gestureRows())-len(captureRows())-len(workshopRows())]
	boardKeys := e.ui.board.KeyMap()

	seen := map[canvas.Key]bool{}
	for i := range e.actions {
		a := &e.actions[i]
		if a.Run == nil {
			t.Errorf("action %s does nothing", a.ID)
		}
		if e.action(a.ID) != a {
			t.Errorf("action id %s is in the table twice", a.ID)
		}
		help := a.Help
		if help == "" {
			help = a.Label
		}
		for _, k := range a.Keys {
			if seen[k] {
				t.Errorf("%s runs two actions", k)
			}
			seen[k] = true
			// The board runs every key of the table while it has the focus.
			if boardKeys[k] != a {
				t.Errorf("the board's %s runs %v, want the table's %s", k, boardKeys[k], a.ID)
			}
			found := false
			for _, r := range keyRows {
				if r[1] == help && strings.Contains(r[0], k.String()) {
					found = true
				}
			}
			if !found {
				t.Errorf("the shortcuts dialog has no row %q for %s (%s)", help, k, a.ID)
			}
		}
	}
	// And the other way: nothing in the key map or the dialog that is
	// not in the table.
	for k, a := range boardKeys {
		if !seen[k] || e.action(a.ID) != a {
			t.Errorf("the board's key %s runs %s, which is not the table's", k, a.ID)
		}
	}
	for _, r := range keyRows {
		found := false
		for _, a := range e.actions {
			if len(a.Keys) > 0 && (a.Help == r[1] || a.Help == "" && a.Label == r[1]) {
				found = true
			}
		}
		if !found {
			t.Errorf("the shortcuts dialog row %q (%s) is no action of the table", r[1], r[0])
		}
	}
	// Every menu item with a shortcut is a table action with that key
	// first, and every action the menus place has its item.
	for _, it := range menuItems(e.win.MainMenu()) {
		if it.Shortcut == nil {
			continue
		}
		ok := false
		for _, a := range e.actions {
			if len(a.Keys) > 0 && a.Keys[0].Shortcut() != nil && a.Keys[0].Shortcut().ShortcutName() == it.Shortcut.ShortcutName() {
				ok = true
			}
		}
		if !ok {
			t.Errorf("menu item %q has shortcut %s, which no action has", it.Label, it.Shortcut.ShortcutName())
		}
	}
	for _, l := range menuLayout {
		for _, id := range l.items {
			if id == menuSeparator || id == menuRecent || id == menuTheme || id == menuLanguage || id == menuEmotionCurve || id == menuTimer || id == menuAnnotations {
				continue
			}
			if e.action(id) == nil || e.ui.menus.items[id] == nil {
				t.Errorf("the %s menu places %s, which has no action or no item", l.name, id)
			}
		}
	}
	if got := e.ui.menus.items["present"].Label; got != "Present  (F5)" {
		t.Errorf("View > Present reads %q", got)
	}
}

// TestUndoMenuNamesTheEdit checks that Undo and Redo say which edit they
// revert, and follow the store.
func TestUndoMenuNamesTheEdit(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	undo, redo := e.ui.menus.items["undo"], e.ui.menus.items["redo"]
	if undo.Label != "Undo" || !undo.Disabled || !redo.Disabled {
		t.Errorf("with nothing to undo: %q (disabled %v), redo disabled %v", undo.Label, undo.Disabled, redo.Disabled)
	}
	e.apply(blueprint.MoveStep("ask", "customer", "pay", -1))
	if undo.Label != "Undo Move step" || undo.Disabled {
		t.Errorf("after a move: %q (disabled %v)", undo.Label, undo.Disabled)
	}
	undo.Action()
	if undo.Label != "Undo" || redo.Label != "Redo Move step" || redo.Disabled {
		t.Errorf("after undo: %q, %q (redo disabled %v)", undo.Label, redo.Label, redo.Disabled)
	}
	e.SetSelection(state.StepSelection("ask", "enjoy"))
	e.deleteSelection()
	if undo.Label != "Undo Delete 2 steps" {
		t.Errorf("after deleting two steps: %q", undo.Label)
	}
}

func TestUndoMenuChinese(t *testing.T) {
	useLanguage(t, "zh_CN.UTF-8")
	e := testEditor(t, "coffee.yaml")
	e.apply(blueprint.MoveStep("ask", "customer", "pay", -1))
	if got := e.ui.menus.items["undo"].Label; got != "撤销移动步骤" {
		t.Errorf("Chinese Undo after a move = %q", got)
	}
	e.SetSelection(state.StepSelection("ask", "enjoy"))
	e.deleteSelection()
	if got := e.ui.menus.items["undo"].Label; got != "撤销删除 2 个步骤" {
		t.Errorf("Chinese Undo after deleting two steps = %q", got)
	}
}

// TestWindowKeysFromTable presses F1 and Delete with nothing focused: the
// window runs the table's actions.
func TestWindowKeysFromTable(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.win.Canvas().Unfocus()
	e.SetSelection(state.StepSelection("ask"))
	e.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if e.Doc().Step("ask") != nil {
		t.Error("Delete with nothing focused did not delete the selected step")
	}
	// Arrows are the board's: with nothing focused they select nothing.
	e.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	if e.Selection().Kind != state.SelectNone {
		t.Errorf("→ with nothing focused selected %v", e.Selection())
	}
}
