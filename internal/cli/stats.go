package cli

import (
	"fmt"
	"io"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
)

const statsUsage = "stats [--format text|json] [--servers STEP=N] [--target-wait DUR] [--lang en|zh-Hans|zh-Hant] FILE"

func init() {
	register(&command{name: "stats", usage: statsUsage, summary: "count steps per lane, above and below the line of visibility, encounters, fail and wait points; the critical path, the queues, the dot votes and the parking lot", order: 41, run: runStats})
}

// statsOutput is stats' JSON output.
type statsOutput struct {
	File  string `json:"file"`
	Title string `json:"title"`
	Steps int    `json:"steps"`
	// Lanes maps lane id to step count; LaneOrder lists the lane ids top
	// to bottom.
	Lanes              map[string]int `json:"lanes"`
	LaneOrder          []string       `json:"lane_order"`
	AboveVisibility    int            `json:"above_visibility"`
	BelowVisibility    int            `json:"below_visibility"`
	AboveVisibilityPct float64        `json:"above_visibility_pct"`
	BelowVisibilityPct float64        `json:"below_visibility_pct"`
	Encounters         int            `json:"encounters"`
	InternalEncounters int            `json:"internal_encounters"`
	FailPoints         int            `json:"fail_points"`
	WaitPoints         int            `json:"wait_points"`
	MomentsOfTruth     int            `json:"moments_of_truth"`
	// UnexplainedWaits and UnknownLengthWaits count the wait points whose
	// waiting conditions leave out explained and known-length.
	UnexplainedWaits   int `json:"unexplained_waits"`
	UnknownLengthWaits int `json:"unknown_length_waits"`
	// MissingLines names the line kinds the blueprint lacks; the figures
	// that need them are 0.
	MissingLines []string     `json:"missing_lines,omitempty"`
	Phases       []statsPhase `json:"phases"`
	// CriticalPath is the longest path through the flows.
	CriticalPath *statsPath `json:"critical_path"`
	// Cycles lists the flow cycles the critical path had to break.
	Cycles []statsCycle `json:"cycles"`
	Queues []statsQueue `json:"queues"`
	// Votes and Questions are the workshop's dot votes and parking lot.
	Votes     statsVotes     `json:"votes"`
	Questions statsQuestions `json:"questions"`
}

// statsPhase is one phase in stats' JSON output. The sums add up the values
// entered on the steps; they are not end-to-end times.
type statsPhase struct {
	Name               string   `json:"name"`
	Columns            []string `json:"columns"`
	Steps              int      `json:"steps"`
	DurationSum        string   `json:"duration_sum"`
	DurationSumSeconds int64    `json:"duration_sum_seconds"`
	WaitSum            string   `json:"wait_sum"`
	WaitSumSeconds     int64    `json:"wait_sum_seconds"`
	// CriticalPath is the phase's longest path, on its own steps.
	CriticalPath *statsPath `json:"critical_path"`
}

func runStats(env Env, args []string) int {
	fs := newFlagSet(statsUsage, env)
	format := fs.String("format", "text", "output format: text or json")
	servers := serverList{}
	fs.Var(servers, "servers", "what-if: `STEP=N` gives the queue at step STEP N servers (repeatable)")
	targetWait := fs.String("target-wait", "", "report the servers each queue needs for a mean wait of at most `DUR`")
	langName := langFlag(fs)
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	lg, ok := pickLang(env, "stats", *langName)
	if !ok {
		return ExitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(env.Stderr, "servicebp stats: unknown format %q; use text or json\n", *format)
		return ExitUsage
	}
	var target blueprint.Duration
	if *targetWait != "" {
		t, err := blueprint.ParseDuration(*targetWait)
		if err != nil || t <= 0 {
			fmt.Fprintf(env.Stderr, "servicebp stats: --target-wait: invalid duration %q; write for example 5m\n", *targetWait)
			return ExitUsage
		}
		target = t
	}
	if len(files) != 1 {
		fs.Usage()
		return ExitUsage
	}
	doc, err := loadInput(env, files[0])
	if err != nil {
		printLoadError(env, err)
		return ExitFailure
	}
	if err := checkServers(doc, servers); err != nil {
		fmt.Fprintf(env.Stderr, "servicebp stats: %v\n", err)
		return ExitUsage
	}
	out := toStatsOutput(displayName(files[0]), doc, analysis.ComputeStats(doc))
	addTime(&out, doc, analysis.ComputePath(doc), analysis.ComputeQueues(doc, analysis.QueueOptions{Servers: servers, TargetWait: target}))
	addWorkshop(&out, doc)
	if *format == "json" {
		if err := writeJSON(env.Stdout, out); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp stats: %v\n", err)
			return ExitFailure
		}
		return ExitOK
	}
	writeStatsText(env.Stdout, doc, out, lg)
	return ExitOK
}

