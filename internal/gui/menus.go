package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// menus holds the main menu and the items whose state follows the editor.
type menus struct {
	e      *Editor
	main   *fyne.MainMenu
	recent *fyne.MenuItem
	undo   *fyne.MenuItem
	redo   *fyne.MenuItem
}

// Shortcuts of the menu items. Ctrl is Cmd on macOS.
var (
	ctrl           = fyne.KeyModifierShortcutDefault
	shortcutNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}
	shortcutOpen   = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: ctrl}
	shortcutSave   = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl}
	shortcutSaveAs = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl | fyne.KeyModifierShift}
	shortcutExport = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl}
	shortcutQuit   = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: ctrl}
	shortcutRedo   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift}
	shortcutDup    = &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: ctrl}
	shortcutStep   = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: ctrl}
	shortcutColumn = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: ctrl | fyne.KeyModifierShift}
	shortcutColBef = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: ctrl | fyne.KeyModifierShift}
	shortcutLane   = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: ctrl | fyne.KeyModifierShift}
	shortcutFlow   = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: ctrl}
	shortcutZoomIn = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: ctrl}
	shortcutZoomOu = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: ctrl}
	shortcutFit    = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: ctrl}
	shortcutActual = &desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: ctrl}
)

func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

func newMenus(e *Editor) *menus {
	m := &menus{e: e}
	m.recent = fyne.NewMenuItem(lang.L("Open recent"), nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	quit := item(lang.L("Quit"), shortcutQuit, e.requestClose)
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("New"), shortcutNew, e.newUntitled),
		fyne.NewMenuItem(lang.L("New from template…"), e.showTemplates),
		item(lang.L("Open…"), shortcutOpen, e.showOpen),
		m.recent,
		fyne.NewMenuItemSeparator(),
		item(lang.L("Save"), shortcutSave, func() { e.commitField(); e.save(nil) }),
		item(lang.L("Save as…"), shortcutSaveAs, func() { e.commitField(); e.saveAs(nil) }),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Export…"), shortcutExport, e.showExport),
		fyne.NewMenuItem(lang.L("Export slides…"), e.showExportSlides),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	m.undo = item(lang.L("Undo"), &fyne.ShortcutUndo{}, e.undo)
	m.redo = item(lang.L("Redo"), shortcutRedo, e.redo)
	edit := fyne.NewMenu(lang.L("Edit"),
		m.undo,
		m.redo,
		fyne.NewMenuItemSeparator(),
		item(lang.L("Cut"), &fyne.ShortcutCut{}, func() { e.clipboardShortcut(&fyne.ShortcutCut{Clipboard: e.app.Clipboard()}) }),
		item(lang.L("Copy"), &fyne.ShortcutCopy{}, func() { e.clipboardShortcut(&fyne.ShortcutCopy{Clipboard: e.app.Clipboard()}) }),
		item(lang.L("Paste"), &fyne.ShortcutPaste{}, func() { e.clipboardShortcut(&fyne.ShortcutPaste{Clipboard: e.app.Clipboard()}) }),
		item(lang.L("Duplicate"), shortcutDup, e.duplicateSelection),
		fyne.NewMenuItem(lang.L("Delete"), e.deleteSelection),
		item(lang.L("Select all"), &fyne.ShortcutSelectAll{}, func() { e.clipboardShortcut(&fyne.ShortcutSelectAll{}) }),
	)
	insert := fyne.NewMenu(lang.L("Insert"),
		item(lang.L("Step"), shortcutStep, e.insertStep),
		item(lang.L("Column before"), shortcutColBef, e.textFirst(shortcutColBef, func() { e.insertColumn(false) })),
		item(lang.L("Column after"), shortcutColumn, e.textFirst(shortcutColumn, func() { e.insertColumn(true) })),
		item(lang.L("Lane"), shortcutLane, e.textFirst(shortcutLane, e.insertLane)),
		fyne.NewMenuItem(lang.L("Phase…"), e.insertPhase),
		item(lang.L("Flow"), shortcutFlow, e.insertFlow),
	)
	view := fyne.NewMenu(lang.L("View"),
		item(lang.L("Zoom in"), shortcutZoomIn, func() { e.view(viewZoomIn) }),
		item(lang.L("Zoom out"), shortcutZoomOu, func() { e.view(viewZoomOut) }),
		item(lang.L("Fit"), shortcutFit, func() { e.view(viewFit) }),
		item(lang.L("100%"), shortcutActual, func() { e.view(viewActual) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Findings"), func() { e.lint.showTab(tabFindings) }),
		fyne.NewMenuItem(lang.L("Stats"), func() { e.lint.showTab(tabStats) }),
		fyne.NewMenuItem(lang.L("Time"), func() { e.lint.showTab(tabTime) }),
		fyne.NewMenuItemSeparator(),
		themeMenu(e),
		emotionCurveItem(e),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Present")+"  (F5)", e.present),
		timerMenu(e),
	)
	help := fyne.NewMenu(lang.L("Help"),
		fyne.NewMenuItem(lang.L("Keyboard shortcuts")+"  (F1)", e.showShortcuts),
		fyne.NewMenuItem(lang.L("About servicebp"), e.showAbout),
	)
	m.main = fyne.NewMainMenu(file, edit, insert, view, help)
	m.fillRecent()
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

// refresh updates the enabled state of Undo, Redo and Save.
func (m *menus) refresh() {
	h := m.e.hist
	undo, redo := !h.CanUndo(), !h.CanRedo()
	if m.undo.Disabled == undo && m.redo.Disabled == redo {
		return
	}
	m.undo.Disabled, m.redo.Disabled = undo, redo
	m.main.Refresh()
}
