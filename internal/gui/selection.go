package gui

import "servicebp/canvas"

// Selection returns the current selection, which the board, the inspector
// and the outline share.
func (e *Editor) Selection() canvas.Selection { return e.sel }

// SetSelection changes the selection; the board calls it when the user
// selects something, and the inspector follows.
func (e *Editor) SetSelection(s canvas.Selection) {
	e.commitField()
	e.sel = s.Valid(e.Doc())
	e.refresh()
}
