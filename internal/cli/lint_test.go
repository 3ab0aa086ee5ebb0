package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"servicebp/internal/golden"
)

// lintTemplates lists the shipped blueprint templates.
var lintTemplates = []string{"bank", "hotel", "repair", "shop"}

func lintTemplatePath(name string) string {
	return filepath.Join("..", "..", "assets", "templates", name+".yaml")
}

// runLintCLI runs servicebp with args and returns the exit code and output.
func runLintCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}, nil)
	return code, out.String(), errOut.String()
}

// runCLIOK runs servicebp with args and returns its stdout; the test
// stops unless it exits with ExitOK.
func runCLIOK(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	code, out, errOut := runLintCLI(t, stdin, args...)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	return out
}

// cliCase is a run of servicebp and what it must give: the exit code and
// substrings of stderr and stdout ("" for any).
type cliCase struct {
	name   string
	args   []string
	stdin  string
	code   int
	stderr string
	stdout string
}

// check runs the case and reports each way it differs.
func (tc cliCase) check(t *testing.T) {
	t.Helper()
	code, out, errOut := runLintCLI(t, tc.stdin, tc.args...)
	if code != tc.code {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, errOut)
	}
	if !strings.Contains(errOut, tc.stderr) {
		t.Errorf("stderr does not contain %q:\n%s", tc.stderr, errOut)
	}
	if !strings.Contains(out, tc.stdout) {
		t.Errorf("stdout does not contain %q:\n%s", tc.stdout, out)
	}
}

// lintGolden compares got with the golden file testdata/name, or rewrites it
// under -update.
func lintGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *golden.Update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update to accept):\n%s", path, got)
	}
}

func TestLintGolden(t *testing.T) {
	type tc struct {
		name   string
		args   []string
		golden string
	}
	tests := []tc{
		{"findings json", []string{"lint", "--format", "json", "testdata/lint/findings.yaml"}, "lint/findings.json.golden"},
		{"findings text", []string{"lint", "testdata/lint/findings.yaml"}, "lint/findings.txt.golden"},
		{"clean json", []string{"lint", "--format=json", "testdata/lint/clean.yaml"}, "lint/clean.json.golden"},
	}
	for _, name := range lintTemplates {
		tests = append(tests, tc{"template " + name, []string{"lint", "--format", "json", lintTemplatePath(name)}, "lint/" + name + ".json.golden"})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The bank's counter queue is overloaded on purpose, an error.
			want := ExitOK
			if strings.Contains(tc.name, "bank") {
				want = ExitFailure
			}
			code, out, errOut := runLintCLI(t, "", tc.args...)
			if code != want {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, want, errOut)
			}
			lintGolden(t, tc.golden, out)
		})
	}
}

