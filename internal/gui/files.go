package gui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
)

// prefRecent is the preference key of the recent files list.
const prefRecent = "recentFiles"

// maxRecent is how many recent files the File menu offers.
const maxRecent = 10

// readBlueprint reads and validates the file at path, returning the
// document and the bytes it was read from. It reads through
// blueprint.ReadFile, which refuses FIFOs and devices without blocking
// and bounds the read.
func readBlueprint(path string) (*blueprint.Document, []byte, error) {
	data, err := blueprint.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	d, err := blueprint.Parse(path, data)
	if err != nil {
		return nil, nil, err
	}
	return d, data, nil
}

// openPath loads path into the editor, replacing the open blueprint. On
// failure it shows the problems and keeps the open blueprint. The caller
// has already dealt with unsaved changes.
func (e *Editor) openPath(path string) bool {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	d, data, err := readBlueprint(path)
	if err != nil {
		e.showLoadError(path, err)
		return false
	}
	e.store.Open(d, path)
	e.watch.remember(data)
	e.addRecent(path)
	e.focusBoard()
	return true
}

// openOrCreate opens path; when there is no such file yet it starts a new
// blueprint that Save writes to path, as editors do for a new file named
// on the command line.
func (e *Editor) openOrCreate(path string) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && isYAMLName(path) {
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs
		}
		e.store.Open(e.newDocument(), path)
		e.watch.remember(nil)
		e.focusBoard()
		e.notify(lang.L("New file {{.Name}}: it is created when you save", map[string]any{"Name": filepath.Base(path)}))
		return
	}
	e.openPath(path)
}

