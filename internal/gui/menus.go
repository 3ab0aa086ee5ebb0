package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"servicebp/canvas"
	"servicebp/internal/state"
)

// menus holds the main menu, built from the action table, and the items
// whose state follows the store.
type menus struct {
	e      *Editor
	main   *fyne.MainMenu
	recent *fyne.MenuItem
	// items are the menu items of the table's actions, by id.
	items map[string]*fyne.MenuItem
}

// menuSeparator stands for a separator in menuLayout.
const menuSeparator = "-"

// The menu entries that are not actions of the table.
const (
	menuRecent       = "recent"
	menuTheme        = "theme"
	menuLanguage     = "language"
	menuEmotionCurve = "emotion-curve"
	menuTimer        = "timer"
)

// menuLayout places the table's actions in the menus, by id.
var menuLayout = []struct {
	name  string
	items []string
}{
	{"File", []string{"new", "new-from-template", "open", menuRecent, menuSeparator, "save", "save-as", menuSeparator, "compare-file", "compare-head", menuSeparator, "export", "export-slides", menuSeparator, "quit"}},
	{"Edit", []string{"undo", "redo", menuSeparator, "cut", "copy", "paste", "duplicate", "delete", "select-all", menuSeparator, "capture-question", "reset-votes"}},
	{"Insert", []string{"insert-step", "insert-column-before", "insert-column-after", "insert-lane", "insert-phase", "insert-flow"}},
	{"View", []string{"zoom-in", "zoom-out", "zoom-fit", "zoom-actual", menuSeparator, "show-findings", "show-stats", "show-time", "show-ranking", "show-questions", menuSeparator, menuTheme, menuLanguage, menuEmotionCurve, menuAnnotations, "minimap", "next-pane", menuSeparator, "present", menuTimer}},
	{"Help", []string{"shortcuts", "about"}},
}

// menuItem is the menu item of action a: its label, with a key that has
// no modifier (which menus do not show) written after it, and its first
// key as the shortcut.
func menuItem(a *canvas.Action) *fyne.MenuItem {
	label := a.Label
	var sc fyne.Shortcut
	if len(a.Keys) > 0 {
		if sc = a.Keys[0].Shortcut(); sc == nil {
			label += "  (" + a.Keys[0].String() + ")"
		}
	}
	it := fyne.NewMenuItem(label, a.Run)
	it.Shortcut = sc
	if a.Checked != nil {
		it.Checked = a.Checked()
	}
	return it
}

func newMenus(e *Editor) *menus {
	m := &menus{e: e, items: map[string]*fyne.MenuItem{}}
	m.recent = fyne.NewMenuItem(lang.L("Open recent"), nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	var top []*fyne.Menu
	for _, l := range menuLayout {
		var items []*fyne.MenuItem
		for _, id := range l.items {
			switch id {
			case menuSeparator:
				items = append(items, fyne.NewMenuItemSeparator())
			case menuRecent:
				items = append(items, m.recent)
			case menuTheme:
				items = append(items, themeMenu(e))
			case menuLanguage:
				items = append(items, languageMenu(e))
			case menuEmotionCurve:
				items = append(items, emotionCurveItem(e))
			case menuTimer:
				items = append(items, timerMenu(e))
			case menuAnnotations:
				items = append(items, annotationsItem(e))
			default:
				a := e.action(id)
				if a == nil {
					continue
				}
				it := menuItem(a)
				it.IsQuit = id == "quit"
				m.items[id] = it
				items = append(items, it)
			}
		}
		top = append(top, fyne.NewMenu(lang.L(l.name), items...))
	}
	m.main = fyne.NewMainMenu(top...)
	m.fillRecent()
	m.refresh()
	e.store.Subscribe(func(c state.Change) {
		if c.History || c.Saved || c.Selection {
			m.refresh()
		}
	})
	return m
}

// fillRecent rebuilds the Open recent submenu.
func (m *menus) fillRecent() {
	var items []*fyne.MenuItem
	for _, p := range m.e.recent() {
		items = append(items, fyne.NewMenuItem(p, func() { m.e.openRecent(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("No recent files"), nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.recent.ChildMenu.Items = items
}

// refreshRecent rebuilds the recent files and redraws the menu.
func (m *menus) refreshRecent() {
	m.fillRecent()
	m.main.Refresh()
}

// refresh updates the items' enabled state from their actions, and the
// labels of Undo and Redo, which name the edit ("Undo Move step").
func (m *menus) refresh() {
	changed := false
	for id, it := range m.items {
		a := m.e.action(id)
		label := it.Label
		switch id {
		case "undo":
			label = undoText(m.e.store.UndoLabel())
		case "redo":
			label = redoText(m.e.store.RedoLabel())
		}
		if off := a.Enabled != nil && !a.Enabled(); off != it.Disabled || label != it.Label {
			it.Disabled, it.Label = off, label
			changed = true
		}
		if a.Checked != nil && a.Checked() != it.Checked {
			it.Checked = !it.Checked
			changed = true
		}
	}
	if changed {
		m.main.Refresh()
	}
}
