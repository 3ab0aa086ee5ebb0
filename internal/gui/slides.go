package gui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"servicebp/export"
)

// showExportSlides asks for a folder and writes the slide deck into it:
// the whole blueprint, then one 1920×1080 slide per phase.
func (e *Editor) showExportSlides() {
	e.commitField()
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			e.showError(err)
			return
		}
		if dir == nil {
			return // cancelled
		}
		e.exportSlides(dir.Path())
	}, e.win)
	if e.path != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(e.path))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
}

// exportSlides writes the slide deck of the open blueprint into dir.
func (e *Editor) exportSlides(dir string) bool {
	paths, err := export.WriteSlides(dir, e.Doc(), export.Options{})
	if err != nil {
		e.showError(fmt.Errorf("%s: %w", lang.L("Could not export"), err))
		return false
	}
	e.notify(lang.L("Exported {{.Count}} slides to {{.Dir}}", map[string]any{"Count": len(paths), "Dir": dir}))
	return true
}
