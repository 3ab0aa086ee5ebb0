package blueprint_test

import (
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
