package blueprint

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// richSource is a canonical file that uses every feature of the format.
const richSource = `# yaml-language-server: $schema=../docs/servicebp.schema.json

servicebp: 1
title: Overnight hotel stay
description: |-
  The classic example.
  Two lines.
lanes:
  - {id: evidence}
  - {id: customer, name: Guest actions}
  - {id: partner, name: Partner hotels}
  - {id: systems, name: IT systems, kind: support}
  - {id: frontstage}
  - {id: backstage}
  - {id: support}
lines:
  - {id: interaction, below: customer}
  # the dashed one
  - {id: visibility, below: frontstage}
  - {id: internal, name: 内部互动线, below: backstage, style: dotted}
columns: # time order
  - {id: arrive, phase: Arrival}
  - {id: check-in, name: Check in, phase: Arrival}
  - {id: room, phase: Stay}
steps:
  - id: sign
    lane: evidence
    column: arrive
    text: Hotel sign
  # the guest arrives
  - id: arrive-hotel
    lane: customer
    column: arrive
    text: Arrive at the hotel
    emotion: 1
  - id: greet # the first moment
    lane: frontstage
    column: arrive
    # two lines on the card
    text: |-
      Doorman greets,
      takes bags
    owner: Doorman # or the bell captain
    # measured in May
    duration: 2m
    wait: 5m
    fail: No doorman on duty
    recovery: Desk calls the bell captain
    moment: true
    emotion: -2
    tags: [peak, "yes"] # for the report
    notes: "Notes: with a colon"
    # revisit after the pilot
  - id: quoted
    lane: frontstage
    column: arrive
    text: "yes"
    owner: "- dash"
    fail: "true"
    recovery: "2024-05-01"
    tags: ["a,b", "[x]", "#hash", "no"]
    notes: "tab\there, \"quotes\" and a trailing space "
  - id: block
    lane: frontstage
    column: arrive
    text: |
      Ends with a newline
      and has two lines
    notes: "  leading spaces\nsecond line"
  - id: greet-2
    lane: frontstage
    column: arrive
    text: "123"
  - id: desk
    lane: frontstage
    column: check-in
    text: 办理入住
flows:
  - {from: arrive-hotel, to: greet, label: bags}
  - {from: greet, to: desk, two-way: true}
lint:
  disable: [orphan-step]
  long-wait: 15m

# end of file
`

func TestRoundTripIsByteIdentical(t *testing.T) {
	d, err := Parse("rich.yaml", []byte(richSource))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != richSource {
		t.Fatalf("round trip changed the file:\n%s", unifiedLines(richSource, string(out)))
	}
	again, err := Marshal(d.Clone())
	if err != nil || string(again) != string(out) {
		t.Fatalf("a clone saves differently (%v)", err)
	}
}

// TestCommentsInsideElements checks where comments between the keys of an
// element go: a step keeps them at their keys, with a line comment on a
// multi-line text moved above its key; the one-line elements (lanes,
// lines, columns, flows) gather them above the element. Nothing is lost,
// and the result is stable.
func TestCommentsInsideElements(t *testing.T) {
	src := `servicebp: 1
lanes:
  - id: customer
    # the people we serve
    name: Guests  # renamed in 2025
  - {id: frontstage}
steps:
  - id: a
    lane: customer
    column: c1
    text: |-  # two lines
      Hello
      there

    # set off by a blank line
    owner: Bob
  - lane: frontstage
    # above id, not the first key
    id: b
    column: c1
    moment: false # left out, so moved
    # also left out
    emotion: 0
    # the end
flows:
  - from: a
    # the usual way
    to: b
`
	want := `servicebp: 1
lanes:
  # the people we serve
  # renamed in 2025
  - {id: customer, name: Guests}
  - {id: frontstage}
steps:
  - id: a
    lane: customer
    column: c1
    # two lines
    text: |-
      Hello
      there
    # set off by a blank line
    owner: Bob
  # above id, not the first key
  - id: b
    lane: frontstage
    column: c1
    # left out, so moved
    # also left out
    # the end
flows:
  # the usual way
  - {from: a, to: b}
`
	d, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != want {
		t.Fatalf("comments moved wrongly:\n%s", unifiedLines(want, string(out)))
	}
	d2, err := Parse("c.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Marshal(d2); string(again) != want {
		t.Fatalf("second save differs:\n%s", unifiedLines(want, string(again)))
	}
	// The comments belong to the step: a clone has its own copy, and an
	// edit of the step keeps them.
	c := d.Clone()
	c.Steps[0].KeyComments["owner"] = KeyComment{Above: "# changed"}
	if d.Steps[0].KeyComments["owner"].Above != "# set off by a blank line" {
		t.Error("a clone shares the step's comments")
	}
	s := *d.Step("a")
	s.Owner = "Ann"
	if err := EditStep("a", s).Do(d); err != nil {
		t.Fatal(err)
	}
	if out, _ := Marshal(d); !strings.Contains(string(out), "    # set off by a blank line\n    owner: Ann\n") {
		t.Errorf("editing the step lost its comments:\n%s", out)
	}
}

