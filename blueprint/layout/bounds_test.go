package layout

import (
	"math/rand/v2"
	"testing"

	"servicebp/blueprint/bpgen"
)

// TestMinSizeIsALowerBound lays out messy and generated documents and
// checks that MinSize never exceeds the real size: a caller that refuses a
// drawing by MinSize must never refuse one that fits.
func TestMinSizeIsALowerBound(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	st := DefaultStyle()
	for n := range 300 {
		d := randomDoc(r)
		if n%50 == 0 {
			d = bpgen.Generate(1 + n)
		}
		l := Compute(d, st, fakeMeasure)
		w, h := MinSize(d, st)
		if w > l.Width || h > l.Height {
			t.Fatalf("doc %d: MinSize %v × %v, layout %v × %v", n, w, h, l.Width, l.Height)
		}
	}
	d := bpgen.Generate(1000)
	l := Compute(d, st, fakeMeasure)
	if w, _ := MinSize(d, st); w < l.Width/2 {
		t.Errorf("MinSize width %v is far below the layout's %v; the bound is too weak to help", w, l.Width)
	}
}
