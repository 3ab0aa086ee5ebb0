package blueprint

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// cmdGen makes pseudo-random commands against the current document: mostly
// valid, sometimes refused (a missing id, an index out of range).
type cmdGen struct {
	r *rand.Rand
	d *Document
	n int // counter for fresh ids
	// texts, when set, are the texts to pick from instead of cmdTexts.
	texts []string
}

var cmdTexts = []string{"", "Check in", "Pay", "扫码支付", "Two\nlines", "Wait for taxi", "!!"}

func (g *cmdGen) pick(ids []string) string {
	if len(ids) == 0 || g.r.IntN(20) == 0 {
		return "nope"
	}
	return ids[g.r.IntN(len(ids))]
}

func (g *cmdGen) step() string {
	ids := make([]string, len(g.d.Steps))
	for i, s := range g.d.Steps {
		ids[i] = s.ID
	}
	return g.pick(ids)
}

func (g *cmdGen) lane() string {
	ids := make([]string, len(g.d.Lanes))
	for i, l := range g.d.Lanes {
		ids[i] = l.ID
	}
	return g.pick(ids)
}

func (g *cmdGen) column() string {
	ids := make([]string, len(g.d.Columns))
	for i, c := range g.d.Columns {
		ids[i] = c.ID
	}
	return g.pick(ids)
}

func (g *cmdGen) line() string {
	ids := make([]string, len(g.d.Lines))
	for i, l := range g.d.Lines {
		ids[i] = l.ID
	}
	return g.pick(ids)
}

func (g *cmdGen) flow() (string, string) {
	if len(g.d.Flows) == 0 || g.r.IntN(20) == 0 {
		return g.step(), g.step()
	}
	f := g.d.Flows[g.r.IntN(len(g.d.Flows))]
	return f.From, f.To
}

func (g *cmdGen) text() string {
	if g.texts != nil {
		return g.texts[g.r.IntN(len(g.texts))]
	}
	return cmdTexts[g.r.IntN(len(cmdTexts))]
}

// index is -1 (last) or a position up to one past n, which is refused.
func (g *cmdGen) index(n int) int { return g.r.IntN(n+3) - 1 }

func (g *cmdGen) id(prefix string) string {
	if g.r.IntN(10) == 0 {
		return "" // let the command make one
	}
	switch g.r.IntN(20) {
	case 0:
		return g.step() // taken by a step: refused for another step
	case 1:
		return g.column() // taken by a column: refused for another column
	}
	g.n++
	return fmt.Sprintf("%s%d", prefix, g.n)
}

func (g *cmdGen) newStep() Step {
	s := Step{
		Lane: g.lane(), Column: g.column(), Text: g.text(), Owner: g.text(),
		Emotion: g.r.IntN(5) - 2, Moment: g.r.IntN(2) == 0, Fail: g.text(), Notes: g.text(),
		Wait: Duration(g.r.IntN(3)) * Minute, Duration: Duration(g.r.IntN(3)) * Hour,
	}
	if s.Owner == "Two\nlines" {
		s.Owner = "Desk"
	}
	if g.r.IntN(3) == 0 {
		s.Tags = []string{"tag", fmt.Sprint(g.r.IntN(3))}
	}
	return s
}

// cmdKinds names the command kinds the generator makes, by weight.
var cmdKinds = []struct {
	name   string
	weight int
}{
	{"add step", 8}, {"move step", 8}, {"edit step", 4}, {"delete steps", 3}, {"rename step", 2},
	{"add flow", 6}, {"delete flow", 2}, {"edit flow", 2}, {"reverse flow", 2},
	{"insert column", 3}, {"delete column", 1}, {"move column", 3}, {"edit column", 2},
	{"set phase", 2}, {"rename phase", 1},
	{"add lane", 2}, {"rename lane", 1}, {"edit lane", 1}, {"move lane", 3}, {"delete lane", 1},
	{"add line", 2}, {"delete line", 1}, {"edit line", 2},
	{"set title", 1}, {"set description", 1}, {"batch", 3}, {"replace document", 1},
	{"add votes", 3}, {"set votes", 2}, {"reset votes", 1},
	{"add question", 3}, {"edit question", 2}, {"delete question", 2},
}

func (g *cmdGen) kind() string {
	total := 0
	for _, k := range cmdKinds {
		total += k.weight
	}
	n := g.r.IntN(total)
	for _, k := range cmdKinds {
		if n < k.weight {
			return k.name
		}
		n -= k.weight
	}
	return cmdKinds[0].name
}

