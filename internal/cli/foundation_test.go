package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "servicebp/internal/envfix" // keep Fyne quiet under C.UTF-8
)

// runCLI runs servicebp with args and stdin, without a GUI.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}, nil)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const validBP = "servicebp: 1\ntitle: Coffee\nsteps:\n  - id: order\n    lane: customer\n    column: order\n    text: Order a coffee\n"

// positioned matches FILE:LINE:COL: message.
var positioned = regexp.MustCompile(`^[^:]+:\d+:\d+: \S`)

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.yaml", validBP)
	bad := writeFile(t, dir, "bad.yaml", "servicebp: 1\ntitel: x\nsteps: 3\n")
	tests := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		stdout     string
		stderrRE   string
		stderrLine int // expected number of stderr lines, -1 to skip
	}{
		{"valid", []string{"validate", good}, "", 0, "good.yaml: ok (5 lanes, 1 columns, 1 steps, 0 flows)", "", 0},
		{"quiet", []string{"validate", "-q", good}, "", 0, "", "", 0},
		{"flag after file", []string{"validate", good, "-q"}, "", 0, "", "", 0},
		{"invalid", []string{"validate", bad}, "", 1, "", `bad.yaml:2:1: unknown key "titel" in the top level; did you mean "title"\?`, 2},
		{"one bad of two", []string{"validate", good, bad}, "", 1, "good.yaml: ok", `bad.yaml:3:8: steps must be a list`, 2},
		{"missing file", []string{"validate", filepath.Join(dir, "nope.yaml")}, "", 1, "", `nope.yaml:1:1: cannot read file`, 1},
		{"stdin", []string{"validate", "-"}, validBP, 0, "<stdin>: ok", "", 0},
		{"stdin invalid", []string{"validate", "-"}, "servicebp: 9\n", 1, "", `<stdin>:1:12: this file uses servicebp format version 9`, 1},
		{"no files", []string{"validate"}, "", 2, "", `usage: servicebp validate`, -1},
		{"bad flag", []string{"validate", "--frobnicate", good}, "", 2, "", `flag provided but not defined`, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) || (tt.stdout == "" && stdout != "") {
				t.Errorf("stdout %q, want %q", stdout, tt.stdout)
			}
			if tt.stderrRE == "" && stderr != "" {
				t.Errorf("unexpected stderr %q", stderr)
			}
			if tt.stderrRE != "" && !regexp.MustCompile(tt.stderrRE).MatchString(stderr) {
				t.Errorf("stderr %q, want match %q", stderr, tt.stderrRE)
			}
			if tt.code == 1 {
				for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
					if !positioned.MatchString(line) {
						t.Errorf("error line %q is not FILE:LINE:COL: message", line)
					}
				}
			}
			if tt.stderrLine >= 0 {
				if n := len(strings.Split(strings.TrimSpace(stderr), "\n")); stderr != "" && n != tt.stderrLine {
					t.Errorf("%d stderr lines, want %d: %q", n, tt.stderrLine, stderr)
				}
			}
		})
	}
}

