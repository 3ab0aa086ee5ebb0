package canvas

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"servicebp/blueprint"
)

// requestFocus gives the board the keyboard focus.
func (b *Board) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() != b {
		c.Focus(b)
	}
}

// FocusGained is called when the board gets the keyboard focus.
func (b *Board) FocusGained() { b.focused = true }

// FocusLost is called when the board loses the keyboard focus; the
// modifier keys it tracked are released.
func (b *Board) FocusLost() {
	b.focused = false
	b.mods, b.space = 0, false
}

// AcceptsTab keeps Tab on the board, where it cycles the cards.
func (b *Board) AcceptsTab() bool { return true }

// modifierBit is the modifier a modifier key sets.
func modifierBit(k fyne.KeyName) fyne.KeyModifier {
	switch k {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		return fyne.KeyModifierShift
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		return fyne.KeyModifierControl
	case desktop.KeyAltLeft, desktop.KeyAltRight:
		return fyne.KeyModifierAlt
	case desktop.KeySuperLeft, desktop.KeySuperRight:
		return fyne.KeyModifierSuper
	}
	return 0
}

// KeyDown tracks the modifier keys and Space, which pans while held.
func (b *Board) KeyDown(ev *fyne.KeyEvent) {
	b.mods |= modifierBit(ev.Name)
	if ev.Name == fyne.KeySpace {
		b.space = true
	}
}

// KeyUp tracks the modifier keys and Space.
func (b *Board) KeyUp(ev *fyne.KeyEvent) {
	b.mods &^= modifierBit(ev.Name)
	if ev.Name == fyne.KeySpace {
		b.space = false
	}
}

// TypedRune starts a new step in a selected cell with the typed character,
// in quick capture mode (see board_capture.go). With no cell selected, the
// character goes to the window's own handler (the editor's vote and
// question keys), as it does when nothing has the focus.
func (b *Board) TypedRune(r rune) {
	if r == ' ' {
		return
	}
	if b.sel.Kind != SelectCell {
		if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.OnTypedRune() != nil {
			c.OnTypedRune()(r)
		}
		return
	}
	b.StartCapture(b.sel.IDs[0], b.sel.IDs[1], string(r))
}

// TypedKey handles the board's keys: arrows move the selection, Tab
// cycles the cards, Enter and F2 edit, Delete deletes and Esc cancels.
func (b *Board) TypedKey(ev *fyne.KeyEvent) {
	if dl, dc, ok := arrowStep(ev.Name); ok {
		b.navigate(dl, dc)
		return
	}
	switch ev.Name {
	case fyne.KeyTab:
		b.cycle(b.mods&fyne.KeyModifierShift != 0)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		b.EditSelection()
	case fyne.KeyDelete, fyne.KeyBackspace:
		b.DeleteSelection()
	case fyne.KeyEscape:
		switch {
		case b.connect != "":
			b.connect = ""
			b.over.update(b)
		case b.drag.mode != dragNone:
			b.drag = dragState{}
			b.over.update(b)
		default:
			b.selectOnly(Selection{})
		}
	default:
		// Keys the board does not use (F1, F5 ...) go to the window's own
		// handler, as they do when nothing has the focus.
		if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
	}
}

// TypedShortcut handles the clipboard, select all, undo and redo, Ctrl+D
// (duplicate) and Ctrl+arrows, which move the selected cards to the
// neighbouring cell.
func (b *Board) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		b.Copy(clipboardOf(s.Clipboard))
	case *fyne.ShortcutCut:
		b.Cut(clipboardOf(s.Clipboard))
	case *fyne.ShortcutPaste:
		b.Paste(clipboardOf(s.Clipboard))
	case *fyne.ShortcutSelectAll:
		b.SelectAll()
	case *fyne.ShortcutUndo:
		b.historyStep(b.hist.Undo)
	case *fyne.ShortcutRedo:
		b.historyStep(b.hist.Redo)
	case *desktop.CustomShortcut:
		if s.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
			return
		}
		if dl, dc, ok := arrowStep(s.KeyName); ok {
			b.MoveSelection(dl, dc)
		} else if s.KeyName == fyne.KeyD {
			b.Duplicate()
		}
	}
}

// arrowStep is the step in lanes (down) and columns (right) of an arrow
// key; ok is false for any other key.
func arrowStep(k fyne.KeyName) (dl, dc int, ok bool) {
	switch k {
	case fyne.KeyUp:
		return -1, 0, true
	case fyne.KeyDown:
		return 1, 0, true
	case fyne.KeyLeft:
		return 0, -1, true
	case fyne.KeyRight:
		return 0, 1, true
	}
	return 0, 0, false
}

// historyStep runs undo or redo and reloads.
func (b *Board) historyStep(f func() bool) {
	gen := b.gen
	if f() && b.gen == gen {
		b.Reload()
	}
}

// MoveSelection moves the selected cards dl lanes down and dc columns
// right, as one undo step.
func (b *Board) MoveSelection(dl, dc int) {
	if b.sel.Kind != SelectSteps {
		return
	}
	if c := b.shiftSteps(b.sel.IDs, dl, dc, "Move steps"); c != nil {
		b.apply(c)
		b.scrollToSelection()
	}
}

