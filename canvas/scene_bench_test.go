package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint/bpgen"
	"servicebp/blueprint/layout"
)

// BenchmarkSceneUpdate500 re-lays out a 500-step blueprint after one step
// moved to another column and updates the scene: the work of one drag
// move on the board (budget 8 ms).
func BenchmarkSceneUpdate500(b *testing.B) {
	test.NewTempApp(b)
	d := bpgen.Generate(500)
	m := Measure(nil)
	st := layout.DefaultStyle()
	s := NewScene(LightPalette())
	s.Update(layout.Compute(d, st, m))
	moved := d.Clone()
	moved.Steps[10].Column = moved.Columns[3].ID
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		doc := d
		if i%2 == 0 {
			doc = moved
		}
		i++
		s.Update(layout.Compute(doc, st, m))
	}
}

// BenchmarkSceneSetView pans and zooms a 500-step scene with culling on.
func BenchmarkSceneSetView(b *testing.B) {
	test.NewTempApp(b)
	d := bpgen.Generate(500)
	s := NewScene(LightPalette())
	s.Update(layout.Compute(d, layout.DefaultStyle(), Measure(nil)))
	b.ReportAllocs()
	i := float32(0)
	for b.Loop() {
		i++
		s.SetView(1+0.001*i, fyne.NewPos(-i, -i))
	}
}
