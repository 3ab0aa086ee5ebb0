package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitMergeDriver sets the built binary up as git's merge driver (with
// git-setup and the .gitattributes line of docs/git.md) in a real
// temporary repository. Two branches that each add a card to the same
// cell conflict under git's line merge and merge cleanly through the
// driver, keeping both cards; two branches that change one wait
// differently leave the file with a conflicts section, and git reports
// the file as conflicted.
func TestGitMergeDriver(t *testing.T) {
	g := newGitRepo(t)
	bin, repo := g.bin, g.dir
	try, run := g.try, g.run
	const file = "hotel.blueprint.yaml"
	path := filepath.Join(repo, file)
	read := func() string {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("git", "init", "-q", "-b", "main")
	run(bin, "new", "--template", "hotel", file)
	run("git", "add", file)
	run("git", "commit", "-q", "-m", "hotel blueprint")
	base := read()
	const register = "    text: Check in and show ID\n    wait: 10m\n    emotion: -1\n    tags: [peak-hours]\n"
	if !strings.Contains(base, register) {
		t.Fatalf("the hotel template no longer has %q", register)
	}
	card := func(id, text string) string {
		return "  - id: " + id + "\n    lane: customer\n    column: check-in\n    text: " + text + "\n"
	}
	branch := func(name, from, content string) {
		t.Helper()
		run("git", "checkout", "-q", "-b", name, from)
		write(content)
		run("git", "commit", "-q", "-am", name)
	}
	branch("kiosk", "main", strings.Replace(base, register, register+card("use-kiosk", "Check in at the kiosk"), 1))
	branch("app", "main", strings.Replace(base, register, register+card("use-app", "Check in with the app"), 1))

	// git's own line merge conflicts: both branches insert at one place.
	run("git", "checkout", "-q", "kiosk")
	if out, err := try("git", "merge", "--no-edit", "app"); err == nil || !strings.Contains(out, "CONFLICT") {
		t.Fatalf("git's text merge did not conflict (%v):\n%s", err, out)
	}
	run("git", "merge", "--abort")

	// The copy-paste lines of docs/git.md, the config through git-setup.
	setup := run(bin, "git-setup")
	if !strings.Contains(setup, "merge.servicebp.driver") {
		t.Errorf("git-setup printed:\n%s", setup)
	}
	if got := run("git", "config", "merge.servicebp.driver"); got != "'"+bin+"' merge %O %A %B\n" {
		t.Errorf("merge.servicebp.driver = %q", got)
	}
	if err := os.WriteFile(filepath.Join(repo, ".gitattributes"), []byte("*.blueprint.yaml merge=servicebp diff=servicebp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := try("git", "merge", "--no-edit", "app"); err != nil {
		t.Fatalf("git merge through the driver failed (%v):\n%s", err, out)
	}
	merged := read()
	want := strings.Replace(base, register, register+card("use-kiosk", "Check in at the kiosk")+card("use-app", "Check in with the app"), 1)
	if merged != want {
		t.Errorf("merged file:\n%s\nwant:\n%s", merged, want)
	}
	run(bin, "validate", "-q", file)

	// A conflicting edit: the same wait changed differently.
	branch("slow", "main", strings.Replace(base, "    wait: 10m\n", "    wait: 25m\n", 1))
	branch("fast", "main", strings.Replace(base, "    wait: 10m\n", "    wait: 2m\n", 1))
	out, err := try("git", "merge", "--no-edit", "slow")
	if err == nil || !strings.Contains(out, "CONFLICT (content): Merge conflict in "+file) {
		t.Fatalf("git merge did not report the conflict (%v):\n%s", err, out)
	}
	if unmerged := run("git", "diff", "--name-only", "--diff-filter=U"); unmerged != file+"\n" {
		t.Errorf("unmerged paths: %q", unmerged)
	}
	conflicted := read()
	entry := "conflicts:\n  - {element: step, id: register, field: wait, base: \"10m\", ours: \"2m\", theirs: \"25m\"}\n"
	if !strings.HasSuffix(conflicted, entry) || !strings.Contains(conflicted, "    wait: 2m\n") || strings.Contains(conflicted, "<<<<<<<") {
		t.Errorf("conflicted file:\n%s", conflicted)
	}
	out, err = try(bin, "validate", file)
	if err == nil || !strings.Contains(out, file+":") || !strings.Contains(out, "unresolved merge conflict: step register field wait: ours 2m, theirs 25m (base 10m)") {
		t.Errorf("validate of the conflicted file (%v):\n%s", err, out)
	}
	// Resolving: keep 25m, delete the section, commit.
	write(strings.Replace(strings.TrimSuffix(conflicted, entry), "    wait: 2m\n", "    wait: 25m\n", 1))
	run(bin, "validate", "-q", file)
	run("git", "add", file)
	run("git", "commit", "-q", "--no-edit")
}
