package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// nonCanonical returns a valid blueprint of at least lines lines that is
// not in canonical form: the canonical text of a generated blueprint with
// some of its steps written the way people write them by hand (keys out
// of order, quoted values, extra spaces after the colon, flow-style tags)
// and its columns written as blocks.
func nonCanonical(tb testing.TB, lines int) []byte {
	tb.Helper()
	// About 6.4 lines a step in canonical form; grow until large enough.
	for n := lines / 7; ; n += n / 10 {
		data, err := blueprint.Marshal(bpgen.Generate(n))
		if err != nil {
			tb.Fatal(err)
		}
		src := roughen(string(data))
		if strings.Count(src, "\n") >= lines {
			if _, err := blueprint.Parse("gen.yaml", []byte(src)); err != nil {
				tb.Fatalf("the roughened blueprint does not load: %v", err)
			}
			return []byte(src)
		}
	}
}

// roughen rewrites canonical text into an equivalent, non-canonical form.
func roughen(src string) string {
	var b strings.Builder
	step := 0
	ls := strings.SplitAfter(src, "\n")
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		switch {
		case strings.HasPrefix(l, "  - {id: c") && strings.Contains(l, "phase:"):
			// - {id: c0001, name: Column 1, phase: Phase 1}
			inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(l), "- {"), "}")
			for j, kv := range strings.Split(inner, ", ") {
				lead := "    "
				if j == 0 {
					lead = "  - "
				}
				b.WriteString(lead + kv + "\n")
			}
			continue
		case strings.HasPrefix(l, "  - id: s"):
			step++
		case step%3 == 1 && strings.HasPrefix(l, "    lane: ") && i+1 < len(ls) && strings.HasPrefix(ls[i+1], "    column: "):
			b.WriteString(ls[i+1])
			b.WriteString(l)
			i++
			continue
		case step%4 == 2 && strings.HasPrefix(l, "    text: "):
			b.WriteString(fmt.Sprintf("    text: %q\n", strings.TrimSuffix(strings.TrimPrefix(l, "    text: "), "\n")))
			continue
		case step%5 == 3 && strings.HasPrefix(l, "    owner: "):
			b.WriteString(strings.Replace(l, "owner: ", "owner:   ", 1))
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}

// BenchmarkFmtDiff10000Lines runs `servicebp fmt -d` on a 10,000-line
// non-canonical file (budget: 100 ms and 50 MB a run).
func BenchmarkFmtDiff10000Lines(b *testing.B) {
	src := nonCanonical(b, 10000)
	path := filepath.Join(b.TempDir(), "big.yaml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard}
	b.ReportAllocs()
	start := cpuTime(b)
	for b.Loop() {
		out.Reset()
		if code := Main([]string{"fmt", "-d", path}, env, nil); code > ExitFailure || out.Len() == 0 {
			b.Fatalf("exit %d, %d bytes of diff", code, out.Len())
		}
	}
	reportCPU(b, start)
	b.ReportMetric(float64(bytes.Count(src, []byte("\n"))), "lines")
}

// BenchmarkAnchoredDiff10000Lines measures the diff alone, from the same
// 10,000-line non-canonical file to its canonical form.
func BenchmarkAnchoredDiff10000Lines(b *testing.B) {
	src := nonCanonical(b, 10000)
	doc, err := blueprint.Parse("big.yaml", src)
	if err != nil {
		b.Fatal(err)
	}
	out, err := blueprint.Marshal(doc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime(b)
	defer reportCPU(b, start)
	for b.Loop() {
		if d := anchoredDiff("big.yaml.orig", src, "big.yaml", out); len(d) == 0 {
			b.Fatal("no diff")
		}
	}
}

// cpuTime is the CPU time (user and system) the process has used so far.
func cpuTime(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per run since start as cpu-ms/op: on a
// shared machine it varies much less than the wall time.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime(b)-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
