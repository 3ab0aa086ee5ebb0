package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// BenchmarkDiff1000Steps runs `servicebp diff` on two generated 1,000-step
// blueprints, the second with every tenth step edited, moved or removed:
// loading both files, comparing and printing the text report.
func BenchmarkDiff1000Steps(b *testing.B) {
	dir := b.TempDir()
	old := bpgen.Generate(1000)
	new := old.Clone()
	var steps []blueprint.Step
	for i, s := range new.Steps {
		if i%10 == 0 {
			switch i / 10 % 4 {
			case 0:
				s.Text += " (revised)"
			case 1:
				s.Wait += 5 * blueprint.Minute
			case 2:
				s.Column = new.Columns[(new.ColumnIndex(s.Column)+1)%len(new.Columns)].ID
			case 3:
				continue
			}
		}
		steps = append(steps, s)
	}
	new.Steps = steps
	kept := map[string]bool{}
	for _, s := range steps {
		kept[s.ID] = true
	}
	var flows []blueprint.Flow
	for _, f := range new.Flows {
		if kept[f.From] && kept[f.To] {
			flows = append(flows, f)
		}
	}
	new.Flows = flows
	new.SortSteps()
	paths := make([]string, 2)
	for i, d := range []*blueprint.Document{old, new} {
		data, err := blueprint.Marshal(d)
		if err != nil {
			b.Fatal(err)
		}
		paths[i] = filepath.Join(dir, []string{"old.yaml", "new.yaml"}[i])
		if err := os.WriteFile(paths[i], data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, format := range []string{"text", "json"} {
		b.Run(format, func(b *testing.B) {
			var out bytes.Buffer
			env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard}
			b.ReportAllocs()
			start := cpuTime(b)
			for b.Loop() {
				out.Reset()
				if code := Main([]string{"diff", "--format", format, paths[0], paths[1]}, env, nil); code != diffChanged {
					b.Fatalf("exit %d", code)
				}
			}
			reportCPU(b, start)
			b.ReportMetric(float64(bytes.Count(out.Bytes(), []byte("\n"))), "output-lines")
		})
	}
}
