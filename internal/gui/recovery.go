package gui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/canvas"
)

// offerRecovery looks for an autosave journal of the open blueprint that
// is newer than its file and offers to restore it. A journal older than
// the file, or one that no longer loads, is removed.
func (e *Editor) offerRecovery() {
	jp := e.auto.journal()
	jst, err := os.Stat(jp)
	if err != nil {
		return
	}
	if e.path != "" {
		if fst, ferr := os.Stat(e.path); ferr == nil && !jst.ModTime().After(fst.ModTime()) {
			removeJournal(jp)
			return
		}
	}
	data, err := os.ReadFile(jp)
	if err != nil {
		fyne.LogError("servicebp: reading the autosave journal", err)
		return
	}
	d, err := blueprint.Parse(jp, data)
	if err != nil {
		fyne.LogError("servicebp: the autosave journal does not load", err)
		removeJournal(jp)
		return
	}
	e.ask(lang.L("Restore unsaved changes?"),
		lang.L("{{.Name}} has changes from {{.Time}} that were never saved. Restore them?",
			map[string]any{"Name": e.displayName(), "Time": jst.ModTime().Format("2006-01-02 15:04")}),
		choice{label: lang.L("Discard"), importance: widget.DangerImportance, action: func() {
			removeJournal(jp)
		}},
		choice{label: lang.L("Restore"), importance: widget.HighImportance, action: func() {
			e.restore(d, jp)
		}},
	)
}

// restore replaces the blueprint with the journal's as one undoable edit,
// so that it counts as unsaved until saved or discarded and Undo goes back
// to the file as it is on disk.
func (e *Editor) restore(d *blueprint.Document, jp string) {
	if jp != e.auto.journal() {
		return
	}
	e.auto.owned = true
	e.sel = canvas.Selection{}
	if !e.apply(blueprint.ReplaceDocument(d)) {
		return
	}
	e.notify(lang.L("Restored unsaved changes to {{.Name}}", map[string]any{"Name": filepath.Base(e.displayName())}))
}
