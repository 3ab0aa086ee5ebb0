package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffExitCodes checks diff(1)'s exit codes: 0 same, 1 changed, 2
// trouble, with the loader's positioned messages for invalid input.
func TestDiffExitCodes(t *testing.T) {
	dir := t.TempDir()
	old := writeFile(t, dir, "old.yaml", diffBase)
	changed := writeFile(t, dir, "new.yaml", edit(t, "    wait: 3m\n", "    wait: 4m\n"))
	invalid := writeFile(t, dir, "invalid.yaml", "servicebp: 1\nsteps:\n  - id: a\n    lane: customer\n")
	tests := []cliCase{
		{name: "same", args: []string{"diff", old, old}, code: 0},
		{name: "changed", args: []string{"diff", old, changed}, code: 1, stdout: "step place-order \"Order a flat white\": wait 3m → 4m"},
		{name: "json same", args: []string{"diff", "--format", "json", old, old}, code: 0, stdout: "{\n  \"changes\": []\n}\n"},
		{name: "flags after files", args: []string{"diff", old, changed, "--format", "json"}, code: 1, stdout: `"field": "wait"`},
		{name: "dev null old", args: []string{"diff", devNull, changed}, code: 1, stdout: "new.yaml:29: + step place-order \"Order a flat white\" in Customer actions × Order"},
		{name: "dev null new", args: []string{"diff", old, devNull}, code: 1, stdout: "old.yaml:29: - step place-order"},
		{name: "stdin old", args: []string{"diff", "-", changed}, stdin: diffBase, code: 1, stdout: "new.yaml:29: ~ step place-order"},
		{name: "stdin new", args: []string{"diff", old, "-"}, stdin: edit(t, "    wait: 3m\n", ""), code: 1, stdout: "<stdin>:29: ~ step place-order"},
		{name: "both stdin", args: []string{"diff", "-", "-"}, code: 2, stderr: "only one side can be standard input"},
		{name: "invalid new", args: []string{"diff", old, invalid}, code: 2, stderr: invalid + ":3:5: a step is missing its \"column\""},
		{name: "invalid old", args: []string{"diff", invalid, old}, code: 2, stderr: invalid + ":3:5:"},
		{name: "missing file", args: []string{"diff", old, filepath.Join(dir, "nope.yaml")}, code: 2, stderr: "nope.yaml:1:1: cannot read file"},
		{name: "directory", args: []string{"diff", dir, old}, code: 2, stderr: "is a directory"},
		{name: "one file", args: []string{"diff", old}, code: 2, stderr: "usage: servicebp diff"},
		{name: "three files", args: []string{"diff", old, old, old}, code: 2, stderr: "usage: servicebp diff"},
		{name: "bad format", args: []string{"diff", "--format", "xml", old, old}, code: 2, stderr: "unknown format \"xml\""},
		{name: "bad color", args: []string{"diff", "--color", "sometimes", old, old}, code: 2, stderr: "unknown --color \"sometimes\""},
		{name: "bad flag", args: []string{"diff", "-x", old, old}, code: 2, stderr: "flag provided but not defined"},
		{name: "help", args: []string{"diff", "-h"}, code: 0, stderr: "--git-external"},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.check)
	}
	// Every error line of an invalid input is FILE:LINE:COL: message.
	_, _, stderr := runCLI(t, "", "diff", old, invalid)
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !positioned.MatchString(line) {
			t.Errorf("error line %q is not FILE:LINE:COL: message", line)
		}
	}
}

