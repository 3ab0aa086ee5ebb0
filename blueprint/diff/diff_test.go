package diff

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// key is what a test checks of a change.
type key struct {
	kind    Kind
	element Element
	id      string
	field   string
}

func keys(changes []Change) []key {
	out := make([]key, len(changes))
	for i, c := range changes {
		out[i] = key{c.Kind, c.Element, c.ID, c.Field}
	}
	return out
}

func TestSameDocumentHasNoChanges(t *testing.T) {
	for _, n := range []int{0, 1, 37, 1000} {
		d := bpgen.Generate(n)
		if got := Compare(d, d.Clone()); len(got) != 0 {
			t.Errorf("%d steps: %d changes, first %+v", n, len(got), got[0])
		}
	}
}

// TestRandomFieldEdits edits random fields of random steps of a generated
// blueprint and checks that Compare reports exactly those edits.
func TestRandomFieldEdits(t *testing.T) {
	base := bpgen.Generate(300)
	rng := rand.New(rand.NewPCG(1, 2))
	edits := []struct {
		field string
		apply func(s *blueprint.Step, i int)
	}{
		{"text", func(s *blueprint.Step, i int) { s.Text += fmt.Sprintf(" (edit %d)", i) }},
		{"owner", func(s *blueprint.Step, i int) { s.Owner = fmt.Sprintf("Owner %d", i) }},
		{"duration", func(s *blueprint.Step, i int) { s.Duration += blueprint.Duration(i+1) * blueprint.Minute }},
		{"wait", func(s *blueprint.Step, i int) { s.Wait += blueprint.Duration(i+1) * blueprint.Second }},
		{"fail", func(s *blueprint.Step, i int) { s.Fail += fmt.Sprintf(" %d", i) }},
		{"recovery", func(s *blueprint.Step, i int) { s.Recovery += fmt.Sprintf(" %d", i) }},
		{"moment", func(s *blueprint.Step, i int) { s.Moment = !s.Moment }},
		{"emotion", func(s *blueprint.Step, i int) { s.Emotion = (s.Emotion+3)%5 - 2 }},
		{"tags", func(s *blueprint.Step, i int) { s.Tags = append(slices.Clone(s.Tags), fmt.Sprintf("t%d", i)) }},
		{"notes", func(s *blueprint.Step, i int) { s.Notes = fmt.Sprintf("note %d", i) }},
		{"votes", func(s *blueprint.Step, i int) { s.Votes = (s.Votes + 1 + i) % (blueprint.MaxVotes + 1) }},
		{"image", func(s *blueprint.Step, i int) { s.Image = fmt.Sprintf("photos/p%d.jpg", i) }},
		{"queue", func(s *blueprint.Step, i int) {
			s.Queue = blueprint.Queue{Arrivals: blueprint.Rate{Count: int64(s.Queue.Servers + i + 1), Per: blueprint.Hour}, Servers: s.Queue.Servers + 1, Service: blueprint.Minute}
		}},
		{"waiting", func(s *blueprint.Step, i int) {
			if len(s.Waiting) == 0 {
				s.Waiting = []string{blueprint.WaitingConditions[i%len(blueprint.WaitingConditions)]}
			} else {
				s.Waiting = nil
			}
		}},
	}
	for round := range 20 {
		d := base.Clone()
		want := map[key]bool{}
		for i := range 1 + rng.IntN(30) {
			s := &d.Steps[rng.IntN(len(d.Steps))]
			e := edits[rng.IntN(len(edits))]
			k := key{Changed, Step, s.ID, e.field}
			if want[k] {
				continue // a second edit of the same field could undo the first
			}
			e.apply(s, i)
			want[k] = true
		}
		got := keys(Compare(base, d))
		if len(got) != len(want) {
			t.Fatalf("round %d: %d changes, want %d: %v", round, len(got), len(want), got)
		}
		for _, k := range got {
			if !want[k] {
				t.Errorf("round %d: unexpected change %+v", round, k)
			}
		}
	}
}

