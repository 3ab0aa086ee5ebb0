package analysis

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"servicebp/blueprint"
)

// FuzzAnalysis lints and counts every file the loader accepts, with the
// file's settings and with a fuzz-chosen long-wait threshold and disabled
// rule, and checks that nothing panics, that every finding names a known
// rule at its severity, is positioned within the file and refers to
// elements the document has, that Lint and ComputeStats agree with
// Analyze, and that the stats agree with a recount of the document.
func FuzzAnalysis(f *testing.F) {
	for _, glob := range []string{"../testdata/seeds/*.yaml", "../../assets/templates/*.yaml", "../../internal/cli/testdata/lint/*.yaml"} {
		paths, err := filepath.Glob(glob)
		if err != nil || len(paths) == 0 {
			f.Fatalf("no seeds in %s (%v)", glob, err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data, uint16(0), uint8(0))
		}
	}
	f.Add([]byte("servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c1, text: x, wait: 2h}\ncolumns: [{id: c1}]\n"), uint16(5), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, longWait uint16, rule uint8) {
		d, err := blueprint.Parse("fuzz.yaml", data)
		if err != nil {
			return // FuzzLoad checks the refusals
		}
		opt := Options{LongWait: blueprint.Duration(longWait) * blueprint.Minute}
		if ids := RuleIDs(); rule > 0 {
			opt.Disable = []string{ids[int(rule)%len(ids)]}
		}
		if err := checkAnalysis(data, d, opt); err != nil {
			t.Fatal(err)
		}
	})
}

// checkAnalysis runs the analysis of d, parsed from data, with opt and
// reports the first thing wrong with its results.
func checkAnalysis(data []byte, d *blueprint.Document, opt Options) error {
	fs, st := Analyze(d, opt)
	if lint := Lint(d, opt); !reflect.DeepEqual(lint, fs) {
		return fmt.Errorf("Lint and Analyze disagree:\n%+v\n%+v", lint, fs)
	}
	if cs := ComputeStats(d); !reflect.DeepEqual(cs, st) {
		return fmt.Errorf("ComputeStats and Analyze disagree:\n%+v\n%+v", cs, st)
	}
	if err := checkFindings(data, d, opt, fs); err != nil {
		return err
	}
	return checkStats(d, st)
}

