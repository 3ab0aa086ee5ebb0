package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// undo undoes the typing in the focused inspector field while it has any,
// and the last edit of the blueprint after that. It serves Ctrl+Z from the
// menu, which Fyne runs before the focused widget sees the key. A focused
// text entry with its own undo (the board's inline card editor, a dialog's
// entry) undoes its typing instead, and the focused board gets the
// shortcut itself.
func (e *Editor) undo() {
	e.historyKey(&fyne.ShortcutUndo{}, true)
}

// redo is undo's counterpart for Ctrl+Shift+Z and Ctrl+Y.
func (e *Editor) redo() {
	e.historyKey(&fyne.ShortcutRedo{}, false)
}

func (e *Editor) historyKey(s fyne.Shortcut, undo bool) {
	step := e.hist.Redo
	if undo {
		step = e.hist.Undo
	}
	switch f := e.win.Canvas().Focused().(type) {
	case nil:
		step()
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
	case fyne.Shortcutable:
		f.TypedShortcut(s)
	default:
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

// clipboardShortcut passes a clipboard or select-all shortcut from the
// menu to the focused widget (a text field, or the board), then to the
// board; select all with nothing focused selects every step.
func (e *Editor) clipboardShortcut(s fyne.Shortcut) {
	if f := e.focusedShortcutable(); f != nil {
		f.TypedShortcut(s)
		return
	}
	if b, ok := e.ui.board.(fyne.Shortcutable); ok {
		b.TypedShortcut(s)
		return
	}
	if _, ok := s.(*fyne.ShortcutSelectAll); ok {
		e.selectAll()
	}
}

// textFirst returns a menu action for a shortcut that text fields use too
// (Ctrl+Shift+← and → select by words): while a text entry has the focus
// the shortcut goes to it, and otherwise action runs.
func (e *Editor) textFirst(s fyne.Shortcut, action func()) func() {
	type textEntry interface {
		fyne.Shortcutable
		SelectedText() string
	}
	return func() {
		if t, ok := e.win.Canvas().Focused().(textEntry); ok {
			t.TypedShortcut(s)
			return
		}
		action()
	}
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

// Viewer is implemented by a board that zooms.
type Viewer interface {
	ZoomIn()
	ZoomOut()
	ZoomToFit()
	ZoomActual()
}

// view runs a View menu command on the board, when it zooms.
func (e *Editor) view(a viewAction) {
	v, ok := e.ui.board.(Viewer)
	if !ok {
		return
	}
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

// addShortcuts adds the shortcuts that are not on menu items: Ctrl+Y
// (redo) and Ctrl+Z when nothing is focused, F1, F5, Delete, and Enter
// and Esc for the open question.
func (e *Editor) addShortcuts() {
	c := e.win.Canvas()
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { e.undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { e.redo() })
	c.SetOnTypedRune(e.editorRune)
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if e.questionKey(ev.Name) {
			return
		}
		switch ev.Name {
		case fyne.KeyF1:
			e.showShortcuts()
		case fyne.KeyF5:
			e.present()
		case fyne.KeyDelete:
			e.deleteSelection()
		}
	})
}
