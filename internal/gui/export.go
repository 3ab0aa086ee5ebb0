package gui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"servicebp/export"
)

// showExport asks for a PNG file and exports the blueprint to it.
func (e *Editor) showExport() {
	e.commitField()
	name := strings.TrimSuffix(suggestedFileName(e), filepath.Ext(suggestedFileName(e)))
	e.askSavePath(name+".png", pngExts, func(path string) { e.exportPNG(path) })
}

// exportPNG renders the blueprint offscreen to a PNG file at path.
func (e *Editor) exportPNG(path string) bool {
	if err := export.WriteFile(path, e.Doc(), export.Options{}); err != nil {
		e.showError(fmt.Errorf("%s: %w", lang.L("Could not export"), err))
		return false
	}
	e.notify(lang.L("Exported {{.Name}}", map[string]any{"Name": filepath.Base(path)}))
	return true
}
