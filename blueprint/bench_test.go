package blueprint_test

import (
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// BenchmarkLoad1000 measures parsing and validating a generated
// 1,000-step blueprint (budget: 50 ms).
func BenchmarkLoad1000(b *testing.B) {
	data, err := blueprint.Marshal(bpgen.Generate(1000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := blueprint.Parse("gen.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave1000 measures writing a 1,000-step blueprint in canonical
// form (budget: 50 ms).
func BenchmarkSave1000(b *testing.B) {
	d := bpgen.Generate(1000)
	for b.Loop() {
		if _, err := blueprint.Marshal(d); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGeneratedBlueprintIsValid(t *testing.T) {
	d := bpgen.Generate(1000)
	if len(d.Steps) != 1000 {
		t.Fatalf("got %d steps", len(d.Steps))
	}
	data, err := blueprint.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	d2, err := blueprint.Parse("gen.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := blueprint.Marshal(d2)
	if string(again) != string(data) {
		t.Fatal("generated blueprint is not stable through a round trip")
	}
}
