package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/internal/state"
)

// TestBoardInitialView checks the view a newly opened drawing gets: from
// its top-left corner, with card text at least minOpenTextSize on screen
// however wide the drawing is; and it follows the board's size until the
// user zooms or scrolls.
func TestBoardInitialView(t *testing.T) {
	small := boardDoc()
	wide := bpgen.Generate(60)
	tests := []struct {
		name  string
		doc   *blueprint.Document
		first fyne.Size
		then  fyne.Size
	}{
		{"small drawing, window grows to its size", small, fyne.NewSize(200, 150), fyne.NewSize(1400, 900)},
		{"small drawing in a narrow window", small, fyne.NewSize(1400, 900), fyne.NewSize(200, 150)},
		{"wide drawing in a wide window", wide, fyne.NewSize(200, 150), fyne.NewSize(2600, 900)},
		{"very wide drawing stays readable", wide, fyne.NewSize(1400, 900), fyne.NewSize(600, 400)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			b := NewBoard(state.New(tt.doc))
			w := test.NewTempWindow(t, b)
			w.SetPadded(false)
			w.Resize(tt.first)
			w.Resize(tt.then)
			if px := b.style.TextSize * b.Zoom(); px < minOpenTextSize || b.Offset() != fyne.NewPos(0, 0) {
				t.Errorf("view at %v: card text %g px, offset %v; want ≥ %d px from the top-left corner", tt.then, px, b.Offset(), minOpenTextSize)
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

// TestBoardViewBars opens a drawing wider and taller than the board: a
// bar along the bottom and one along the right tell which part is in
// view, and follow scrolling; once the whole drawing is in view (Fit)
// they go.
func TestBoardViewBars(t *testing.T) {
	test.NewTempApp(t)
	b := NewBoard(state.New(bpgen.Generate(60)))
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 500))
	h, v := b.bars.h, b.bars.v
	if !h.Visible() || !v.Visible() {
		t.Fatalf("drawing %gx%g on an 800x500 board: bars shown %v, %v", b.lay.Width, b.lay.Height, h.Visible(), v.Visible())
	}
	// At the top-left corner, the bars start at the start of their track
	// and are as long, relative to it, as the view is to the drawing.
	if h.Position().X > viewBarMargin+0.5 || v.Position().Y > viewBarMargin+0.5 {
		t.Errorf("bars at %v and %v, want them at the start", h.Position(), v.Position())
	}
	wantW := 800 / b.lay.Width * (800 - 2*viewBarMargin - viewBarThickness)
	if abs(h.Size().Width-max(wantW, viewBarMinLength)) > 1 {
		t.Errorf("horizontal bar %g long, want %g", h.Size().Width, wantW)
	}
	x := h.Position().X
	b.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-300, 0)})
	if h.Position().X <= x {
		t.Errorf("scrolling right left the bar at %g", h.Position().X)
	}
	saveCapture(t, b, "viewbars.png")
	b.ZoomToFit()
	if h.Visible() || v.Visible() {
		t.Errorf("after Fit, bars still shown: %v, %v", h.Visible(), v.Visible())
	}
}

// TestBoardFitFillsBindingSide fits drawings of both shapes: the drawing
// then spans the board's width or height, less the margins, whichever
// binds, and lies wholly in view.
func TestBoardFitFillsBindingSide(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(900, 1200), fyne.NewSize(1600, 500)} {
		test.NewTempApp(t)
		b := NewBoard(state.New(bpgen.Generate(40)))
		w := test.NewTempWindow(t, b)
		w.SetPadded(false)
		w.Resize(size)
		b.ZoomToFit()
		dw, dh := b.lay.Width*b.Zoom(), b.lay.Height*b.Zoom()
		fillsW := abs(dw-(size.Width-2*viewPad)) < 1
		fillsH := abs(dh-(size.Height-2*viewPad)) < 1
		if !fillsW && !fillsH {
			t.Errorf("board %v: fitted drawing %gx%g fills neither side", size, dw, dh)
		}
		o := b.Offset()
		if o.X < 0 || o.Y < 0 || o.X+dw > size.Width+0.5 || o.Y+dh > size.Height+0.5 {
			t.Errorf("board %v: fitted drawing at %v, %gx%g, is not wholly in view", size, o, dw, dh)
		}
	}
}
