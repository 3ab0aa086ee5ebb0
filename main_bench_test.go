package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// BenchmarkExportRSS1000 runs the real binary to export a generated
// 1,000-step blueprint (four cards a cell) at scale 1, and reports the
// process's peak resident memory (budget: 500 MB) and its wall time.
func BenchmarkExportRSS1000(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "servicebp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	data, err := blueprint.Marshal(bpgen.Stack(bpgen.Generate(1000), 4))
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
