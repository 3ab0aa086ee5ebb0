package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
)

// run runs servicebp with args and stdin as bytes, without a GUI.
func run(stdin []byte, args ...string) (code int, stdout, stderr []byte) {
	var out, errOut bytes.Buffer
	code = Main(args, Env{Stdin: bytes.NewReader(stdin), Stdout: &out, Stderr: &errOut}, nil)
	return code, out.Bytes(), errOut.Bytes()
}

// addCorpus adds the blueprint seeds, the templates and the lint test
// files to f, each with the extra arguments given.
func addCorpus(f *testing.F, extra ...any) {
	for _, glob := range []string{"../../blueprint/testdata/seeds/*.yaml", "../../assets/templates/*.yaml", "testdata/lint/*.yaml"} {
		paths, err := filepath.Glob(glob)
		if err != nil || len(paths) == 0 {
			f.Fatalf("no seeds in %s (%v)", glob, err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(append([]any{data}, extra...)...)
		}
	}
}

// stdinError matches one line of a load error on standard input.
var stdinError = regexp.MustCompile(`^<stdin>:\d+:\d+: \S`)

// checkLoadErrors checks that stderr is one positioned error a line, none
// of them an internal error.
func checkLoadErrors(stderr []byte) error {
	text := strings.TrimSuffix(string(stderr), "\n")
	if text == "" {
		return fmt.Errorf("a refusal printed no error")
	}
	for _, line := range strings.Split(text, "\n") {
		if !stdinError.MatchString(line) || strings.Contains(line, "internal error") {
			return fmt.Errorf("stderr line %q is not a positioned error about the file", line)
		}
	}
	return nil
}

// FuzzFmt runs "fmt -" on the fuzzer's input and checks the command as a
// whole: a refusal exits 1 with positioned errors and no output, like
// validate; an accepted file prints a canonical form that fmt prints
// unchanged and that validate accepts; "fmt -l -" lists the input exactly
// when it is not canonical; and "fmt -d -" prints nothing for canonical
// input and otherwise a unified diff that turns the input into fmt's
// output.
func FuzzFmt(f *testing.F) {
	addCorpus(f)
	f.Add([]byte("servicebp: 1\ntitle: x\n"))
	f.Add([]byte("servicebp: 1\ntitle: x"))
	f.Add([]byte("servicebp: 1\r\ntitle: x\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := checkFmt(data); err != nil {
			t.Fatal(err)
		}
	})
}

func checkFmt(data []byte) error {
	code, out, stderr := run(data, "fmt", "-")
	vcode, _, vstderr := run(data, "validate", "-")
	if code != vcode {
		return fmt.Errorf("fmt exits %d, validate %d:\n%s\n%s", code, vcode, stderr, vstderr)
	}
	switch code {
	case ExitFailure:
		if len(out) > 0 {
			return fmt.Errorf("a refused file printed output:\n%s", out)
		}
		return checkLoadErrors(stderr)
	case ExitOK:
	default:
		return fmt.Errorf("fmt - exits %d: %s", code, stderr)
	}
	if len(stderr) > 0 {
		return fmt.Errorf("fmt of an accepted file wrote to stderr: %s", stderr)
	}
	if code, again, stderr := run(out, "fmt", "-"); code != ExitOK || !bytes.Equal(again, out) {
		return fmt.Errorf("fmt of fmt's output exits %d (%s) and prints\n%s\ninstead of\n%s", code, stderr, again, out)
	}
	changed := !bytes.Equal(data, out)
	// -l and -d exit 1 when the file is not canonical, as gofmt -d does.
	wantCode := map[bool]int{true: ExitFailure, false: ExitOK}[changed]
	code, list, _ := run(data, "fmt", "-l", "-")
	if want := map[bool]string{true: "<stdin>\n", false: ""}[changed]; string(list) != want || code != wantCode {
		return fmt.Errorf("fmt -l - exits %d and prints %q, want %d and %q", code, list, wantCode, want)
	}
	if code, d, stderr := run(out, "fmt", "-d", "-"); code != ExitOK || len(d) > 0 {
		return fmt.Errorf("fmt -d of canonical input exits %d (%s) and prints\n%s", code, stderr, d)
	}
	code, d, stderr := run(data, "fmt", "-d", "-")
	if code != wantCode || len(stderr) > 0 || len(d) > 0 != changed {
		return fmt.Errorf("fmt -d - exits %d (%s) and prints %d bytes for a file fmt changes: %v", code, stderr, len(d), changed)
	}
	if !changed {
		return nil
	}
	const header = "diff <stdin>.orig <stdin>\n--- <stdin>.orig\n+++ <stdin>\n"
	if !bytes.HasPrefix(d, []byte(header)) {
		return fmt.Errorf("fmt -d's diff does not start with %q:\n%s", header, d)
	}
	patched, err := applyUnified(data, string(d))
	if err != nil {
		return fmt.Errorf("fmt -d printed a diff that does not apply: %v\n%s", err, d)
	}
	if !bytes.Equal(patched, out) {
		return fmt.Errorf("fmt -d's diff turns the input into\n%q\nnot fmt's output\n%q\ndiff:\n%s", patched, out, d)
	}
	return nil
}

