package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const mergeBaseBP = "servicebp: 1\ntitle: Coffee\nsteps:\n  - id: order\n    lane: customer\n    column: order\n    text: Order a coffee\n    wait: 5m\n"

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestMergeCommand runs merge as git does, writing over OURS, and with -o.
func TestMergeCommand(t *testing.T) {
	dir := t.TempDir()
	base := writeFile(t, dir, "base.yaml", mergeBaseBP)
	theirs := writeFile(t, dir, "theirs.yaml", strings.Replace(mergeBaseBP, "title: Coffee", "title: Coffee to go", 1))

	t.Run("clean, over OURS", func(t *testing.T) {
		ours := writeFile(t, dir, "ours.yaml", strings.Replace(mergeBaseBP, "wait: 5m", "wait: 10m", 1))
		code, stdout, stderr := runCLI(t, "", "merge", base, ours, theirs)
		if code != 0 || stdout != "" || stderr != "" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		want := strings.NewReplacer("wait: 5m", "wait: 10m", "title: Coffee", "title: Coffee to go").Replace(mergeBaseBP)
		if got := readFile(t, ours); got != want {
			t.Errorf("OURS now:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("conflict, to -o", func(t *testing.T) {
		ours := writeFile(t, dir, "ours.yaml", strings.Replace(mergeBaseBP, "title: Coffee", "title: Tea", 1))
		out := filepath.Join(dir, "out.yaml")
		code, _, stderr := runCLI(t, "", "merge", "-o", out, base, ours, theirs)
		if code != 1 {
			t.Fatalf("exit %d, want 1; stderr %q", code, stderr)
		}
		wantErr := out + ":10:5: unresolved merge conflict: title: ours Tea, theirs Coffee to go (base Coffee); choose one and delete this entry\n" +
			"servicebp merge: 1 conflict, recorded under \"conflicts:\" with OURS's values kept; resolve each and delete its entry\n"
		if stderr != wantErr {
			t.Errorf("stderr:\n%s\nwant:\n%s", stderr, wantErr)
		}
		want := strings.Replace(mergeBaseBP, "title: Coffee", "title: Tea", 1) + "conflicts:\n  - {element: title, base: Coffee, ours: Tea, theirs: Coffee to go}\n"
		if got := readFile(t, out); got != want {
			t.Errorf("OUT:\n%s\nwant:\n%s", got, want)
		}
		if got := readFile(t, ours); got != strings.Replace(mergeBaseBP, "title: Coffee", "title: Tea", 1) {
			t.Errorf("-o changed OURS:\n%s", got)
		}
		// validate reports the entry and exits 1 until it is removed.
		code, stdout, stderr := runCLI(t, "", "validate", out)
		if code != 1 || stdout != "" || stderr != out+":10:5: unresolved merge conflict: title: ours Tea, theirs Coffee to go (base Coffee); choose one and delete this entry\n" {
			t.Errorf("validate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		// fmt keeps the section; stats still work.
		if code, stdout, stderr := runCLI(t, "", "fmt", "--check", out); code != 0 {
			t.Errorf("fmt --check: exit %d, %q %q", code, stdout, stderr)
		}
		if code, _, stderr := runCLI(t, "", "stats", out); code != 0 {
			t.Errorf("stats: exit %d, %q", code, stderr)
		}
		resolved := strings.Split(readFile(t, out), "conflicts:\n")[0]
		writeFile(t, dir, "out.yaml", resolved)
		if code, _, stderr := runCLI(t, "", "validate", "-q", out); code != 0 {
			t.Errorf("validate after resolving: exit %d, %q", code, stderr)
		}
	})
	t.Run("missing base is a 2-way merge", func(t *testing.T) {
		ours := writeFile(t, dir, "ours.yaml", mergeBaseBP)
		code, stdout, stderr := runCLI(t, "", "merge", "-o", "-", "/dev/null", ours, theirs)
		if code != 1 || !strings.Contains(stdout, "{element: title, ours: Coffee, theirs: Coffee to go}") || strings.Contains(stderr, "not a valid") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		bad := writeFile(t, dir, "bad.yaml", "servicebp: 1\nsteps: 3\n")
		code, stdout, stderr = runCLI(t, "", "merge", "-o", "-", bad, ours, ours)
		if code != 0 || stdout != mergeBaseBP || !strings.Contains(stderr, "bad.yaml:2:8: steps must be a list") || !strings.Contains(stderr, "against an empty base") {
			t.Errorf("invalid base: exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
	})
	t.Run("invalid side is trouble and writes nothing", func(t *testing.T) {
		ours := writeFile(t, dir, "ours.yaml", "servicebp: 1\ntitle: [x]\n")
		code, stdout, stderr := runCLI(t, "", "merge", base, ours, theirs)
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, ours+":2:8: title must be text") || !strings.HasSuffix(stderr, "servicebp merge: nothing was written\n") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		if got := readFile(t, ours); got != "servicebp: 1\ntitle: [x]\n" {
			t.Errorf("OURS changed: %q", got)
		}
		code, _, stderr = runCLI(t, "", "merge", base, filepath.Join(dir, "missing.yaml"), theirs)
		if code != 2 || !strings.Contains(stderr, "missing.yaml") {
			t.Errorf("missing OURS: exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{{"merge"}, {"merge", base, base}, {"merge", "-x", base, base, base}, {"merge", "-", "-", base}} {
			if code, _, _ := runCLI(t, "", args...); code != 2 {
				t.Errorf("%v: exit %d, want 2", args, code)
			}
		}
	})
}

// TestGitSetupOutsideARepository refuses to configure anything outside a
// git repository (the repository case is in the root package's git test).
func TestGitSetupOutsideARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("git is not installed (run scripts/setup.sh): %v", err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	code, stdout, stderr := runCLI(t, "", "git-setup")
	if code != 1 || stdout != "" || !strings.HasPrefix(stderr, "servicebp git-setup: not in a git repository") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, _ := runCLI(t, "", "git-setup", "extra"); code != 2 {
		t.Errorf("git-setup extra: exit %d, want 2", code)
	}
}
