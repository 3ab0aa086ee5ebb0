package canvas

import (
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// TestMenuDeleteGoesThroughOnDelete: the lane and column menus' Delete
// hand the element to OnDelete, as the Delete key does, so that the
// editor can say what went.
func TestMenuDeleteGoesThroughOnDelete(t *testing.T) {
	b := newTestBoard(t, blueprint.New("", blueprint.EnglishNames))
	var got []state.Selection
	b.OnDelete = func(sel state.Selection) { got = append(got, sel) }
	lane := b.store.Doc().Lanes[1].ID
	col := b.store.Doc().Columns[0].ID
	tapMenu(t, b.laneMenu(lane).Items, "Delete lane")
	tapMenu(t, b.columnMenu(col).Items, "Delete column")
	want := []state.Selection{
		{Kind: state.SelectLane, IDs: []string{lane}},
		{Kind: state.SelectColumn, IDs: []string{col}},
	}
	if len(got) != 2 || !got[0].Equal(want[0]) || !got[1].Equal(want[1]) {
		t.Errorf("OnDelete got %v, want %v", got, want)
	}
	if len(b.store.Doc().Lanes) != len(blueprint.New("", blueprint.EnglishNames).Lanes) {
		t.Error("the board deleted the lane itself instead of leaving it to OnDelete")
	}
}

// tapMenu runs the item labelled label.
func tapMenu(t *testing.T, items []*fyne.MenuItem, label string) {
	t.Helper()
	for _, it := range items {
		if it.Label == label {
			it.Action()
			return
		}
	}
	t.Fatalf("no menu item %q", label)
}
