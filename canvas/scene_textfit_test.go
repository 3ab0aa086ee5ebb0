package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// TestCardTextFitsAtEveryZoom draws cards whose text fills them, in
// Chinese and English, at zooms that give fractional text sizes: every
// line of card text, as Fyne renders it, ends at least a pixel inside the
// card's right edge.
func TestCardTextFitsAtEveryZoom(t *testing.T) {
	test.NewTempApp(t)
	d := blueprint.New("Fit", blueprint.EnglishNames)
	d.Columns = []blueprint.Column{{ID: "a"}, {ID: "b"}}
	d.Steps = []blueprint.Step{
		{ID: "zh", Lane: "customer", Column: "a", Text: "结算页核对地址和金额"},
		{ID: "en", Lane: "frontstage", Column: "b", Text: "Process checkout, settle the bill"},
	}
	b := NewBoard(state.New(d))
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(1200, 900))
	drv := fyne.CurrentApp().Driver()
	for _, zoom := range []float32{0.35, 0.52, 0.7, 0.77, 1, 1.15, 1.33, 1.7} {
		b.setView(zoom, fyne.NewPos(0, 0))
		n := 0
		walkObjects(b.scene.Object(), func(o fyne.CanvasObject) {
			tx, ok := o.(*fcanvas.Text)
			if !ok || !tx.Visible() {
				return
			}
			for _, c := range b.lay.Cards {
				pos, size := b.screenRect(c.Rect)
				if tx.Position().X < pos.X || tx.Position().X > pos.X+size.Width || tx.Position().Y < pos.Y || tx.Position().Y > pos.Y+size.Height {
					continue
				}
				n++
				tw, _ := drv.RenderedTextSize(tx.Text, tx.TextSize, tx.TextStyle, tx.FontSource)
				if end, edge := tx.Position().X+tw.Width, pos.X+size.Width-1; end > edge {
					t.Errorf("zoom %g: %q drawn to %.1f px, past %.1f (card edge less a pixel)", zoom, tx.Text, end, edge)
				}
			}
		})
		if n < 2 {
			t.Fatalf("zoom %g: %d card texts found", zoom, n)
		}
	}
}

// walkObjects calls f for o and every object inside it.
func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			walkObjects(ch, f)
		}
	}
}
