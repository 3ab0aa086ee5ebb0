package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint/bpgen"
	"servicebp/internal/state"
)

// TestBoardFrozenHeaders scrolls a large drawing right and down: the lane
// header column stays at the left edge and the band of phases and column
// names at the top, as frozen panes, and clicking them hits the lane or
// the column shown there.
func TestBoardFrozenHeaders(t *testing.T) {
	test.NewTempApp(t)
	b := NewBoard(state.New(bpgen.Generate(60)))
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(900, 600))
	if b.frozen.lanes.clip.Visible() || b.frozen.top.clip.Visible() {
		t.Fatalf("at the top-left corner a frozen pane is shown")
	}
	b.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-700, -250)})
	if b.Offset().X >= 0 || b.Offset().Y >= 0 {
		t.Fatalf("scrolling did not move the view: offset %v", b.Offset())
	}
	lanes, top := b.frozen.lanes.clip, b.frozen.top.clip
	if !lanes.Visible() || !top.Visible() {
		t.Fatalf("scrolled right and down: lane pane shown %v, top pane shown %v", lanes.Visible(), top.Visible())
	}
	if lw := b.frozenLaneWidth(); lanes.Position().X != 0 || abs(lanes.Size().Width-lw) > 0.5 {
		t.Errorf("lane pane at %v, %v; want at the left edge, %g wide", lanes.Position(), lanes.Size(), lw)
	}
	// A lane whose header is on screen vertically: click its frozen header.
	var lane string
	var y float32
	for _, ln := range b.lay.Lanes {
		sy := ln.Rect.Center().Y*b.zoom + b.Offset().Y
		if sy > b.frozenTopHeight()+10 && sy < 590 {
			lane, y = ln.ID, sy
			break
		}
	}
	if lane == "" {
		t.Fatal("no lane on screen")
	}
	if h := b.hitAt(fyne.NewPos((b.lay.Grid.X+20)*b.zoom, y)); h.kind != hitLane || h.lane != lane {
		t.Errorf("click on the frozen header of %s hits %+v", lane, h)
	}
	// A column whose header is on screen horizontally.
	checked := false
	for _, c := range b.lay.Columns {
		sx := c.Rect.Center().X*b.zoom + b.Offset().X
		if c.Header == nil || sx < b.frozenLaneWidth()+10 || sx > 890 {
			continue
		}
		hy := c.Header.Rect().Center().Y * b.zoom
		if h := b.hitAt(fyne.NewPos(sx, hy)); h.kind != hitColumn || h.column != c.ID {
			t.Errorf("click on the frozen header of column %s hits %+v", c.ID, h)
		}
		checked = true
		break
	}
	if !checked {
		t.Error("no named column on screen")
	}
	saveCapture(t, b, "frozen.png")
	// Back at the origin the panes go.
	b.setView(b.Zoom(), fyne.NewPos(0, 0))
	if lanes.Visible() || top.Visible() {
		t.Errorf("back at the origin a frozen pane is still shown")
	}
}

// TestBoardFrozenHeaderEdit double-clicks a lane header in the frozen
// pane: the name editor opens over it there, on screen.
func TestBoardFrozenHeaderEdit(t *testing.T) {
	test.NewTempApp(t)
	b := NewBoard(state.New(bpgen.Generate(60)))
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(900, 600))
	b.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-700, 0)})
	ln := b.lay.Lanes[1]
	pos := fyne.NewPos((ln.Header.X+20)*b.zoom, ln.Header.Center().Y*b.zoom+b.Offset().Y)
	b.DoubleTapped(&fyne.PointEvent{Position: pos})
	if !b.Editing() || b.editing.kind != editLaneName || b.editing.id != ln.ID {
		t.Fatalf("double tap on the frozen header of %s: editing %v", ln.ID, b.Editing())
	}
	if p := b.editBox.Position(); p.X < 0 || p.X > b.frozenLaneWidth() {
		t.Errorf("lane name editor at %v, off the frozen pane (0 … %g)", p, b.frozenLaneWidth())
	}
}
