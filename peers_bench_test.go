package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// BenchmarkPeers measures, side by side in one run, the process CPU time
// (user + system) of servicebp exporting the generated 5 × 40 grid (200
// cards, 99 flows) and the 1,000-card one to PNG at scale 1, to SVG and
// to PDF,
// and of the peers drawing the same graphs: d2 v0.7.2 writing SVG and
// graphviz's dot writing PNG, when they are installed (go install
// oss.terrastruct.com/d2@v0.7.2; apt-get install graphviz). It reports
// each figure in ms and the ratios the budgets are written in.
func BenchmarkPeers(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "servicebp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	d2, _ := exec.LookPath("d2")
	dot, _ := exec.LookPath("dot")
	for _, n := range []int{200, 1000} {
		doc := bpgen.Generate(n)
		base := filepath.Join(dir, "grid"+strconv.Itoa(n))
		data, err := blueprint.Marshal(doc)
		if err != nil {
			b.Fatal(err)
		}
		write := func(ext, s string) string {
			if err := os.WriteFile(base+ext, []byte(s), 0o644); err != nil {
				b.Fatal(err)
			}
			return base + ext
		}
		src := write(".yaml", string(data))
		d2src := write(".d2", d2Graph(doc))
		dotsrc := write(".dot", dotGraph(doc))
		cases := []struct {
			name string
			path string
			args []string
		}{
			{"png", bin, []string{"export", src, "-o", base + ".png", "--scale", "1"}},
			{"svg", bin, []string{"export", src, "-o", base + ".svg", "--scale", "1"}},
			{"pdf", bin, []string{"export", src, "-o", base + ".pdf"}},
			{"d2-svg", d2, []string{"--layout", "dagre", d2src, base + "-d2.svg"}},
			{"dot-png", dot, []string{"-Tpng", dotsrc, "-o", base + "-dot.png"}},
		}
		ms := map[string]float64{}
		for _, c := range cases {
			if c.path == "" {
				continue
			}
			var cpu time.Duration
			runs := 0
			for range max(b.N, 1) {
				cmd := exec.Command(c.path, c.args...)
				cmd.Env = append(os.Environ(), "D2_LAYOUT=dagre")
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%s: %v\n%s", c.name, err, out)
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				runs++
			}
			ms[c.name] = float64(cpu.Microseconds()) / 1000 / float64(runs)
			b.ReportMetric(ms[c.name], fmt.Sprintf("ms-%s-%d", c.name, n))
		}
		if v := ms["d2-svg"]; v > 0 {
			b.ReportMetric(ms["png"]/v, fmt.Sprintf("png/d2-%d", n))
			b.ReportMetric(ms["svg"]/v, fmt.Sprintf("svg/d2-%d", n))
			b.ReportMetric(ms["pdf"]/v, fmt.Sprintf("pdf/d2-%d", n))
		}
		if v := ms["dot-png"]; v > 0 {
			b.ReportMetric(ms["png"]/v, fmt.Sprintf("png/dot-%d", n))
		}
	}
}

// d2Graph is doc's steps and flows as a D2 diagram.
func d2Graph(doc *blueprint.Document) string {
	var sb strings.Builder
	for _, s := range doc.Steps {
		fmt.Fprintf(&sb, "%s: %s\n", s.ID, strconv.Quote(s.Text))
	}
	for _, f := range doc.Flows {
		arrow := "->"
		if f.TwoWay {
			arrow = "<->"
		}
		fmt.Fprintf(&sb, "%s %s %s", f.From, arrow, f.To)
		if f.Label != "" {
			fmt.Fprintf(&sb, ": %s", strconv.Quote(f.Label))
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// dotGraph is doc's steps and flows as a graphviz digraph.
func dotGraph(doc *blueprint.Document) string {
	var sb strings.Builder
	sb.WriteString("digraph G {\n  node [shape=box, style=rounded];\n")
	for _, s := range doc.Steps {
		fmt.Fprintf(&sb, "  %s [label=%s];\n", s.ID, strconv.Quote(s.Text))
	}
	for _, f := range doc.Flows {
		fmt.Fprintf(&sb, "  %s -> %s [", f.From, f.To)
		if f.TwoWay {
			sb.WriteString("dir=both, ")
		}
		fmt.Fprintf(&sb, "label=%s];\n", strconv.Quote(f.Label))
	}
	sb.WriteString("}\n")
	return sb.String()
}
