package merge_test

import (
	"testing"

	"servicebp/blueprint/bpgen"
	"servicebp/blueprint/merge"
)

// BenchmarkMerge1000 merges three 1,000-step generated blueprints: a base
// and two sides with 100 random edits each, and writes the result.
func BenchmarkMerge1000(b *testing.B) {
	base := reload(b, bpgen.Generate(1000))
	ours := edited(b, base, 1, 100)
	theirs := edited(b, base, 2, 100)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := merge.Write(base, ours, theirs); err != nil {
			b.Fatal(err)
		}
	}
}