func (g *cmdGen) command(kind string) Command {
	d := g.d
	switch kind {
	case "add step":
		s := g.newStep()
		s.ID = g.id("s")
		return AddStep(s, g.index(len(d.CellSteps(s.Lane, s.Column))))
	case "move step":
		lane, col := g.lane(), g.column()
		return MoveStep(g.step(), lane, col, g.index(len(d.CellSteps(lane, col))))
	case "edit step":
		id := g.step()
		s := g.newStep()
		if g.r.IntN(2) == 0 && d.Step(id) != nil {
			s.Lane, s.Column = d.Step(id).Lane, d.Step(id).Column
		}
		return EditStep(id, s)
	case "delete steps":
		ids := []string{g.step()}
		if g.r.IntN(2) == 0 {
			ids = append(ids, g.step())
		}
		return DeleteSteps(ids...)
	case "rename step":
		return RenameStep(g.step(), g.id("r"))
	case "add flow":
		return AddFlow(Flow{From: g.step(), To: g.step(), Label: g.text(), TwoWay: g.r.IntN(3) == 0})
	case "delete flow":
		return DeleteFlow(g.flow())
	case "edit flow":
		from, to := g.flow()
		f := Flow{Label: g.text(), TwoWay: g.r.IntN(2) == 0}
		if g.r.IntN(3) == 0 {
			f.To = g.step()
		}
		return EditFlow(from, to, f)
	case "reverse flow":
		return ReverseFlow(g.flow())
	case "insert column":
		return InsertColumn(Column{ID: g.id("c"), Name: g.text(), Phase: []string{"", "Arrival", "Stay"}[g.r.IntN(3)]}, g.index(len(d.Columns)))
	case "delete column":
		return DeleteColumn(g.column())
	case "move column":
		return MoveColumn(g.column(), g.index(len(d.Columns)-1))
	case "edit column":
		return EditColumn(g.column(), Column{Name: "Renamed", Phase: "Stay", Comment: "edited"})
	case "set phase":
		return SetPhase([]string{"", "Arrival", "Stay", "Later"}[g.r.IntN(4)], g.column(), g.column())
	case "rename phase":
		return RenamePhase([]string{"", "Arrival", "Stay", "Departure"}[g.r.IntN(4)], "Phase "+fmt.Sprint(g.r.IntN(3)))
	case "add lane":
		return AddLane(Lane{ID: g.id("l"), Name: g.text(), Kind: LaneKinds[g.r.IntN(len(LaneKinds))]}, g.index(len(d.Lanes)))
	case "rename lane":
		return RenameLane(g.lane(), "Lane "+fmt.Sprint(g.r.IntN(3)))
	case "edit lane":
		return EditLane(g.lane(), Lane{Kind: LaneKinds[g.r.IntN(len(LaneKinds))], Comment: "edited"})
	case "move lane":
		return MoveLane(g.lane(), g.index(len(d.Lanes)-1))
	case "delete lane":
		return DeleteLane(g.lane())
	case "add line":
		return AddLine(Line{ID: g.id("ln"), Kind: LineKinds[g.r.IntN(len(LineKinds))], Below: g.lane()})
	case "delete line":
		return DeleteLine(g.line())
	case "edit line":
		return EditLine(g.line(), Line{Kind: LineCustom, Name: "Moved", Below: g.lane(), Style: LineStyles[g.r.IntN(len(LineStyles))]})
	case "set title":
		return SetTitle(g.text())
	case "set description":
		return SetDescription(g.text())
	case "batch":
		// A batch sees the document as it is now, so its later commands may
		// refer to things its earlier ones delete: then the whole batch is
		// refused and must leave no trace.
		cmds := []Command{g.command(g.kind()), g.command(g.kind())}
		if g.r.IntN(2) == 0 {
			cmds = append(cmds, g.command("add step"))
		}
		return Batch("Batch", cmds...)
	case "replace document":
		return ReplaceDocument(cmdFixture())
	case "add votes":
		return AddVotes(g.step(), g.r.IntN(5)-2)
	case "set votes":
		return SetVotes(g.step(), g.r.IntN(MaxVotes+40)-10)
	case "reset votes":
		return ResetVotes()
	case "add question", "edit question":
		q := Question{Text: g.text(), Owner: g.text(), Kind: QuestionKinds[g.r.IntN(len(QuestionKinds))]}
		if g.r.IntN(2) == 0 {
			q.Step = g.step()
		}
		if q.Owner == "Two\nlines" {
			q.Owner = ""
		}
		if kind == "add question" {
			return AddQuestion(q, g.index(len(d.Questions)))
		}
		return EditQuestion(g.index(len(d.Questions)), q)
	case "delete question":
		return DeleteQuestion(g.r.IntN(len(d.Questions) + 1))
	}
	return nil
}

// TestCommandsRandomSequence applies 500 pseudo-random commands, checking
// after each that a refused one changed nothing and an applied one left a
// valid document, then undoes them all back to the start, checking every
// intermediate state, and redoes them all to the end.
func TestCommandsRandomSequence(t *testing.T) {
	const total = 500
	d := cmdFixture()
	h := NewHistory(d)
	g := &cmdGen{r: rand.New(rand.NewPCG(2026, 3)), d: d}
	states := []cmdState{cmdSnap(t, d)}
	applied := map[string]int{}
	refused := 0
	for i := range total {
		kind := g.kind()
		cmd := g.command(kind)
		before := *d
		err := h.Apply(cmd)
		cmdUntouched(t, fmt.Sprintf("command %d (%s)", i, kind), &before, states[len(states)-1])
		if err != nil {
			refused++
			cmdSame(t, fmt.Sprintf("command %d (%s) refused with %q", i, kind, err), cmdSnap(t, d), states[len(states)-1])
			continue
		}
		applied[kind]++
		cmdCheckValid(t, d)
		states = append(states, cmdSnap(t, d))
	}
	for _, k := range cmdKinds {
		if applied[k.name] == 0 {
			t.Errorf("no %q command was applied; the sequence does not cover it", k.name)
		}
	}
	if n := len(states) - 1; n < total/2 {
		t.Errorf("only %d of %d commands applied", n, total)
	}
	t.Logf("%d commands applied, %d refused; %d steps at the end", len(states)-1, refused, len(d.Steps))

	for i := len(states) - 2; i >= 0; i-- {
		if !h.Undo() {
			t.Fatalf("Undo to state %d: nothing to undo", i)
		}
		cmdSame(t, fmt.Sprintf("undo to state %d", i), cmdSnap(t, d), states[i])
	}
	if h.CanUndo() || h.Dirty() {
		t.Fatal("after undoing everything the history still has commands or is dirty")
	}
	for i := 1; i < len(states); i++ {
		if !h.Redo() {
			t.Fatalf("Redo to state %d failed", i)
		}
		cmdSame(t, fmt.Sprintf("redo to state %d", i), cmdSnap(t, d), states[i])
	}
	if h.CanRedo() {
		t.Fatal("redo stack not empty at the end")
	}
}
