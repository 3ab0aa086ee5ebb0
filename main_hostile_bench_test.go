package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// BenchmarkHostileInputs runs the real binary's validate, fmt, lint, stats
// and export on each small file that used to take minutes or gigabytes,
// and reports for each the process's CPU time and peak resident memory
// (budget: 2 s and 500 MB for any input under 10 MB). CPU time is reported
// rather than wall time, which on a shared machine measures the others.
func BenchmarkHostileInputs(b *testing.B) {
	// A child's peak memory as the kernel reports it is at least the
	// parent's, whose address space the child starts in, so the inputs are
	// written by a copy of this test binary and this process stays small.
	const dirEnv = "SERVICEBP_HOSTILE_DIR"
	if dir := os.Getenv(dirEnv); dir != "" {
		writeHostileInputs(b, dir)
		return
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "servicebp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	gen := exec.Command(os.Args[0], "-test.run=^$", "-test.bench=^BenchmarkHostileInputs$", "-test.benchtime=1x")
	gen.Env = append(os.Environ(), dirEnv+"="+dir)
	if out, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("write the inputs: %v\n%s", err, out)
	}
	measure := func(b *testing.B, args ...string) {
		var peak int64
		var cpu time.Duration
		for b.Loop() {
			cmd := exec.Command(bin, args...)
			err := cmd.Run()
			if _, exited := err.(*exec.ExitError); err != nil && !exited {
				b.Fatal(err)
			}
			cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				peak = max(peak, ru.Maxrss) // kB on Linux
			}
		}
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "ms-cpu/op")
		b.ReportMetric(float64(peak)/1024, "MB-maxrss")
	}
	// The floor: a command that stops at its usage message.
	b.Run("Baseline/usage", func(b *testing.B) { measure(b, "validate") })
	commands := [][]string{{"validate"}, {"fmt"}, {"lint"}, {"stats"}, {"export", "-o", filepath.Join(dir, "out.png")}}
	for _, name := range hostileNames {
		src := filepath.Join(dir, name+".yaml")
		for _, args := range commands {
			b.Run(name+"/"+args[0], func(b *testing.B) {
				measure(b, append([]string{args[0], src}, args[1:]...)...)
			})
		}
	}
}

// hostileNames are the inputs writeHostileInputs writes, in the order the
// benchmark reports them.
var hostileNames = []string{"BrokenRefs", "LongTitle", "LongOwner", "LongPhase", "LongLabel", "LongWord",
	"HugeTitle", "LongDescription", "ManyValues", "ManyBlockValues", "ManyTinySteps", "Aliases", "Generated10000"}

// writeHostileInputs writes each of hostileNames as NAME.yaml into dir.
func writeHostileInputs(b *testing.B, dir string) {
	size := blueprint.MaxFileSize - 100
	gen10000, err := blueprint.Marshal(bpgen.Generate(10000))
	if err != nil {
		b.Fatal(err)
	}
	inputs := map[string][]byte{
		"BrokenRefs":      bpgen.BrokenRefs(2000, 64),
		"LongTitle":       bpgen.LongText("title", 20000, true),
		"LongOwner":       bpgen.LongText("owner", 10000, true),
		"LongPhase":       bpgen.LongText("phase", 10000, true),
		"LongLabel":       bpgen.LongText("label", 10000, true),
		"LongWord":        bpgen.LongText("text", 10000, false),
		"HugeTitle":       bpgen.LongText("title", size-1000, false),
		"LongDescription": bpgen.LongText("description", size-1000, true),
		"ManyValues":      bpgen.ManyValues(size),
		"ManyBlockValues": bpgen.ManyBlockValues(size),
		"ManyTinySteps":   bpgen.ManyTinySteps(size),
		"Aliases":         bpgen.Aliases(size),
		"Generated10000":  gen10000,
	}
	for _, name := range hostileNames {
		if err := os.WriteFile(filepath.Join(dir, name+".yaml"), inputs[name], 0o644); err != nil {
			b.Fatal(err)
		}
	}
}
