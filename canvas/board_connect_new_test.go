package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestBoardFlowDroppedOnEmptyCell draws a flow from a card's handle and
// drops it on an empty cell: an editor for a new card opens there, and
// Enter adds the card and the flow to it in one undo step. Dropped again
// and cancelled with Esc, it adds nothing.
func TestBoardFlowDroppedOnEmptyCell(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	click(b, cardPos(t, b, "take"), 0)
	h, ok := b.handleAt("take")
	if !ok {
		t.Fatal("no handle")
	}
	drag(b, h, cellPos(t, b, "backstage", "pay"), desktop.MouseButtonPrimary)
	if !b.Editing() || b.editing.lane != "backstage" || b.editing.column != "pay" {
		t.Fatalf("dropping a flow on backstage × pay opened no editor there (editing %v)", b.Editing())
	}
	saveCapture(t, b, "flow_new_card.png")
	test.Type(b.edit, "Send to the till")
	b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d := b.store.Doc()
	var id string
	for _, s := range d.Steps {
		if s.Text == "Send to the till" {
			id = s.ID
			if s.Lane != "backstage" || s.Column != "pay" {
				t.Errorf("new card in %s × %s, want backstage × pay", s.Lane, s.Column)
			}
		}
	}
	if id == "" || d.FlowIndex("take", id) < 0 {
		t.Fatalf("no new card with a flow from take (card %q)", id)
	}
	steps, flows := len(d.Steps), len(d.Flows)
	b.store.Undo()
	if d := b.store.Doc(); len(d.Steps) != steps-1 || len(d.Flows) != flows-1 {
		t.Errorf("one undo left %d steps and %d flows, want %d and %d", len(d.Steps), len(d.Flows), steps-1, flows-1)
	}
	// Cancelled, nothing is added.
	click(b, cardPos(t, b, "take"), 0)
	h, _ = b.handleAt("take")
	drag(b, h, cellPos(t, b, "support", "drink"), desktop.MouseButtonPrimary)
	if !b.Editing() {
		t.Fatal("second drop opened no editor")
	}
	test.Type(b.edit, "Never mind")
	b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d := b.store.Doc(); len(d.Steps) != steps-1 || len(d.Flows) != flows-1 {
		t.Errorf("after Esc: %d steps and %d flows, want %d and %d", len(d.Steps), len(d.Flows), steps-1, flows-1)
	}
}
