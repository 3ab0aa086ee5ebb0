// Package analysis reads a service blueprint the way the literature does:
// lint rules that point at likely gaps (touchpoints without evidence, fail
// points without an owner, long waits, flows that skip the frontstage) and
// stats that compare what happens above and below the line of visibility.
//
// Everything here is pure and fast: Lint and ComputeStats only read the
// document, never change it, and run in well under a millisecond per
// hundred steps, so the editor can call them after every edit. Where the
// analysis depends on the lines (interaction, visibility, internal
// interaction) it uses the document's own lines and lane order, never fixed
// lane ids; a rule whose line is missing does not fire.
package analysis

import (
	"cmp"
	"slices"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

// Severity says how serious a finding is.
type Severity string

// The severities, from most to least serious.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// FlowRef names a flow by its two ends.
type FlowRef struct {
	From string
	To   string
}

// Finding is one problem a rule found in a document.
type Finding struct {
	// Rule is the id of the rule that found the problem.
	Rule string
	// Severity is the rule's severity.
	Severity Severity
	// Message says what is wrong, in English, naming the steps involved
	// by id and text: Msg told in English, as lint prints it.
	Message string
	// Msg is the message as a catalogue key and its arguments, for
	// telling it in another language (i18n.Lang.Text).
	Msg i18n.Message
	// Step is the id of the step the finding is about; empty for findings
	// about a lane, a column, a dangling flow or the lint settings.
	Step string
	// Related lists the other steps involved, for example the far end of a
	// flow.
	Related []string
	// Lane and Column are the ids of the lane and column the finding is
	// about, where relevant.
	Lane   string
	Column string
	// Flow is the flow the finding is about, if any.
	Flow *FlowRef
	// Pos is where the element the finding is about starts in its file; it
	// is zero for elements made in the editor and for the lint settings.
	Pos blueprint.Pos

	// seq orders findings without a source position by document order.
	seq int
}

// Options changes how Lint runs.
type Options struct {
	// Disable lists rule ids not to run, on top of those the document's
	// lint settings disable. Unknown ids are ignored; check them with
	// IsRule first.
	Disable []string
	// LongWait, when positive, overrides both the document's long-wait
	// threshold and DefaultLongWait.
	LongWait blueprint.Duration
}

// DefaultLongWait is the long-wait threshold when neither the run nor the
// file sets one: waits longer than this are reported.
const DefaultLongWait = 10 * blueprint.Minute

// LongWaitThreshold returns the long-wait threshold Lint uses for d with
// opt: opt.LongWait, else the file's lint.long-wait, else DefaultLongWait.
func LongWaitThreshold(d *blueprint.Document, opt Options) blueprint.Duration {
	switch {
	case opt.LongWait > 0:
		return opt.LongWait
	case d != nil && d.Lint.LongWait > 0:
		return d.Lint.LongWait
	}
	return DefaultLongWait
}

// Lint runs every enabled rule on d and returns the findings in a stable
// order: by source line and column, then document order, then rule id. A
// nil document has no findings.
func Lint(d *blueprint.Document, opt Options) []Finding {
	if d == nil {
		return nil
	}
	return lint(newIndex(d), opt)
}

// Analyze returns both the findings and the stats of d, sharing the work
// of indexing the document, for callers such as an editor that refresh
// both after every edit.
func Analyze(d *blueprint.Document, opt Options) ([]Finding, Stats) {
	if d == nil {
		return nil, Stats{}
	}
	x := newIndex(d)
	return lint(x, opt), stats(x)
}

func lint(x *index, opt Options) []Finding {
	d := x.d
	off := make(map[string]bool, len(opt.Disable)+len(d.Lint.Disable))
	for _, id := range opt.Disable {
		off[id] = true
	}
	for _, id := range d.Lint.Disable {
		off[id] = true
	}
	c := &checker{
		x:        x,
		longWait: LongWaitThreshold(d, opt),
	}
	for _, r := range rules {
		if off[r.ID] {
			continue
		}
		c.rule = r
		r.check(c)
	}
	slices.SortFunc(c.out, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.seq, b.seq),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return c.out
}

// Count returns how many findings of each severity fs holds.
func Count(fs []Finding) (errors, warnings, infos int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		default:
			infos++
		}
	}
	return errors, warnings, infos
}

// ByStep groups findings by the step they are about, for markers on cards.
// Findings without a step are left out.
func ByStep(fs []Finding) map[string][]Finding {
	m := make(map[string][]Finding)
	for _, f := range fs {
		if f.Step != "" {
			m[f.Step] = append(m[f.Step], f)
		}
	}
	return m
}
