package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// TestBinaryOutputAndFIFOs runs the real binary: its standard output on a
// full device (/dev/full) must fail the command, and a FIFO given as the
// blueprint must be refused at once instead of blocking.
func TestBinaryOutputAndFIFOs(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "servicebp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	data, err := blueprint.Marshal(bpgen.Generate(2000))
	if err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()

	run := func(stdout *os.File, args ...string) (int, string) {
		// The deadline is a hang guard, not a timing check.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = stdout, &stderr
		err := cmd.Run()
		if ctx.Err() != nil {
			t.Fatalf("%v did not return: it blocks", args)
		}
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), stderr.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, stderr.String()
	}
	for _, args := range [][]string{{"fmt", big}, {"validate", big}, {"stats", big}} {
		code, stderr := run(full, args...)
		if code != 1 || !strings.Contains(stderr, "writing standard output: write /dev/stdout: no space left on device") {
			t.Errorf("%v > /dev/full: exit %d, stderr %q", args, code, stderr)
		}
	}
	for _, cmd := range []string{"validate", "fmt", "lint", "stats"} {
		code, stderr := run(nil, cmd, fifo)
		if want := fifo + ":1:1: is not a regular file (a named pipe)"; code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("%s FIFO: exit %d, stderr %q", cmd, code, stderr)
		}
	}
}
