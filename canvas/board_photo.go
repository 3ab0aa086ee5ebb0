package canvas

import "fyne.io/fyne/v2"

// StepAt returns the step whose card is under pos, a position on the
// board (for a file dropped on the window, say).
func (b *Board) StepAt(pos fyne.Position) (string, bool) {
	if b.lay == nil {
		return "", false
	}
	return b.lay.CardAt(b.toWorld(pos))
}
