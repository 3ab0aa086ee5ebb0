package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const workshopFile = "testdata/workshop/workshop.yaml"

// TestStatsWorkshop checks the votes and the parking lot in stats' text
// and JSON output.
func TestStatsWorkshop(t *testing.T) {
	lintGolden(t, "workshop/stats.txt.golden", runCLIOK(t, "", "stats", workshopFile))
	lintGolden(t, "workshop/stats.json.golden", runCLIOK(t, "", "stats", "--format", "json", workshopFile))
	lintGolden(t, "workshop/votes.txt.golden", runCLIOK(t, "", "votes", workshopFile))
	lintGolden(t, "workshop/votes.json.golden", runCLIOK(t, "", "votes", "--format", "json", workshopFile))
	// Without votes or questions the text report has no such sections.
	if out := runCLIOK(t, "", "stats", lintTemplatePath("hotel")); strings.Contains(out, "Dot votes") || strings.Contains(out, "Parking lot") {
		t.Errorf("stats of a blueprint without votes reports them:\n%s", out)
	}
}

// TestVotesReset checks that votes reset clears the votes, keeps the rest
// of the file byte for byte, and leaves a file without votes alone.
func TestVotesReset(t *testing.T) {
	src, err := os.ReadFile(workshopFile)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "w.yaml")
	if err := os.WriteFile(path, src, 0o640); err != nil {
		t.Fatal(err)
	}
	out := runCLIOK(t, "", "votes", "reset", path)
	if !strings.Contains(out, "reset 16 votes") {
		t.Errorf("output %q", out)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer("    votes: 7\n", "", "    votes: 2\n", "").Replace(string(src))
	if string(got) != want {
		t.Errorf("after reset:\n%s\nwant:\n%s", got, want)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("mode after reset: %v %v", fi.Mode(), err)
	}
	if out := runCLIOK(t, "", "votes", "reset", path); !strings.Contains(out, "no votes to reset") {
		t.Errorf("second reset: %q", out)
	}
}

func TestVotesExitCodes(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, votes: -2}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []cliCase{
		{"no file", []string{"votes"}, "", ExitUsage, "usage: servicebp votes", ""},
		{"reset no file", []string{"votes", "reset"}, "", ExitUsage, "usage: servicebp votes reset FILE", ""},
		{"reset stdin", []string{"votes", "reset", "-"}, "", ExitUsage, "usage: servicebp votes reset FILE", ""},
		{"unknown format", []string{"votes", "--format", "csv", workshopFile}, "", ExitUsage, `unknown format "csv"`, ""},
		{"negative votes", []string{"votes", bad}, "", ExitFailure, "bad.yaml:3:47: votes cannot be negative (-2)", ""},
		{"reset negative votes", []string{"votes", "reset", bad}, "", ExitFailure, "bad.yaml:3:47: votes cannot be negative", ""},
		{"missing file", []string{"votes", "reset", "testdata/workshop/nope.yaml"}, "", ExitFailure, "nope.yaml", ""},
		{"stdin", []string{"votes", "-"}, "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, votes: 3}\n", ExitOK, "", "Dot votes: 3 on 1 step"},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.check)
	}
}
