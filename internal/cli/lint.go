package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
	"servicebp/blueprint/i18n"
)

const lintUsage = "lint [--format text|json] [--disable RULE] [--max-warnings N] [--long-wait DUR] [--lang en|zh-Hans|zh-Hant] FILE..."

func init() {
	register(&command{name: "lint", usage: lintUsage, summary: "check blueprints for gaps: touchpoints without evidence, fail points without owner, long waits ...", order: 40, run: runLint})
}

// ruleList is a repeatable, comma-separated --disable flag.
type ruleList []string

func (r *ruleList) String() string { return strings.Join(*r, ",") }

func (r *ruleList) Set(v string) error {
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			*r = append(*r, id)
		}
	}
	return nil
}

// lintFinding is one finding in lint's JSON output. Column is the source
// column; the blueprint column the finding is about is ColumnID.
type lintFinding struct {
	File     string        `json:"file"`
	Line     int           `json:"line"`
	Column   int           `json:"column"`
	Rule     string        `json:"rule"`
	Severity string        `json:"severity"`
	Message  string        `json:"message"`
	Step     string        `json:"step"`
	Related  []string      `json:"related,omitempty"`
	LaneID   string        `json:"lane_id,omitempty"`
	ColumnID string        `json:"column_id,omitempty"`
	Flow     *lintFlowJSON `json:"flow,omitempty"`
}

type lintFlowJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type lintOutput struct {
	Findings []lintFinding `json:"findings"`
}

func runLint(env Env, args []string) int {
	fs := newFlagSet(lintUsage, env)
	format := fs.String("format", "text", "output format: text or json")
	var disable ruleList
	fs.Var(&disable, "disable", "skip `RULE` (repeatable, or comma separated)")
	maxWarnings := fs.Int("max-warnings", -1, "fail when there are more than `N` warnings in all (-1: no limit)")
	longWait := fs.String("long-wait", "", "report waits longer than `DUR` (default: the file's lint.long-wait, else 10m)")
	langName := langFlag(fs)
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	lg, ok := pickLang(env, "lint", *langName)
	if !ok {
		return ExitUsage
	}
	opt, ok := lintOptions(env, *format, disable, *longWait)
	if !ok {
		return ExitUsage
	}
	if len(files) == 0 {
		fs.Usage()
		return ExitUsage
	}
	out := lintOutput{Findings: []lintFinding{}}
	var errs, warns int
	for _, path := range files {
		doc, err := loadInput(env, path)
		if err != nil {
			printLoadError(env, err)
			code = ExitFailure
			continue
		}
		name := displayName(path)
		fsOf := analysis.Lint(doc, opt)
		e, w, i := analysis.Count(fsOf)
		errs += e
		warns += w
		for _, f := range fsOf {
			out.Findings = append(out.Findings, toLintFinding(name, f, lg))
		}
		if *format == "text" {
			for _, f := range out.Findings[len(out.Findings)-len(fsOf):] {
				fmt.Fprintf(env.Stdout, "%s:%d:%d: %s %s: %s\n", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Message)
			}
			fmt.Fprintf(env.Stderr, "%s: %s, %s, %d info\n", name, plural(e, "error"), plural(w, "warning"), i)
		}
	}
	if *format == "json" {
		if err := writeJSON(env.Stdout, out); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp lint: %v\n", err)
			return ExitFailure
		}
	}
	if tooManyWarnings(warns, *maxWarnings) {
		fmt.Fprintf(env.Stderr, "servicebp lint: %s, more than --max-warnings %d\n", plural(warns, "warning"), *maxWarnings)
	}
	return lintExit(code, errs, warns, *maxWarnings)
}

// lintExit is lint's exit code: code (ExitFailure after a file failed to
// load), else ExitFailure when there are errors or more than maxWarnings
// warnings (a negative maxWarnings means no limit), else ExitOK.
func lintExit(code, errs, warns, maxWarnings int) int {
	if code != ExitOK || errs > 0 || tooManyWarnings(warns, maxWarnings) {
		return ExitFailure
	}
	return ExitOK
}

func tooManyWarnings(warns, maxWarnings int) bool {
	return maxWarnings >= 0 && warns > maxWarnings
}

// lintOptions checks lint's flag values and turns them into options,
// reporting usage errors on stderr.
func lintOptions(env Env, format string, disable []string, longWait string) (analysis.Options, bool) {
	var opt analysis.Options
	if format != "text" && format != "json" {
		fmt.Fprintf(env.Stderr, "servicebp lint: unknown format %q; use text or json\n", format)
		return opt, false
	}
	for _, id := range disable {
		if !analysis.IsRule(id) {
			msg := fmt.Sprintf("servicebp lint: unknown rule %q", id)
			if s := analysis.Suggest(id); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			fmt.Fprintf(env.Stderr, "%s; the rules are: %s\n", msg, strings.Join(analysis.RuleIDs(), ", "))
			return opt, false
		}
	}
	opt.Disable = disable
	if longWait != "" {
		d, err := blueprint.ParseDuration(longWait)
		if err == nil && d <= 0 {
			err = fmt.Errorf("--long-wait must be longer than 0s")
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "servicebp lint: %v\n", err)
			return opt, false
		}
		opt.LongWait = d
	}
	return opt, true
}

// toLintFinding turns a finding into its JSON form, its message in lg.
// Findings without a source position point at the start of the file.
func toLintFinding(file string, f analysis.Finding, lg i18n.Lang) lintFinding {
	line, col := f.Pos.Line, f.Pos.Col
	if line <= 0 {
		line, col = 1, 1
	}
	if col <= 0 {
		col = 1
	}
	lf := lintFinding{
		File: file, Line: line, Column: col,
		Rule: f.Rule, Severity: string(f.Severity), Message: lg.Text(f.Msg),
		Step: f.Step, Related: f.Related, LaneID: f.Lane, ColumnID: f.Column,
	}
	if f.Flow != nil {
		lf.Flow = &lintFlowJSON{From: f.Flow.From, To: f.Flow.To}
	}
	return lf
}

// writeJSON writes v as indented JSON, leaving <, > and & unescaped.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// plural writes n and noun, adding an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
