package canvas

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// requestFocus gives the board the keyboard focus.
func (b *Board) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() != b {
		c.Focus(b)
	}
}

// FocusGained is called when the board gets the keyboard focus.
func (b *Board) FocusGained() {
	b.focused = true
	b.ime.Reset()
}

// FocusLost is called when the board loses the keyboard focus; the
// modifier keys it tracked are released.
func (b *Board) FocusLost() {
	b.focused = false
	b.mods, b.space = 0, false
	b.ime.Reset()
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
	b.ime.KeyDown(ev.Name)
	if ev.Name == fyne.KeySpace {
		b.space = true
	}
}

// KeyUp tracks the modifier keys and Space.
func (b *Board) KeyUp(ev *fyne.KeyEvent) {
	b.mods &^= modifierBit(ev.Name)
	b.ime.KeyUp(ev.Name)
	if ev.Name == fyne.KeySpace {
		b.space = false
	}
}

// TypedRune starts a new step in a selected cell with the typed character,
// in quick capture mode (see board_capture.go). Text an input method
// commits arrives as runes like typed text, so it starts a card the same
// way; runes that reach the board while its editor is open go into the
// editor. With no cell selected, the character goes to the window's own
// handler (the editor's vote and question keys), as it does when nothing
// has the focus.
func (b *Board) TypedRune(r rune) {
	b.ime.Rune()
	if b.editing != nil {
		// The editor is open but the board has the focus: the rune came
		// before the focus moved (an input method's commit of several
		// characters), or the focus came back to the board. It belongs
		// in the card being typed.
		b.edit.TypedRune(r)
		if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() != b.edit {
			c.Focus(b.edit)
		}
		return
	}
	if r == ' ' {
		return
	}
	if b.selection().Kind != state.SelectCell {
		if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.OnTypedRune() != nil {
			c.OnTypedRune()(r)
		}
		return
	}
	b.StartCapture(b.selection().IDs[0], b.selection().IDs[1], string(r))
}

// TypedKey runs the key's action from the key map (arrows move the
// selection, Tab cycles the cards, Enter and F2 edit, Delete deletes, Esc
// selects nothing), except the keys an input method keeps while it
// composes (see IMEGuard). Esc first cancels a flow being drawn or a drag. Keys
// the map does not have (F1, F5 ...) go to the window's own handler, as
// they do when nothing has the focus.
func (b *Board) TypedKey(ev *fyne.KeyEvent) {
	if b.ime.Keep(ev.Name) {
		// An input method composes the card about to start here: its
		// Backspace must not delete the selection, nor its arrows move it.
		return
	}
	if b.connect != "" && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) {
		b.finishConnect()
		return
	}
	if ev.Name == fyne.KeyEscape {
		switch {
		case b.connect != "":
			b.connect = ""
			b.over.update(b)
			return
		case b.drag.mode != dragNone:
			b.drag = dragState{}
			b.over.update(b)
			return
		case b.escape != nil && b.escape():
			return
		}
	}
	if b.runKey(Key{Name: ev.Name, Modifier: b.mods & fyne.KeyModifierShift}) {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(ev)
	}
}

// finishConnect ends a flow being drawn from the keyboard (Add flow from
// here…, then the arrows): to the selected card, or to a new card in the
// selected cell, as a click there would. With anything else selected the
// flow stays in the drawing.
func (b *Board) finishConnect() {
	sel := b.selection()
	from := b.connect
	switch {
	case sel.Kind == state.SelectSteps && len(sel.IDs) == 1 && sel.IDs[0] != from:
		b.connect = ""
		b.addFlow(from, sel.IDs[0])
	case sel.Kind == state.SelectCell:
		b.connect = ""
		b.connectToNewCard(from, hit{kind: hitCell, lane: sel.IDs[0], column: sel.IDs[1]})
	default:
		return
	}
	b.over.update(b)
	b.noticeMode()
}

// TypedShortcut runs the shortcut's action from the key map: the
// clipboard, select all, undo and redo, Ctrl+D (duplicate) and
// Ctrl+arrows, which move the selected cards to the neighbouring cell.
func (b *Board) TypedShortcut(s fyne.Shortcut) {
	k, ok := KeyOf(s)
	if !ok {
		return
	}
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		b.clip = s.Clipboard
	case *fyne.ShortcutCut:
		b.clip = s.Clipboard
	case *fyne.ShortcutPaste:
		b.clip = s.Clipboard
	}
	defer func() { b.clip = nil }()
	b.runKey(k)
}

