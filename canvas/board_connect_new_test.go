package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
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

// TestBoardFlowDroppedOnAFlowInAnEmptyCell drops a new flow on another
// flow where it crosses an empty cell: the drop means the cell, and a
// connected card opens there, as anywhere else in the cell.
func TestBoardFlowDroppedOnAFlowInAnEmptyCell(t *testing.T) {
	d := boardDoc()
	d.Steps = append(d.Steps, blueprint.Step{ID: "till", Lane: "support", Column: "pay", Text: "Till"})
	d.Flows = append(d.Flows, blueprint.Flow{From: "card", To: "till"})
	b := newTestBoard(t, d)
	r := b.lay.Route(layout.FlowKey{From: "card", To: "till"})
	lb, cb := b.laneBand("backstage"), b.columnBox("pay")
	if r == nil || lb == nil || cb == nil {
		t.Fatal("no route card → till, or no backstage × pay")
	}
	var on layout.Point
	found := false
	for j := 1; j < len(r.Points) && !found; j++ {
		a, c := r.Points[j-1], r.Points[j]
		if a.X == c.X && a.X > cb.Rect.X && a.X < cb.Rect.Right() {
			on, found = layout.Point{X: a.X, Y: lb.Rect.Center().Y}, true
		}
	}
	if !found {
		t.Fatalf("the flow card → till does not cross backstage × pay: %v", r.Points)
	}
	if h := b.hitAt(b.toScreen(on)); h.kind != hitFlow {
		t.Fatalf("the drop point hits %v, not the flow", h.kind)
	}
	click(b, cardPos(t, b, "take"), 0)
	h, ok := b.handleAt("take")
	if !ok {
		t.Fatal("no handle")
	}
	drag(b, h, b.toScreen(on), desktop.MouseButtonPrimary)
	if !b.Editing() || b.editing.lane != "backstage" || b.editing.column != "pay" || b.editing.flowFrom != "take" {
		t.Fatalf("dropping on the flow in backstage × pay opened %+v", b.editing)
	}
}

// TestHandleIsEasyToGrab presses a little outside the connector handle's
// ring: within a few pixels of it the press still grabs the handle.
func TestHandleIsEasyToGrab(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	click(b, cardPos(t, b, "take"), 0)
	c, ok := b.handleAt("take")
	if !ok {
		t.Fatal("no handle")
	}
	for _, off := range []fyne.Position{{X: handleRadius + 6}, {Y: handleRadius + 6}, {Y: -(handleRadius + 6)}} {
		if h := b.hitAt(c.Add(off)); h.kind != hitHandle {
			t.Errorf("a press %v from the handle's centre hits %v, not the handle", off, h.kind)
		}
	}
}