func toStatsOutput(file string, doc *blueprint.Document, s analysis.Stats) statsOutput {
	out := statsOutput{
		File: file, Title: doc.Title, Steps: s.Steps,
		Lanes:           make(map[string]int, len(s.Lanes)),
		LaneOrder:       []string{},
		AboveVisibility: s.AboveVisibility, BelowVisibility: s.BelowVisibility,
		AboveVisibilityPct: s.AboveVisibilityPct, BelowVisibilityPct: s.BelowVisibilityPct,
		Encounters: s.Encounters, InternalEncounters: s.InternalEncounters,
		FailPoints: s.FailPoints, WaitPoints: s.WaitPoints, MomentsOfTruth: s.MomentsOfTruth,
		UnexplainedWaits: s.UnexplainedWaits, UnknownLengthWaits: s.UnknownLengthWaits,
		Phases: []statsPhase{},
	}
	for _, l := range s.Lanes {
		out.Lanes[l.ID] = l.Steps
		out.LaneOrder = append(out.LaneOrder, l.ID)
	}
	for _, m := range []struct {
		has  bool
		kind blueprint.LineKind
	}{{s.HasInteraction, blueprint.LineInteraction}, {s.HasVisibility, blueprint.LineVisibility}, {s.HasInternal, blueprint.LineInternal}} {
		if !m.has {
			out.MissingLines = append(out.MissingLines, string(m.kind))
		}
	}
	for _, p := range s.Phases {
		out.Phases = append(out.Phases, statsPhase{
			Name: p.Name, Columns: p.Columns, Steps: p.Steps,
			DurationSum: p.Duration.String(), DurationSumSeconds: int64(p.Duration),
			WaitSum: p.Wait.String(), WaitSumSeconds: int64(p.Wait),
		})
	}
	return out
}

// writeStatsText writes the stats as an aligned report, naming the lanes
// that keep their default names in lg.
func writeStatsText(w io.Writer, doc *blueprint.Document, s statsOutput, lg i18n.Lang) {
	title := s.File
	if doc.Title != "" {
		title = fmt.Sprintf("%s (%s)", doc.Title, s.File)
	}
	// Each row is a label, a right-aligned figure and a remark.
	rows := [][]string{{"steps", fmt.Sprint(s.Steps), ""}}
	labels := layout.LabelsIn(lg)
	for _, l := range doc.Lanes {
		name := labels.LaneName(l)
		rows = append(rows, []string{"  " + name, fmt.Sprint(s.Lanes[l.ID]), ""})
	}
	missing := func(kind blueprint.LineKind) bool {
		for _, m := range s.MissingLines {
			if m == string(kind) {
				return true
			}
		}
		return false
	}
	if missing(blueprint.LineVisibility) {
		rows = append(rows,
			[]string{"above visibility", "-", "(no line of visibility)"},
			[]string{"below visibility", "-", "(no line of visibility)"})
	} else {
		rows = append(rows,
			[]string{"above visibility", fmt.Sprint(s.AboveVisibility), fmt.Sprintf("%5.1f%%", s.AboveVisibilityPct)},
			[]string{"below visibility", fmt.Sprint(s.BelowVisibility), fmt.Sprintf("%5.1f%%", s.BelowVisibilityPct)})
	}
	rows = append(rows,
		lineRow("encounters", s.Encounters, missing(blueprint.LineInteraction), "line of interaction"),
		lineRow("internal encounters", s.InternalEncounters, missing(blueprint.LineInternal), "line of internal interaction"),
		[]string{"fail points", fmt.Sprint(s.FailPoints), ""},
		[]string{"wait points", fmt.Sprint(s.WaitPoints), ""},
		[]string{"moments of truth", fmt.Sprint(s.MomentsOfTruth), ""})
	fmt.Fprintf(w, "%s\n\n", title)
	writeTable(w, rows, []bool{false, true, false})

	defer writeWorkshopText(w, s)
	defer writeTimeText(w, s)
	if len(s.Phases) == 0 {
		return
	}
	table := [][]string{{"phase", "columns", "steps", "duration sum", "wait sum"}}
	for _, p := range s.Phases {
		name := p.Name
		if name == "" {
			name = "(no phase)"
		}
		table = append(table, []string{name, fmt.Sprint(len(p.Columns)), fmt.Sprint(p.Steps), p.DurationSum, p.WaitSum})
	}
	fmt.Fprintln(w)
	writeTable(w, table, []bool{false, true, true, true, true})
	fmt.Fprintln(w, "\nDuration and wait sums add up the values entered on the steps of each phase;\nthey are not end-to-end times, since steps in different lanes can run at the same time;\nthe critical path below is.")
}

// writeTable writes rows as columns two spaces apart, right-aligning the
// columns marked in right. Widths count wide (CJK) characters as two.
func writeTable(w io.Writer, rows [][]string, right []bool) {
	widths := make([]int, len(right))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], analysis.TextWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			fill := strings.Repeat(" ", max(0, widths[i]-analysis.TextWidth(c)))
			if right[i] {
				b.WriteString(fill + c)
			} else {
				b.WriteString(c + fill)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func lineRow(label string, n int, missing bool, line string) []string {
	if missing {
		return []string{label, "-", "(no " + line + ")"}
	}
	return []string{label, fmt.Sprint(n), "flows across the " + line}
}
