package cli

import (
	"os"
	"strings"
	"testing"
)

// TestFmtExitCodes checks that -l, -d and --check fail when a file is not
// canonical, so CI can gate on them, and pass when every file is.
func TestFmtExitCodes(t *testing.T) {
	dir := t.TempDir()
	messy := writeFile(t, dir, "messy.yaml", "title: Coffee\nservicebp: 1\n")
	canonical := writeFile(t, dir, "canonical.yaml", "servicebp: 1\ntitle: Coffee\n")
	invalid := writeFile(t, dir, "invalid.yaml", "servicebp: 1\ntitel: Coffee\n")
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string // exact
		stderr string // substring
	}{
		{"check canonical", []string{"--check", canonical}, "", 0, "", ""},
		{"check messy", []string{"--check", canonical, messy}, "", 1, messy + "\n", ""},
		{"check flag after files", []string{messy, canonical, "--check"}, "", 1, messy + "\n", ""},
		{"check stdin", []string{"--check", "-"}, "title: Coffee\nservicebp: 1\n", 1, "<stdin>\n", ""},
		{"check stdin canonical", []string{"--check", "-"}, "servicebp: 1\ntitle: Coffee\n", 0, "", ""},
		{"check invalid", []string{"--check", invalid, canonical}, "", 1, "", "invalid.yaml:2:1: unknown key \"titel\""},
		{"check with -w", []string{"--check", "-w", messy}, "", 2, "", "cannot use it with -w"},
		{"list canonical", []string{"-l", canonical}, "", 0, "", ""},
		{"list messy", []string{"-l", messy}, "", 1, messy + "\n", ""},
		{"diff canonical", []string{"-d", canonical}, "", 0, "", ""},
		{"print messy", []string{messy}, "", 0, "servicebp: 1\ntitle: Coffee\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.stdin, append([]string{"fmt"}, tt.args...)...)
			if code != tt.code || stdout != tt.stdout || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout %q, stderr containing %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
	if got, err := os.ReadFile(messy); err != nil || string(got) != "title: Coffee\nservicebp: 1\n" {
		t.Errorf("--check changed the file: %q, %v", got, err)
	}
	// -l with -w rewrites the file: what was listed is fixed, so the run
	// succeeds.
	code, stdout, _ := runCLI(t, "", "fmt", "-l", "-w", messy)
	if got, err := os.ReadFile(messy); code != 0 || stdout != messy+"\n" || err != nil || string(got) != "servicebp: 1\ntitle: Coffee\n" {
		t.Errorf("-l -w: exit %d, stdout %q, file %q (%v)", code, stdout, got, err)
	}
}
