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
	paths := changed1000(b)
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

// changed1000 writes two generated 1,000-step blueprints, the second with
// every tenth step edited (text or wait), moved to the next column or
// removed, and returns their paths.
func changed1000(b *testing.B) []string {
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
	return paths
}

// BenchmarkDiffPicture1000Steps runs `servicebp diff --png` and `--svg`
// on the blueprints of changed1000: loading, comparing, laying out both
// versions, marking the changes, painting and writing the picture, and
// the text report.
func BenchmarkDiffPicture1000Steps(b *testing.B) {
	paths := changed1000(b)
	out := filepath.Join(b.TempDir(), "changes")
	for _, format := range []string{"png", "svg"} {
		b.Run(format, func(b *testing.B) {
			env := Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}
			file := out + "." + format
			b.ReportAllocs()
			start := cpuTime(b)
			for b.Loop() {
				if code := Main([]string{"diff", "--" + format, file, "--scale", "1", paths[0], paths[1]}, env, nil); code != diffChanged {
					b.Fatalf("exit %d", code)
				}
			}
			reportCPU(b, start)
			if info, err := os.Stat(file); err == nil {
				b.ReportMetric(float64(info.Size())/1e6, "MB")
			}
		})
	}
}
