package analysis

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"servicebp/blueprint"
)

// randomDoc builds a document from r with arbitrary, often inconsistent,
// lanes, lines, columns, steps and flows: unknown lanes and columns,
// duplicate ids, lines below missing lanes, flows to missing steps.
func randomDoc(r *rand.Rand) *blueprint.Document {
	pick := func(prefix string, n int) string { return fmt.Sprintf("%s%d", prefix, r.IntN(n+1)) }
	d := &blueprint.Document{}
	for i := range r.IntN(7) {
		d.Lanes = append(d.Lanes, blueprint.Lane{ID: fmt.Sprintf("l%d", i), Kind: blueprint.LaneKinds[r.IntN(len(blueprint.LaneKinds))]})
	}
	for range r.IntN(5) {
		d.Lines = append(d.Lines, blueprint.Line{ID: pick("line", 3), Kind: blueprint.LineKinds[r.IntN(len(blueprint.LineKinds))], Below: pick("l", 6)})
	}
	for i := range r.IntN(5) {
		d.Columns = append(d.Columns, blueprint.Column{ID: fmt.Sprintf("c%d", i), Phase: pick("p", 1)})
	}
	for range r.IntN(20) {
		s := blueprint.Step{ID: pick("s", 15), Lane: pick("l", 6), Column: pick("c", 4), Text: pick("t", 2)}
		if r.IntN(3) == 0 {
			s.Fail, s.Wait, s.Moment = "x", blueprint.Duration(r.IntN(3000)), true
		}
		d.Steps = append(d.Steps, s)
	}
	for range r.IntN(20) {
		d.Flows = append(d.Flows, blueprint.Flow{From: pick("s", 15), To: pick("s", 15), TwoWay: r.IntN(2) == 0})
	}
	if r.IntN(4) == 0 {
		d.Lint.Disable = []string{RuleIDs()[r.IntN(len(rules))], pick("nope", 1)}
	}
	return d
}

func TestRandomDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	severity := map[string]Severity{}
	for _, rule := range Rules() {
		severity[rule.ID] = rule.Severity
	}
	for i := range 2000 {
		d := randomDoc(r)
		fs, st := Analyze(d, Options{})
		if st.Steps != len(d.Steps) || st.AboveVisibility+st.BelowVisibility > st.Steps {
			t.Fatalf("doc %d: inconsistent stats %+v", i, st)
		}
		for _, f := range fs {
			if sev, ok := severity[f.Rule]; !ok || sev != f.Severity || f.Message == "" {
				t.Fatalf("doc %d: bad finding %+v", i, f)
			}
			if f.Step != "" && d.Step(f.Step) == nil {
				t.Fatalf("doc %d: finding about missing step %q", i, f.Step)
			}
		}
	}
}
