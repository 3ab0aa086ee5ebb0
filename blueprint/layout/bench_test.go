package layout

import (
	"testing"

	"servicebp/blueprint/bpgen"
)

// BenchmarkCompute1000 lays out a generated 1,000-step blueprint with the
// fake measure; export's BenchmarkLayout1000 measures with real fonts.
func BenchmarkCompute1000(b *testing.B) {
	d := bpgen.Generate(1000)
	st := DefaultStyle()
	b.ReportAllocs()
	for b.Loop() {
		Compute(d, st, fakeMeasure)
	}
}
