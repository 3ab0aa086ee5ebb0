package analysis

import (
	"maps"
	"slices"
	"testing"

	"servicebp/blueprint"
)

const minute = blueprint.Minute

// timed makes a customer step in its own column with a wait and a duration.
func timed(id, col string, wait, dur blueprint.Duration) blueprint.Step {
	s := st(id, "customer", col, id)
	s.Wait, s.Duration = wait, dur
	return s
}

func TestCriticalPathChain(t *testing.T) {
	d := mk([]blueprint.Step{
		timed("a", "c1", 2*minute, 1*minute),
		timed("b", "c2", 0, 3*minute),
		timed("c", "c3", 5*minute, 0),
	}, fl("a", "b"), fl("b", "c"))
	p := ComputePath(d)
	w := p.Whole
	if !slices.Equal(w.Steps, []string{"a", "b", "c"}) || w.Total != 11*minute || w.Wait != 7*minute {
		t.Fatalf("path = %+v, want a b c, 11m, 7m waiting", w)
	}
	if got := w.WaitShare(); got != 63.6 {
		t.Errorf("wait share = %v, want 63.6", got)
	}
	for id, s := range w.Slack {
		if s != 0 {
			t.Errorf("slack of %s = %v on a chain", id, s)
		}
	}
	if len(p.Cycles) != 0 {
		t.Errorf("cycles = %v", p.Cycles)
	}
}

func TestCriticalPathParallel(t *testing.T) {
	// start → long → end and start → short → end: the long branch is the
	// path, and the short one can grow by the difference.
	long := st("long", "backstage", "c2", "long")
	long.Duration = 10 * minute
	short := st("short", "frontstage", "c2", "short")
	short.Duration = 4 * minute
	d := mk([]blueprint.Step{
		timed("start", "c1", 0, minute), short, long, timed("end", "c3", 3*minute, 0),
	}, fl("start", "short"), fl("start", "long"), fl("short", "end"), fl("long", "end"))
	w := ComputePath(d).Whole
	if !slices.Equal(w.Steps, []string{"start", "long", "end"}) || w.Total != 14*minute || w.Wait != 3*minute {
		t.Fatalf("path = %+v", w)
	}
	want := map[string]blueprint.Duration{"start": 0, "long": 0, "end": 0, "short": 6 * minute}
	if !maps.Equal(w.Slack, want) {
		t.Errorf("slack = %v, want %v", w.Slack, want)
	}
}

func TestCriticalPathDisconnected(t *testing.T) {
	// Two separate parts: a → b (5m) and x → y (8m); an isolated step z
	// of 1m. The longer part is the path; the others have slack.
	d := mk([]blueprint.Step{
		timed("a", "c1", 0, 2*minute), timed("x", "c1b", 0, 4*minute), timed("z", "c1c", 0, minute),
		timed("b", "c2", 3*minute, 0), timed("y", "c2b", 4*minute, 0),
	}, fl("a", "b"), fl("x", "y"))
	w := ComputePath(d).Whole
	if !slices.Equal(w.Steps, []string{"x", "y"}) || w.Total != 8*minute || w.Wait != 4*minute {
		t.Fatalf("path = %+v", w)
	}
	want := map[string]blueprint.Duration{"a": 3 * minute, "b": 3 * minute, "x": 0, "y": 0, "z": 7 * minute}
	if !maps.Equal(w.Slack, want) {
		t.Errorf("slack = %v, want %v", w.Slack, want)
	}
}

func TestCriticalPathCycle(t *testing.T) {
	// a → b → c → a: the flow c → a closes the loop and is left out.
	d := mk([]blueprint.Step{
		timed("a", "c1", 0, minute), timed("b", "c2", 0, 2*minute), timed("c", "c3", 0, 3*minute),
	}, fl("a", "b"), fl("b", "c"), fl("c", "a"))
	p := ComputePath(d)
	if !slices.Equal(p.Whole.Steps, []string{"a", "b", "c"}) || p.Whole.Total != 6*minute {
		t.Errorf("path = %+v", p.Whole)
	}
	if len(p.Cycles) != 1 || !slices.Equal(p.Cycles[0].Steps, []string{"a", "b", "c"}) || p.Cycles[0].Flow != 2 {
		t.Fatalf("cycles = %+v, want one, a b c, flow 2 left out", p.Cycles)
	}
	fs := Lint(d, Options{})
	var found *Finding
	for i := range fs {
		if fs[i].Rule == RuleFlowCycle {
			found = &fs[i]
		}
	}
	if found == nil || found.Message != "flows form a cycle a → b → c → a: the critical path leaves out the flow from c to a" ||
		found.Flow == nil || *found.Flow != (FlowRef{From: "c", To: "a"}) {
		t.Errorf("flow-cycle finding = %+v", found)
	}
	// The same blueprint without the closing flow has no cycle finding.
	d.Flows = d.Flows[:2]
	if slices.Contains(rulesOf(Lint(d, Options{})), RuleFlowCycle) {
		t.Error("flow-cycle without a cycle")
	}
}