// isYAMLName reports whether path ends in .yaml or .yml.
func isYAMLName(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// newBlueprint replaces the open blueprint with d, untitled. The caller
// has already dealt with unsaved changes.
func (e *Editor) newBlueprint(d *blueprint.Document) {
	e.store.Open(d, "")
	e.watch.remember(nil)
	e.focusBoard()
}

// save writes the blueprint to its file, or asks for a file when it has
// none. done, if not nil, runs after a successful save.
func (e *Editor) save(done func()) {
	if e.Path() == "" {
		e.saveAs(done)
		return
	}
	e.writeThen(e.Path(), done)
}

// writeFile saves the blueprint to path and makes path the open file. It
// reports failures to the user and returns whether it saved; see
// writeThen.
func (e *Editor) writeFile(path string) bool {
	return e.writeThen(path, nil)
}

// writeThen saves the blueprint to path and runs done (when not nil) once
// it is saved. When path is the open file and another program changed it
// on disk since the editor loaded, saved or reloaded it, nothing is
// written: the user is asked whether to overwrite it, save elsewhere, or
// cancel, and writeThen returns false.
func (e *Editor) writeThen(path string, done func()) bool {
	if path == e.Path() && e.store.Partial() {
		e.askReplacePartial(path, done)
		return false
	}
	return e.writeChecked(path, done)
}

// writeChecked is writeThen without the question a partial blueprint
// asks first (see askReplacePartial).
func (e *Editor) writeChecked(path string, done func()) bool {
	var expect *blueprint.FileState
	if path == e.Path() {
		expect = e.diskState()
	}
	err := e.write(path, expect)
	switch {
	case err == nil:
		if done != nil {
			done()
		}
		return true
	case errors.Is(err, blueprint.ErrChanged):
		e.askOverwrite(path, done)
	default:
		e.showError(fmt.Errorf("%s: %w", lang.L("Could not save"), err))
	}
	return false
}

// askOverwrite asks what to do with a save to path, the open file, which
// another program changed since the editor last read or wrote it.
func (e *Editor) askOverwrite(path string, done func()) {
	e.ask(lang.L("File changed on disk"),
		lang.L("{{.Name}} was changed by another program since you opened or saved it. Overwrite it with your version, and lose that change?", map[string]any{"Name": filepath.Base(path)}),
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Save as…"), action: func() { e.saveAs(done) }},
		choice{label: lang.L("Overwrite"), importance: widget.DangerImportance, action: func() {
			if err := e.write(path, nil); err != nil {
				e.showError(fmt.Errorf("%s: %w", lang.L("Could not save"), err))
				return
			}
			if done != nil {
				done()
			}
		}},
	)
}

// diskState is what the open file held when the editor last loaded, saved
// or reloaded it (the watcher keeps those bytes): a save refuses to
// overwrite anything else without asking.
func (e *Editor) diskState() *blueprint.FileState {
	st := blueprint.MissingFile()
	if e.watch.data != nil {
		st = blueprint.StateOf(e.watch.data, time.Time{})
	}
	return &st
}

// write saves the blueprint to path (see blueprint.WriteFile, which
// refuses when the file no longer matches expect) and makes path the
// open file.
func (e *Editor) write(path string, expect *blueprint.FileState) error {
	data, err := blueprint.Marshal(e.Doc())
	if err != nil {
		return err
	}
	if _, err := blueprint.WriteFile(path, data, blueprint.WriteOptions{Expect: expect}); err != nil {
		return err
	}
	e.store.MarkSaved(path)
	e.watch.remember(data)
	e.addRecent(path)
	e.notify(lang.L("Saved {{.Name}}", map[string]any{"Name": filepath.Base(path)}))
	return nil
}

// saveAs asks for a file name and saves there.
func (e *Editor) saveAs(done func()) {
	e.askSavePath(suggestedFileName(e), yamlExts, func(path string) {
		e.writeThen(path, done)
	})
}

// suggestedFileName is the name offered in the save dialog.
func suggestedFileName(e *Editor) string {
	if e.Path() != "" {
		return filepath.Base(e.Path())
	}
	// Longer than an id: a title of 20 Chinese characters, or of about
	// eight English words, is kept whole.
	if s := blueprint.SlugN(e.Doc().Title, 60); s != "" {
		return s + ".yaml"
	}
	return "blueprint.yaml"
}

// showOpen asks for a file and opens it.
func (e *Editor) showOpen() {
	e.confirmDiscard(func() {
		e.showFileOpen(yamlExts, func(path string) { e.openPath(path) })
	})
}

// showFileOpen asks for a file with one of exts, starting in the open
// blueprint's folder, and calls onPath with the path chosen; Cancel calls
// nothing, and an error is shown.
func (e *Editor) showFileOpen(exts []string, onPath func(path string)) {
	e.showFileOpenOr(exts, onPath, nil)
}

// showFileOpenOr is showFileOpen that calls onCancel (when not nil) on
// Cancel or an error.
func (e *Editor) showFileOpenOr(exts []string, onPath func(path string), onCancel func()) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			e.showError(err)
		}
		if err != nil || r == nil {
			if onCancel != nil {
				onCancel()
			}
			return
		}
		path := r.URI().Path()
		if cerr := r.Close(); cerr != nil {
			fyne.LogError("servicebp: closing file", cerr)
		}
		onPath(path)
	}, e.win)
	d.SetFilter(regularFiles(exts))
	near := e.Path()
	if near == "" {
		near = e.reporting
	}
	if near != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(near))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
}

// regularFiles is a file dialog filter for the regular files with one of
// exts. Fyne's dialogs open the chosen file themselves, before the editor
// can check it, and opening a FIFO would hang the editor; the filter
// keeps FIFOs, sockets and devices out of the list.
func regularFiles(exts []string) storage.FileFilter {
	return regularFilter{storage.NewExtensionFileFilter(exts)}
}

type regularFilter struct{ exts storage.FileFilter }

func (f regularFilter) Matches(u fyne.URI) bool {
	if !f.exts.Matches(u) {
		return false
	}
	if u.Scheme() != "file" {
		return true
	}
	info, err := os.Stat(u.Path())
	return err == nil && info.Mode().IsRegular()
}

// openRecent opens a file from the recent list, after the unsaved-changes
// prompt.
func (e *Editor) openRecent(path string) {
	e.confirmDiscard(func() {
		if !e.openPath(path) {
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				e.removeRecent(path)
			}
		}
	})
}

// recent returns the recent files, newest first.
func (e *Editor) recent() []string {
	return e.app.Preferences().StringList(prefRecent)
}

func (e *Editor) addRecent(path string) {
	list := slices.DeleteFunc(e.recent(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	e.app.Preferences().SetStringList(prefRecent, list)
	if e.ui != nil {
		e.ui.menus.refreshRecent()
	}
}

func (e *Editor) removeRecent(path string) {
	list := slices.DeleteFunc(e.recent(), func(p string) bool { return p == path })
	e.app.Preferences().SetStringList(prefRecent, list)
	e.ui.menus.refreshRecent()
}
