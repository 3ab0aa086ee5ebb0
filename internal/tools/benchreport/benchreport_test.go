package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `goos: linux
goarch: amd64
pkg: servicebp/blueprint
cpu: Some CPU @ 2.0GHz
BenchmarkLoad1000-2   	      30	  38000000 ns/op	 1234567 B/op	  12 allocs/op
BenchmarkLoad1000-2   	      30	  30000000 ns/op	 1234567 B/op	  12 allocs/op
BenchmarkLoad1000-2   	      30	  90000000 ns/op	 1234567 B/op	  12 allocs/op
BenchmarkLoad1000 is slow today
BenchmarkCommands/add_step-2  	 1000	      1500 ns/op
PASS
ok  	servicebp/blueprint	3.2s
pkg: servicebp
BenchmarkExportRSS1000   	       1	2100000000 ns/op	       212.5 MB-maxrss
ok  	servicebp	4.1s
`

func TestParse(t *testing.T) {
	r, err := parse(strings.NewReader(sample), strings.NewReader("pkg: servicebp/e2e\nBenchmarkStartToWindow-2 3 1 ns/op 420 ms/start\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.failures) != 0 {
		t.Errorf("failures %q in a run that passed", r.failures)
	}
	want := []struct {
		pkg, name, unit string
		v               float64
	}{
		{"blueprint", "BenchmarkLoad1000", "ns/op", 38e6}, // the median of three
		{"blueprint", "BenchmarkLoad1000", "allocs/op", 12},
		{"blueprint", "BenchmarkCommands/add_step", "ns/op", 1500},
		{".", "BenchmarkExportRSS1000", "MB-maxrss", 212.5},
		{"e2e", "BenchmarkStartToWindow", "ms/start", 420},
	}
	for _, w := range want {
		res, ok := r.find(w.pkg, w.name)
		if !ok {
			t.Errorf("%s %s not found in %+v", w.pkg, w.name, r.results)
			continue
		}
		if got := res.figures[w.unit]; got != w.v {
			t.Errorf("%s %s: %v %s, want %v", w.pkg, w.name, got, w.unit, w.v)
		}
	}
	if len(r.results) != 4 {
		t.Errorf("%d results, want 4: %+v", len(r.results), r.results)
	}
}

func TestParseFailures(t *testing.T) {
	out := "pkg: servicebp/export\n--- FAIL: BenchmarkExport200Scale2\n    bench_test.go:30: no font\nFAIL\nFAIL\tservicebp/export\t1.2s\npanic: boom\n"
	r, err := parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.failures) != 4 {
		t.Errorf("failures %q, want the four FAIL and panic lines", r.failures)
	}
}

// allBudgets is benchmark output with every budgeted figure at the given
// fraction of its budget, but those in over at their own fraction.
func allBudgets(frac float64, over map[string]float64) string {
	var b strings.Builder
	for _, bg := range budgets {
		f := frac
		if o, ok := over[bg.name]; ok {
			f = o
		}
		path := module
		if bg.pkg != "." {
			path += "/" + bg.pkg
		}
		if bg.unit == "ns/op" {
			fmt.Fprintf(&b, "pkg: %s\n%s-2\t1\t%g ns/op\n", path, bg.name, bg.limit*f)
		} else {
			fmt.Fprintf(&b, "pkg: %s\n%s-2\t1\t%g ns/op\t%g %s\n", path, bg.name, 1e6, bg.limit*f, bg.unit)
		}
	}
	return b.String()
}

func reportOf(t *testing.T, out string) (string, int) {
	t.Helper()
	r, err := parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	code := report(&b, r)
	return b.String(), code
}

// line is the report's line about the benchmark name.
func line(t *testing.T, report, name string) string {
	t.Helper()
	for _, l := range strings.Split(report, "\n") {
		if strings.Contains(l, " "+name+" ") {
			return l
		}
	}
	t.Fatalf("no line about %s in\n%s", name, report)
	return ""
}

