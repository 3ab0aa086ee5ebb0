package blueprint

import (
	"slices"
	"strings"
	"testing"
)

// cmdCase is one successful edit of the fixture and what it must do.
type cmdCase struct {
	name  string
	cmd   func() Command
	label string
	// check, if set, tests the edited document.
	check func(t *testing.T, d *Document)
}

// cmdCellIs fails unless the lane × column cell holds exactly ids.
func cmdCellIs(t *testing.T, d *Document, lane, column string, ids ...string) {
	t.Helper()
	if got := d.CellSteps(lane, column); !slices.Equal(got, ids) {
		t.Errorf("cell %s × %s = %q, want %q", lane, column, got, ids)
	}
}

func cmdHasFlow(t *testing.T, d *Document, from, to string, want bool) {
	t.Helper()
	if got := d.FlowIndex(from, to) >= 0; got != want {
		t.Errorf("flow %s → %s present = %v, want %v", from, to, got, want)
	}
}

func cmdLineBelow(d *Document, lane string) string {
	for _, l := range d.Lines {
		if l.Below == lane {
			return l.ID
		}
	}
	return ""
}

var cmdCases = []cmdCase{
	// Steps.
	{name: "add step top of cell", label: "Add step",
		cmd: func() Command { return AddStep(Step{ID: "new", Lane: "customer", Column: "check-in", Text: "New"}, 0) },
		check: func(t *testing.T, d *Document) {
			cmdCellIs(t, d, "customer", "check-in", "new", "give-card", "sign")
		}},
	{name: "add step middle of cell", label: "Add step",
		cmd: func() Command { return AddStep(Step{ID: "new", Lane: "customer", Column: "check-in"}, 1) },
		check: func(t *testing.T, d *Document) {
			cmdCellIs(t, d, "customer", "check-in", "give-card", "new", "sign")
		}},
	{name: "add step last with generated id", label: "Add step",
		cmd: func() Command {
			return AddStep(Step{Lane: "customer", Column: "check-in", Text: "Sign the form", Tags: []string{"x"}, Emotion: -2, Wait: Minute}, -1)
		},
		check: func(t *testing.T, d *Document) {
			cmdCellIs(t, d, "customer", "check-in", "give-card", "sign", "sign-the-form")
		}},
	{name: "add step to empty cell", label: "Add step",
		cmd:   func() Command { return AddStep(Step{ID: "partner-room", Lane: "partner", Column: "room"}, -1) },
		check: func(t *testing.T, d *Document) { cmdCellIs(t, d, "partner", "room", "partner-room") }},
	{name: "add step to empty last cell", label: "Add step",
		cmd:   func() Command { return AddStep(Step{ID: "archive", Lane: "support", Column: "review"}, 0) },
		check: func(t *testing.T, d *Document) { cmdCellIs(t, d, "support", "review", "archive") }},
	{name: "add step to empty first cell", label: "Add step",
		cmd:   func() Command { return AddStep(Step{ID: "booking", Lane: "support", Column: "arrive"}, 0) },
		check: func(t *testing.T, d *Document) { cmdCellIs(t, d, "support", "arrive", "booking") }},
	{name: "move step within cell", label: "Move step",
		cmd:   func() Command { return MoveStep("take-bags", "frontstage", "arrive", 0) },
		check: func(t *testing.T, d *Document) { cmdCellIs(t, d, "frontstage", "arrive", "take-bags", "greet") }},
	{name: "move step to other column", label: "Move step",
		cmd: func() Command { return MoveStep("greet", "frontstage", "check-out", 1) },
		check: func(t *testing.T, d *Document) {
			cmdCellIs(t, d, "frontstage", "check-out", "bill", "greet")
			cmdCellIs(t, d, "frontstage", "arrive", "take-bags")
			cmdHasFlow(t, d, "arrive-hotel", "greet", true)
		}},
	{name: "move step to earlier empty cell", label: "Move step",
		cmd:   func() Command { return MoveStep("survey", "partner", "arrive", -1) },
		check: func(t *testing.T, d *Document) { cmdCellIs(t, d, "partner", "arrive", "survey") }},
	{name: "edit step fields", label: "Edit step",
		cmd: func() Command {
			return EditStep("sign", Step{Lane: "customer", Column: "check-in", Text: "Sign\nthe form", Owner: "Guest",
				Duration: Minute, Wait: 2 * Minute, Fail: "Pen missing", Recovery: "Spare pens", Moment: true,
				Emotion: 2, Tags: []string{"paper"}, Notes: "notes", Comment: "c"})
		},
		check: func(t *testing.T, d *Document) {
			if s := d.Step("sign"); s == nil || s.Owner != "Guest" || s.Emotion != 2 || s.Fail != "Pen missing" {
				t.Errorf("step not edited: %+v", s)
			}
			cmdCellIs(t, d, "customer", "check-in", "give-card", "sign")
		}},
	{name: "edit step cell", label: "Edit step",
		cmd: func() Command {
			return EditStep("give-card", Step{Lane: "customer", Column: "arrive", Text: "Give card early"})
		},
		check: func(t *testing.T, d *Document) {
			cmdCellIs(t, d, "customer", "arrive", "arrive-hotel", "give-card")
			cmdCellIs(t, d, "customer", "check-in", "sign")
		}},
	{name: "delete one step", label: "Delete step",
		cmd: func() Command { return DeleteSteps("check-in-desk") },
		check: func(t *testing.T, d *Document) {
			if d.StepIndex("check-in-desk") >= 0 {
				t.Error("step still there")
			}
			for _, f := range d.Flows {
				if f.From == "check-in-desk" || f.To == "check-in-desk" {
					t.Errorf("flow %s → %s left behind", f.From, f.To)
				}
			}
		}},
	{name: "delete three steps", label: "Delete 3 steps",
		cmd: func() Command { return DeleteSteps("pay", "hotel-sign", "cook") },
		check: func(t *testing.T, d *Document) {
			cmdHasFlow(t, d, "pay", "bill", false)
			cmdHasFlow(t, d, "serve", "cook", false)
			cmdHasFlow(t, d, "bill", "billing", true)
		}},
	{name: "rename step", label: "Rename step",
		cmd: func() Command { return RenameStep("check-in-desk", "desk-check-in") },
		check: func(t *testing.T, d *Document) {
			cmdHasFlow(t, d, "give-card", "desk-check-in", true)
			cmdHasFlow(t, d, "desk-check-in", "pms-lookup", true)
			cmdHasFlow(t, d, "desk-check-in", "overflow", true)
		}},

	// Flows.
	{name: "add flow", label: "Add flow",
		cmd:   func() Command { return AddFlow(Flow{From: "sleep", To: "clean", Label: "do not disturb"}) },
		check: func(t *testing.T, d *Document) { cmdHasFlow(t, d, "sleep", "clean", true) }},
	{name: "add reverse of a flow", label: "Add flow",
		cmd:   func() Command { return AddFlow(Flow{From: "greet", To: "arrive-hotel", TwoWay: true}) },
		check: func(t *testing.T, d *Document) { cmdHasFlow(t, d, "greet", "arrive-hotel", true) }},
	{name: "delete flow", label: "Delete flow",
		cmd:   func() Command { return DeleteFlow("check-in-desk", "pms-lookup") },
		check: func(t *testing.T, d *Document) { cmdHasFlow(t, d, "check-in-desk", "pms-lookup", false) }},
	{name: "edit flow label and two-way", label: "Edit flow",
		cmd: func() Command { return EditFlow("greet", "take-bags", Flow{Label: "luggage", TwoWay: true}) },
		check: func(t *testing.T, d *Document) {
			if f := d.Flows[d.FlowIndex("greet", "take-bags")]; f.Label != "luggage" || !f.TwoWay {
				t.Errorf("flow not edited: %+v", f)
			}
		}},
	{name: "edit flow target", label: "Edit flow",
		cmd: func() Command { return EditFlow("pay", "survey", Flow{To: "billing"}) },
		check: func(t *testing.T, d *Document) {
			cmdHasFlow(t, d, "pay", "survey", false)
			cmdHasFlow(t, d, "pay", "billing", true)
		}},
	{name: "edit flow reversed", label: "Edit flow",
		cmd:   func() Command { return EditFlow("eat", "serve", Flow{From: "serve", To: "eat"}) },
		check: func(t *testing.T, d *Document) { cmdHasFlow(t, d, "serve", "eat", true) }},
	{name: "reverse flow", label: "Reverse flow",
		cmd: func() Command { return ReverseFlow("pms-lookup", "reservation-system") },
		check: func(t *testing.T, d *Document) {
			i := d.FlowIndex("reservation-system", "pms-lookup")
			if i < 0 || d.Flows[i].Label != "query" || !d.Flows[i].TwoWay {
				t.Errorf("flow not reversed with its fields: %+v", d.Flows)
			}
		}},

	// Columns and phases.
	{name: "insert column first", label: "Insert column",
		cmd: func() Command { return InsertColumn(Column{ID: "book", Name: "Book", Phase: "Before"}, 0) },
		check: func(t *testing.T, d *Document) {
			if d.Columns[0].ID != "book" {
				t.Errorf("columns = %+v", d.Columns)
			}
		}},
	{name: "insert column middle with generated id", label: "Insert column",
		cmd: func() Command { return InsertColumn(Column{Name: "Room service", Phase: "Stay"}, 3) },
		check: func(t *testing.T, d *Document) {
			if d.Columns[3].ID != "room-service" {
				t.Errorf("columns = %+v", d.Columns)
			}
		}},
	{name: "insert column last", label: "Insert column",
		cmd: func() Command { return InsertColumn(Column{ID: "later"}, -1) },
		check: func(t *testing.T, d *Document) {
			if d.Columns[len(d.Columns)-1].ID != "later" {
				t.Errorf("columns = %+v", d.Columns)
			}
		}},
	{name: "delete column cascades", label: "Delete column",
		cmd: func() Command { return DeleteColumn("check-in") },
		check: func(t *testing.T, d *Document) {
			for _, s := range d.Steps {
				if s.Column == "check-in" {
					t.Errorf("step %q left in deleted column", s.ID)
				}
			}
			cmdHasFlow(t, d, "pms-lookup", "reservation-system", false)
			cmdHasFlow(t, d, "arrive-hotel", "greet", true)
		}},
	{name: "delete first column", label: "Delete column",
		cmd: func() Command { return DeleteColumn("arrive") }},
	{name: "move column right", label: "Move column",
		cmd: func() Command { return MoveColumn("arrive", 3) },
		check: func(t *testing.T, d *Document) {
			if d.Columns[3].ID != "arrive" || d.Steps[0].Column != "check-in" {
				t.Errorf("columns %+v, first step %+v", d.Columns, d.Steps[0])
			}
		}},
	{name: "move column last to first", label: "Move column",
		cmd: func() Command { return MoveColumn("review", 0) },
		check: func(t *testing.T, d *Document) {
			if d.Steps[0].ID != "survey" {
				t.Errorf("first step %q, want survey", d.Steps[0].ID)
			}
		}},
	{name: "move column to end", label: "Move column",
		cmd: func() Command { return MoveColumn("room", -1) }},
	{name: "edit column", label: "Edit column",
		cmd: func() Command { return EditColumn("room", Column{Name: "In the room", Phase: "Night", Comment: "c"}) },
		check: func(t *testing.T, d *Document) {
			if c := d.Column("room"); c.Name != "In the room" || c.Phase != "Night" {
				t.Errorf("column = %+v", c)
			}
		}},
	{name: "set phase of several columns", label: "Set phase",
		cmd: func() Command { return SetPhase("After", "check-out", "review") },
		check: func(t *testing.T, d *Document) {
			if ps := d.Phases(); ps[len(ps)-1].Name != "After" || ps[len(ps)-1].First != 4 {
				t.Errorf("phases = %+v", ps)
			}
		}},
	{name: "clear phase", label: "Set phase",
		cmd: func() Command { return SetPhase("", "arrive") }},
	{name: "rename phase", label: "Rename phase",
		cmd: func() Command { return RenamePhase("Stay", "Night") },
		check: func(t *testing.T, d *Document) {
			if d.Column("room").Phase != "Night" || d.Column("breakfast").Phase != "Night" {
				t.Errorf("columns = %+v", d.Columns)
			}
		}},

	// Lanes.
	{name: "add lane", label: "Add lane",
		cmd: func() Command { return AddLane(Lane{ID: "tech", Name: "Technology", Kind: LaneCustom}, 5) },
		check: func(t *testing.T, d *Document) {
			if d.Lanes[5].ID != "tech" {
				t.Errorf("lanes = %+v", d.Lanes)
			}
		}},
	{name: "add lane at bottom with defaults", label: "Add lane",
		cmd: func() Command { return AddLane(Lane{Name: "Suppliers"}, -1) },
		check: func(t *testing.T, d *Document) {
			if l := d.Lanes[len(d.Lanes)-1]; l.ID != "suppliers" || l.Kind != LaneCustom {
				t.Errorf("lane = %+v", l)
			}
		}},
	{name: "rename lane", label: "Rename lane",
		cmd: func() Command { return RenameLane("frontstage", "前台员工行为") },
		check: func(t *testing.T, d *Document) {
			if l := d.Lane("frontstage"); l.Name != "前台员工行为" || l.Kind != LaneFrontstage {
				t.Errorf("lane = %+v", l)
			}
		}},
	{name: "rename lane to default name", label: "Rename lane",
		cmd: func() Command { return RenameLane("customer", "") },
		check: func(t *testing.T, d *Document) {
			if l := d.Lane("customer"); l.Name != "Customer actions" || l.Comment != "renamed" {
				t.Errorf("lane = %+v", l)
			}
		}},
	{name: "edit lane", label: "Edit lane",
		cmd: func() Command { return EditLane("partner", Lane{Name: "Partners", Kind: LaneSupport}) },
		check: func(t *testing.T, d *Document) {
			if l := d.Lane("partner"); l.Name != "Partners" || l.Kind != LaneSupport {
				t.Errorf("lane = %+v", l)
			}
		}},
	{name: "move lane up", label: "Move lane",
		cmd: func() Command { return MoveLane("partner", 0) },
		check: func(t *testing.T, d *Document) {
			if d.Lanes[0].ID != "partner" || cmdLineBelow(d, "partner") != "partnership" {
				t.Errorf("lanes %+v lines %+v", d.Lanes, d.Lines)
			}
			cmdCheckValid(t, d)
		}},
	{name: "move lane down", label: "Move lane",
		cmd: func() Command { return MoveLane("evidence", 4) }},
	{name: "move lane to bottom", label: "Move lane",
		cmd: func() Command { return MoveLane("evidence", -1) }},
	{name: "delete middle lane cascades", label: "Delete lane",
		cmd: func() Command { return DeleteLane("frontstage") },
		check: func(t *testing.T, d *Document) {
			if d.LineIndex("visibility") >= 0 || d.StepIndex("greet") >= 0 {
				t.Error("line or step of the deleted lane left behind")
			}
			cmdHasFlow(t, d, "give-card", "check-in-desk", false)
			cmdHasFlow(t, d, "pms-lookup", "reservation-system", true)
		}},
	{name: "delete bottom lane removes line above", label: "Delete lane",
		cmd: func() Command { return DeleteLane("support") },
		check: func(t *testing.T, d *Document) {
			if d.LineIndex("internal") >= 0 {
				t.Error("line below the new bottom lane left behind")
			}
			cmdHasFlow(t, d, "cook", "order-food", false)
		}},
	{name: "delete top lane", label: "Delete lane",
		cmd: func() Command { return DeleteLane("evidence") }},

	// Lines.
	{name: "add line", label: "Add line",
		cmd: func() Command { return AddLine(Line{ID: "order", Name: "Line of order", Below: "evidence"}) },
		check: func(t *testing.T, d *Document) {
			if l := d.Lines[0]; l.ID != "order" || l.Kind != LineCustom || l.Style != StyleDotted {
				t.Errorf("lines = %+v", d.Lines)
			}
		}},
	{name: "add line of kind after deleting it", label: "Move visibility",
		cmd: func() Command {
			return Batch("Move visibility", DeleteLine("partnership"), DeleteLine("visibility"),
				AddLine(Line{Kind: LineVisibility, Below: "partner"}))
		},
		check: func(t *testing.T, d *Document) {
			if l := d.Lines[d.LineIndex("visibility")]; l.Style != StyleDashed || l.Name != "Line of visibility" || l.Below != "partner" {
				t.Errorf("line = %+v", l)
			}
		}},
	{name: "delete line", label: "Delete line",
		cmd: func() Command { return DeleteLine("partnership") }},
	{name: "edit line moves it", label: "Edit line",
		cmd: func() Command {
			return EditLine("partnership", Line{Kind: LineCustom, Name: "Partners", Below: "evidence", Style: StyleSolid})
		},
		check: func(t *testing.T, d *Document) {
			if cmdLineBelow(d, "evidence") != "partnership" || cmdLineBelow(d, "partner") != "" {
				t.Errorf("lines = %+v", d.Lines)
			}
		}},

	// Document.
	{name: "set title", label: "Set title",
		cmd: func() Command { return SetTitle("一晚酒店住宿") }},
	{name: "clear title", label: "Set title",
		cmd: func() Command { return SetTitle("") }},
	{name: "set description", label: "Set description",
		cmd: func() Command { return SetDescription("Line one\nline two") }},
	{name: "replace document", label: "Replace document",
		cmd: func() Command { return ReplaceDocument(New("Other", ChineseNames)) },
		check: func(t *testing.T, d *Document) {
			if d.Title != "Other" || len(d.Steps) != 0 {
				t.Errorf("document not replaced: %+v", d)
			}
		}},

	// Batches.
	{name: "batch paste", label: "Paste",
		cmd: func() Command {
			return Batch("Paste",
				AddStep(Step{ID: "p1", Lane: "backstage", Column: "review", Text: "one"}, -1),
				AddStep(Step{ID: "p2", Lane: "backstage", Column: "review", Text: "two"}, -1),
				AddFlow(Flow{From: "p1", To: "p2"}))
		},
		check: func(t *testing.T, d *Document) {
			cmdCellIs(t, d, "backstage", "review", "p1", "p2")
			cmdHasFlow(t, d, "p1", "p2", true)
		}},
	{name: "batch drag", label: "Move 2 steps",
		cmd: func() Command {
			return Batch("Move 2 steps", MoveStep("eat", "customer", "room", -1), MoveStep("serve", "frontstage", "room", -1))
		}},
	{name: "batch default label", label: "Delete column",
		cmd: func() Command { return Batch("", DeleteColumn("review"), DeleteLane("partner")) }},
}