// TestAddedAndRemovedAreMirrors checks that swapping OLD and NEW turns
// every addition into a removal and back, and keeps the other changes.
func TestAddedAndRemovedAreMirrors(t *testing.T) {
	a := bpgen.Generate(120)
	b := a.Clone()
	b.Steps = slices.Delete(b.Steps, 10, 14)
	b.Steps = append(b.Steps, blueprint.Step{ID: "extra", Lane: "customer", Column: b.Columns[0].ID, Text: "Extra"})
	b.Flows = b.Flows[3:]
	b.Columns[2].Name = "Renamed"
	b.SortSteps()
	count := func(cs []Change) map[Kind]int {
		m := map[Kind]int{}
		for _, c := range cs {
			m[c.Kind]++
		}
		return m
	}
	ab, ba := count(Compare(a, b)), count(Compare(b, a))
	if ab[Added] != ba[Removed] || ab[Removed] != ba[Added] || ab[Renamed] != ba[Renamed] || ab[Added] == 0 || ab[Removed] == 0 {
		t.Errorf("a→b %v, b→a %v", ab, ba)
	}
}

func doc(columns ...blueprint.Column) *blueprint.Document {
	d := blueprint.New("t", blueprint.EnglishNames)
	d.Columns = columns
	return d
}

func TestPhases(t *testing.T) {
	col := func(id, phase string) blueprint.Column { return blueprint.Column{ID: id, Phase: phase} }
	tests := []struct {
		name     string
		old, new *blueprint.Document
		want     []key
	}{
		{"renamed", doc(col("a", "P"), col("b", "P"), col("c", "Q")), doc(col("a", "R"), col("b", "R"), col("c", "Q")),
			[]key{{Renamed, Phase, "R", "name"}}},
		{"split is not a rename", doc(col("a", "P"), col("b", "P")), doc(col("a", "R"), col("b", "S")),
			[]key{{Added, Phase, "R", ""}, {Added, Phase, "S", ""}, {Removed, Phase, "P", ""}, {Changed, Column, "a", "phase"}, {Changed, Column, "b", "phase"}}},
		{"merged into an old phase is not a rename", doc(col("a", "P"), col("b", "Q")), doc(col("a", "Q"), col("b", "Q")),
			[]key{{Removed, Phase, "P", ""}, {Changed, Column, "a", "phase"}}},
		{"renamed and reordered", doc(col("a", "P"), col("b", "Q")), doc(col("b", "Q"), col("a", "R")),
			[]key{{Reordered, Phase, "Q", "position"}, {Renamed, Phase, "R", "name"}, {Reordered, Column, "b", "position"}}},
		{"renamed with a column removed", doc(col("a", "P"), col("b", "P")), doc(col("a", "R")),
			[]key{{Renamed, Phase, "R", "name"}, {Removed, Column, "b", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keys(Compare(tt.old, tt.new)); !slices.Equal(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestRemovedStepOfRenamedPhaseGroupsUnderNewName(t *testing.T) {
	old := doc(blueprint.Column{ID: "a", Phase: "P"}, blueprint.Column{ID: "b", Phase: "P"})
	old.Steps = []blueprint.Step{{ID: "s", Lane: "customer", Column: "b", Text: "S"}}
	new := doc(blueprint.Column{ID: "a", Phase: "R"})
	got := Compare(old, new)
	last := got[len(got)-1]
	if last.Kind != Removed || last.Element != Step || last.Group != "R" || !last.InPhase || last.OldCell != "Customer actions × b" {
		t.Errorf("removed step: %+v", last)
	}
}

func TestFlowsAreKeyedByFromAndTo(t *testing.T) {
	old := bpgen.Generate(10)
	new := old.Clone()
	f := &new.Flows[0]
	f.From, f.To = f.To, f.From
	got := keys(Compare(old, new))
	id := FlowID(old.Flows[0].From, old.Flows[0].To)
	rev := FlowID(old.Flows[0].To, old.Flows[0].From)
	want := []key{{Added, Flow, rev, ""}, {Removed, Flow, id, ""}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestStackOrder(t *testing.T) {
	mk := func(ids ...string) *blueprint.Document {
		d := doc(blueprint.Column{ID: "c"})
		for _, id := range ids {
			d.Steps = append(d.Steps, blueprint.Step{ID: id, Lane: "customer", Column: "c", Text: id})
		}
		return d
	}
	tests := []struct {
		old, new []string
		want     []key
	}{
		{[]string{"a", "b", "c"}, []string{"a", "b", "c"}, nil},
		{[]string{"a", "b", "c"}, []string{"c", "a", "b"}, []key{{Reordered, Step, "c", "position"}}},
		{[]string{"a", "b"}, []string{"x", "a", "b"}, []key{{Added, Step, "x", ""}}},
		{[]string{"a", "b", "c", "d"}, []string{"b", "a", "d", "c"}, []key{{Reordered, Step, "b", "position"}, {Reordered, Step, "d", "position"}}},
	}
	for _, tt := range tests {
		got := keys(Compare(mk(tt.old...), mk(tt.new...)))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%v → %v: got %v, want %v", tt.old, tt.new, got, tt.want)
		}
	}
}

func TestLongestIncreasing(t *testing.T) {
	tests := []struct {
		seq  []int
		want int
	}{
		{nil, 0}, {[]int{0}, 1}, {[]int{0, 1, 2}, 3}, {[]int{2, 1, 0}, 1},
		{[]int{3, 0, 1, 4, 2, 5}, 4}, {[]int{1, 0, 3, 2, 5, 4}, 3},
	}
	for _, tt := range tests {
		keep := longestIncreasing(tt.seq)
		var kept []int
		for i, k := range keep {
			if k {
				kept = append(kept, tt.seq[i])
			}
		}
		if len(kept) != tt.want || !slices.IsSorted(kept) {
			t.Errorf("%v: kept %v, want an increasing run of %d", tt.seq, kept, tt.want)
		}
	}
}

// BenchmarkCompare1000 compares a generated 1,000-step blueprint with a
// copy in which every tenth step is edited, moved or removed.
func BenchmarkCompare1000(b *testing.B) {
	old := bpgen.Generate(1000)
	new := editEvery(old, 10)
	b.ReportAllocs()
	for b.Loop() {
		if len(Compare(old, new)) == 0 {
			b.Fatal("no changes")
		}
	}
}

// editEvery returns a copy of d with every kth step changed: its text,
// its wait, its column, or removed, in turn.
func editEvery(d *blueprint.Document, k int) *blueprint.Document {
	n := d.Clone()
	var steps []blueprint.Step
	for i, s := range n.Steps {
		if i%k == 0 {
			switch i / k % 4 {
			case 0:
				s.Text += " (revised)"
			case 1:
				s.Wait += 5 * blueprint.Minute
			case 2:
				s.Column = n.Columns[(n.ColumnIndex(s.Column)+1)%len(n.Columns)].ID
			case 3:
				continue
			}
		}
		steps = append(steps, s)
	}
	n.Steps = steps
	kept := map[string]bool{}
	for _, s := range steps {
		kept[s.ID] = true
	}
	n.Flows = slices.DeleteFunc(n.Flows, func(f blueprint.Flow) bool { return !kept[f.From] || !kept[f.To] })
	n.SortSteps()
	return n
}

// TestQuestions checks that questions are matched by text: added,
// removed, reordered and changed field by field.
func TestQuestions(t *testing.T) {
	old := bpgen.Generate(3)
	step := old.Steps[0].ID
	old.Questions = []blueprint.Question{{Text: "Oat milk"}, {Text: "Decaf", Owner: "Ana"}, {Text: "谁补货", Kind: blueprint.QuestionAction}}
	d := old.Clone()
	d.Questions = []blueprint.Question{{Text: "Decaf", Owner: "Bo", Step: step}, {Text: "Oat milk", Kind: blueprint.QuestionIdea}, {Text: "Loyalty card"}}
	got := keys(Compare(old, d))
	want := []key{
		{Changed, Question, "Decaf", "step"},
		{Changed, Question, "Decaf", "owner"},
		{Reordered, Question, "Decaf", "position"},
		{Changed, Question, "Oat milk", "kind"},
		{Added, Question, "Loyalty card", ""},
		{Removed, Question, "谁补货", ""},
	}
	if !slices.Equal(got, want) {
		t.Errorf("changes\n%v\nwant\n%v", got, want)
	}
}
