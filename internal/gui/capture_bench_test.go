package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/internal/state"
)

// BenchmarkCaptureKeys measures quick capture as the editor runs it, with
// the inspector, the outline and the findings attached: "rune" is one
// character typed into the open card, "return" is Enter adding the card
// and opening the next one. Each key's time is how long the event thread
// is busy before it can take the next key.
func BenchmarkCaptureKeys(b *testing.B) {
	for _, n := range []int{42, 1000} {
		name := map[int]string{42: "hotel-size", 1000: "1000-steps"}[n]
		setup := func(b *testing.B) (*Editor, fyne.Canvas, string, string) {
			e := startEditor(b, test.NewTempApp(b), b.TempDir(), generatedFile(b, n))
			d := e.Doc()
			lane, col := d.Lanes[0].ID, d.Columns[0].ID
			e.SetSelection(state.Selection{Kind: state.SelectCell, IDs: []string{lane, col}})
			return e, e.win.Canvas(), lane, col
		}
		b.Run(name+"/rune", func(b *testing.B) {
			e, c, lane, col := setup(b)
			e.ui.board.StartCapture(lane, col, "")
			for b.Loop() {
				c.Focused().TypedRune('店')
			}
		})
		b.Run(name+"/return", func(b *testing.B) {
			e, c, lane, col := setup(b)
			for b.Loop() {
				b.StopTimer()
				e.ui.board.StartCapture(lane, col, "店员")
				b.StartTimer()
				c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				b.StopTimer()
				c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
				e.undo()
				b.StartTimer()
			}
		})
	}
}
