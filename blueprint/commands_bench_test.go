package blueprint_test

import (
	"runtime"
	"strconv"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// benchCommands are common edits of a generated 1,000-step blueprint.
var benchCommands = []struct {
	name string
	cmd  func() blueprint.Command
}{
	{"AddStep", func() blueprint.Command {
		return blueprint.AddStep(blueprint.Step{ID: "new", Lane: "customer", Column: "c0100", Text: "New"}, 0)
	}},
	{"MoveStep", func() blueprint.Command { return blueprint.MoveStep("s00001", "support", "c0150", -1) }},
	{"EditStep", func() blueprint.Command {
		return blueprint.EditStep("s00500", blueprint.Step{Lane: "customer", Column: "c0001", Text: "Edited"})
	}},
	{"DeleteSteps", func() blueprint.Command { return blueprint.DeleteSteps("s00010", "s00500", "s00990") }},
	{"MoveColumn", func() blueprint.Command { return blueprint.MoveColumn("c0001", -1) }},
	{"DeleteColumn", func() blueprint.Command { return blueprint.DeleteColumn("c0100") }},
	{"MoveLane", func() blueprint.Command { return blueprint.MoveLane("evidence", 1) }},
	{"DeleteLane", func() blueprint.Command { return blueprint.DeleteLane("frontstage") }},
}

// BenchmarkCommands measures one Apply and Undo of common edits on a
// generated 1,000-step blueprint: what one drag or delete costs in the
// editor.
func BenchmarkCommands(b *testing.B) {
	for _, c := range benchCommands {
		b.Run(c.name, func(b *testing.B) {
			h := blueprint.NewHistory(bpgen.Generate(1000))
			for b.Loop() {
				if err := h.Apply(c.cmd()); err != nil {
					b.Fatal(err)
				}
				h.Undo()
			}
		})
	}
}

// BenchmarkHistory1000 measures the history on a generated 1,000-step
// blueprint: Apply of a step edit (with the snapshot it keeps), and an
// Undo followed by a Redo of it.
func BenchmarkHistory1000(b *testing.B) {
	b.Run("Apply", func(b *testing.B) {
		h := blueprint.NewHistory(bpgen.Generate(1000))
		s := h.Doc().Steps[500]
		i := 0
		for b.Loop() {
			i++
			s.Text = "Edited " + strconv.Itoa(i)
			if err := h.Apply(blueprint.EditStep(s.ID, s)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("UndoRedo", func(b *testing.B) {
		h := blueprint.NewHistory(bpgen.Generate(1000))
		historyEdits(b, h, 1)
		for b.Loop() {
			if !h.Undo() || !h.Redo() {
				b.Fatal("undo or redo failed")
			}
		}
	})
}

// BenchmarkUndoMemory1000 measures the heap that 200 undo levels of a
// generated 1,000-step blueprint keep (the document's own growth
// included), after a GC: small edits (text, stacking order, new flows),
// and the worst case, 200 lane moves that each reorder every step.
func BenchmarkUndoMemory1000(b *testing.B) {
	moves := func(tb testing.TB, h *blueprint.History, n int) {
		for i := range n {
			if err := h.Apply(blueprint.MoveLane("evidence", 1-i%2)); err != nil {
				tb.Fatal(err)
			}
		}
	}
	for _, c := range []struct {
		name  string
		edits func(testing.TB, *blueprint.History, int)
	}{{"SmallEdits", historyEdits}, {"MoveLane", moves}} {
		b.Run(c.name, func(b *testing.B) {
			var retained, estimate float64
			for b.Loop() {
				d := bpgen.Generate(1000)
				var m0, m1 runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&m0)
				h := blueprint.NewHistory(d)
				c.edits(b, h, 200)
				runtime.GC()
				runtime.ReadMemStats(&m1)
				if !h.CanUndo() {
					b.Fatal("nothing to undo")
				}
				retained = float64(m1.HeapAlloc) - float64(m0.HeapAlloc)
				estimate = float64(blueprint.UndoBytes(h))
			}
			b.ReportMetric(retained/1e6, "MB-retained")
			b.ReportMetric(estimate/1e6, "MB-estimated")
		})
	}
}