// FuzzLintStats runs lint and stats, in text and JSON, on the fuzzer's
// input with a fuzz-chosen --long-wait, and checks that a refused file
// exits 1 with positioned errors (lint's JSON still valid, with no
// findings), and that for an accepted file the JSON is valid, its findings
// are those of the text output, one line each, positioned within the file,
// the exit code follows the error findings, and stats counts the
// document's steps.
func FuzzLintStats(f *testing.F) {
	addCorpus(f, uint16(0))
	f.Add([]byte("servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c1, text: x, wait: 2h}\ncolumns: [{id: c1}]\n"), uint16(7))
	f.Fuzz(func(t *testing.T, data []byte, longWait uint16) {
		if err := checkLintStats(data, longWait); err != nil {
			t.Fatal(err)
		}
	})
}

func checkLintStats(data []byte, longWait uint16) error {
	wait := []string{}
	if longWait > 0 {
		wait = []string{"--long-wait", fmt.Sprintf("%dm", longWait)}
	}
	jcode, jout, jerr := run(data, append(append([]string{"lint", "--format", "json"}, wait...), "-")...)
	tcode, tout, terr := run(data, append(append([]string{"lint"}, wait...), "-")...)
	scode, sout, serr := run(data, "stats", "--format", "json", "-")
	var findings lintOutput
	if err := json.Unmarshal(jout, &findings); err != nil {
		return fmt.Errorf("lint --format json printed invalid JSON (%v):\n%s", err, jout)
	}
	if findings.Findings == nil {
		return fmt.Errorf("lint's JSON has no findings list:\n%s", jout)
	}
	d, err := blueprint.Parse(stdinName, data)
	if err != nil {
		if jcode != ExitFailure || tcode != ExitFailure || scode != ExitFailure {
			return fmt.Errorf("a refused file: lint exits %d (json) and %d (text), stats %d", jcode, tcode, scode)
		}
		if len(findings.Findings) > 0 || len(tout) > 0 || len(sout) > 0 {
			return fmt.Errorf("a refused file has findings or stats:\n%s\n%s\n%s", jout, tout, sout)
		}
		for _, e := range [][]byte{jerr, terr, serr} {
			if err := checkLoadErrors(e); err != nil {
				return err
			}
		}
		return nil
	}
	if jcode != tcode || len(jerr) > 0 {
		return fmt.Errorf("lint exits %d in JSON (%s), %d in text", jcode, jerr, tcode)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := 1 + strings.Count(text, "\n") + strings.Count(text, "\r")
	var errs int
	var want strings.Builder
	for i, f := range findings.Findings {
		if f.File != stdinName || !analysis.IsRule(f.Rule) || f.Message == "" {
			return fmt.Errorf("finding %d: %+v", i, f)
		}
		if f.Line < 0 || f.Line > lines || f.Column < 0 || (f.Line == 0) != (f.Column == 0) {
			return fmt.Errorf("finding %d at %d:%d, outside the %d-line file: %+v", i, f.Line, f.Column, lines, f)
		}
		if f.Severity == string(analysis.Error) {
			errs++
		}
		fmt.Fprintf(&want, "%s:%d:%d: %s %s: %s\n", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Message)
	}
	if string(tout) != want.String() {
		return fmt.Errorf("lint's text output is not its JSON findings, one a line:\n%s\n---\n%s", tout, want.String())
	}
	if got := strings.Count(string(tout), "\n"); got != len(findings.Findings) {
		return fmt.Errorf("%d findings take %d lines", len(findings.Findings), got)
	}
	if wantCode := map[bool]int{true: ExitFailure, false: ExitOK}[errs > 0]; jcode != wantCode {
		return fmt.Errorf("lint exits %d with %d error findings", jcode, errs)
	}
	var st statsOutput
	if err := json.Unmarshal(sout, &st); err != nil || scode != ExitOK || len(serr) > 0 {
		return fmt.Errorf("stats --format json exits %d (%s) with invalid JSON (%v):\n%s", scode, serr, err, sout)
	}
	n := 0
	for _, id := range st.LaneOrder {
		n += st.Lanes[id]
	}
	if st.Steps != len(d.Steps) || n != st.Steps || len(st.LaneOrder) != len(d.Lanes) {
		return fmt.Errorf("stats counts %d steps (%d in lanes, %d lanes) of %d in %d lanes", st.Steps, n, len(st.LaneOrder), len(d.Steps), len(d.Lanes))
	}
	return nil
}
