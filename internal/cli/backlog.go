package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
	"servicebp/export/sheet"
)

// runBacklog is export --backlog: the fail points of the blueprint at
// path (and with findings its lint findings) as the CSV the tracker
// imports, written atomically to out.
func runBacklog(env Env, path, out, tracker string, findings bool, usage func(string) int) int {
	if tracker == "" {
		return usage("--findings goes with --backlog github|jira|gitlab")
	}
	tr, err := sheet.ParseTracker(tracker)
	if err != nil {
		return usage(err.Error())
	}
	if !strings.EqualFold(filepath.Ext(out), ".csv") {
		return usage("--backlog writes CSV; name the output .csv")
	}
	doc, err := loadInput(env, path)
	if err != nil {
		printLoadError(env, err)
		return ExitFailure
	}
	if msg := overwritesInput(out, false, doc, path); msg != "" {
		fmt.Fprintf(env.Stderr, "servicebp export: %s; nothing was written\n", msg)
		return ExitFailure
	}
	var fs []analysis.Finding
	if findings {
		fs = analysis.Lint(doc, analysis.Options{})
	}
	issues := sheet.BacklogIssues(doc, displayName(path), fs)
	if err := blueprint.WriteFileAtomic(out, sheet.EncodeBacklog(tr, issues), 0o644); err != nil {
		fmt.Fprintf(env.Stderr, "servicebp export: %v\n", err)
		return ExitFailure
	}
	fmt.Fprintf(env.Stderr, "servicebp export: %d issues for %s in %s\n", len(issues), tr, out)
	return ExitOK
}
