package gui

import (
	"fyne.io/fyne/v2/lang"
)

// showExport asks for a PNG file and exports the blueprint to it.
func (e *Editor) showExport() {
	e.notify(lang.L("Export is not available in this version"))
}
