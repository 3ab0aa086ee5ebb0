package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo is a real temporary git repository with the servicebp binary
// built beside it, for the tests of the git drivers.
type gitRepo struct {
	t    *testing.T
	bin  string // the built servicebp
	dir  string // the repository's work tree
	home string // HOME and the global git config of the test
	env  []string
}

// newGitRepo builds servicebp and makes an empty repository with a
// private HOME and git config, so the user's settings play no part. git
// must be installed (scripts/setup.sh installs it): a missing git fails
// the test rather than skipping it.
func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("git is not installed (run scripts/setup.sh): %v", err)
	}
	tmp := t.TempDir()
	r := &gitRepo{t: t, bin: filepath.Join(tmp, "servicebp"), dir: filepath.Join(tmp, "repo"), home: tmp}
	if out, err := exec.Command("go", "build", "-o", r.bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	if err := os.Mkdir(r.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r.env = append(os.Environ(),
		"HOME="+tmp, "XDG_CONFIG_HOME="+tmp, "GIT_CONFIG_NOSYSTEM=1", "GIT_PAGER=cat", "PAGER=cat", "GIT_MERGE_AUTOEDIT=no",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com")
	return r
}

// try runs name with args in the repository and returns its combined
// output and error.
func (r *gitRepo) try(name string, args ...string) (string, error) {
	r.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = r.dir, r.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// run is try that fails the test on an error.
func (r *gitRepo) run(name string, args ...string) string {
	r.t.Helper()
	out, err := r.try(name, args...)
	if err != nil {
		r.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}