// DeleteSelection deletes the selected cards, flow, lane, column or line.
func (b *Board) DeleteSelection() {
	if c := DeleteCommand(b.sel); c != nil && b.apply(c) {
		b.selectOnly(Selection{})
	}
}

// DeleteCommand is the one undoable command that deletes what s selects
// (several lanes, columns or lines as one Batch), or nil when s selects
// nothing that can be deleted. The board and the editor's Edit > Delete
// both use it.
func DeleteCommand(s Selection) blueprint.Command {
	if len(s.IDs) == 0 {
		return nil
	}
	each := func(mk func(string) blueprint.Command) blueprint.Command {
		if len(s.IDs) == 1 {
			return mk(s.IDs[0])
		}
		cmds := make([]blueprint.Command, len(s.IDs))
		for i, id := range s.IDs {
			cmds[i] = mk(id)
		}
		return blueprint.Batch("", cmds...)
	}
	switch s.Kind {
	case SelectSteps:
		return blueprint.DeleteSteps(s.IDs...)
	case SelectFlow:
		if len(s.IDs) != 2 {
			return nil
		}
		return blueprint.DeleteFlow(s.IDs[0], s.IDs[1])
	case SelectLane:
		return each(blueprint.DeleteLane)
	case SelectColumn:
		return each(blueprint.DeleteColumn)
	case SelectLine:
		return each(blueprint.DeleteLine)
	}
	return nil
}

// cursor is where the keyboard selection is: a lane and column index,
// and the index of the selected card in that cell's stack (-1 for the
// cell itself).
func (b *Board) cursor() (li, ci, k int, ok bool) {
	d := b.hist.Doc()
	switch b.sel.Kind {
	case SelectSteps:
		s := d.Step(b.sel.IDs[len(b.sel.IDs)-1])
		if s == nil {
			return 0, 0, 0, false
		}
		return d.LaneIndex(s.Lane), d.ColumnIndex(s.Column), slices.Index(d.CellSteps(s.Lane, s.Column), s.ID), true
	case SelectCell:
		return d.LaneIndex(b.sel.IDs[0]), d.ColumnIndex(b.sel.IDs[1]), -1, true
	case SelectLane:
		return d.LaneIndex(b.sel.IDs[0]), 0, -1, len(d.Columns) > 0
	case SelectColumn:
		return 0, d.ColumnIndex(b.sel.IDs[0]), -1, len(d.Lanes) > 0
	}
	return 0, 0, 0, false
}

// navigate moves the selection one card or cell: up and down through a
// cell's stack and then to the next lane, left and right to the next
// column.
func (b *Board) navigate(dl, dc int) {
	d := b.hist.Doc()
	if len(d.Lanes) == 0 || len(d.Columns) == 0 {
		return
	}
	li, ci, k, ok := b.cursor()
	if !ok {
		if len(d.Steps) > 0 {
			b.selectOnly(Selection{Kind: SelectSteps, IDs: []string{d.Steps[0].ID}})
		} else {
			b.selectOnly(Selection{Kind: SelectCell, IDs: []string{d.Lanes[0].ID, d.Columns[0].ID}})
		}
		b.scrollToSelection()
		return
	}
	if dc == 0 && k >= 0 {
		cell := d.CellSteps(d.Lanes[li].ID, d.Columns[ci].ID)
		if j := k + dl; j >= 0 && j < len(cell) {
			b.selectOnly(Selection{Kind: SelectSteps, IDs: []string{cell[j]}})
			b.scrollToSelection()
			return
		}
	}
	li, ci = li+dl, ci+dc
	if li < 0 || ci < 0 || li >= len(d.Lanes) || ci >= len(d.Columns) {
		return
	}
	lane, col := d.Lanes[li].ID, d.Columns[ci].ID
	cell := d.CellSteps(lane, col)
	switch {
	case len(cell) == 0:
		b.selectOnly(Selection{Kind: SelectCell, IDs: []string{lane, col}})
	case dl < 0:
		b.selectOnly(Selection{Kind: SelectSteps, IDs: []string{cell[len(cell)-1]}})
	default:
		b.selectOnly(Selection{Kind: SelectSteps, IDs: []string{cell[0]}})
	}
	b.scrollToSelection()
}

// cycle selects the next card in reading order (column by column), or
// the previous one.
func (b *Board) cycle(back bool) {
	d := b.hist.Doc()
	n := len(d.Steps)
	if n == 0 {
		return
	}
	i := -1
	if b.sel.Kind == SelectSteps {
		i = d.StepIndex(b.sel.IDs[len(b.sel.IDs)-1])
	}
	switch {
	case i < 0 && back:
		i = n - 1
	case i < 0:
		i = 0
	case back:
		i = (i + n - 1) % n
	default:
		i = (i + 1) % n
	}
	b.selectOnly(Selection{Kind: SelectSteps, IDs: []string{d.Steps[i].ID}})
	b.scrollToSelection()
}

// scrollToSelection brings the selected card or cell into view.
func (b *Board) scrollToSelection() {
	if b.sel.Kind == SelectSteps {
		if r, ok := b.lay.CardRect(b.sel.IDs[len(b.sel.IDs)-1]); ok {
			b.ScrollTo(r)
		}
		return
	}
	if r, ok := b.selectionRect(); ok {
		b.ScrollTo(r)
	}
}
