package gui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"servicebp/export"
)

// showExport asks for a PNG file and exports the blueprint to it.
func (e *Editor) showExport() {
	e.commitField()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		if cerr := w.Close(); cerr != nil {
			e.showError(cerr)
			return
		}
		e.exportPNG(withPNGExt(path))
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	name := strings.TrimSuffix(suggestedFileName(e), filepath.Ext(suggestedFileName(e)))
	d.SetFileName(name + ".png")
	if e.path != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(e.path))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
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

// withPNGExt appends ".png" to path when it has no such extension, and
// removes the empty file the dialog made under the typed name.
func withPNGExt(path string) string {
	if strings.EqualFold(filepath.Ext(path), ".png") {
		return path
	}
	if st, err := os.Stat(path); err == nil && st.Size() == 0 && st.Mode().IsRegular() {
		if rerr := os.Remove(path); rerr != nil {
			fyne.LogError("servicebp: removing empty file", rerr)
		}
	}
	return path + ".png"
}
