package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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
	// At the top-left corner, the thumbs start at the start of their
	// track and are as long, relative to it, as the view is to the
	// drawing.
	if h.thumb.Position().X > viewBarMargin+0.5 || v.thumb.Position().Y > viewBarMargin+0.5 {
		t.Errorf("thumbs at %v and %v, want them at the start", h.thumb.Position(), v.thumb.Position())
	}
	wantW := 800 / b.lay.Width * (800 - 2*viewBarMargin - viewBarArea)
	if abs(h.thumb.Size().Width-max(wantW, viewBarMinLength)) > 1 {
		t.Errorf("horizontal thumb %g long, want %g", h.thumb.Size().Width, wantW)
	}
	x := h.thumb.Position().X
	b.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-300, 0)})
	if h.thumb.Position().X <= x {
		t.Errorf("scrolling right left the thumb at %g", h.thumb.Position().X)
	}
	saveCapture(t, b, "viewbars.png")
	b.ZoomToFit()
	if h.Visible() || v.Visible() {
		t.Errorf("after Fit, bars still shown: %v, %v", h.Visible(), v.Visible())
	}
}

// thumbCentre is the window position of the middle of bar's thumb.
func thumbCentre(bar *viewBar) fyne.Position {
	p, s := bar.thumb.Position(), bar.thumb.Size()
	return bar.Position().Add(p).AddXY(s.Width/2, s.Height/2)
}

// TestBoardViewBarsDrag drags each thumb as a user does, through the
// window: the view moves the other way, in proportion, so that dragging
// the thumb across its track crosses the drawing; and the thumb follows
// the pointer.
func TestBoardViewBarsDrag(t *testing.T) {
	test.NewTempApp(t)
	b := NewBoard(state.New(bpgen.Generate(60)))
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 500))
	for _, tt := range []struct {
		name   string
		bar    *viewBar
		dx, dy float32
	}{
		{"horizontal", b.bars.h, 120, 0},
		{"vertical", b.bars.v, 0, 40},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bar := tt.bar
			off, thumb := b.Offset(), bar.at
			// The drawing's length beyond the view, over the thumb's room.
			content, view := b.lay.Width*b.zoom, b.size.Width
			if !bar.horizontal {
				content, view = b.lay.Height*b.zoom, b.size.Height
			}
			room := view - 2*viewBarMargin - viewBarArea - bar.length
			scale := (content - view) / room
			test.Drag(w.Canvas(), thumbCentre(bar), tt.dx, tt.dy)
			got := b.Offset().Subtract(off)
			want := fyne.NewPos(-tt.dx*scale, -tt.dy*scale)
			if abs(got.X-want.X) > 1 || abs(got.Y-want.Y) > 1 {
				t.Errorf("dragging the thumb by %g,%g moved the view by %v, want %v (%.2f× the drag)", tt.dx, tt.dy, got, want, scale)
			}
			if moved := bar.at - thumb; abs(moved-(tt.dx+tt.dy)) > 1 {
				t.Errorf("the thumb moved %g, want %g with the pointer", moved, tt.dx+tt.dy)
			}
		})
	}
	// A drag past the end of the track stops at the drawing's end.
	test.Drag(w.Canvas(), thumbCentre(b.bars.h), 5000, 0)
	if right := b.Offset().X + b.lay.Width*b.zoom; abs(right-b.size.Width) > 0.5 {
		t.Errorf("after dragging the thumb past the end, the drawing ends at %g on an 800-wide board, want at its edge", right)
	}
	saveCapture(t, b, "viewbars-dragged.png")
}

// TestBoardViewBarsPage clicks the track beside the thumb: the view
// pages by one view that way, and a click on the thumb itself does not
// move it.
func TestBoardViewBarsPage(t *testing.T) {
	test.NewTempApp(t)
	b := NewBoard(state.New(bpgen.Generate(60)))
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 500))
	h := b.bars.h
	beyond := func() fyne.Position {
		return h.Position().AddXY(h.at+h.length+30, viewBarArea/2)
	}
	off := b.Offset()
	test.TapCanvas(w.Canvas(), beyond())
	if got := b.Offset(); got.X != off.X-800 || got.Y != off.Y {
		t.Errorf("a click on the track after the thumb moved the view from %v to %v, want one view (800) on", off, got)
	}
	off = b.Offset()
	test.TapCanvas(w.Canvas(), thumbCentre(h))
	if b.Offset() != off {
		t.Errorf("a click on the thumb moved the view from %v to %v", off, b.Offset())
	}
	test.TapCanvas(w.Canvas(), h.Position().AddXY(h.at-20, viewBarArea/2))
	if got := b.Offset(); got.X != off.X+800 {
		t.Errorf("a click on the track before the thumb moved the view from %v to %v, want one view back", off, got)
	}
	if b.Selection().Kind != state.SelectNone {
		t.Errorf("clicks on the bar selected %v on the board", b.Selection())
	}
	// Paging stops at the drawing's ends, with its edge at the board's.
	for range 30 {
		test.TapCanvas(w.Canvas(), beyond())
		if !h.Visible() || h.at+h.length+30 > h.Size().Width {
			break
		}
	}
	if right := b.Offset().X + b.lay.Width*b.zoom; abs(right-800) > 0.5 {
		t.Errorf("paged to the end, the drawing ends at %g on an 800-wide board, want at its edge", right)
	}
	test.TapCanvas(w.Canvas(), h.Position().AddXY(viewBarMargin+2, viewBarArea/2))
	for range 30 {
		test.TapCanvas(w.Canvas(), h.Position().AddXY(viewBarMargin+2, viewBarArea/2))
	}
	if x := b.Offset().X; x != 0 {
		t.Errorf("paged back to the start, the drawing starts at %g, want 0", x)
	}
}

// TestBoardViewBarsHover moves the pointer onto a bar: its thumb
// thickens and the track shows, the cursor says drag on the thumb and
// click on the track, and all goes back when the pointer leaves.
func TestBoardViewBarsHover(t *testing.T) {
	test.NewTempApp(t)
	b := NewBoard(state.New(bpgen.Generate(60)))
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 500))
	v := b.bars.v
	if th := v.thumb.Size().Width; th != viewBarThickness {
		t.Fatalf("thumb %g thick before hovering, want %d", th, viewBarThickness)
	}
	test.MoveMouse(w.Canvas(), thumbCentre(v))
	if th := v.thumb.Size().Width; th != viewBarHoverThickness || !v.track.Visible() {
		t.Errorf("hovered thumb %g thick, track shown %v; want %d and shown", th, v.track.Visible(), viewBarHoverThickness)
	}
	if c := v.Cursor(); c != desktop.VResizeCursor {
		t.Errorf("cursor on the vertical thumb %v, want the vertical resize arrow", c)
	}
	saveCapture(t, b, "viewbars-hover.png")
	test.MoveMouse(w.Canvas(), v.Position().AddXY(viewBarArea/2, v.at+v.length+40))
	if c := v.Cursor(); c != desktop.PointerCursor {
		t.Errorf("cursor on the track %v, want the pointing hand", c)
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(300, 200))
	if th := v.thumb.Size().Width; th != viewBarThickness || v.track.Visible() {
		t.Errorf("thumb %g thick after the pointer left, track shown %v", th, v.track.Visible())
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
