package canvas

import (
	"strings"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// Quick capture lets a facilitator type a whole lane as people speak,
// without the mouse. With a cell selected, typing starts a new card there
// in capture mode (see TypedRune). Then:
//
//   - Enter adds the card and opens the next one in the next column of the
//     same lane; at the last column it appends a column (in the same
//     phase) and goes on there. Enter on an empty card skips the cell.
//   - Tab adds the card and opens the next one in the lane below, in the
//     same column; Shift+Tab in the lane above.
//   - Shift+Enter starts a new line in the card, as in any card edit.
//   - Esc drops the card being typed and stops; the cards already added
//     stay, each one undoable on its own.
//
// Capture also stops at the edges: Enter on an empty card in the last
// column, Tab in the last lane or Shift+Tab in the first.

// StartCapture selects the lane × column cell and opens a new card there
// in quick capture mode, with text typed so far.
func (b *Board) StartCapture(lane, column, text string) {
	d := b.store.Doc()
	if d.LaneIndex(lane) < 0 || d.ColumnIndex(column) < 0 {
		return
	}
	b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{lane, column}})
	b.openCapture(lane, column, text)
}

// openCapture opens the editor for a new card in the cell in capture
// mode and scrolls it into view.
func (b *Board) openCapture(lane, column, text string) {
	b.startEdit(&editState{kind: editNewStep, lane: lane, column: column, capture: true}, text)
	if b.editing == nil {
		return
	}
	if r, ok := b.editRect(b.editing); ok {
		b.ScrollTo(r)
		b.placeEditor()
	}
}

// Capturing reports whether a quick capture is in progress.
func (b *Board) Capturing() bool { return b.editing != nil && b.editing.capture }

// captureKey handles the keys of quick capture typed into the card
// editor, with shift telling whether Shift is held. It reports whether it
// used the key.
func (b *Board) captureKey(ev *fyne.KeyEvent, shift bool) bool {
	st := b.editing
	if st == nil || !st.capture {
		return false
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if shift {
			return false
		}
		b.captureMove(st, 0, 1)
	case fyne.KeyTab:
		if shift {
			b.captureMove(st, -1, 0)
		} else {
			b.captureMove(st, 1, 0)
		}
	case fyne.KeyEscape:
		b.cancelEdit()
		b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{st.lane, st.column}})
	default:
		return false
	}
	return true
}

// captureMove adds the card being typed, if it has text, and opens the
// next one dl lanes down and dc columns right. The card just added stays
// selected, so the inspector shows it; when nothing was added the new
// cell is selected.
func (b *Board) captureMove(st *editState, dl, dc int) {
	typed := strings.TrimSpace(b.edit.Text) != ""
	b.commitEdit()
	d := b.store.Doc()
	li, ci := d.LaneIndex(st.lane), d.ColumnIndex(st.column)
	if li < 0 || ci < 0 {
		return
	}
	li, ci = li+dl, ci+dc
	if ci == len(d.Columns) && typed {
		last := d.Columns[len(d.Columns)-1]
		if !b.apply(blueprint.InsertColumn(blueprint.Column{ID: d.UniqueID("", "column"), Phase: last.Phase}, -1)) {
			return
		}
		d = b.store.Doc()
	}
	if li < 0 || li >= len(d.Lanes) || ci >= len(d.Columns) {
		if !typed {
			b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{st.lane, st.column}})
		}
		return
	}
	lane, column := d.Lanes[li].ID, d.Columns[ci].ID
	if !typed {
		b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{lane, column}})
	}
	b.openCapture(lane, column, "")
}
