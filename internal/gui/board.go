package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"servicebp/canvas"
)

// textUndoer is a focused text entry with its own undo and redo (the
// board's inline card editor, a plain entry): Ctrl+Z from the menu undoes
// its typing rather than the last edit of the blueprint.
type textUndoer interface {
	Undo()
	Redo()
}

// installBoard puts the interactive board in the centre of the window.
// The board edits the history directly; the editor tells it when the
// document changed elsewhere (undo, the inspector, a reload) and when the
// selection changed, and the board reports the user's selection back.
func (e *Editor) installBoard() {
	b := canvas.NewBoard(e.hist)
	b.SetEmotionCurve(e.emotionCurve())
	docChanged := false
	onChanged := e.hist.OnChanged
	e.hist.OnChanged = func() {
		docChanged = true
		if onChanged != nil {
			onChanged()
		}
	}
	dark := false
	e.OnChanged(func() {
		if d := e.app.Settings().ThemeVariant() == theme.VariantDark; d != dark {
			dark = d
			if d {
				b.SetPalette(canvas.DarkPalette())
			} else {
				b.SetPalette(canvas.LightPalette())
			}
		}
		if docChanged {
			docChanged = false
			b.Reload()
		}
		if !b.Selection().Equal(e.sel) {
			b.SetSelection(e.sel)
		}
	})
	b.OnSelected = func(s canvas.Selection) {
		if !s.Equal(e.sel) {
			e.SetSelection(s)
		}
	}
	b.OnError = e.showError
	e.SetBoard(b)
}

// focusBoard gives the board the keyboard focus, so that arrows, Enter
// and typing act on the blueprint without a first click.
func (e *Editor) focusBoard() {
	if f, ok := e.ui.board.(fyne.Focusable); ok {
		e.win.Canvas().Focus(f)
	}
}
