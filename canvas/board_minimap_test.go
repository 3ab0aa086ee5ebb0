package canvas

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/blueprint/layout"
	"servicebp/internal/golden"
	"servicebp/internal/state"
)

// minimapBoard shows d on a w × h board in a test window.
func minimapBoard(t *testing.T, d *blueprint.Document, w, h float32) (*Board, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	b := NewBoard(state.New(d))
	win := test.NewTempWindow(t, b)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	return b, win
}

// minimapAt is the window position of the world point p on the minimap.
func minimapAt(b *Board, p layout.Point) fyne.Position {
	m := b.mini
	return m.Position().Add(m.picAt).AddXY(p.X*m.scale, p.Y*m.scale)
}

// viewCentre is the world point in the middle of the board.
func viewCentre(b *Board) layout.Point { return b.toWorld(b.centre()) }

// TestBoardMinimapToggle switches the minimap on and off: it is off on a
// new board, shows in the bottom-right corner when switched on, clear of
// the view bars, and goes again when switched off.
func TestBoardMinimapToggle(t *testing.T) {
	b, _ := minimapBoard(t, bpgen.Generate(60), 1000, 700)
	m := b.mini
	if b.Minimap() || m.Visible() {
		t.Fatalf("a new board shows the minimap: on %v, shown %v", b.Minimap(), m.Visible())
	}
	b.SetMinimap(true)
	if !b.Minimap() || !m.Visible() {
		t.Fatalf("switched on, the minimap is not shown")
	}
	pos, size := m.Position(), m.Size()
	if right, bottom := pos.X+size.Width, pos.Y+size.Height; right > 1000-viewBarArea || bottom > 700-viewBarArea || right < 1000-viewBarArea-2*minimapMargin || bottom < 700-viewBarArea-2*minimapMargin {
		t.Errorf("minimap at %v, %v: want it in the bottom-right corner, clear of the view bars", pos, size)
	}
	if size.Width > minimapMaxW || size.Height > minimapMaxH {
		t.Errorf("minimap %v, larger than %dx%d", size, minimapMaxW, minimapMaxH)
	}
	// The picture keeps the drawing's proportions.
	ps := m.pic.Size()
	if got, want := ps.Width/ps.Height, b.lay.Width/b.lay.Height; abs(got-want) > 0.05*want {
		t.Errorf("picture %v has the proportions %.2f, the drawing %.2f", ps, got, want)
	}
	b.SetMinimap(false)
	if m.Visible() {
		t.Error("switched off, the minimap is still shown")
	}
}

// TestBoardMinimapWide shows the minimap of drawings ten and fifty times
// as wide as they are high: it grows wider, up to part of the board,
// rather than thinning to a line, and its picture has pixels enough for
// its box.
func TestBoardMinimapWide(t *testing.T) {
	for _, tt := range []struct {
		steps int
		minH  float32
	}{{200, minimapWideH}, {1000, minimapMinH}} {
		b, _ := minimapBoard(t, bpgen.Generate(tt.steps), 1400, 900)
		b.SetMinimap(true)
		m := b.mini
		if !m.Visible() {
			t.Fatalf("%d steps (%gx%g): no minimap", tt.steps, b.lay.Width, b.lay.Height)
		}
		ps := m.pic.Size()
		if ps.Height < tt.minH-2*minimapPad-0.5 || m.Size().Width > minimapWideShare*1400+0.5 {
			t.Errorf("%d steps: minimap %v, picture %v; want a picture ≥ %g high in ≤ %g of the width", tt.steps, m.Size(), ps, tt.minH-2*minimapPad, minimapWideShare)
		}
		if px := m.pic.Image.Bounds().Dy(); float32(px) < ps.Height {
			t.Errorf("%d steps: picture %d pixels high for a box %g high", tt.steps, px, ps.Height)
		}
	}
}

