package gui

import (
	"slices"

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
		if !sameSelection(fromBoard(b.Selection()), e.sel) {
			b.SetSelection(toBoard(e.sel))
		}
	})
	b.OnSelected = func(s canvas.Selection) {
		if s.Kind == canvas.SelectCell {
			e.target = cellTarget{lane: s.IDs[0], column: s.IDs[1]}
		}
		if sel := fromBoard(s); !sameSelection(sel, e.sel) {
			e.SetSelection(sel)
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

// fromBoard is the editor's selection for the board's. A selected cell
// selects nothing in the inspector.
func fromBoard(s canvas.Selection) Selection {
	ids := slices.Clone(s.IDs)
	switch s.Kind {
	case canvas.SelectSteps:
		return SelectSteps(ids...)
	case canvas.SelectFlow:
		return Selection{Kind: SelectFlow, IDs: ids}
	case canvas.SelectLane:
		return Selection{Kind: SelectLane, IDs: ids}
	case canvas.SelectColumn:
		return Selection{Kind: SelectColumn, IDs: ids}
	case canvas.SelectLine:
		return Selection{Kind: SelectLine, IDs: ids}
	}
	return Selection{}
}

// toBoard is the board's selection for the editor's.
func toBoard(s Selection) canvas.Selection {
	ids := slices.Clone(s.IDs)
	switch s.Kind {
	case SelectStep:
		return canvas.Selection{Kind: canvas.SelectSteps, IDs: ids}
	case SelectFlow:
		return canvas.Selection{Kind: canvas.SelectFlow, IDs: ids}
	case SelectLane:
		return canvas.Selection{Kind: canvas.SelectLane, IDs: ids}
	case SelectColumn:
		return canvas.Selection{Kind: canvas.SelectColumn, IDs: ids}
	case SelectLine:
		return canvas.Selection{Kind: canvas.SelectLine, IDs: ids}
	}
	return canvas.Selection{}
}

func sameSelection(a, b Selection) bool {
	return a.Kind == b.Kind && slices.Equal(a.IDs, b.IDs)
}
