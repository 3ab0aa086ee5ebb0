package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// prefAnnotations is the preference key of View > Annotations; the layer
// is off unless it is true.
const prefAnnotations = "annotations"

// menuAnnotations is the menu layout's place for View > Annotations.
const menuAnnotations = "annotations"

// annotations reports whether the board shows the annotations layer: each
// fail point's text and recovery and each wait on its card.
func (e *Editor) annotations() bool {
	return e.app.Preferences().Bool(prefAnnotations)
}

// setAnnotations switches the annotations layer, remembers the choice and
// redraws the board.
func (e *Editor) setAnnotations(on bool) {
	e.app.Preferences().SetBool(prefAnnotations, on)
	e.ui.board.SetAnnotations(on)
}

// annotationsItem is View > Annotations, a checked toggle.
func annotationsItem(e *Editor) *fyne.MenuItem {
	return toggleItem(e, lang.L("Annotations"), e.annotations(), e.setAnnotations)
}
