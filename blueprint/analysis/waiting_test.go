package analysis

import (
	"slices"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

func TestPrinciplesCoverConditions(t *testing.T) {
	var names []string
	for _, p := range Principles {
		names = append(names, p.Name)
		for _, l := range i18n.Langs {
			for _, key := range []string{p.textKey(), p.adviceKey()} {
				if _, ok := l.Lookup(key); !ok {
					t.Errorf("%s: the %s catalogue has no %s", p.Name, l, key)
				}
			}
		}
	}
	if len(names) != 10 || names[0] != "explained" || names[1] != "known-length" {
		t.Errorf("principles %v: want ten, explained and known-length first", names)
	}
	slices.Sort(names)
	want := slices.Sorted(slices.Values(blueprint.WaitingConditions))
	if !slices.Equal(names, want) {
		t.Errorf("principles %v, file conditions %v", names, want)
	}
}

func TestWaitingPrinciplesRule(t *testing.T) {
	s := st("w", "customer", "c1", "Wait")
	s.Wait = 5 * blueprint.Minute
	d := mk([]blueprint.Step{s})
	f := findingOf(Lint(d, Options{}), RuleWaitingPrinciples)
	if f == nil || f.Severity != Info || !strings.Contains(f.Message, "leaves 10 of the 10") ||
		!strings.Contains(f.Message, "first: unexplained waits feel longer than explained ones") {
		t.Fatalf("finding = %+v", f)
	}
	// Explained and known: the first cited is now idle time.
	d.Steps[0].Waiting = []string{"known-length", "explained"}
	f = findingOf(Lint(d, Options{}), RuleWaitingPrinciples)
	if f == nil || !strings.Contains(f.Message, "leaves 8 of the 10") || !strings.Contains(f.Message, "first: idle waits feel longer than occupied ones") ||
		strings.Contains(f.Message, "(explained)") || !strings.HasSuffix(f.Message, "then fair, comfortable, group, familiar, valued") {
		t.Errorf("finding = %+v", f)
	}
	d.Steps[0].Waiting = slices.Clone(blueprint.WaitingConditions)
	if f := findingOf(Lint(d, Options{}), RuleWaitingPrinciples); f != nil {
		t.Errorf("all met, still %+v", f)
	}
	// A step that is not a wait point is never reported; a queue alone
	// makes one.
	d.Steps[0].Waiting, d.Steps[0].Wait = nil, 0
	if f := findingOf(Lint(d, Options{}), RuleWaitingPrinciples); f != nil {
		t.Errorf("no wait, still %+v", f)
	}
	d.Steps[0].Queue = blueprint.Queue{Arrivals: blueprint.Rate{Count: 1, Per: blueprint.Hour}, Servers: 1, Service: blueprint.Minute}
	if f := findingOf(Lint(d, Options{}), RuleWaitingPrinciples); f == nil {
		t.Error("queue without wait not reported")
	}
	st := ComputeStats(d)
	if st.WaitPoints != 1 || st.UnexplainedWaits != 1 || st.UnknownLengthWaits != 1 {
		t.Errorf("stats = %+v", st)
	}
	d.Steps[0].Waiting = []string{"explained"}
	if st := ComputeStats(d); st.UnexplainedWaits != 0 || st.UnknownLengthWaits != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestStaffInSightRule(t *testing.T) {
	wait := st("w", "customer", "c1", "Wait")
	wait.Wait = 10 * blueprint.Minute
	staff := st("count", "backstage", "c1", "Count the cash")
	staff.Tags = []string{VisibleTag}
	other := st("later", "backstage", "c2", "Refill")
	other.Tags = []string{VisibleTag}
	d := mk([]blueprint.Step{wait, staff, other, st("x", "customer", "c2", "Go")})
	fs := Lint(d, Options{})
	f := findingOf(fs, RuleStaffInSight)
	if f == nil || f.Step != "count" || !slices.Equal(f.Related, []string{"w"}) || !strings.Contains(f.Message, "out of their sight") {
		t.Fatalf("finding = %+v", f)
	}
	n := 0
	for _, f := range fs {
		if f.Rule == RuleStaffInSight {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d findings; the step in a column without a wait must not be reported", n)
	}
	// Untagged, or above the line of visibility: not reported.
	d.Steps[1].Tags = nil
	if f := findingOf(Lint(d, Options{}), RuleStaffInSight); f != nil {
		t.Errorf("untagged: %+v", f)
	}
	d.Steps[1].Tags, d.Steps[1].Lane = []string{VisibleTag}, "frontstage"
	if f := findingOf(Lint(d, Options{}), RuleStaffInSight); f != nil {
		t.Errorf("frontstage: %+v", f)
	}
	// Without a line of visibility the rule does not fire.
	d.Steps[1].Lane = "backstage"
	if f := findingOf(Lint(with(d, noLine(blueprint.LineVisibility)), Options{}), RuleStaffInSight); f != nil {
		t.Errorf("no line: %+v", f)
	}
}
