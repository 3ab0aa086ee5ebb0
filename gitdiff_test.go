package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitDiffDriver configures the built binary as git's external diff
// for *.yaml in a real temporary repository, and checks that git diff
// and git log -p name the changed step in the blueprint's own terms,
// for a changed, an added and a deleted blueprint.
func TestGitDiffDriver(t *testing.T) {
	g := newGitRepo(t)
	bin, repo := g.bin, g.dir
	run := g.run
	run("git", "init", "-q")
	run(bin, "new", "--template", "hotel", "hotel.yaml")
	run("git", "add", "hotel.yaml")
	run("git", "commit", "-q", "-m", "hotel blueprint")

	// The copy-paste lines of docs/git.md.
	if err := os.WriteFile(filepath.Join(repo, ".gitattributes"), []byte("*.yaml diff=servicebp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("git", "config", "diff.servicebp.command", "'"+bin+"' diff --git-external")

	path := filepath.Join(repo, "hotel.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const before = "    text: Check in and show ID\n    wait: 10m\n"
	if !strings.Contains(string(data), before) {
		t.Fatalf("the hotel template no longer has %q", before)
	}
	edited := strings.Replace(string(data), before, "    text: Check in and show ID\n    wait: 25m\n", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}

	out := run("git", "diff")
	for _, want := range []string{
		"servicebp diff a/hotel.yaml b/hotel.yaml\n",
		`b/hotel.yaml:`,
		`~ step register "Check in and show ID": wait 10m → 25m`,
		"1 change: 1 changed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("git diff output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "-    wait: 10m") || strings.Contains(out, "\x1b[") {
		t.Errorf("git diff did not go through the driver, or coloured a pipe:\n%s", out)
	}
	// Without the driver git shows lines, so the driver made the difference.
	if plain := run("git", "diff", "--no-ext-diff"); !strings.Contains(plain, "-    wait: 10m") {
		t.Errorf("git diff --no-ext-diff:\n%s", plain)
	}

	// An added and a deleted blueprint: git passes /dev/null for the
	// missing side.
	run("git", "commit", "-q", "-am", "longer wait")
	run(bin, "new", "coffee.yaml")
	run("git", "add", "coffee.yaml", ".gitattributes")
	run("git", "commit", "-q", "-m", "coffee blueprint")
	added := run("git", "diff", "HEAD~1", "HEAD", "--", "coffee.yaml")
	if !strings.Contains(added, "servicebp diff a/coffee.yaml b/coffee.yaml (new file, mode 100644)") || !strings.Contains(added, "+ lane customer") {
		t.Errorf("added file:\n%s", added)
	}
	removed := run("git", "diff", "HEAD", "HEAD~1", "--", "coffee.yaml")
	if !strings.Contains(removed, "(deleted file, mode 100644)") || !strings.Contains(removed, "- lane customer") {
		t.Errorf("deleted file:\n%s", removed)
	}
	// git log -p uses the driver too (with --ext-diff).
	if log := run("git", "log", "-p", "--ext-diff", "-n", "1", "HEAD~1"); !strings.Contains(log, "wait 10m → 25m") {
		t.Errorf("git log -p:\n%s", log)
	}
}
