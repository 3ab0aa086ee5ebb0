package canvas

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
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

// TestBlankColumnsHaveAHeaderAndCellMenu: in a new blueprint, whose
// columns have no name and no phase, each column still has a thin header
// to click, and a cell's context menu manages its column and lane.
func TestBlankColumnsHaveAHeaderAndCellMenu(t *testing.T) {
	b := newTestBoard(t, blueprint.New("", blueprint.EnglishNames))
	col := b.Layout().Columns[0]
	if col.Blank.H <= 0 {
		t.Fatal("an unnamed column has no header band")
	}
	c := col.Blank
	h := b.hitAt(b.toScreen(layout.Point{X: c.X + c.W/2, Y: c.Y + c.H/2}))
	if h.kind != hitColumn || h.column != col.ID {
		t.Errorf("the header of column %s hits %+v", col.ID, h)
	}
	lane := b.store.Doc().Lanes[0].ID
	m := b.contextMenu(hit{kind: hitCell, lane: lane, column: col.ID})
	var labels []string
	var laneMenu *fyne.Menu
	for _, it := range m.Items {
		labels = append(labels, it.Label)
		if it.Label == "Lane" {
			laneMenu = it.ChildMenu
		}
	}
	for _, want := range []string{"Add step here", "Rename column", "Set phase…", "Insert column before", "Insert column after", "Move left", "Move right", "Delete column"} {
		if !slices.Contains(labels, want) {
			t.Errorf("the cell menu %v has no %q", labels, want)
		}
	}
	if laneMenu == nil {
		t.Fatal("the cell menu has no Lane submenu")
	}
	n := len(b.store.Doc().Columns)
	tapMenu(t, m.Items, "Insert column after")
	if len(b.store.Doc().Columns) != n+1 {
		t.Error("Insert column after from the cell menu did nothing")
	}
}
