package blueprint_test

import (
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// The benchmarks below are the small files that used to take minutes or
// gigabytes to refuse (budget: 2 s and 500 MB for any file under 10 MB).
// Each expects Parse to refuse its input, and fails if it does not.

// BenchmarkValidateBrokenRefs validates 2,000 steps with 64-character ids
// and 2,000 flows whose ends name no step (about 500 KB).
func BenchmarkValidateBrokenRefs(b *testing.B) {
	benchRefuse(b, bpgen.BrokenRefs(2000, 64))
}

// BenchmarkParseManyValues refuses a tags list of about 3.5 million
// one-letter values written in flow style (10 MB).
func BenchmarkParseManyValues(b *testing.B) {
	benchRefuse(b, bpgen.ManyValues(blueprint.MaxFileSize-100))
}

// BenchmarkParseManyBlockValues refuses the same tags written one "- a" a
// line (10 MB).
func BenchmarkParseManyBlockValues(b *testing.B) {
	benchRefuse(b, bpgen.ManyBlockValues(blueprint.MaxFileSize-100))
}

// BenchmarkParseManyTinySteps refuses 10 MB of the smallest steps.
func BenchmarkParseManyTinySteps(b *testing.B) {
	benchRefuse(b, bpgen.ManyTinySteps(blueprint.MaxFileSize-100))
}

// BenchmarkParseAliases refuses about 2.6 million aliases to one anchor
// (10 MB).
func BenchmarkParseAliases(b *testing.B) {
	benchRefuse(b, bpgen.Aliases(blueprint.MaxFileSize-100))
}

func benchRefuse(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := blueprint.Parse("hostile.yaml", data); err == nil {
			b.Fatal("the file was accepted")
		}
	}
}

// BenchmarkLoad10000 measures parsing and validating a generated
// 10,000-step blueprint (about 2 MB), the largest size the limits are
// meant to leave well inside the budget.
func BenchmarkLoad10000(b *testing.B) {
	data, err := blueprint.Marshal(bpgen.Generate(10000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := blueprint.Parse("gen.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
