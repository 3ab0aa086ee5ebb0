//go:build e2e

package e2e

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// BenchmarkStartToWindow measures the time from exec to the editor's
// window being mapped and visible, on the hotel template (budget: 1 s).
func BenchmarkStartToWindow(b *testing.B) {
	en := newEnv(b)
	path := copyFile(b, hotel, b.TempDir())
	var total time.Duration
	var cpu float64
	for b.Loop() {
		start := time.Now()
		a := en.launch(b, path)
		a.win = a.waitWindow(20 * time.Second)
		total += time.Since(start)
		cpu += cpuMillis(b, a.cmd.Process.Pid)
		a.kill()
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/start")
	// CPU time is what the start costs on an idle machine; the wall time
	// grows with the machine's load.
	b.ReportMetric(cpu/float64(b.N), "cpu-ms/start")
}

// cpuMillis reads the user and system CPU time pid has used, in ms.
func cpuMillis(b *testing.B, pid int) float64 {
	b.Helper()
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		b.Fatal(err)
	}
	// The fields after the command name, which is in parentheses.
	_, rest, ok := strings.Cut(string(data), ") ")
	if !ok {
		b.Fatal("cannot parse /proc stat")
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		b.Fatal("short /proc stat")
	}
	utime, err1 := strconv.ParseFloat(f[11], 64)
	stime, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		b.Fatal("cannot parse CPU times")
	}
	return (utime + stime) * 10 // clock ticks of 10 ms
}

// BenchmarkRSS1000Steps reports the peak resident memory of the editor
// with a generated 1,000-step blueprint open (budget: 150 MB).
func BenchmarkRSS1000Steps(b *testing.B) {
	en := newEnv(b)
	data, err := blueprint.Marshal(bpgen.Generate(1000))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "big.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	var peak float64
	for b.Loop() {
		a := en.start(b, path)
		time.Sleep(2 * time.Second) // let it draw and settle
		hwm := vmHWM(b, a.cmd.Process.Pid)
		peak = max(peak, hwm)
		a.kill()
	}
	b.ReportMetric(peak, "MB-VmHWM")
}

// vmHWM reads the peak resident set size of pid, in MB.
func vmHWM(b *testing.B, pid int) float64 {
	b.Helper()
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb / 1024
		}
	}
	b.Fatal("no VmHWM in /proc status")
	return 0
}
