package blueprint_test

import (
	"path/filepath"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// BenchmarkSaveFile1000 measures Save of a 1,000-step blueprint to disk:
// canonical form, temp file, fsync and rename (the save budget is 50 ms).
func BenchmarkSaveFile1000(b *testing.B) {
	d := bpgen.Generate(1000)
	path := filepath.Join(b.TempDir(), "bp.yaml")
	for b.Loop() {
		if err := blueprint.Save(path, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteFileExpect1000 measures a save that first checks the file
// is unchanged since it was read, as fmt -w and the editor do.
func BenchmarkWriteFileExpect1000(b *testing.B) {
	data, err := blueprint.Marshal(bpgen.Generate(1000))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "bp.yaml")
	st, err := blueprint.WriteFile(path, data, blueprint.WriteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if st, err = blueprint.WriteFile(path, data, blueprint.WriteOptions{Expect: &st}); err != nil {
			b.Fatal(err)
		}
	}
}
