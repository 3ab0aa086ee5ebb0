package gui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// askSavePath shows a file-save dialog that offers name in the open file's
// folder and calls onPath with the chosen path, its extension made one of
// exts (see withExt). A cancelled dialog calls nothing.
func (e *Editor) askSavePath(name string, exts []string, onPath func(path string)) {
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
		onPath(withExt(path, exts))
	}, e.win)
	d.SetFilter(regularFiles(exts))
	d.SetFileName(name)
	if e.Path() != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(e.Path()))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
}

// withExt returns path unchanged when it ends in one of exts (in any case),
// and otherwise path with exts[0] appended. Fyne's save dialog creates the
// file under the name as typed; when that file is empty it is removed, so
// no stray file is left beside the real one.
func withExt(path string, exts []string) string {
	ext := strings.ToLower(filepath.Ext(path))
	for _, x := range exts {
		if ext == x {
			return path
		}
	}
	if st, err := os.Stat(path); err == nil && st.Size() == 0 && st.Mode().IsRegular() {
		if rerr := os.Remove(path); rerr != nil {
			fyne.LogError("servicebp: removing empty file", rerr)
		}
	}
	return path + exts[0]
}

// yamlExts and pngExts are the extensions of blueprint files and images.
var (
	yamlExts = []string{".yaml", ".yml"}
	pngExts  = []string{".png"}
)