func TestCommandsDoUndoRedo(t *testing.T) {
	for _, tc := range cmdCases {
		t.Run(tc.name, func(t *testing.T) {
			d := cmdFixture()
			h := NewHistory(d)
			orig := cmdSnap(t, d)
			if h.Dirty() || h.CanUndo() || h.CanRedo() {
				t.Fatal("a new history is dirty or has commands")
			}
			before := *d
			if err := h.Apply(tc.cmd()); err != nil {
				t.Fatalf("Apply: %v", err)
			}
			cmdUntouched(t, "Apply", &before, orig)
			done := cmdSnap(t, d)
			if string(done.yaml) == string(orig.yaml) {
				t.Fatal("the command changed nothing in the saved file")
			}
			cmdCheckValid(t, d)
			if tc.check != nil {
				tc.check(t, d)
			}
			if !h.Dirty() || !h.CanUndo() || h.CanRedo() || h.UndoLabel() != tc.label || h.RedoLabel() != "" {
				t.Fatalf("after Apply: dirty %v, undo %v %q, redo %v; want label %q",
					h.Dirty(), h.CanUndo(), h.UndoLabel(), h.CanRedo(), tc.label)
			}

			if !h.Undo() {
				t.Fatal("Undo reported nothing to undo")
			}
			cmdSame(t, "after Undo", cmdSnap(t, d), orig)
			if h.Dirty() || h.CanUndo() || !h.CanRedo() || h.RedoLabel() != tc.label {
				t.Fatalf("after Undo: dirty %v, undo %v, redo %v %q", h.Dirty(), h.CanUndo(), h.CanRedo(), h.RedoLabel())
			}

			if !h.Redo() {
				t.Fatal("Redo failed")
			}
			cmdSame(t, "after Redo", cmdSnap(t, d), done)
			if !h.Dirty() || h.UndoLabel() != tc.label || h.CanRedo() {
				t.Fatalf("after Redo: dirty %v, undo %q, redo %v", h.Dirty(), h.UndoLabel(), h.CanRedo())
			}

			h.MarkSaved()
			if h.Dirty() {
				t.Fatal("dirty right after MarkSaved")
			}
			h.Undo()
			cmdSame(t, "after second Undo", cmdSnap(t, d), orig)
			if !h.Dirty() {
				t.Fatal("undoing past the save point must make the document dirty")
			}
			h.Redo()
			if h.Dirty() {
				t.Fatal("redoing back to the save point must make the document clean")
			}
		})
	}
}

