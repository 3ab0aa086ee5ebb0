package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// TestSceneChanges marks a diff on the scene: the card outline takes the
// change colour, the ghost and the move arrow get groups of their own in
// the card and label layers, and SetChanges(nil) takes them all away.
func TestSceneChanges(t *testing.T) {
	s, _ := newSceneForTest(t, boardDoc())
	p := LightPalette()
	from := layout.Point{X: 10, Y: 10}
	s.SetChanges(&draw.Changes{
		Steps:  map[string]draw.StepChange{"sip": {Kind: draw.ChangeAdded}, "card": {Kind: draw.ChangeMoved, From: &from}},
		Ghosts: []draw.Ghost{{StepID: "gone", Rect: layout.Rect{X: 400, Y: 300, W: 120, H: 40}}},
	})
	body, ok := sceneCardObjects(s, "sip")[1].(*fcanvas.Rectangle)
	if !ok || body.StrokeColor != p.Added {
		t.Fatalf("added card body %#v", sceneCardObjects(s, "sip")[1])
	}
	if g := s.cards.groups["ghost\x00gone"]; g == nil || len(g.items) == 0 {
		t.Error("no ghost in the card layer")
	}
	if g := s.labels.groups["move\x00card"]; g == nil || len(g.items) < 3 {
		t.Error("no move arrow in the label layer")
	}
	if s.Changes() == nil {
		t.Error("Changes lost the marks")
	}
	s.SetChanges(nil)
	if body := sceneCardObjects(s, "sip")[1].(*fcanvas.Rectangle); body.StrokeColor == p.Added {
		t.Error("the outline stayed after SetChanges(nil)")
	}
	if s.cards.groups["ghost\x00gone"] != nil || s.labels.groups["move\x00card"] != nil {
		t.Error("ghost or arrow stayed after SetChanges(nil)")
	}
}

// TestBoardEscapeHandler gives Esc to the handler first, and to the board
// when there is none; CenterOn puts a card in the middle of the board.
func TestBoardEscapeHandler(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	b.SetSelection(state.StepSelection("sip"))
	calls := 0
	b.SetEscapeHandler(func() bool { calls++; return true })
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if calls != 1 || !b.Selection().Has("sip") {
		t.Errorf("handler calls %d, selection %v", calls, b.Selection())
	}
	b.SetEscapeHandler(nil)
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.Selection().Kind != state.SelectNone {
		t.Errorf("Esc without a handler left selection %v", b.Selection())
	}
	r, _ := b.Layout().CardRect("sip")
	b.CenterOn(r)
	c := b.scene.WorldToScreen(r.Center())
	if d := c.X - b.Size().Width/2; d < -1 || d > 1 {
		t.Errorf("card centre at x %g on a board %g wide", c.X, b.Size().Width)
	}
	b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if b.Modifiers()&fyne.KeyModifierShift == 0 {
		t.Error("Modifiers misses the held Shift")
	}
	b.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}
