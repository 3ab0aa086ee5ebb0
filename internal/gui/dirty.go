package gui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// confirmDiscard runs then at once when there are no unsaved changes.
// Otherwise it asks Save / Don't save / Cancel: Save saves (asking for a
// file name if needed) and then runs then; Don't save drops the autosave
// journal and runs then; Cancel does nothing. When another program changed
// the file to a version the editor did not load, it also offers Save as.
func (e *Editor) confirmDiscard(then func()) {
	e.commitField()
	if !e.Dirty() {
		then()
		return
	}
	if e.store.DiskDiffers() {
		// Another program changed the file to a version the editor did not
		// take, or the editor holds the valid part of a file with errors:
		// the one in the editor may be the only good copy.
		msg := lang.L("{{.Name}} was changed on disk by another program, and the editor holds a different version. Save the editor's version before closing it?", map[string]any{"Name": e.displayName()})
		if e.store.Partial() {
			msg = lang.L("This blueprint is the part of {{.Name}} that had no errors, and it is not saved. Save it before closing it?", map[string]any{"Name": e.displayName()})
		}
		e.ask(lang.L("Unsaved changes"), msg,
			choice{label: lang.L("Cancel")},
			choice{label: lang.L("Don't save"), importance: widget.DangerImportance, action: func() {
				e.auto.discard()
				then()
			}},
			choice{label: lang.L("Save as…"), action: func() { e.saveAs(then) }},
			choice{label: lang.L("Save"), importance: widget.HighImportance, action: func() {
				e.save(then)
			}},
		)
		return
	}
	e.ask(lang.L("Unsaved changes"),
		lang.L("Save the changes to {{.Name}} before closing it?", map[string]any{"Name": e.displayName()}),
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Don't save"), importance: widget.DangerImportance, action: func() {
			e.auto.discard()
			then()
		}},
		choice{label: lang.L("Save"), importance: widget.HighImportance, action: func() {
			e.save(then)
		}},
	)
}

// requestClose closes the window after the unsaved-changes prompt; it is
// the window's close intercept and the action of File > Quit.
func (e *Editor) requestClose() {
	e.confirmDiscard(e.close)
}

// close closes the window for good, remembering its size.
func (e *Editor) close() {
	e.rememberWindowSize()
	e.watch.stop()
	e.auto.stop()
	e.win.Close()
}

// newUntitled replaces the blueprint with a new empty one, after the
// unsaved-changes prompt.
func (e *Editor) newUntitled() {
	e.confirmDiscard(func() { e.newBlueprint(e.newDocument()) })
}
