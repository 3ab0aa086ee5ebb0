package canvas

// Dragging reports whether a drag on the board is in progress: cards,
// a rubber band, a pan, a new flow or a header being moved. Work that can
// wait, such as analysing the document, should wait until it ends.
func (b *Board) Dragging() bool { return b.drag.mode != dragNone }

// Reveal scrolls the view so that the card of the step with id is in
// sight, if it is not; it reports whether the board shows that step.
func (b *Board) Reveal(id string) bool {
	if b.lay == nil {
		return false
	}
	r, ok := b.lay.CardRect(id)
	if ok {
		b.ScrollTo(r)
	}
	return ok
}

// RevealSelection scrolls the view so that what is selected (cards, a
// flow, a cell, a lane's header, a column or a line) is in sight, if it is
// not: after inserting a lane or a column at the edge of the drawing, the
// new one is where the user can see it.
func (b *Board) RevealSelection() {
	if b.lay == nil {
		return
	}
	if _, r, ok := b.selectionHit(); ok {
		b.ScrollTo(r)
	}
}