// TestCommandsOnUnsortedSteps checks that a command that sorts the steps
// restores their exact earlier order on Undo, even when that order was not
// canonical.
func TestCommandsOnUnsortedSteps(t *testing.T) {
	cmds := map[string]func() Command{
		"add":         func() Command { return AddStep(Step{ID: "n", Lane: "customer", Column: "room"}, -1) },
		"move":        func() Command { return MoveStep("sleep", "customer", "arrive", 0) },
		"edit":        func() Command { return EditStep("sleep", Step{Lane: "support", Column: "arrive"}) },
		"move column": func() Command { return MoveColumn("room", 0) },
		"move lane":   func() Command { return MoveLane("customer", 0) },
	}
	for name, cmd := range cmds {
		t.Run(name, func(t *testing.T) {
			d := cmdFixture()
			slices.Reverse(d.Steps)
			orig := cmdSnap(t, d)
			h := NewHistory(d)
			if err := h.Apply(cmd()); err != nil {
				t.Fatal(err)
			}
			done := cmdSnap(t, d)
			cmdCheckValid(t, d)
			h.Undo()
			cmdSame(t, "after Undo", cmdSnap(t, d), orig)
			h.Redo()
			cmdSame(t, "after Redo", cmdSnap(t, d), done)
		})
	}
}