func TestLintExitCodes(t *testing.T) {
	hotel := lintTemplatePath("hotel") // two long-wait warnings, four waits without waiting conditions, no errors
	tests := []cliCase{
		{"warnings only", []string{"lint", hotel}, "", ExitOK, "0 errors, 2 warnings, 4 info", "warning long-wait:"},
		{"clean", []string{"lint", "testdata/lint/clean.yaml"}, "", ExitOK, "0 errors, 0 warnings, 0 info", ""},
		{"several files", []string{"lint", hotel, "testdata/lint/clean.yaml"}, "", ExitOK, "clean.yaml: 0 errors", "hotel.yaml:"},
		{"stdin", []string{"lint", "-"}, "servicebp: 1\nsteps: [{id: a, lane: customer, column: c}]\n", ExitOK, "<stdin>: 0 errors, 1 warning, 5 info", "<stdin>:2:9: warning customer-step-alone"},
		{"max-warnings exceeded", []string{"lint", "--max-warnings", "1", hotel}, "", ExitFailure, "2 warnings, more than --max-warnings 1", ""},
		{"max-warnings met", []string{"lint", "--max-warnings=2", hotel}, "", ExitOK, "", ""},
		{"max-warnings counts all files", []string{"lint", "--max-warnings", "2", hotel, lintTemplatePath("bank")}, "", ExitFailure, "3 warnings, more than", ""},
		{"max-warnings after the file", []string{"lint", hotel, "--max-warnings", "0"}, "", ExitFailure, "more than --max-warnings 0", ""},
		{"long-wait raised", []string{"lint", "--long-wait", "30m", "--max-warnings", "0", hotel}, "", ExitOK, "", ""},
		{"disabled", []string{"lint", "--disable", "long-wait", "--max-warnings", "0", hotel}, "", ExitOK, "", ""},
		{"disabled comma separated", []string{"lint", "--disable", "empty-lane,long-wait", "--disable", "orphan-step", "--max-warnings", "0", hotel}, "", ExitOK, "", ""},
		{"conflicts", []string{"lint", "testdata/conflicts/conflicted.yaml"}, "", ExitFailure, "conflicted.yaml: 2 errors", "testdata/conflicts/conflicted.yaml:14:5: error unresolved-conflict: unresolved merge conflict: step order field wait: ours 10m, theirs 25m (base 5m); choose one and delete this entry\ntestdata/conflicts/conflicted.yaml:15:5: error unresolved-conflict: unresolved merge conflict: title:"},
		{"invalid file", []string{"lint", "testdata/lint/invalid.yaml", "testdata/lint/clean.yaml"}, "", ExitFailure, "invalid.yaml:6:5: unknown key \"colour\"", ""},
		{"missing file", []string{"lint", "testdata/lint/no-such-file.yaml"}, "", ExitFailure, "no-such-file.yaml:1:1: cannot read file", ""},
		{"unknown rule", []string{"lint", "--disable", "orphan-stp", hotel}, "", ExitUsage, `unknown rule "orphan-stp" (did you mean "orphan-step"?); the rules are: touchpoint-without-evidence, `, ""},
		{"unknown format", []string{"lint", "--format", "xml", hotel}, "", ExitUsage, `unknown format "xml"`, ""},
		{"bad long-wait", []string{"lint", "--long-wait", "ten minutes", hotel}, "", ExitUsage, "invalid duration", ""},
		{"zero long-wait", []string{"lint", "--long-wait", "0s", hotel}, "", ExitUsage, "longer than 0s", ""},
		{"bad max-warnings", []string{"lint", "--max-warnings", "many", hotel}, "", ExitUsage, "invalid value", ""},
		{"unknown flag", []string{"lint", "--strict", hotel}, "", ExitUsage, "flag provided but not defined", ""},
		{"no files", []string{"lint"}, "", ExitUsage, "usage: servicebp lint", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.check)
	}
}

func TestLintJSONOnInvalidFile(t *testing.T) {
	code, out, errOut := runLintCLI(t, "", "lint", "--format", "json", "testdata/lint/invalid.yaml", "testdata/lint/findings.yaml")
	if code != ExitFailure {
		t.Errorf("exit %d, want %d", code, ExitFailure)
	}
	if !strings.Contains(errOut, "invalid.yaml:3:5:") {
		t.Errorf("stderr lacks the loader's error:\n%s", errOut)
	}
	if !strings.HasPrefix(out, "{\n  \"findings\": [\n") || !strings.Contains(out, `"file": "testdata/lint/findings.yaml"`) {
		t.Errorf("stdout is not the findings of the valid file:\n%s", out)
	}
}

func TestLintExit(t *testing.T) {
	tests := []struct {
		name                     string
		code, errs, warns, limit int
		want                     int
	}{
		{"clean", ExitOK, 0, 0, -1, ExitOK},
		{"warnings, no limit", ExitOK, 0, 50, -1, ExitOK},
		{"warnings at the limit", ExitOK, 0, 3, 3, ExitOK},
		{"warnings over the limit", ExitOK, 0, 4, 3, ExitFailure},
		{"zero limit", ExitOK, 0, 1, 0, ExitFailure},
		{"errors", ExitOK, 1, 0, -1, ExitFailure},
		{"a file failed to load", ExitFailure, 0, 0, -1, ExitFailure},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := lintExit(tc.code, tc.errs, tc.warns, tc.limit); got != tc.want {
				t.Errorf("lintExit = %d, want %d", got, tc.want)
			}
		})
	}
}
