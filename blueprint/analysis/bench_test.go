package analysis

import (
	"fmt"
	"reflect"
	"testing"

	"servicebp/blueprint/bpgen"
)

// BenchmarkLintAndStats measures lint and stats of a generated 1,000-step
// blueprint, run apart and together.
func BenchmarkLintAndStats(b *testing.B) {
	d := bpgen.Generate(1000)
	b.Run("lint+stats", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Lint(d, Options{})
			ComputeStats(d)
		}
	})
	b.Run("analyze", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Analyze(d, Options{})
		}
	})
}

// BenchmarkCriticalPath measures the critical path of the whole blueprint
// and of each phase, on generated blueprints of 1,000 and 10,000 steps.
func BenchmarkCriticalPath(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		d := bpgen.Generate(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ComputePath(d)
			}
		})
	}
}

func TestGenerated(t *testing.T) {
	d := bpgen.Generate(1000)
	s := ComputeStats(d)
	if s.Steps != 1000 || s.AboveVisibility+s.BelowVisibility != 1000 || s.Encounters == 0 || s.InternalEncounters == 0 {
		t.Errorf("stats of a generated blueprint = %+v", s)
	}
	fs, st := Analyze(d, Options{})
	if !reflect.DeepEqual(fs, Lint(d, Options{})) || !reflect.DeepEqual(st, s) {
		t.Error("Analyze differs from Lint and ComputeStats")
	}
	for _, f := range fs {
		if f.Severity == Error {
			t.Errorf("generated blueprint has an error: %s: %s", f.Rule, f.Message)
		}
	}
}