func TestMarshalCanonicalises(t *testing.T) {
	src := "title: Coffee\nservicebp: 1\nsteps:\n" +
		"  - {column: c2, lane: customer, id: b, wait: 90m, moment: false, emotion: 0}\n" +
		"  - {id: a, lane: frontstage, column: c1}\n" +
		"  - {id: z, lane: customer, column: c1}\n"
	want := "servicebp: 1\ntitle: Coffee\nsteps:\n" +
		"  - id: z\n    lane: customer\n    column: c1\n" +
		"  - id: a\n    lane: frontstage\n    column: c1\n" +
		"  - id: b\n    lane: customer\n    column: c2\n    wait: 1h30m\n"
	d, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	// Columns are derived from first use: c2, then c1. Bare columns that
	// every step order reproduces are omitted.
	out, _ := Marshal(d)
	wantFirst := "servicebp: 1\ntitle: Coffee\nsteps:\n" +
		"  - id: b\n    lane: customer\n    column: c2\n    wait: 1h30m\n" +
		"  - id: z\n    lane: customer\n    column: c1\n" +
		"  - id: a\n    lane: frontstage\n    column: c1\n"
	if string(out) != wantFirst {
		t.Fatalf("got:\n%s\nwant:\n%s", out, wantFirst)
	}
	d.Columns[0], d.Columns[1] = d.Columns[1], d.Columns[0]
	out, _ = Marshal(d)
	if string(out) != want {
		t.Fatalf("got:\n%s\nwant:\n%s", out, want)
	}
	// An empty column cannot be derived, so the columns are written out.
	d.Columns = append(d.Columns, Column{ID: "c3"})
	out, _ = Marshal(d)
	if !strings.Contains(string(out), "columns:\n  - {id: c1}\n  - {id: c2}\n  - {id: c3}\nsteps:") {
		t.Fatalf("columns not written:\n%s", out)
	}
}

// TestDiffStable checks that inserting a column or a step changes only the
// inserted lines of the saved file.
func TestDiffStable(t *testing.T) {
	base, err := Parse("rich.yaml", []byte(richSource))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := Marshal(base)
	tests := []struct {
		name string
		edit func(d *Document)
	}{
		{"insert column", func(d *Document) {
			d.Columns = append(d.Columns[:1], append([]Column{{ID: "park", Phase: "Arrival"}}, d.Columns[1:]...)...)
		}},
		{"insert step", func(d *Document) {
			d.Steps = append(d.Steps, Step{ID: "pay", Lane: "customer", Column: "check-in", Text: "Pay deposit", Wait: 3 * Minute})
			d.SortSteps()
		}},
		{"insert step into a full cell", func(d *Document) {
			d.Steps = append(d.Steps, Step{ID: "greet-3", Lane: "frontstage", Column: "arrive", Text: "Offers water"})
			d.SortSteps()
		}},
		{"insert flow", func(d *Document) {
			d.Flows = append(d.Flows, Flow{From: "sign", To: "arrive-hotel"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base.Clone()
			tt.edit(d)
			after, err := Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			removed, added := lineDiff(string(before), string(after))
			if len(removed) != 0 {
				t.Errorf("inserting removed or changed lines: %q", removed)
			}
			if len(added) == 0 {
				t.Errorf("nothing was added")
			}
			if _, err := Parse("after.yaml", after); err != nil {
				t.Errorf("the edited file does not load: %v", err)
			}
		})
	}
}

// lineDiff returns the lines only in a and only in b, matching lines in
// order (a longest common subsequence).
func lineDiff(a, b string) (removed, added []string) {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			removed = append(removed, x[i])
			i++
		default:
			added = append(added, y[j])
			j++
		}
	}
	return append(removed, x[i:]...), append(added, y[j:]...)
}

func unifiedLines(want, got string) string {
	removed, added := lineDiff(want, got)
	return "missing lines: " + strings.Join(removed, "\n  ") + "\nextra lines: " + strings.Join(added, "\n  ")
}

func TestSaveKeepsModeAndReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bp.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, _ := Parse("rich.yaml", []byte(richSource))
	if err := Save(path, d); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", info.Mode().Perm())
	}
	got, _ := os.ReadFile(path)
	if string(got) != richSource {
		t.Errorf("saved file differs from the canonical form")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestFailedSaveLeavesOriginal(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores folder permissions; use a non-root user when one exists.
		if _, err := exec.LookPath("setpriv"); err != nil {
			t.Fatal("running as root and setpriv is missing: cannot test a read-only folder")
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "bp.yaml")
	original := []byte("servicebp: 1\ntitle: Original\n")
	if err := os.WriteFile(path, original, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	d, _ := Parse("rich.yaml", []byte(richSource))
	var err error
	if os.Geteuid() == 0 {
		err = saveAsNobody(t, path)
	} else {
		err = Save(path, d)
	}
	if err == nil {
		t.Fatal("saving into a read-only folder succeeded")
	}
	got, _ := os.ReadFile(path)
	if string(got) != string(original) {
		t.Fatalf("the original file changed: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
	// A target that is a folder is refused too.
	if err := WriteFileAtomic(t.TempDir(), []byte("x"), 0o644); err == nil {
		t.Error("writing over a folder succeeded")
	}
}

// saveAsNobody runs this test binary's helper mode as an unprivileged user
// to save into path, and returns its failure.
func saveAsNobody(t *testing.T, path string) error {
	t.Helper()
	cmd := exec.Command("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", os.Args[0], "-test.run=^TestHelperSave$")
	cmd.Env = append(os.Environ(), "SERVICEBP_HELPER_SAVE="+path)
	out, err := cmd.CombinedOutput()
	if err == nil {
		return nil
	}
	if !strings.Contains(string(out), "permission denied") {
		t.Fatalf("helper failed for another reason: %v\n%s", err, out)
	}
	return err
}

// TestHelperSave is run by saveAsNobody in a child process.
func TestHelperSave(t *testing.T) {
	path := os.Getenv("SERVICEBP_HELPER_SAVE")
	if path == "" {
		return
	}
	d, _ := Parse("rich.yaml", []byte(richSource))
	if err := Save(path, d); err != nil {
		t.Fatal(err)
	}
}