func TestAddStepKeepsGeneratedID(t *testing.T) {
	d := cmdFixture()
	h := NewHistory(d)
	if err := h.Apply(AddStep(Step{Lane: "customer", Column: "room", Text: "Sleep"}, -1)); err != nil {
		t.Fatal(err)
	}
	if d.StepIndex("sleep-2") < 0 {
		t.Fatalf("generated id: cell holds %q", d.CellSteps("customer", "room"))
	}
	h.Undo()
	h.Redo()
	if got := d.CellSteps("customer", "room"); !slices.Equal(got, []string{"sleep", "sleep-2"}) {
		t.Fatalf("after redo the cell holds %q", got)
	}
}

func TestReplaceDocumentKeepsItsCopy(t *testing.T) {
	d := cmdFixture()
	other := New("Other", EnglishNames)
	h := NewHistory(d)
	if err := h.Apply(ReplaceDocument(other)); err != nil {
		t.Fatal(err)
	}
	other.Title = "changed by the caller"
	if err := h.Apply(SetTitle("Edited")); err != nil {
		t.Fatal(err)
	}
	h.Undo()
	h.Undo()
	h.Redo()
	if d.Title != "Other" {
		t.Fatalf("title after redo = %q, want Other", d.Title)
	}
}

func TestUniqueIDs(t *testing.T) {
	d := cmdFixture()
	got := UniqueIDs(d, []string{"Sleep", "Sleep", "", "New card", "!!"}, "step")
	want := []string{"sleep-2", "sleep-3", "step", "new-card", "step-2"}
	if !slices.Equal(got, want) {
		t.Fatalf("UniqueIDs = %q, want %q", got, want)
	}
}

func TestBatchLabelAndErrorWording(t *testing.T) {
	tests := []struct {
		cmd  Command
		want string
	}{
		{DeleteSteps("a", "b"), "Delete 2 steps"},
		{Batch("Paste 4 steps"), "Paste 4 steps"},
		{Batch("", SetTitle("x")), "Set title"},
		{Batch(""), ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.cmd.Label(); got != tt.want {
				t.Fatalf("Label = %q, want %q", got, tt.want)
			}
		})
	}
	err := Batch("").Do(cmdFixture())
	if err == nil || !strings.Contains(err.Error(), "nothing to do") {
		t.Fatalf("empty batch: %v", err)
	}
}
