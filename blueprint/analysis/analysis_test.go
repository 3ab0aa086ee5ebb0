package analysis

import (
	"slices"
	"testing"

	"servicebp/blueprint"
)

// rulesOf lists the distinct rule ids of fs, sorted.
func rulesOf(fs []Finding) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

func TestDisable(t *testing.T) {
	base := func() *blueprint.Document {
		// evidence is empty (empty-lane), pos has no flows (orphan-step).
		return mk(served()[1:], servedFlows()[:2]...)
	}
	tests := []struct {
		name string
		doc  *blueprint.Document
		opt  Options
		want []string
	}{
		{"nothing disabled", base(), Options{},
			[]string{RuleEmptyLane, RuleOrphanStep, RuleTouchpointWithoutEvidence}},
		{"disabled in the file", with(base(), func(d *blueprint.Document) { d.Lint.Disable = []string{RuleEmptyLane} }), Options{},
			[]string{RuleOrphanStep, RuleTouchpointWithoutEvidence}},
		{"disabled in the run", base(), Options{Disable: []string{RuleOrphanStep, RuleTouchpointWithoutEvidence}},
			[]string{RuleEmptyLane}},
		{"file and run together", with(base(), func(d *blueprint.Document) { d.Lint.Disable = []string{RuleEmptyLane} }),
			Options{Disable: []string{RuleOrphanStep}}, []string{RuleTouchpointWithoutEvidence}},
		{"unknown id in the run is ignored", base(), Options{Disable: []string{"no-such-rule"}},
			[]string{RuleEmptyLane, RuleOrphanStep, RuleTouchpointWithoutEvidence}},
		{"unknown-rule itself disabled", with(base(), func(d *blueprint.Document) { d.Lint.Disable = []string{"nope", RuleUnknownRule} }),
			Options{}, []string{RuleEmptyLane, RuleOrphanStep, RuleTouchpointWithoutEvidence}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := rulesOf(Lint(tc.doc, tc.opt)); !slices.Equal(got, tc.want) {
				t.Errorf("rules = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOrder(t *testing.T) {
	t.Run("by source position, then rule", func(t *testing.T) {
		d := mk([]blueprint.Step{st("browse", "customer", "c1", "Browse"), st("fix", "backstage", "c1", "Fix")})
		d.Steps[0].Pos = blueprint.Pos{Line: 20, Col: 5}
		d.Steps[1].Pos = blueprint.Pos{Line: 10, Col: 5}
		d.Steps[1].Fail = "Breaks"
		var got []string
		for _, f := range Lint(d, Options{Disable: []string{RuleEmptyLane}}) {
			got = append(got, f.Step+" "+f.Rule)
		}
		want := []string{
			"fix fail-point-without-owner", "fix fail-point-without-recovery", "fix orphan-step",
			"browse customer-step-alone", "browse orphan-step",
		}
		if !slices.Equal(got, want) {
			t.Errorf("order = %q, want %q", got, want)
		}
	})
	t.Run("document order without positions", func(t *testing.T) {
		d := mk(served()[1:], servedFlows()[:2]...)
		d.Lint.Disable = []string{"x"}
		var got []string
		for _, f := range Lint(d, Options{}) {
			got = append(got, key(f)+" "+f.Rule)
		}
		want := []string{"doc unknown-rule", "lane:evidence empty-lane", "order touchpoint-without-evidence", "pos orphan-step"}
		if !slices.Equal(got, want) {
			t.Errorf("order = %q, want %q", got, want)
		}
	})
}

func TestNilAndEmpty(t *testing.T) {
	if fs := Lint(nil, Options{}); fs != nil {
		t.Errorf("Lint(nil) = %v", fs)
	}
	if s := ComputeStats(nil); s.Steps != 0 || s.Lanes != nil {
		t.Errorf("ComputeStats(nil) = %+v", s)
	}
	// An empty document with unknown references must not panic.
	d := &blueprint.Document{
		Lines: []blueprint.Line{{ID: "visibility", Kind: blueprint.LineVisibility, Below: "nowhere"}},
		Steps: []blueprint.Step{{ID: "a", Lane: "x", Column: "y"}, {ID: "a", Lane: "x", Column: "y"}},
		Flows: []blueprint.Flow{{From: "a", To: "a"}, {From: "a", To: "b"}},
	}
	// The second "a" is shadowed by the first, so it has no flows; the
	// first has a flow to itself, a cycle.
	if got := rulesOf(Lint(d, Options{})); !slices.Equal(got, []string{RuleDanglingFlow, RuleFlowCycle, RuleOrphanStep}) {
		t.Errorf("rules = %v, want [dangling-flow flow-cycle orphan-step]", got)
	}
	if s := ComputeStats(d); s.Steps != 2 || s.HasVisibility || s.AboveVisibility != 0 {
		t.Errorf("stats = %+v", s)
	}
}

func TestCountAndByStep(t *testing.T) {
	fs := []Finding{
		{Rule: "a", Severity: Error, Step: "s1"},
		{Rule: "b", Severity: Warning, Step: "s1"},
		{Rule: "c", Severity: Warning},
		{Rule: "d", Severity: Info, Step: "s2"},
	}
	e, w, i := Count(fs)
	if e != 1 || w != 2 || i != 1 {
		t.Errorf("Count = %d, %d, %d; want 1, 2, 1", e, w, i)
	}
	m := ByStep(fs)
	if len(m) != 2 || len(m["s1"]) != 2 || len(m["s2"]) != 1 {
		t.Errorf("ByStep = %v", m)
	}
}

func TestLongWaitThreshold(t *testing.T) {
	d := mk(served())
	tests := []struct {
		name string
		file blueprint.Duration
		run  blueprint.Duration
		want blueprint.Duration
	}{
		{"default", 0, 0, DefaultLongWait},
		{"file", 20 * blueprint.Minute, 0, 20 * blueprint.Minute},
		{"run", 20 * blueprint.Minute, 5 * blueprint.Minute, 5 * blueprint.Minute},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d.Lint.LongWait = tc.file
			if got := LongWaitThreshold(d, Options{LongWait: tc.run}); got != tc.want {
				t.Errorf("threshold = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	tests := map[string]string{"orphan-stp": RuleOrphanStep, "long_wait": RuleLongWait, "completely-different": ""}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := Suggest(in); got != want {
				t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestTextWidth(t *testing.T) {
	tests := map[string]int{"": 0, "abc": 3, "a\nb": 2, "顾客": 4, "ｱ": 1, "Ｆ": 2, "カ": 2, "，": 2}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := TextWidth(in); got != want {
				t.Errorf("TextWidth(%q) = %d, want %d", in, got, want)
			}
		})
	}
}

// TestUnresolvedConflicts reports each entry of the conflicts section as
// an error at the entry, naming the step it is about, and nothing once
// the section is gone.
func TestUnresolvedConflicts(t *testing.T) {
	src := "servicebp: 1\nsteps:\n  - {id: order, lane: customer, column: c, text: Order}\nconflicts:\n" +
		"  - {element: step, id: order, field: wait, base: 5m, ours: 10m, theirs: 25m}\n" +
		"  - {element: title, ours: A, theirs: B}\n"
	d, err := blueprint.Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []Finding
	for _, f := range Lint(d, Options{}) {
		if f.Rule == RuleUnresolvedConflict {
			got = append(got, f)
		}
	}
	if len(got) != 2 {
		t.Fatalf("%d conflict findings, want 2: %+v", len(got), got)
	}
	if f := got[0]; f.Severity != Error || f.Step != "order" || f.Pos != (blueprint.Pos{Line: 5, Col: 5}) || f.Message != d.Conflicts[0].Message() {
		t.Errorf("first finding %+v", f)
	}
	if f := got[1]; f.Step != "" || f.Pos.Line != 6 {
		t.Errorf("second finding %+v", f)
	}
	d.Conflicts = nil
	if slices.Contains(rulesOf(Lint(d, Options{})), RuleUnresolvedConflict) {
		t.Error("a conflict finding without conflicts")
	}
}