// TestBoardMinimapClick clicks and drags in the minimap: the view is
// centred on the drawing's point under the pointer, at the same zoom.
func TestBoardMinimapClick(t *testing.T) {
	b, w := minimapBoard(t, bpgen.Generate(60), 1000, 700)
	b.SetMinimap(true)
	z := b.Zoom()
	tol := 1 / b.mini.scale
	target := layout.Point{X: b.lay.Width * 0.6, Y: b.lay.Height * 0.55}
	test.TapCanvas(w.Canvas(), minimapAt(b, target))
	if c := viewCentre(b); abs(c.X-target.X) > tol || abs(c.Y-target.Y) > tol {
		t.Errorf("after a click on %v in the minimap the view is centred on %v", target, c)
	}
	if b.Zoom() != z {
		t.Errorf("a click in the minimap changed the zoom from %g to %g", z, b.Zoom())
	}
	if b.Selection().Kind != state.SelectNone {
		t.Errorf("a click in the minimap selected %v on the board under it", b.Selection())
	}
	from, to := layout.Point{X: b.lay.Width * 0.3, Y: b.lay.Height * 0.4}, layout.Point{X: b.lay.Width * 0.45, Y: b.lay.Height * 0.5}
	a, e := minimapAt(b, from), minimapAt(b, to)
	test.Drag(w.Canvas(), a, e.X-a.X, e.Y-a.Y)
	if c := viewCentre(b); abs(c.X-to.X) > tol || abs(c.Y-to.Y) > tol {
		t.Errorf("after a drag to %v in the minimap the view is centred on %v", to, c)
	}
	// The rectangle is the part in view.
	v := b.mini.view
	want := minimapAt(b, b.toWorld(fyne.NewPos(0, 0)))
	if got := b.mini.Position().Add(v.Position()); abs(got.X-want.X) > 1 || abs(got.Y-want.Y) > 1 {
		t.Errorf("view rectangle at %v, want %v", got, want)
	}
	if got, want := v.Size().Width, b.size.Width/b.zoom*b.mini.scale; abs(got-want) > 1 {
		t.Errorf("view rectangle %g wide, want %g", got, want)
	}
}

// TestBoardMinimapClearOfFrozenHeaders scrolls into the middle of the
// drawing, so that the lane header column and the phase band are frozen
// at the board's edges, on boards of several sizes: the minimap never
// covers them, and on a board too small to hold it beside them it hides.
func TestBoardMinimapClearOfFrozenHeaders(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1200, 800), fyne.NewSize(520, 360), fyne.NewSize(300, 240), fyne.NewSize(160, 120)} {
		b, _ := minimapBoard(t, bpgen.Generate(60), size.Width, size.Height)
		b.SetMinimap(true)
		b.ZoomIn()
		b.setView(b.zoom, fyne.NewPos(-b.lay.Width*b.zoom/2, -b.lay.Height*b.zoom/2))
		if !b.frozen.lanes.clip.Visible() || !b.frozen.top.clip.Visible() {
			t.Fatalf("board %v: frozen panes not shown in the middle of the drawing", size)
		}
		m := b.mini
		if !m.Visible() {
			if size.Width >= 300 {
				t.Errorf("board %v: no minimap", size)
			}
			continue
		}
		mr := fyne.NewPos(m.Position().X, m.Position().Y)
		for name, pane := range map[string]fyne.CanvasObject{"lane headers": b.frozen.lanes.clip, "phase band": b.frozen.top.clip} {
			p, s := pane.Position(), pane.Size()
			if mr.X < p.X+s.Width && mr.Y < p.Y+s.Height {
				t.Errorf("board %v: the minimap at %v covers the frozen %s (%v, %v)", size, mr, name, p, s)
			}
		}
		if size.Width < 300 {
			t.Errorf("board %v: minimap %v shown where it has no room", size, m.Size())
		}
	}
}

// TestBoardMinimapPaintsOnChange checks that the minimap's picture is
// painted when the document or the palette changes, and not when the
// view pans or zooms.
func TestBoardMinimapPaintsOnChange(t *testing.T) {
	b, _ := minimapBoard(t, bpgen.Generate(60), 1000, 700)
	b.SetMinimap(true)
	n := b.mini.paints
	if n == 0 {
		t.Fatal("switched on, the minimap has no picture")
	}
	for i := range 20 {
		b.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-40, -float32(i))})
	}
	b.ZoomIn()
	if b.mini.paints != n {
		t.Errorf("panning and zooming painted the picture %d times", b.mini.paints-n)
	}
	st := b.store.Doc().Steps[0]
	st.Text = "Renamed"
	if err := b.store.Apply(blueprint.EditStep(st.ID, st)); err != nil {
		t.Fatal(err)
	}
	if b.mini.paints != n+1 {
		t.Errorf("an edit painted the picture %d times, want once", b.mini.paints-n)
	}
	b.SetPalette(DarkPalette())
	if b.mini.paints != n+2 {
		t.Errorf("a new palette painted the picture %d times, want once", b.mini.paints-n-1)
	}
}