func TestCriticalPathSelfLoopAndTwoWay(t *testing.T) {
	// A self-loop is a cycle of one step. A two-way flow counts once, from
	// the earlier column to the later one, whichever end "from" names, so
	// b ⇄ a and a → b are no cycle.
	two := fl("b", "a")
	two.TwoWay = true
	d := mk([]blueprint.Step{timed("a", "c1", 0, minute), timed("b", "c2", 2*minute, 0)},
		fl("a", "a"), two, fl("a", "b"))
	p := ComputePath(d)
	if len(p.Cycles) != 1 || !slices.Equal(p.Cycles[0].Steps, []string{"a"}) || p.Cycles[0].Flow != 0 {
		t.Errorf("cycles = %+v, want the self-loop only", p.Cycles)
	}
	if !slices.Equal(p.Whole.Steps, []string{"a", "b"}) || p.Whole.Total != 3*minute || p.Whole.Wait != 2*minute {
		t.Errorf("path = %+v", p.Whole)
	}
	// Two steps in one column: the two-way flow runs from the upper lane.
	up, down := st("up", "frontstage", "c1", ""), st("down", "backstage", "c1", "")
	down.Duration = minute
	rev := fl("down", "up")
	rev.TwoWay = true
	p = ComputePath(mk([]blueprint.Step{up, down}, rev, fl("up", "down")))
	if len(p.Cycles) != 0 || !slices.Equal(p.Whole.Steps, []string{"up", "down"}) {
		t.Errorf("same column: %+v", p)
	}
	// A real two-step cycle of one-way flows is reported.
	p = ComputePath(mk([]blueprint.Step{up, down}, fl("down", "up"), fl("up", "down")))
	if len(p.Cycles) != 1 || !slices.Equal(p.Cycles[0].Steps, []string{"up", "down"}) {
		t.Errorf("one-way both ways: %+v", p.Cycles)
	}
}

func TestCriticalPathPhases(t *testing.T) {
	d := mk([]blueprint.Step{
		timed("a", "c1", 0, minute), timed("b", "c2", 4*minute, 0), timed("c", "c3", 0, 2*minute),
	}, fl("a", "b"), fl("b", "c"))
	d.Columns[0].Phase, d.Columns[1].Phase, d.Columns[2].Phase = "One", "One", "Two"
	p := ComputePath(d)
	if len(p.Phases) != 2 {
		t.Fatalf("phases = %+v", p.Phases)
	}
	if one := p.Phases[0]; !slices.Equal(one.Steps, []string{"a", "b"}) || one.Total != 5*minute || one.Wait != 4*minute {
		t.Errorf("phase One = %+v", one)
	}
	if two := p.Phases[1]; !slices.Equal(two.Steps, []string{"c"}) || two.Total != 2*minute || len(two.Slack) != 1 {
		t.Errorf("phase Two = %+v", two)
	}
	if p.Whole.Total != 7*minute {
		t.Errorf("whole = %+v", p.Whole)
	}
}

func TestCriticalPathEmpty(t *testing.T) {
	if p := ComputePath(nil); p.Whole.Total != 0 || p.Whole.Steps != nil {
		t.Errorf("nil: %+v", p)
	}
	// Dangling flows and unknown columns are skipped, not followed.
	d := mk([]blueprint.Step{timed("a", "c1", 0, minute)}, fl("a", "ghost"), fl("ghost", "a"))
	d.Steps[0].Column = "nowhere"
	if p := ComputePath(d); !slices.Equal(p.Whole.Steps, []string{"a"}) || p.Whole.Total != minute || len(p.Phases) != 1 || p.Phases[0].Steps != nil {
		t.Errorf("dangling: %+v", p)
	}
}
