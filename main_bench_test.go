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

// BenchmarkExportRSS1000 runs the real binary to export a generated
// 1,000-step blueprint (four cards a cell) at scale 1, and reports the
// process's peak resident memory (budget: 500 MB) and its wall time.
func BenchmarkExportRSS1000(b *testing.B) {
	benchExportRSS(b, bpgen.Stack(bpgen.Generate(1000), 4))
}

// BenchmarkExportRSS1000Wide is BenchmarkExportRSS1000 with the 1,000
// cards in 200 columns, one a cell: an image 47,000 pixels wide (budget:
// 150 MB).
func BenchmarkExportRSS1000Wide(b *testing.B) {
	benchExportRSS(b, bpgen.Generate(1000))
}

func benchExportRSS(b *testing.B, doc *blueprint.Document) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "servicebp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	data, err := blueprint.Marshal(doc)
	if err != nil {
		b.Fatal(err)
	}
	src := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "big.png")
	var peak int64
	for b.Loop() {
		cmd := exec.Command(bin, "export", src, "-o", out, "--scale", "1")
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("export: %v\n%s", err, msg)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss) // kB on Linux
		}
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		b.Fatalf("no image written: %v", err)
	}
	b.ReportMetric(float64(peak)/1024, "MB-maxrss")
}

// BenchmarkExportOneCardCPU runs the real binary to export a one-card
// blueprint to PNG and reports the CPU time (user + system) of the
// process, start-up included (budget: 60 ms).
func BenchmarkExportOneCardCPU(b *testing.B) {
	benchOneCardCPU(b, "export", "-o", "one.png")
}

// BenchmarkValidateOneCardCPU is BenchmarkExportOneCardCPU with validate:
// the CPU of starting the binary and loading a file, which every
// headless command pays, so that the export's own share can be told.
func BenchmarkValidateOneCardCPU(b *testing.B) {
	benchOneCardCPU(b, "validate")
}

// benchOneCardCPU runs "servicebp CMD one.yaml ARGS..." in a scratch
// folder and reports the process's CPU time per run.
func benchOneCardCPU(b *testing.B, cmd string, args ...string) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "servicebp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "one.yaml")
	if err := os.WriteFile(src, []byte("servicebp: 1\ntitle: One card\nsteps:\n  - id: a\n    lane: customer\n    column: c\n    text: Arrive at the hotel\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	var cpu time.Duration
	n := 0
	for b.Loop() {
		c := exec.Command(bin, append([]string{cmd, "one.yaml"}, args...)...)
		c.Dir = dir
		if msg, err := c.CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", cmd, err, msg)
		}
		cpu += c.ProcessState.UserTime() + c.ProcessState.SystemTime()
		n++
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n), "ms-cpu/op")
}