// checkFindings checks each finding against the rules and the document.
func checkFindings(data []byte, d *blueprint.Document, opt Options, fs []Finding) error {
	severity := map[string]Severity{}
	for _, r := range Rules() {
		severity[r.ID] = r.Severity
	}
	off := map[string]bool{}
	for _, id := range append(opt.Disable, d.Lint.Disable...) {
		off[id] = true
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := 1 + strings.Count(text, "\n") + strings.Count(text, "\r")
	for i, f := range fs {
		if sev, ok := severity[f.Rule]; !ok || sev != f.Severity {
			return fmt.Errorf("finding %d: rule %q at severity %q is not a rule at that severity: %+v", i, f.Rule, f.Severity, f)
		}
		if off[f.Rule] {
			return fmt.Errorf("finding %d: rule %q is disabled: %+v", i, f.Rule, f)
		}
		if f.Message == "" || strings.ContainsAny(f.Message, "\n\r") {
			return fmt.Errorf("finding %d: message %q is empty or not one line", i, f.Message)
		}
		if f.Pos != (blueprint.Pos{}) && (f.Pos.Line < 1 || f.Pos.Col < 1 || f.Pos.Line > lines) {
			return fmt.Errorf("finding %d at %d:%d, outside the %d-line file: %+v", i, f.Pos.Line, f.Pos.Col, lines, f)
		}
		want, what := blueprint.Pos{}, "the lint settings"
		switch {
		case f.Rule == RuleUnresolvedConflict:
			// At its entry of the conflicts section, whatever it is about.
			want, what = blueprint.Pos{Line: 1, Col: 1}, "its conflict entry"
			for _, c := range d.Conflicts {
				if c.Message() == f.Message && c.Pos == f.Pos {
					want = c.Pos
				}
			}
		case f.Flow != nil:
			fi := d.FlowIndex(f.Flow.From, f.Flow.To)
			if fi < 0 {
				return fmt.Errorf("finding %d is about a missing flow %+v", i, *f.Flow)
			}
			want, what = d.Flows[fi].Pos, "its flow"
		case f.Step != "":
			s := d.Step(f.Step)
			if s == nil {
				return fmt.Errorf("finding %d is about a missing step %q", i, f.Step)
			}
			want, what = s.Pos, "its step"
		case f.Lane != "":
			if l := d.Lane(f.Lane); l != nil {
				want, what = l.Pos, "its lane"
			}
		case f.Column != "":
			if c := d.Column(f.Column); c != nil {
				want, what = c.Pos, "its column"
			}
		}
		if f.Pos != want {
			return fmt.Errorf("finding %d is at %v, %s at %v: %+v", i, f.Pos, what, want, f)
		}
		if f.Step != "" && d.Step(f.Step) == nil {
			return fmt.Errorf("finding %d is about a missing step %q", i, f.Step)
		}
		for _, id := range f.Related {
			if d.Step(id) == nil {
				return fmt.Errorf("finding %d relates to a missing step %q", i, id)
			}
		}
		if f.Lane != "" && d.Lane(f.Lane) == nil {
			return fmt.Errorf("finding %d is about a missing lane %q", i, f.Lane)
		}
		if f.Column != "" && d.Column(f.Column) == nil {
			return fmt.Errorf("finding %d is about a missing column %q", i, f.Column)
		}
		if i > 0 {
			p := fs[i-1].Pos
			if f.Pos.Line < p.Line || f.Pos.Line == p.Line && f.Pos.Col < p.Col {
				return fmt.Errorf("findings %d and %d are out of order: %v after %v", i-1, i, f.Pos, p)
			}
		}
	}
	return nil
}

// checkStats recounts d and compares the counts with st.
func checkStats(d *blueprint.Document, st Stats) error {
	if st.Steps != len(d.Steps) || len(st.Lanes) != len(d.Lanes) {
		return fmt.Errorf("%d steps in %d lanes counted, the document has %d in %d", st.Steps, len(st.Lanes), len(d.Steps), len(d.Lanes))
	}
	inLanes := 0
	for i, l := range st.Lanes {
		n := 0
		for _, s := range d.Steps {
			if s.Lane == d.Lanes[i].ID {
				n++
			}
		}
		if l.ID != d.Lanes[i].ID || l.Steps != n {
			return fmt.Errorf("lane %d counted as %+v, it is %q with %d steps", i, l, d.Lanes[i].ID, n)
		}
		inLanes += n
	}
	if inLanes != st.Steps {
		return fmt.Errorf("the lanes hold %d steps, %d counted", inLanes, st.Steps)
	}
	var fail, wait, moment, inPhases int
	for _, s := range d.Steps {
		if strings.TrimSpace(s.Fail) != "" {
			fail++
		}
		if s.Wait > 0 || !s.Queue.IsZero() { // a queue makes a wait point too
			wait++
		}
		if s.Moment {
			moment++
		}
	}
	if st.FailPoints != fail || st.WaitPoints != wait || st.MomentsOfTruth != moment {
		return fmt.Errorf("fail, wait and moment counts %d %d %d, recounted %d %d %d", st.FailPoints, st.WaitPoints, st.MomentsOfTruth, fail, wait, moment)
	}
	cols := 0
	for _, p := range st.Phases {
		cols += len(p.Columns)
		inPhases += p.Steps
	}
	if cols != len(d.Columns) || inPhases != st.Steps {
		return fmt.Errorf("the phases hold %d columns and %d steps, the document %d and %d", cols, inPhases, len(d.Columns), st.Steps)
	}
	sides := st.AboveVisibility + st.BelowVisibility
	switch {
	case !st.HasVisibility && sides != 0:
		return fmt.Errorf("%d steps on either side of a missing line of visibility", sides)
	case st.HasVisibility && sides != st.Steps:
		return fmt.Errorf("%d steps above and below the line of visibility, of %d", sides, st.Steps)
	case sides > 0 && (st.AboveVisibilityPct+st.BelowVisibilityPct < 99.9 || st.AboveVisibilityPct+st.BelowVisibilityPct > 100.1):
		return fmt.Errorf("visibility percentages %v + %v", st.AboveVisibilityPct, st.BelowVisibilityPct)
	case !st.HasInteraction && st.Encounters != 0, !st.HasInternal && st.InternalEncounters != 0:
		return fmt.Errorf("encounters %d / %d across missing lines", st.Encounters, st.InternalEncounters)
	case st.Encounters > len(d.Flows) || st.InternalEncounters > len(d.Flows):
		return fmt.Errorf("encounters %d / %d of %d flows", st.Encounters, st.InternalEncounters, len(d.Flows))
	}
	return nil
}
