package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint/layout"
)

func TestPreviewTapSelectsAndTargets(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	p := e.ui.preview
	p.Resize(fyne.NewSize(900, 600))
	p.update()
	if p.lay == nil || len(p.lay.Cards) != 4 {
		t.Fatalf("preview layout has no cards")
	}
	r, ok := p.lay.CardRect("enjoy")
	if !ok {
		t.Fatal("no card for step enjoy")
	}
	at := p.scene.WorldToScreen(layout.Point{X: r.X + r.W/2, Y: r.Y + r.H/2})
	test.TapAt(p, at)
	if e.Selection().one(SelectStep) != "enjoy" {
		t.Fatalf("tapping the card selected %v", e.Selection())
	}

	// An empty cell: backstage × pay.
	var empty fyne.Position
	for _, lane := range p.lay.Lanes {
		if lane.ID != "backstage" {
			continue
		}
		for _, col := range p.lay.Columns {
			if col.ID == "pay" {
				empty = p.scene.WorldToScreen(layout.Point{X: col.Rect.X + col.Rect.W/2, Y: lane.Rect.Y + lane.Rect.H/2})
			}
		}
	}
	test.TapAt(p, empty)
	if e.Selection().Kind != SelectNone {
		t.Errorf("tapping an empty cell selected %v", e.Selection())
	}
	e.insertStep()
	id := e.Selection().one(SelectStep)
	if s := e.Doc().Step(id); s == nil || s.Lane != "backstage" || s.Column != "pay" {
		t.Errorf("Insert > Step after tapping backstage × pay made %+v", s)
	}
}
