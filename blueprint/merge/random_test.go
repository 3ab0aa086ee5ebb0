package merge_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// editor makes random edits to a document through the blueprint
// commands, as a designer would in the editor.
type editor struct {
	r *rand.Rand
	d *blueprint.Document
	n int
}

var editTexts = []string{"Check in", "Pay", "扫码支付", "Two\nlines", "Wait for taxi", "!!", "x: y", ""}

func (e *editor) text() string { return editTexts[e.r.IntN(len(editTexts))] }

func (e *editor) step() string {
	if len(e.d.Steps) == 0 {
		return "none"
	}
	return e.d.Steps[e.r.IntN(len(e.d.Steps))].ID
}

func (e *editor) lane() string   { return e.d.Lanes[e.r.IntN(len(e.d.Lanes))].ID }
func (e *editor) column() string { return e.d.Columns[e.r.IntN(len(e.d.Columns))].ID }

func (e *editor) id(prefix string) string {
	e.n++
	return fmt.Sprintf("%s-%d-%d", prefix, e.r.IntN(1000), e.n)
}

// command returns one random edit; it may be refused (a flow that exists
// already, the last lane deleted), which leaves the document as it was.
func (e *editor) command() blueprint.Command {
	d := e.d
	switch e.r.IntN(20) {
	case 0, 1, 2:
		lane, col := e.lane(), e.column()
		return blueprint.AddStep(blueprint.Step{ID: e.id("s"), Lane: lane, Column: col, Text: e.text(), Wait: blueprint.Duration(e.r.IntN(3)) * blueprint.Minute}, -1)
	case 3, 4:
		lane, col := e.lane(), e.column()
		return blueprint.MoveStep(e.step(), lane, col, -1)
	case 5, 6, 7:
		id := e.step()
		s := d.Step(id)
		if s == nil {
			return blueprint.SetTitle(e.text())
		}
		c := *s
		switch e.r.IntN(5) {
		case 0:
			c.Text = e.text()
		case 1:
			c.Wait = blueprint.Duration(e.r.IntN(30)) * blueprint.Minute
		case 2:
			c.Owner = []string{"", "Desk", "Barista"}[e.r.IntN(3)]
		case 3:
			c.Fail, c.Moment = e.text(), !c.Moment
		case 4:
			c.Tags, c.Emotion = []string{"tag", fmt.Sprint(e.r.IntN(3))}, e.r.IntN(5)-2
		}
		if c.Fail == "Two\nlines" {
			c.Fail = "Jam"
		}
		return blueprint.EditStep(id, c)
	case 8:
		return blueprint.DeleteSteps(e.step())
	case 9, 10:
		return blueprint.AddFlow(blueprint.Flow{From: e.step(), To: e.step(), Label: e.text(), TwoWay: e.r.IntN(3) == 0})
	case 11:
		if len(d.Flows) == 0 {
			return blueprint.SetDescription(e.text())
		}
		f := d.Flows[e.r.IntN(len(d.Flows))]
		return blueprint.DeleteFlow(f.From, f.To)
	case 12:
		return blueprint.InsertColumn(blueprint.Column{ID: e.id("c"), Name: e.text(), Phase: []string{"", "Arrival", "Stay"}[e.r.IntN(3)]}, -1)
	case 13:
		return blueprint.MoveColumn(e.column(), e.r.IntN(len(d.Columns)))
	case 14:
		return blueprint.EditColumn(e.column(), blueprint.Column{Name: e.text(), Phase: "Stay"})
	case 15:
		return blueprint.RenameLane(e.lane(), "Lane "+fmt.Sprint(e.r.IntN(3)))
	case 16:
		return blueprint.AddLane(blueprint.Lane{ID: e.id("l"), Name: "Partner", Kind: blueprint.LaneCustom}, e.r.IntN(len(d.Lanes)+1))
	case 17:
		return blueprint.MoveLane(e.lane(), e.r.IntN(len(d.Lanes)))
	case 18:
		return blueprint.SetTitle(e.text())
	}
	return blueprint.DeleteColumn(e.column())
}

// edited returns a copy of d after n random edits, as the loader reads
// its canonical form.
func edited(t testing.TB, d *blueprint.Document, seed uint64, n int) *blueprint.Document {
	t.Helper()
	e := &editor{r: rand.New(rand.NewPCG(seed, 7)), d: d.Clone()}
	for range n {
		// A refused command changes nothing.
		_ = e.command().Do(e.d)
	}
	return reload(t, e.d)
}

// reload is d as the loader reads its canonical form.
func reload(t testing.TB, d *blueprint.Document) *blueprint.Document {
	t.Helper()
	out, err := blueprint.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := blueprint.Parse("doc", out)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func marshal(t testing.TB, d *blueprint.Document) string {
	t.Helper()
	out, err := blueprint.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestMergeIdentityProperty checks on generated blueprints, edited at
// random, that a merge with one side unchanged gives the other side, byte
// for byte: merge(base, x, base) == x and merge(base, base, y) == y; that
// merging a side with itself gives it back; and that any two edited sides
// merge into a file that loads.
func TestMergeIdentityProperty(t *testing.T) {
	runs := 60
	if testing.Short() {
		runs = 15
	}
	conflicted := 0
	for i := range runs {
		base := reload(t, bpgen.Generate(10+i%40))
		base = edited(t, base, uint64(i), 5)
		x := edited(t, base, uint64(1000+i), 1+i%25)
		y := edited(t, base, uint64(2000+i), 1+i%25)
		want := marshal(t, x)
		if got := marshal(t, mustMerge(t, base, x, base)); got != want {
			t.Fatalf("run %d: merge(base, x, base) != x\ngot:\n%s\nwant:\n%s", i, got, want)
		}
		if got := marshal(t, mustMerge(t, base, base, x)); got != want {
			t.Fatalf("run %d: merge(base, base, y) != y\ngot:\n%s\nwant:\n%s", i, got, want)
		}
		if got := marshal(t, mustMerge(t, base, x, x)); got != want {
			t.Fatalf("run %d: merge(base, x, x) != x\ngot:\n%s\nwant:\n%s", i, got, want)
		}
		m := mustMerge(t, base, x, y)
		out := marshal(t, m)
		if _, err := blueprint.Parse("merged", []byte(out)); err != nil {
			t.Fatalf("run %d: the merge does not load: %v\n%s", i, err, out)
		}
		if len(m.Conflicts) > 0 {
			conflicted++
		}
		for _, c := range m.Conflicts {
			if c.Element == "document" {
				t.Logf("run %d: not merged: %s", i, c.Theirs)
			}
		}
	}
	t.Logf("%d runs, %d merges of two edited sides had conflicts", runs, conflicted)
}
