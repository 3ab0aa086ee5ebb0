package gui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"servicebp/export"
)

// showExportSlides asks for the theme and background, then for a folder,
// and writes the slide deck into it: the whole blueprint, then one
// 1920×1080 slide per phase.
func (e *Editor) showExportSlides() {
	e.commitField()
	f, items := e.newExportForm(e.exportSettings(), false)
	e.askWith(lang.L("Export slides"), "", widget.NewForm(items...),
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Export…"), importance: widget.HighImportance, action: func() {
			s := f.settings()
			kept := e.exportSettings()
			kept.Theme, kept.Transparent = s.Theme, s.Transparent
			e.rememberExportSettings(kept)
			e.askSlidesFolder(s)
		}})
}

// askSlidesFolder asks for a folder and writes the slide deck into it
// with s.
func (e *Editor) askSlidesFolder(s exportSettings) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			e.showError(err)
			return
		}
		if dir == nil {
			return // cancelled
		}
		e.exportSlides(dir.Path(), s)
	}, e.win)
	if e.Path() != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(e.Path()))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
}

// exportSlides writes the slide deck of the open blueprint into dir.
func (e *Editor) exportSlides(dir string, s exportSettings) bool {
	paths, err := export.WriteSlides(dir, e.Doc(), e.exportOptions(s))
	if err != nil {
		e.showError(fmt.Errorf("%s: %w", lang.L("Could not export"), err))
		return false
	}
	e.notify(lang.L("Exported {{.Count}} slides to {{.Dir}}", map[string]any{"Count": len(paths), "Dir": dir}))
	return true
}
