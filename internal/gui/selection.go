package gui

import "servicebp/internal/state"

// Selection returns the current selection, which the store holds and the
// board, the inspector and the outline show.
func (e *Editor) Selection() state.Selection { return e.store.Selection() }

// SetSelection commits the focused inspector field and changes the
// selection. The field commits to the element it was filled for, so the
// order of the two does not matter.
func (e *Editor) SetSelection(s state.Selection) {
	e.store.Select(s)
	e.commitField()
}
