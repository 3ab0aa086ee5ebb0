package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"servicebp/canvas"
)

// undo undoes the typing in the focused inspector field while it has any,
// and the last edit of the blueprint after that. It serves Ctrl+Z from the
// menu, which Fyne runs before the focused widget sees the key. A focused
// text entry with its own undo (the board's inline card editor, a dialog's
// entry) undoes its typing instead, and the focused board gets the
// shortcut itself.
func (e *Editor) undo() {
	e.historyKey(true)
}

// redo is undo's counterpart for Ctrl+Shift+Z and Ctrl+Y.
func (e *Editor) redo() {
	e.historyKey(false)
}

// redoStep redoes the last undone edit, and tells the user when it can no
// longer be redone.
func (e *Editor) redoStep() {
	label := e.store.RedoLabel()
	ok, err := e.store.Redo()
	if err != nil {
		e.showError(err)
		return
	}
	if ok && label != "" {
		e.notify(lang.L("Redone: {{.Edit}}", map[string]any{"Edit": editLabel(label)}))
	}
}

// undoStep undoes the last edit, and says in the status bar which, in
// place of what the status bar said about it ("Deleted column … — Ctrl+Z
// to undo").
func (e *Editor) undoStep() {
	label := e.store.UndoLabel()
	if e.store.Undo() && label != "" {
		e.notify(lang.L("Undone: {{.Edit}}", map[string]any{"Edit": editLabel(label)}))
	}
}

func (e *Editor) historyKey(undo bool) {
	step := e.redoStep
	if undo {
		step = e.undoStep
	}
	switch f := e.win.Canvas().Focused().(type) {
	case *field:
		switch {
		case !f.uncommitted():
			step()
		case undo:
			f.undoTyping()
		default:
			f.Redo()
		}
	case textUndoer:
		if undo {
			f.Undo()
		} else {
			f.Redo()
		}
	default:
		// The board, or a widget with no undo of its own: undo the last
		// edit of the blueprint.
		step()
	}
}

// commitField commits the typing in the focused inspector field, so that
// an action that follows sees it and it makes its own undo step.
func (e *Editor) commitField() {
	if f, ok := e.win.Canvas().Focused().(*field); ok {
		f.commitText()
	}
}

// textFirst returns a menu action for a shortcut that text fields use too
// (the clipboard, select all, Ctrl+Shift+← and → to select by words):
// while a text entry has the focus the shortcut goes to it, with the
// app's clipboard, and otherwise action runs.
func (e *Editor) textFirst(s fyne.Shortcut, action func()) func() {
	type textEntry interface {
		fyne.Shortcutable
		SelectedText() string
	}
	return func() {
		if t, ok := e.win.Canvas().Focused().(textEntry); ok {
			t.TypedShortcut(e.withClipboard(s))
			return
		}
		action()
	}
}

// withClipboard is s with the app's clipboard, for the clipboard
// shortcuts, which a text entry needs it in.
func (e *Editor) withClipboard(s fyne.Shortcut) fyne.Shortcut {
	switch s.(type) {
	case *fyne.ShortcutCopy:
		return &fyne.ShortcutCopy{Clipboard: e.app.Clipboard()}
	case *fyne.ShortcutCut:
		return &fyne.ShortcutCut{Clipboard: e.app.Clipboard()}
	case *fyne.ShortcutPaste:
		return &fyne.ShortcutPaste{Clipboard: e.app.Clipboard()}
	}
	return s
}

// viewAction is a View menu command for the board.
type viewAction int

// The view actions.
const (
	viewZoomIn viewAction = iota
	viewZoomOut
	viewFit
	viewActual
)

// view runs a View menu command on the board.
func (e *Editor) view(a viewAction) {
	v := e.ui.board
	switch a {
	case viewZoomIn:
		v.ZoomIn()
	case viewZoomOut:
		v.ZoomOut()
	case viewFit:
		v.ZoomToFit()
	case viewActual:
		v.ZoomActual()
	}
}

// SetPresenter sets what View > Present (F5) runs with the open document.
func (e *Editor) SetPresenter(f func()) { e.presenter = f }

// present starts the presentation mode, when there is one.
func (e *Editor) present() {
	if e.presenter != nil {
		e.commitField()
		e.presenter()
		return
	}
	e.notify(lang.L("Presentation mode is not available in this version"))
}

// addShortcuts gives the window the keys of the table's actions that work
// in the whole window: the shortcuts with Ctrl or Cmd (which the menus
// also run), and F1, F5 and Delete when nothing has the focus, after
// Enter and Esc for the open question. The board, when focused, runs the
// keys itself (see canvas.Board.SetKeyMap).
func (e *Editor) addShortcuts() {
	c := e.win.Canvas()
	plain := map[fyne.KeyName]*canvas.Action{}
	for i := range e.actions {
		a := &e.actions[i]
		if a.Board {
			continue
		}
		for _, k := range a.Keys {
			if sc := k.Shortcut(); sc != nil {
				c.AddShortcut(sc, func(fyne.Shortcut) {
					if a.Runnable() {
						a.Run()
					}
				})
			} else if k.Modifier == 0 {
				plain[k.Name] = a
			}
		}
	}
	c.SetOnTypedRune(e.editorRune)
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if e.questionKey(ev.Name) {
			return
		}
		if a := plain[ev.Name]; a != nil && a.Runnable() {
			a.Run()
		}
	})
}
