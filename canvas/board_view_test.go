package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/internal/state"
)

// TestBoardInitialView checks the view a newly opened drawing gets: 100%
// when its width fits the board, fitted to the width when it does not,
// but never below minInitialZoom; and it follows the board's size until
// the user zooms or scrolls.
func TestBoardInitialView(t *testing.T) {
	small := boardDoc()
	wide := bpgen.Generate(60)
	tests := []struct {
		name  string
		doc   *blueprint.Document
		first fyne.Size
		then  fyne.Size
		// want is the zoom after the second size; 0 means fitted to the
		// width.
		want float32
	}{
		{"small drawing, window grows to its size", small, fyne.NewSize(200, 150), fyne.NewSize(1400, 900), 1},
		{"small drawing in a narrow window", small, fyne.NewSize(1400, 900), fyne.NewSize(200, 150), minInitialZoom},
		{"wide drawing fitted to the width", wide, fyne.NewSize(200, 150), fyne.NewSize(2600, 900), 0},
		{"very wide drawing stays readable", wide, fyne.NewSize(1400, 900), fyne.NewSize(600, 400), minInitialZoom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			b := NewBoard(state.New(tt.doc))
			w := test.NewTempWindow(t, b)
			w.SetPadded(false)
			w.Resize(tt.first)
			w.Resize(tt.then)
			want := tt.want
			if want == 0 {
				want = (tt.then.Width - 2*viewPad) / b.Layout().Width
				if want <= minInitialZoom || want >= 1 {
					t.Fatalf("the drawing is %g wide: no fitting at %g", b.Layout().Width, tt.then.Width)
				}
			}
			if abs(b.Zoom()-want) > 1e-4 || b.Offset() != fyne.NewPos(0, 0) {
				t.Errorf("view at %v: zoom %g offset %v, want zoom %g from the top-left corner", tt.then, b.Zoom(), b.Offset(), want)
			}
			// Once the user zooms, a resize keeps the zoom.
			b.ZoomIn()
			z := b.Zoom()
			w.Resize(tt.first)
			if b.Zoom() != z {
				t.Errorf("a resize after zooming in changed the zoom from %g to %g", z, b.Zoom())
			}
		})
	}
}
