package gui

// prefMinimap is the preference key of View > Minimap; the minimap is off
// unless it is true.
const prefMinimap = "minimap"

// minimap reports whether the board shows the minimap: an overview of the
// whole blueprint in its bottom-right corner.
func (e *Editor) minimap() bool {
	return e.app.Preferences().Bool(prefMinimap)
}

// setMinimap shows or hides the minimap, remembers the choice and updates
// the menu's check mark.
func (e *Editor) setMinimap(on bool) {
	e.app.Preferences().SetBool(prefMinimap, on)
	e.ui.board.SetMinimap(on)
	if e.ui.menus != nil {
		e.ui.menus.refresh()
	}
}

// toggleMinimap is View > Minimap: it switches the minimap.
func (e *Editor) toggleMinimap() { e.setMinimap(!e.minimap()) }
