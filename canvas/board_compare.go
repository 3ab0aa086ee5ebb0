package canvas

import (
	"fyne.io/fyne/v2"

	"servicebp/blueprint/layout"
)

// Style is the layout style the board lays the document out with (its
// legend words are set per document at each layout).
func (b *Board) Style() layout.Style { return b.style }

// Measure is the text measure the board lays the document out with, for
// geometry added to its layout (the marks of a diff).
func (b *Board) Measure() layout.Measure { return b.measure }

// Modifiers are the modifier keys held now, as far as the board knows:
// the desktop driver's, and those the board saw pressed while focused.
func (b *Board) Modifiers() fyne.KeyModifier { return b.modifiers() }

// CenterOn scrolls, at the current zoom, so that the middle of the world
// rectangle r is in the middle of the board.
func (b *Board) CenterOn(r layout.Rect) {
	if b.size.Width <= 0 || b.size.Height <= 0 {
		return
	}
	c := r.Center()
	b.setView(b.zoom, fyne.NewPos(b.size.Width/2-c.X*b.zoom, b.size.Height/2-c.Y*b.zoom))
}

// SetEscapeHandler sets what Esc does on the focused board before its own
// use (cancelling a flow being drawn or a drag, or else clearing the
// selection): when f returns true, the board does nothing more. Nil
// removes it.
func (b *Board) SetEscapeHandler(f func() bool) { b.escape = f }
