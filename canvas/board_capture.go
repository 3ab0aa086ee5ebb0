package canvas

import (
	"strings"

	"fyne.io/fyne/v2"

	"servicebp/internal/state"
)

// Quick capture lets a facilitator type a whole lane as people speak,
// without the mouse. With a cell selected, typing starts a new card there
// in capture mode (see TypedRune). Then:
//
//   - Enter adds the card and opens the next one in the next column of the
//     same lane; at the last column the next card is typed in a new column
//     (in the same phase), added with that card. Enter on an empty card
//     skips the cell.
//   - Tab adds the card and opens the next one in the lane below, in the
//     same column; Shift+Tab in the lane above.
//   - Shift+Enter starts a new line in the card, as in any card edit.
//   - Esc drops the card being typed, and the new column it would have
//     come with, and stops; the cards already added stay, each one
//     undoable on its own.
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
	b.openCaptureState(&editState{kind: editNewStep, lane: lane, column: column, capture: true}, text)
}

// openCaptureState opens the capture editor for st with text and
// scrolls it into view.
func (b *Board) openCaptureState(st *editState, text ...string) {
	b.startEdit(st, strings.Join(text, ""))
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
		column := st.column
		if d := b.store.Doc(); column == "" && len(d.Columns) > 0 {
			// No column was added for the dropped card: back to the last.
			column = d.Columns[len(d.Columns)-1].ID
		}
		b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{st.lane, column}})
	default:
		return false
	}
	return true
}

// captureMove adds the card being typed, if it has text, and opens the
// next one dl lanes down and dc columns right. The card just added stays
// selected, so the inspector shows it; when nothing was added the new
// cell is selected. Right of the last column the next card is typed in a
// new column, in the last column's phase, which is added with the card
// (one undo step) and not at all when the card is dropped.
func (b *Board) captureMove(st *editState, dl, dc int) {
	typed := strings.TrimSpace(b.edit.Text) != ""
	b.commitEdit()
	d := b.store.Doc()
	column := st.column
	if column == "" {
		// The card typed right of the last column came with its column.
		sel := b.store.Selection()
		if !typed || sel.Kind != state.SelectSteps || d.Step(sel.IDs[0]) == nil {
			return
		}
		column = d.Step(sel.IDs[0]).Column
	}
	li, ci := d.LaneIndex(st.lane), d.ColumnIndex(column)
	if li < 0 || ci < 0 {
		return
	}
	li, ci = li+dl, ci+dc
	if ci == len(d.Columns) && typed && li >= 0 && li < len(d.Lanes) {
		last := d.Columns[len(d.Columns)-1]
		b.openCaptureState(&editState{kind: editNewStep, lane: d.Lanes[li].ID, phase: last.Phase, capture: true})
		return
	}
	if li < 0 || li >= len(d.Lanes) || ci >= len(d.Columns) {
		if !typed {
			b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{st.lane, column}})
		}
		return
	}
	lane, next := d.Lanes[li].ID, d.Columns[ci].ID
	if !typed {
		b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{lane, next}})
	}
	b.openCapture(lane, next, "")
}
