package canvas

import (
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// TestNamingTheBlueprintMovesNothing: a new blueprint's board holds the
// title's line with a muted placeholder, so that giving the blueprint a
// title does not push the lanes down under the pointer; exports, which
// lay out without the placeholder, have no title line.
func TestNamingTheBlueprintMovesNothing(t *testing.T) {
	b := newTestBoard(t, blueprint.New("", blueprint.EnglishNames))
	if b.lay.Title == nil || !b.lay.TitleHint || b.lay.Title.Text != "Untitled blueprint" {
		t.Fatalf("title line %+v, hint %v: want the placeholder", b.lay.Title, b.lay.TitleHint)
	}
	top := b.lay.Lanes[0].Rect.Y
	if err := b.store.Apply(blueprint.SetTitle("Overnight hotel stay")); err != nil {
		t.Fatal(err)
	}
	if b.lay.TitleHint || b.lay.Title == nil || b.lay.Title.Text != "Overnight hotel stay" {
		t.Errorf("title line %+v, hint %v after naming", b.lay.Title, b.lay.TitleHint)
	}
	if got := b.lay.Lanes[0].Rect.Y; got != top {
		t.Errorf("the first lane moved from y %v to %v when the blueprint was named", top, got)
	}
}

// TestDoubleClickTheTitle double-clicks the title's placeholder: the board
// selects nothing and asks for the title to be edited.
func TestDoubleClickTheTitle(t *testing.T) {
	b := newTestBoard(t, blueprint.New("", blueprint.EnglishNames))
	asked := false
	b.OnEditTitle = func() { asked = true }
	b.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{"customer"}})
	b.DoubleTapped(&fyne.PointEvent{Position: b.toScreen(b.lay.Title.Rect().Center())})
	if !asked || b.Selection().Kind != state.SelectNone {
		t.Errorf("asked %v, selection %v", asked, b.Selection())
	}
}