// TestDiffColour checks that colour goes only where it is asked for or
// to a terminal, and that NO_COLOR turns it off.
func TestDiffColour(t *testing.T) {
	dir := t.TempDir()
	old := writeFile(t, dir, "old.yaml", diffBase)
	changed := writeFile(t, dir, "new.yaml", edit(t, "    wait: 3m\n", "    wait: 4m\n"))
	t.Setenv("NO_COLOR", "")
	t.Setenv("GIT_PAGER_IN_USE", "")
	for _, tc := range []struct {
		args    []string
		noColor string
		want    bool
	}{
		{[]string{"diff", old, changed}, "", false}, // a buffer is no terminal
		{[]string{"diff", "--color", "always", old, changed}, "", true},
		{[]string{"diff", "--color", "always", old, changed}, "1", true}, // asked for explicitly
		{[]string{"diff", "--color", "never", old, changed}, "", false},
		{[]string{"diff", "--color", "always", "--format", "json", old, changed}, "", false},
	} {
		t.Setenv("NO_COLOR", tc.noColor)
		code, stdout, _ := runCLI(t, "", tc.args...)
		if got := strings.Contains(stdout, "\x1b["); code != 1 || got != tc.want {
			t.Errorf("%v (NO_COLOR=%q): exit %d, colour %v, want %v:\n%s", tc.args, tc.noColor, code, got, tc.want, stdout)
		}
	}
	_, stdout, _ := runCLI(t, "", "diff", "--color", "always", old, changed)
	if want := "\x1b[33m~ step place-order \"Order a flat white\"\x1b[0m: wait 3m → 4m"; !strings.Contains(stdout, want) {
		t.Errorf("coloured output lacks %q:\n%q", want, stdout)
	}

	// auto: a regular file and a pipe are not terminals; a character
	// device is, unless NO_COLOR is set.
	t.Setenv("NO_COLOR", "")
	f, err := os.Create(filepath.Join(dir, "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	tty, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	for _, tc := range []struct {
		name    string
		out     *os.File
		noColor string
		git     string
		want    bool
	}{
		{"file", f, "", "", false},
		{"pipe", w, "", "", false},
		{"character device", tty, "", "", true},
		{"character device, NO_COLOR", tty, "1", "", false},
		{"pipe under git's pager", w, "", "true", true},
		{"git's pager, NO_COLOR", w, "1", "true", false},
	} {
		t.Setenv("NO_COLOR", tc.noColor)
		t.Setenv("GIT_PAGER_IN_USE", tc.git)
		got, ok := useColour(Env{Stdout: tc.out}, "auto", tc.git != "")
		if !ok || got != tc.want {
			t.Errorf("%s: colour %v (ok %v), want %v", tc.name, got, ok, tc.want)
		}
	}
}

// TestDiffGitExternal checks the arguments git passes to an external
// diff: seven, nine for a rename, one for an unmerged path, /dev/null for
// a missing side, and the header naming the path.
func TestDiffGitExternal(t *testing.T) {
	t.Setenv("GIT_PAGER_IN_USE", "")
	dir := t.TempDir()
	// git passes temporary files named after nothing in particular.
	old := writeFile(t, dir, "XXXX_old", diffBase)
	changed := writeFile(t, dir, "XXXX_new", edit(t, "text: Take payment", "text: Take card payment"))
	notBlueprint := writeFile(t, dir, "XXXX_ci", "on: push\njobs: {}\n")
	notBlueprint2 := writeFile(t, dir, "XXXX_ci2", "on: [push, pull_request]\njobs: {}\n")
	const hexA, hexB = "1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222"
	git := func(args ...string) []string { return append([]string{"diff", "--git-external"}, args...) }
	tests := []cliCase{
		{name: "changed", args: git("docs/coffee.yaml", old, hexA, "100644", changed, hexB, "100644"), code: 0,
			stdout: "servicebp diff a/docs/coffee.yaml b/docs/coffee.yaml\n\nPhase Arrival\n  b/docs/coffee.yaml:42: ~ step pay \"Take card payment\": text \"Take payment\" → \"Take card payment\"\n\n1 change: 1 changed\n"},
		{name: "mode changed only", args: git("coffee.yaml", old, hexA, "100644", old, hexA, "100755"), code: 0,
			stdout: "servicebp diff a/coffee.yaml b/coffee.yaml (mode 100644 → 100755)\n"},
		{name: "added", args: git("coffee.yaml", devNull, ".", ".", changed, hexB, "100644"), code: 0,
			stdout: "servicebp diff a/coffee.yaml b/coffee.yaml (new file, mode 100644)\n"},
		{name: "added steps", args: git("coffee.yaml", devNull, ".", ".", changed, hexB, "100644"), code: 0,
			stdout: "  b/coffee.yaml:42: + step pay \"Take card payment\" in Frontstage actions × Order\n"},
		{name: "removed", args: git("coffee.yaml", old, hexA, "100644", devNull, ".", "."), code: 0,
			stdout: "servicebp diff a/coffee.yaml b/coffee.yaml (deleted file, mode 100644)\n"},
		{name: "removed steps", args: git("coffee.yaml", old, hexA, "100644", devNull, ".", "."), code: 0,
			stdout: "  a/coffee.yaml:42: - step pay \"Take payment\" from Frontstage actions × Order\n"},
		{name: "renamed", args: git("old/coffee.yaml", old, hexA, "100644", changed, hexB, "100644", "new/coffee.yaml", "similarity index 98%\nrename from old/coffee.yaml\nrename to new/coffee.yaml\n"), code: 0,
			stdout: "servicebp diff a/old/coffee.yaml b/new/coffee.yaml (renamed)\n"},
		{name: "path like a flag", args: git("-x.yaml", old, hexA, "100644", changed, hexB, "100644"), code: 0,
			stdout: "servicebp diff a/-x.yaml b/-x.yaml\n"},
		{name: "flags before", args: append([]string{"diff", "--color", "always"}, git("coffee.yaml", old, hexA, "100644", changed, hexB, "100644")[1:]...), code: 0,
			stdout: "\x1b[1mservicebp diff a/coffee.yaml b/coffee.yaml\x1b[0m\n"},
		{name: "unmerged", args: git("coffee.yaml"), code: 0, stdout: "* Unmerged path coffee.yaml\n"},
		{name: "json", args: append([]string{"diff", "--format", "json"}, git("coffee.yaml", old, hexA, "100644", changed, hexB, "100644")[1:]...), code: 0,
			stdout: "{\n  \"changes\": [\n    {\n      \"kind\": \"changed\",\n      \"element\": \"step\",\n      \"id\": \"pay\",\n      \"field\": \"text\",\n      \"old\": \"Take payment\",\n      \"new\": \"Take card payment\",\n      \"line\": 42\n    }\n  ]\n}\n"},
		{name: "not a blueprint", args: git(".github/ci.yaml", notBlueprint, hexA, "100644", notBlueprint2, hexB, "100644"), code: 0,
			stdout: "a/.github/ci.yaml:1:1: unknown key \"on\""},
		{name: "not a blueprint, line diff", args: git(".github/ci.yaml", notBlueprint, hexA, "100644", notBlueprint2, hexB, "100644"), code: 0,
			stdout: "--- a/.github/ci.yaml\n+++ b/.github/ci.yaml\n@@ -1,2 +1,2 @@\n-on: push\n+on: [push, pull_request]\n jobs: {}\n"},
		{name: "new file not a blueprint", args: git("ci.yaml", devNull, ".", ".", notBlueprint, hexB, "100644"), code: 0,
			stdout: "@@ -0,0 +1,2 @@\n+on: push\n+jobs: {}\n"},
		{name: "both missing", args: git("x.yaml", devNull, ".", ".", devNull, ".", "."), code: 2, stderr: "both sides are /dev/null"},
		{name: "unreadable", args: git("x.yaml", filepath.Join(dir, "gone"), hexA, "100644", changed, hexB, "100644"), code: 2, stderr: "a/x.yaml:1:1: cannot read file"},
		{name: "too few", args: git("x.yaml", old, hexA), code: 2, stderr: "git passes 7 arguments"},
		{name: "too many", args: git("x.yaml", old, hexA, "100644", changed, hexB, "100644", "y.yaml"), code: 2, stderr: "got 8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.check)
	}
	// No change at all prints nothing, not even the header.
	if code, stdout, stderr := runCLI(t, "", git("coffee.yaml", old, hexA, "100644", old, hexA, "100644")...); code != 0 || stdout != "" || stderr != "" {
		t.Errorf("same content: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
