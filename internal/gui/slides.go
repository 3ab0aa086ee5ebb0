package gui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"servicebp/export"
)

// showExportSlides asks for the theme, the background and the form of
// the deck, then for a folder of PNG files or a PDF file, and writes the
// slide deck: the whole blueprint, then one 1920×1080 slide per phase.
func (e *Editor) showExportSlides() {
	e.commitField()
	f, items := e.newExportForm(e.exportSettings(), false)
	deck := widget.NewSelect([]string{lang.L("PNG files in a folder"), lang.L("One PDF deck")}, nil)
	deck.SetSelectedIndex(0)
	items = append([]*widget.FormItem{widget.NewFormItem(lang.L("Slides as"), deck)}, items...)
	e.askWith(lang.L("Export slides"), "", widget.NewForm(items...),
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Export…"), importance: widget.HighImportance, action: func() {
			s := f.settings()
			kept := e.exportSettings()
			kept.Theme, kept.Transparent = s.Theme, s.Transparent
			e.rememberExportSettings(kept)
			if deck.SelectedIndex() == 1 {
				name := strings.TrimSuffix(suggestedFileName(e), filepath.Ext(suggestedFileName(e)))
				e.askSavePath(name+"-slides.pdf", []string{".pdf"}, func(path string) { e.exportDeckPDF(path, s) })
				return
			}
			e.askSlidesFolder(s)
		}})
}

// exportDeckPDF writes the slide deck of the open blueprint to one PDF
// file at path.
func (e *Editor) exportDeckPDF(path string, s exportSettings) bool {
	if err := export.WriteDeckPDF(path, e.Doc(), e.exportOptions(s)); err != nil {
		e.showError(fmt.Errorf("%s: %w", lang.L("Could not export"), err))
		return false
	}
	e.notify(lang.L("Exported {{.Name}}", map[string]any{"Name": filepath.Base(path)}))
	return true
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