func TestFmt(t *testing.T) {
	messy := "title: Coffee\nservicebp: 1\nsteps: [{id: order, lane: customer, column: order, text: Order a coffee}]\n"
	dir := t.TempDir()
	t.Run("prints canonical form", func(t *testing.T) {
		p := writeFile(t, dir, "a.yaml", messy)
		code, stdout, _ := runCLI(t, "", "fmt", p)
		if code != 0 || stdout != validBP {
			t.Fatalf("code %d, stdout:\n%s", code, stdout)
		}
		if got, _ := os.ReadFile(p); string(got) != messy {
			t.Fatal("fmt without -w changed the file")
		}
	})
	t.Run("-l lists only files that differ", func(t *testing.T) {
		p := writeFile(t, dir, "b.yaml", messy)
		q := writeFile(t, dir, "c.yaml", validBP)
		code, stdout, _ := runCLI(t, "", "fmt", "-l", p, q)
		if code != 1 || stdout != p+"\n" {
			t.Fatalf("code %d, stdout %q", code, stdout)
		}
	})
	t.Run("-w rewrites in place and keeps the mode", func(t *testing.T) {
		p := writeFile(t, dir, "d.yaml", messy)
		os.Chmod(p, 0o640)
		code, stdout, _ := runCLI(t, "", "fmt", "-w", p)
		got, _ := os.ReadFile(p)
		info, _ := os.Stat(p)
		if code != 0 || stdout != "" || string(got) != validBP || info.Mode().Perm() != 0o640 {
			t.Fatalf("code %d, stdout %q, mode %v, file:\n%s", code, stdout, info.Mode().Perm(), got)
		}
	})
	t.Run("-d prints a unified diff", func(t *testing.T) {
		p := writeFile(t, dir, "e.yaml", strings.Replace(validBP, "title: Coffee", "title:    Coffee", 1))
		code, stdout, _ := runCLI(t, "", "fmt", "-d", p)
		want := "diff " + p + ".orig " + p + "\n--- " + p + ".orig\n+++ " + p + "\n@@ -1,5 +1,5 @@\n servicebp: 1\n-title:    Coffee\n+title: Coffee\n steps:\n   - id: order\n     lane: customer\n"
		if code != 1 {
			t.Fatalf("code %d, diff:\n%s\nwant prefix:\n%s", code, stdout, want)
		}
		// One hunk, nothing more.
		if stdout != want {
			t.Fatalf("diff is not minimal:\n%s", stdout)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		code, stdout, _ := runCLI(t, messy, "fmt", "-")
		if code != 0 || stdout != validBP {
			t.Fatalf("code %d, stdout:\n%s", code, stdout)
		}
	})
	t.Run("invalid file is left alone", func(t *testing.T) {
		bad := "servicebp: 1\nsteps: [{id: a}]\n"
		p := writeFile(t, dir, "f.yaml", bad)
		code, stdout, stderr := runCLI(t, "", "fmt", "-w", p)
		got, _ := os.ReadFile(p)
		if code != 1 || stdout != "" || string(got) != bad || !strings.Contains(stderr, p+":2:9: a step is missing its \"lane\"") {
			t.Fatalf("code %d, stdout %q, stderr %q", code, stdout, stderr)
		}
	})
	t.Run("usage errors", func(t *testing.T) {
		for _, args := range [][]string{{"fmt"}, {"fmt", "-w", "-"}, {"fmt", "-x", "a.yaml"}} {
			if code, _, _ := runCLI(t, "", args...); code != 2 {
				t.Errorf("%v: exit %d, want 2", args, code)
			}
		}
	})
}

func TestNewAndTemplates(t *testing.T) {
	dir := t.TempDir()
	code, stdout, _ := runCLI(t, "", "templates")
	if code != 0 {
		t.Fatalf("templates: exit %d", code)
	}
	for _, name := range []string{"bank", "hotel", "repair", "shop"} {
		if !strings.Contains(stdout, name+" ") {
			t.Errorf("templates output lacks %s:\n%s", name, stdout)
		}
		p := filepath.Join(dir, name+".yaml")
		if code, _, stderr := runCLI(t, "", "new", "--template", name, p); code != 0 {
			t.Fatalf("new --template %s: exit %d: %s", name, code, stderr)
		}
		if code, _, stderr := runCLI(t, "", "validate", "-q", p); code != 0 {
			t.Errorf("new file from %s does not validate: %s", name, stderr)
		}
		got, _ := os.ReadFile(p)
		if strings.Contains(string(got), "$schema=../../") {
			t.Errorf("new file from %s keeps the template's repository-relative schema header", name)
		}
	}
	p := filepath.Join(dir, "my-coffee_shop.yaml")
	if code, _, _ := runCLI(t, "", "new", p); code != 0 {
		t.Fatal("new failed")
	}
	got, _ := os.ReadFile(p)
	if !strings.Contains(string(got), "title: My coffee shop\n") {
		t.Errorf("new file:\n%s", got)
	}
	if code, _, stderr := runCLI(t, "", "new", p); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("new over an existing file: exit %d, %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "", "new", "--template", "castle", filepath.Join(dir, "x.yaml")); code != 2 {
		t.Errorf("unknown template: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "", "new"); code != 2 {
		t.Errorf("new without a file: exit %d, want 2", code)
	}
}

func TestHelpVersionAndDispatch(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "help")
	for _, c := range []string{"validate", "fmt", "new", "templates", "version"} {
		if !strings.Contains(stdout, "\n  "+c) {
			t.Errorf("help does not list %s:\n%s", c, stdout)
		}
	}
	if code != 0 {
		t.Errorf("help: exit %d", code)
	}
	if code, stdout, _ := runCLI(t, "", "version"); code != 0 || !strings.HasPrefix(stdout, "servicebp ") {
		t.Errorf("version: %d %q", code, stdout)
	}
	if code, _, stderr := runCLI(t, "", "frobnicate", "x"); code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Errorf("unknown command: %d %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "", "help", "nope"); code != 2 {
		t.Errorf("help nope: exit %d", code)
	}
	// With no GUI in this build, opening a file reports it and fails.
	if code, _, stderr := runCLI(t, "", "some.yaml"); code != 1 || !strings.Contains(stderr, "no GUI") {
		t.Errorf("open without GUI: %d %q", code, stderr)
	}
}