// TestBoardMinimapGolden draws the hotel blueprint's board with the
// minimap, in the light and the dark palette, scrolled into the middle.
func TestBoardMinimapGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		pal  Palette
	}{{"board_minimap", LightPalette()}, {"board_minimap_dark", DarkPalette()}} {
		t.Run(tt.name, func(t *testing.T) {
			font := golden.Font(t)
			b, w := minimapBoard(t, golden.Template(t, "hotel"), 900, 560)
			b.SetFont(font)
			b.SetPalette(tt.pal)
			b.SetMinimap(true)
			b.setView(1, fyne.NewPos(-700, -120))
			golden.AssertImage(t, filepath.Join("testdata", tt.name+".png"), w.Canvas().Capture())
		})
	}
}

// BenchmarkMinimapPan pans a 500-step board, with the minimap off and on:
// the minimap adds only the placing of its view rectangle to a pan.
func BenchmarkMinimapPan(b *testing.B) {
	for _, on := range []bool{false, true} {
		name := "off"
		if on {
			name = "on"
		}
		b.Run(name, func(b *testing.B) {
			test.NewTempApp(b)
			bd := NewBoard(state.New(bpgen.Generate(500)))
			w := test.NewTempWindow(b, bd)
			w.SetPadded(false)
			w.Resize(fyne.NewSize(1400, 900))
			bd.SetMinimap(on)
			paints := bd.mini.paints
			b.ReportAllocs()
			i := float32(0)
			for b.Loop() {
				i++
				bd.setView(1, fyne.NewPos(-float32(int(i)%2000), -float32(int(i)%300)))
			}
			if bd.mini.paints != paints {
				b.Fatalf("panning painted the minimap %d times", bd.mini.paints-paints)
			}
		})
	}
}

// BenchmarkMinimapFollowPan is the minimap's own share of a pan on a
// 500-step board: placing its view rectangle for the new view.
func BenchmarkMinimapFollowPan(b *testing.B) {
	test.NewTempApp(b)
	bd := NewBoard(state.New(bpgen.Generate(500)))
	w := test.NewTempWindow(b, bd)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1400, 900))
	bd.SetMinimap(true)
	paints := bd.mini.paints
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		bd.off = fyne.NewPos(-float32(i%2000), -float32(i%300))
		bd.mini.update()
	}
	if bd.mini.paints != paints {
		b.Fatalf("panning painted the minimap %d times", bd.mini.paints-paints)
	}
}

// BenchmarkMinimapPaint paints the minimap's picture of a 500-step
// blueprint, as after each edit while the minimap is on.
func BenchmarkMinimapPaint(b *testing.B) {
	test.NewTempApp(b)
	l := layout.Compute(bpgen.Generate(500), layout.DefaultStyle(), Measure(nil))
	p := LightPalette()
	b.ReportAllocs()
	for b.Loop() {
		paintMinimap(minimapLayout(l), &p)
	}
}

// TestBoardMinimapHiddenWhileAllIsInView switches the minimap on over a
// blueprint that fits the board: it would only repeat the drawing, so it
// shows only once zooming in puts part of the drawing out of view.
func TestBoardMinimapHiddenWhileAllIsInView(t *testing.T) {
	b, _ := minimapBoard(t, bpgen.Generate(4), 1600, 1000)
	b.SetMinimap(true)
	b.ZoomToFit()
	if b.mini.Visible() {
		t.Fatal("the minimap shows while the whole drawing is in view")
	}
	for range 6 {
		b.ZoomIn()
	}
	if !b.mini.Visible() {
		t.Error("zoomed in past the board's edges, the minimap is not shown")
	}
}
