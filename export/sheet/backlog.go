package sheet

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
)

// Tracker is an issue tracker whose CSV import the backlog export writes.
type Tracker string

// The trackers. GitHub has no CSV import of its own: the file is the
// title, body, labels CSV that the common gh-based import scripts read.
// Jira's importer maps Summary, Description, Issue Type and Labels (one
// Labels column per label). GitLab reads title and description, the first
// two columns, in that order.
const (
	TrackerGitHub Tracker = "github"
	TrackerJira   Tracker = "jira"
	TrackerGitLab Tracker = "gitlab"
)

// Trackers lists the trackers.
var Trackers = []Tracker{TrackerGitHub, TrackerJira, TrackerGitLab}

// ParseTracker returns the tracker named name (any case).
func ParseTracker(name string) (Tracker, error) {
	for _, t := range Trackers {
		if strings.EqualFold(name, string(t)) {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown tracker %q; the trackers are github, jira and gitlab", name)
}

// Issue is one backlog item.
type Issue struct {
	Title  string
	Body   string
	Labels []string
}

// maxTitle is the longest title written, within Jira's 255-character
// summary.
const maxTitle = 250

// BacklogIssues turns d's fail points, in canonical step order, and then
// findings into issues. file is the blueprint's name as the user gave it,
// for the FILE:LINE link back in each body.
func BacklogIssues(d *blueprint.Document, file string, findings []analysis.Finding) []Issue {
	lanes := map[string]blueprint.Lane{}
	for _, l := range d.Lanes {
		lanes[l.ID] = l
	}
	cols := map[string]blueprint.Column{}
	for _, c := range d.Columns {
		cols[c.ID] = c
	}
	c := d.Clone()
	c.SortSteps()
	var out []Issue
	for _, s := range c.Steps {
		if s.Fail == "" {
			continue
		}
		col := cols[s.Column]
		var b strings.Builder
		line := func(k, v string) {
			if v != "" {
				fmt.Fprintf(&b, "%s: %s\n", k, v)
			}
		}
		line("Fail point", s.Fail)
		line("Step", fmt.Sprintf("%s (%s)", oneLine(s.Text), s.ID))
		line("Lane", lanes[s.Lane].Name)
		line("Phase", col.Phase)
		line("Column", firstOf(col.Name, col.ID))
		line("Owner", firstOf(s.Owner, "none"))
		line("Recovery", firstOf(oneLine(s.Recovery), "none yet"))
		line("Source", source(file, s.Pos))
		out = append(out, Issue{Title: title(s.Fail), Body: b.String(), Labels: []string{"servicebp", "fail-point"}})
	}
	for _, f := range findings {
		var b strings.Builder
		fmt.Fprintf(&b, "Finding: %s\nRule: %s (%s)\n", f.Message, f.Rule, f.Severity)
		if i := d.StepIndex(f.Step); i >= 0 {
			s := d.Steps[i]
			fmt.Fprintf(&b, "Step: %s (%s)\n", oneLine(s.Text), s.ID)
		}
		if l, ok := lanes[f.Lane]; ok {
			fmt.Fprintf(&b, "Lane: %s\n", l.Name)
		}
		if col, ok := cols[f.Column]; ok {
			if col.Phase != "" {
				fmt.Fprintf(&b, "Phase: %s\n", col.Phase)
			}
			fmt.Fprintf(&b, "Column: %s\n", firstOf(col.Name, col.ID))
		}
		fmt.Fprintf(&b, "Source: %s\n", source(file, f.Pos))
		out = append(out, Issue{Title: title(f.Message), Body: b.String(), Labels: []string{"servicebp", "lint-" + f.Rule}})
	}
	return out
}

// EncodeBacklog writes issues as the CSV tracker imports, escaped like
// every CSV servicebp writes (see EncodeCSV).
func EncodeBacklog(tr Tracker, issues []Issue) []byte {
	var t Table
	switch tr {
	case TrackerJira:
		labels := 0
		for _, is := range issues {
			labels = max(labels, len(is.Labels))
		}
		head := []string{"Summary", "Description", "Issue Type"}
		for range labels {
			head = append(head, "Labels")
		}
		t = append(t, head)
		for _, is := range issues {
			t = append(t, append([]string{is.Title, is.Body, "Task"}, is.Labels...))
		}
	case TrackerGitLab:
		t = append(t, []string{"title", "description"})
		for _, is := range issues {
			t = append(t, []string{is.Title, is.Body})
		}
	default:
		t = append(t, []string{"title", "body", "labels"})
		for _, is := range issues {
			t = append(t, []string{is.Title, is.Body, strings.Join(is.Labels, ",")})
		}
	}
	return EncodeCSV(t)
}

func source(file string, p blueprint.Pos) string {
	if p.Line == 0 {
		return file
	}
	return fmt.Sprintf("%s:%d", file, p.Line)
}

func title(s string) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	r := []rune(s)
	return string(r[:maxTitle-1]) + "…"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
