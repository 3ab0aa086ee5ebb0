package state

import (
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// TestDeleteCommand checks the one mapping from a selection to its delete
// command that the board and the editor's Edit > Delete share.
func TestDeleteCommand(t *testing.T) {
	base := bpgen.Generate(20)
	before, err := blueprint.Marshal(base)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		sel   Selection
		check func(d *blueprint.Document) bool
	}{
		{"steps", Selection{Kind: SelectSteps, IDs: []string{"s00001", "s00002"}}, func(d *blueprint.Document) bool {
			return d.StepIndex("s00001") < 0 && d.StepIndex("s00002") < 0
		}},
		{"flow", Selection{Kind: SelectFlow, IDs: []string{base.Flows[0].From, base.Flows[0].To}}, func(d *blueprint.Document) bool {
			return d.FlowIndex(base.Flows[0].From, base.Flows[0].To) < 0
		}},
		{"two columns as one step", Selection{Kind: SelectColumn, IDs: []string{"c0001", "c0003"}}, func(d *blueprint.Document) bool {
			return d.ColumnIndex("c0001") < 0 && d.ColumnIndex("c0003") < 0 && len(d.Columns) == len(base.Columns)-2
		}},
		{"lane", Selection{Kind: SelectLane, IDs: []string{"evidence"}}, func(d *blueprint.Document) bool {
			return d.LaneIndex("evidence") < 0
		}},
		{"line", Selection{Kind: SelectLine, IDs: []string{"visibility"}}, func(d *blueprint.Document) bool {
			return d.LineIndex("visibility") < 0
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := blueprint.NewHistory(base.Clone())
			c := DeleteCommand(tt.sel)
			if c == nil {
				t.Fatal("no command")
			}
			if err := h.Apply(c); err != nil {
				t.Fatal(err)
			}
			if !tt.check(h.Doc()) {
				t.Fatal("not deleted")
			}
			h.Undo()
			if h.CanUndo() {
				t.Fatal("the delete took more than one undo step")
			}
			after, _ := blueprint.Marshal(h.Doc())
			if string(after) != string(before) {
				t.Fatal("undo did not restore the document")
			}
		})
	}
	for _, s := range []Selection{{}, {Kind: SelectCell, IDs: []string{"customer", "c0001"}}, {Kind: SelectFlow, IDs: []string{"s00001"}}} {
		if DeleteCommand(s) != nil {
			t.Errorf("DeleteCommand(%+v) is not nil", s)
		}
	}
}