// MoveSelection moves the selected cards dl lanes down and dc columns
// right, as one undo step.
func (b *Board) MoveSelection(dl, dc int) {
	if b.selection().Kind != state.SelectSteps {
		return
	}
	if c := b.shiftSteps(b.selection().IDs, dl, dc, "Move steps"); c != nil {
		b.apply(c)
		b.scrollToSelection()
	}
}

// DeleteSelection deletes the selected cards, flow, lane, column or line.
func (b *Board) DeleteSelection() { b.delete(b.selection()) }

// delete deletes what sel selects, through OnDelete when it is set.
func (b *Board) delete(sel state.Selection) {
	if b.OnDelete != nil {
		b.OnDelete(sel)
		return
	}
	if c := state.DeleteCommand(sel); c != nil && b.apply(c) {
		b.store.Select(state.Selection{})
	}
}

// cursor is where the keyboard selection is: a lane and column index,
// and the index of the selected card in that cell's stack (-1 for the
// cell itself).
func (b *Board) cursor() (li, ci, k int, ok bool) {
	d := b.store.Doc()
	switch b.selection().Kind {
	case state.SelectSteps:
		s := d.Step(b.selection().IDs[len(b.selection().IDs)-1])
		if s == nil {
			return 0, 0, 0, false
		}
		return d.LaneIndex(s.Lane), d.ColumnIndex(s.Column), slices.Index(d.CellSteps(s.Lane, s.Column), s.ID), true
	case state.SelectCell:
		return d.LaneIndex(b.selection().IDs[0]), d.ColumnIndex(b.selection().IDs[1]), -1, true
	case state.SelectLane:
		return d.LaneIndex(b.selection().IDs[0]), 0, -1, len(d.Columns) > 0
	case state.SelectColumn:
		return 0, d.ColumnIndex(b.selection().IDs[0]), -1, len(d.Lanes) > 0
	}
	return 0, 0, 0, false
}

// navigate moves the selection one card or cell: up and down through a
// cell's stack and then to the next lane, left and right to the next
// column.
func (b *Board) navigate(dl, dc int) {
	d := b.store.Doc()
	if len(d.Lanes) == 0 || len(d.Columns) == 0 {
		return
	}
	li, ci, k, ok := b.cursor()
	if !ok {
		if len(d.Steps) > 0 {
			b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{d.Steps[0].ID}})
		} else {
			b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{d.Lanes[0].ID, d.Columns[0].ID}})
		}
		b.scrollToSelection()
		return
	}
	if dc == 0 && k >= 0 {
		cell := d.CellSteps(d.Lanes[li].ID, d.Columns[ci].ID)
		if j := k + dl; j >= 0 && j < len(cell) {
			b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{cell[j]}})
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
		b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{lane, col}})
	case dl < 0:
		b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{cell[len(cell)-1]}})
	default:
		b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{cell[0]}})
	}
	b.scrollToSelection()
}

// cycle selects the next card in reading order (column by column), or
// the previous one.
func (b *Board) cycle(back bool) {
	d := b.store.Doc()
	n := len(d.Steps)
	if n == 0 {
		return
	}
	i := -1
	if b.selection().Kind == state.SelectSteps {
		i = d.StepIndex(b.selection().IDs[len(b.selection().IDs)-1])
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
	b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{d.Steps[i].ID}})
	b.scrollToSelection()
}

// scrollToSelection brings the selected card or cell into view.
func (b *Board) scrollToSelection() {
	if b.selection().Kind == state.SelectSteps {
		if r, ok := b.lay.CardRect(b.selection().IDs[len(b.selection().IDs)-1]); ok {
			b.ScrollTo(r)
		}
		return
	}
	if r, ok := b.selectionRect(); ok {
		b.ScrollTo(r)
	}
}

// connectTarget is where a flow drawn from the keyboard would go if Enter
// ended it now: the left middle of the selected card, or the middle of the
// selected cell.
func (b *Board) connectTarget() (layout.Point, bool) {
	sel := b.selection()
	switch {
	case sel.Kind == state.SelectSteps && len(sel.IDs) == 1 && sel.IDs[0] != b.connect:
		if r, ok := b.lay.CardRect(sel.IDs[0]); ok {
			return layout.Point{X: r.X, Y: r.Center().Y}, true
		}
	case sel.Kind == state.SelectCell:
		if r, ok := b.selectionRect(); ok {
			return r.Center(), true
		}
	}
	return layout.Point{}, false
}
