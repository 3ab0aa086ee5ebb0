package canvas

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/internal/golden"
	"servicebp/internal/state"
)

// goldenBoard shows d on a board with the pinned font in a test window.
func goldenBoard(t *testing.T, d *blueprint.Document) (*Board, fyne.Window) {
	t.Helper()
	font := golden.Font(t)
	test.NewTempApp(t)
	b := NewBoard(state.New(d))
	b.SetFont(font)
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(760, 520))
	b.setView(1, fyne.NewPos(0, 0))
	return b, w
}

func TestBoardGolden(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, b *Board)
	}{
		{"board_selected", func(t *testing.T, b *Board) {
			click(b, cardPos(t, b, "take"), 0)
		}},
		{"board_flow", func(t *testing.T, b *Board) {
			b.store.Select(state.Selection{Kind: state.SelectFlow, IDs: []string{"ask", "card"}})
			b.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: cardPos(t, b, "sip")}})
		}},
		{"board_drag", func(t *testing.T, b *Board) {
			from, to := cardPos(t, b, "take"), cellPos(t, b, "backstage", "pay")
			b.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
			b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
		}},
		{"board_edit", func(t *testing.T, b *Board) {
			b.DoubleTapped(&fyne.PointEvent{Position: cellPos(t, b, "backstage", "pay")})
			test.Type(b.edit, "Authorise the payment")
		}},
		{"board_band", func(t *testing.T, b *Board) {
			from := cellPos(t, b, "customer", "order").AddXY(-70, 0)
			to := cardPos(t, b, "card")
			b.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
			b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, w := goldenBoard(t, boardDoc())
			tt.setup(t, b)
			golden.AssertImage(t, filepath.Join("testdata", tt.name+".png"), w.Canvas().Capture())
		})
	}
}