func TestReportMarksMisses(t *testing.T) {
	out, code := reportOf(t, allBudgets(0.5, map[string]float64{
		"BenchmarkExport1000Scale1": 1.5,
		"BenchmarkRSS1000Steps":     2,
		"BenchmarkSave1000":         1, // at the budget is within it
	}))
	if code != 0 {
		t.Errorf("exit %d with missed budgets, want 0: a report, not a failure\n%s", code, out)
	}
	for _, b := range budgets {
		l := line(t, out, b.name)
		switch b.name {
		case "BenchmarkExport1000Scale1":
			if !strings.Contains(l, "4.5 s") || !strings.Contains(l, "≤ 3 s") || !strings.Contains(l, "MISSED (1.50× the budget)") {
				t.Errorf("the missed export: %q", l)
			}
		case "BenchmarkRSS1000Steps":
			if !strings.Contains(l, "300 MB") || !strings.Contains(l, "≤ 150 MB") || !strings.Contains(l, "MISSED (2.00×") {
				t.Errorf("the missed memory: %q", l)
			}
		default:
			if !strings.HasSuffix(l, " ok") || strings.Contains(l, "MISSED") {
				t.Errorf("a met budget: %q", l)
			}
		}
	}
	want := fmt.Sprintf("%d of %d budgets met; missed: BenchmarkExport1000Scale1, BenchmarkRSS1000Steps.", len(budgets)-2, len(budgets))
	if !strings.Contains(out, want) {
		t.Errorf("no summary %q in\n%s", want, out)
	}
	if l := line(t, out, "BenchmarkLoad1000"); !strings.Contains(l, "25 ms") || !strings.Contains(l, "≤ 50 ms") || !strings.HasPrefix(l, "blueprint ") {
		t.Errorf("package, figure or budget missing from %q", l)
	}
	if l := line(t, out, "BenchmarkExportRSS1000"); !strings.HasPrefix(l, "servicebp ") {
		t.Errorf("the root package is not named servicebp: %q", l)
	}
	if !strings.Contains(out, "`fmt -d` of a 10,000-line file") {
		t.Errorf("the budgets without a benchmark are not listed:\n%s", out)
	}
}

func TestReportFailsWhenABenchmarkDidNotRun(t *testing.T) {
	var kept []string
	for _, l := range strings.Split(allBudgets(0.5, nil), "\n") {
		if !strings.HasPrefix(l, "BenchmarkBoardDragMove500") {
			kept = append(kept, l)
		}
	}
	out, code := reportOf(t, strings.Join(kept, "\n"))
	if code != 1 || !strings.Contains(line(t, out, "BenchmarkBoardDragMove500"), "NOT RUN") || !strings.Contains(out, "not run: BenchmarkBoardDragMove500") {
		t.Errorf("exit %d, want 1 and NOT RUN:\n%s", code, out)
	}
}

func TestReportFailsWhenTheBenchmarksFail(t *testing.T) {
	out, code := reportOf(t, allBudgets(0.5, nil)+"--- FAIL: BenchmarkOther\nFAIL\tservicebp/canvas\t3s\n")
	if code != 1 || !strings.Contains(out, "The benchmarks did not all run:\n  --- FAIL: BenchmarkOther") {
		t.Errorf("exit %d, want 1 and the failures listed:\n%s", code, out)
	}
	out, code = reportOf(t, allBudgets(0.5, nil)+"pkg: servicebp/x\nBenchmarkOther-2 10 2500 ns/op 3145728 B/op\n")
	if code != 0 || !strings.Contains(out, "Benchmarks without a budget:\n  x BenchmarkOther: 2.5 µs, 3 MB/op") {
		t.Errorf("exit %d, want 0 and the other benchmark listed:\n%s", code, out)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		v    float64
		unit string
		want string
	}{
		{50e6, "ns/op", "50 ms"},
		{38.21e6, "ns/op", "38.2 ms"},
		{1e9, "ns/op", "1 s"},
		{3.456e9, "ns/op", "3.46 s"},
		{1500, "ns/op", "1.5 µs"},
		{12, "ns/op", "12 ns"},
		{1000, "ms/start", "1 s"},
		{420, "ms/start", "420 ms"},
		{212.54, "MB-maxrss", "213 MB"},
		{150, "MB-VmHWM", "150 MB"},
		{0, "allocs/op", "0 allocs/op"},
		{0.125, "findings", "0.125 findings"},
		{4.02, "MB/s", "4.02 MB/s"},
		{6856, "B/op", "6.7 kB/op"},
		{52, "B/op", "52 B/op"},
		{160480240, "B/op", "153 MB/op"},
	}
	for _, tt := range tests {
		if got := format(tt.v, tt.unit); got != tt.want {
			t.Errorf("format(%v, %q) = %q, want %q", tt.v, tt.unit, got, tt.want)
		}
	}
}

func TestBenchreportExitCodes(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "unit.txt")
	if err := os.WriteFile(ok, []byte(allBudgets(2, nil)), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := benchreport([]string{ok}, strings.NewReader(""), &out, &errOut); code != 0 || !strings.Contains(out.String(), fmt.Sprintf("0 of %d budgets met", len(budgets))) {
		t.Errorf("every budget missed: exit %d, want 0\n%s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := benchreport(nil, strings.NewReader(allBudgets(0.1, nil)), &out, &errOut); code != 0 || !strings.Contains(out.String(), fmt.Sprintf("%d of %[1]d budgets met.", len(budgets))) {
		t.Errorf("standard input: exit %d\n%s", code, out.String())
	}
	errOut.Reset()
	if code := benchreport([]string{ok, filepath.Join(dir, "none.txt")}, strings.NewReader(""), &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "none.txt") {
		t.Errorf("a missing file: exit %d, %q", code, errOut.String())
	}
	if code := benchreport(nil, strings.NewReader(""), &out, &errOut); code != 1 {
		t.Errorf("no benchmark output at all: exit %d, want 1", code)
	}
}
