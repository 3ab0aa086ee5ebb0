package blueprint

import (
	"strings"
	"testing"
)

// cmdTiny is a blueprint with one lane and one column, where nothing more
// can be deleted.
func cmdTiny() *Document {
	return &Document{
		Version: FormatVersion,
		Lanes:   []Lane{{ID: "customer", Name: "Customer actions", Kind: LaneCustomer}},
		Columns: []Column{{ID: "c1"}},
		Steps:   []Step{{ID: "s1", Lane: "customer", Column: "c1"}},
	}
}

func TestCommandsRefuseImpossibleEdits(t *testing.T) {
	long := strings.Repeat("x", 65)
	tests := []struct {
		name string
		doc  func() *Document // nil: the fixture
		cmd  Command
		want string // part of the error message
	}{
		// Steps.
		{name: "add step duplicate id", cmd: AddStep(Step{ID: "greet", Lane: "customer", Column: "arrive"}, -1), want: `add step: duplicate id "greet": already used by another step`},
		{name: "add step bad id", cmd: AddStep(Step{ID: "a b", Lane: "customer", Column: "arrive"}, -1), want: "contains ' '"},
		{name: "add step long id", cmd: AddStep(Step{ID: long, Lane: "customer", Column: "arrive"}, -1), want: "the limit is 64"},
		{name: "add step missing lane", cmd: AddStep(Step{ID: "n", Lane: "nope", Column: "arrive"}, -1), want: `no lane "nope"`},
		{name: "add step missing column", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "nope"}, -1), want: `no column "nope"`},
		{name: "add step emotion too high", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "arrive", Emotion: 3}, -1), want: "emotion 3 is out of range"},
		{name: "add step emotion too low", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "arrive", Emotion: -3}, -1), want: "emotion -3"},
		{name: "add step negative wait", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "arrive", Wait: -Minute}, -1), want: "wait"},
		{name: "add step huge duration", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "arrive", Duration: 200 * 52 * Week}, -1), want: "duration"},
		{name: "add step position past cell", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "check-in"}, 3), want: "cell position 3 is out of range 0..2"},
		{name: "add step position negative", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "check-in"}, -2), want: "out of range"},
		{name: "add step control character", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "arrive", Text: "a\x07b"}, -1), want: "control character U+0007"},
		{name: "add step invalid UTF-8", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "arrive", Notes: "\xff"}, -1), want: "not valid UTF-8"},
		{name: "add step two-line owner", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "arrive", Owner: "a\nb"}, -1), want: "owner must be a single line"},
		{name: "add step empty tag", cmd: AddStep(Step{ID: "n", Lane: "customer", Column: "arrive", Tags: []string{"a", ""}}, -1), want: "tag is empty"},
		{name: "move missing step", cmd: MoveStep("nope", "customer", "arrive", -1), want: `no step "nope"`},
		{name: "move step to missing lane", cmd: MoveStep("greet", "nope", "arrive", -1), want: `no lane "nope"`},
		{name: "move step to missing column", cmd: MoveStep("greet", "customer", "nope", -1), want: `no column "nope"`},
		{name: "move step past cell", cmd: MoveStep("greet", "frontstage", "arrive", 2), want: "out of range 0..1"},
		{name: "edit missing step", cmd: EditStep("nope", Step{Lane: "customer", Column: "arrive"}), want: `no step "nope"`},
		{name: "edit step emotion", cmd: EditStep("greet", Step{Lane: "frontstage", Column: "arrive", Emotion: 5}), want: "emotion 5"},
		{name: "edit step missing lane", cmd: EditStep("greet", Step{Lane: "", Column: "arrive"}), want: `no lane ""`},
		{name: "delete no steps", cmd: DeleteSteps(), want: "no step given"},
		{name: "delete missing step", cmd: DeleteSteps("greet", "nope"), want: `no step "nope"`},
		{name: "delete step twice", cmd: DeleteSteps("greet", "greet"), want: "listed twice"},
		{name: "rename missing step", cmd: RenameStep("nope", "x"), want: `no step "nope"`},
		{name: "rename step to used id", cmd: RenameStep("greet", "sign"), want: "already used"},
		{name: "rename step to own id", cmd: RenameStep("greet", "greet"), want: "its id already"},
		{name: "rename step to bad id", cmd: RenameStep("greet", "a/b"), want: "contains '/'"},

		// Flows.
		{name: "self flow", cmd: AddFlow(Flow{From: "greet", To: "greet"}), want: "same step"},
		{name: "duplicate flow", cmd: AddFlow(Flow{From: "greet", To: "take-bags"}), want: "already a flow"},
		{name: "flow from missing step", cmd: AddFlow(Flow{From: "nope", To: "greet"}), want: `no step "nope"`},
		{name: "flow to missing step", cmd: AddFlow(Flow{From: "greet", To: "nope"}), want: `no step "nope"`},
		{name: "flow label control character", cmd: AddFlow(Flow{From: "greet", To: "sleep", Label: "\x1b"}), want: "control character"},
		{name: "delete missing flow", cmd: DeleteFlow("greet", "sleep"), want: "no flow"},
		{name: "edit missing flow", cmd: EditFlow("greet", "sleep", Flow{}), want: "no flow"},
		{name: "edit flow onto itself", cmd: EditFlow("greet", "take-bags", Flow{To: "greet"}), want: "same step"},
		{name: "edit flow onto another", cmd: EditFlow("pay", "survey", Flow{To: "bill"}), want: `already a flow from "pay" to "bill"`},
		{name: "edit flow to missing step", cmd: EditFlow("pay", "survey", Flow{To: "nope"}), want: `no step "nope"`},
		{name: "reverse missing flow", cmd: ReverseFlow("bill", "pay"), want: "no flow"},

		// Columns and phases.
		{name: "insert column duplicate id", cmd: InsertColumn(Column{ID: "room"}, 0), want: "already used"},
		{name: "insert column past end", cmd: InsertColumn(Column{ID: "x"}, 7), want: "column index 7 is out of range 0..6"},
		{name: "insert column negative", cmd: InsertColumn(Column{ID: "x"}, -3), want: "out of range"},
		{name: "insert column two-line phase", cmd: InsertColumn(Column{ID: "x", Phase: "a\nb"}, 0), want: "single line"},
		{name: "delete missing column", cmd: DeleteColumn("nope"), want: `no column "nope"`},
		{name: "delete last column", doc: cmdTiny, cmd: DeleteColumn("c1"), want: "at least one column"},
		{name: "move missing column", cmd: MoveColumn("nope", 0), want: `no column "nope"`},
		{name: "move column past end", cmd: MoveColumn("room", 6), want: "out of range 0..5"},
		{name: "edit missing column", cmd: EditColumn("nope", Column{}), want: `no column "nope"`},
		{name: "edit column bad name", cmd: EditColumn("room", Column{Name: "\x00"}), want: "control character"},
		{name: "set phase no columns", cmd: SetPhase("Stay"), want: "no column given"},
		{name: "set phase missing column", cmd: SetPhase("Stay", "room", "nope"), want: `no column "nope"`},
		{name: "set phase column twice", cmd: SetPhase("Stay", "room", "room"), want: "listed twice"},
		{name: "set phase two lines", cmd: SetPhase("a\nb", "room"), want: "single line"},
		{name: "rename missing phase", cmd: RenamePhase("Night", "Day"), want: `no column is in phase "Night"`},

		// Lanes.
		{name: "add lane duplicate id", cmd: AddLane(Lane{ID: "support"}, -1), want: "already used"},
		{name: "add lane bad kind", cmd: AddLane(Lane{ID: "x", Kind: "robots"}, -1), want: `unknown lane kind "robots"`},
		{name: "add lane past end", cmd: AddLane(Lane{ID: "x"}, 7), want: "lane index 7 is out of range 0..6"},
		{name: "rename missing lane", cmd: RenameLane("nope", "x"), want: `no lane "nope"`},
		{name: "rename lane two lines", cmd: RenameLane("support", "a\nb"), want: "single line"},
		{name: "edit lane bad kind", cmd: EditLane("support", Lane{Kind: "robots"}), want: "unknown lane kind"},
		{name: "move missing lane", cmd: MoveLane("nope", 0), want: `no lane "nope"`},
		{name: "move lane past end", cmd: MoveLane("support", 6), want: "out of range 0..5"},
		{name: "move bottom lane up leaves line at bottom", cmd: MoveLane("support", 0), want: `line "internal" would be below the bottom lane "backstage"`},
		{name: "move lane with line to bottom", cmd: MoveLane("customer", -1), want: `line "interaction" would be below the bottom lane "customer"`},
		{name: "delete missing lane", cmd: DeleteLane("nope"), want: `no lane "nope"`},
		{name: "delete last lane", doc: cmdTiny, cmd: DeleteLane("customer"), want: "at least one lane"},

		// Lines.
		{name: "add line below missing lane", cmd: AddLine(Line{ID: "x", Below: "nope"}), want: `no lane "nope"`},
		{name: "add line below bottom lane", cmd: AddLine(Line{ID: "x", Below: "support"}), want: "below the bottom lane"},
		{name: "add second line below a lane", cmd: AddLine(Line{ID: "x", Below: "customer"}), want: `line "interaction" is already below lane "customer"`},
		{name: "add line duplicate id", cmd: AddLine(Line{ID: "visibility", Below: "evidence"}), want: "already used"},
		{name: "add line bad style", cmd: AddLine(Line{ID: "x", Below: "evidence", Style: "wavy"}), want: `unknown line style "wavy"`},
		{name: "add line bad kind", cmd: AddLine(Line{ID: "x", Below: "evidence", Kind: "fence"}), want: `unknown line kind "fence"`},
		{name: "delete missing line", cmd: DeleteLine("nope"), want: `no line "nope"`},
		{name: "edit missing line", cmd: EditLine("nope", Line{Below: "evidence"}), want: `no line "nope"`},
		{name: "edit line below bottom lane", cmd: EditLine("internal", Line{Below: "support"}), want: "below the bottom lane"},
		{name: "edit line onto taken lane", cmd: EditLine("internal", Line{Below: "partner"}), want: `line "partnership" is already below lane "partner"`},

		// Document.
		{name: "two-line title", cmd: SetTitle("a\nb"), want: "single line"},
		{name: "description control character", cmd: SetDescription("a\rb"), want: "control character U+000D"},
		{name: "empty batch", cmd: Batch("Paste"), want: "nothing to do"},
		{name: "batch with failing command", cmd: Batch("Paste",
			AddStep(Step{ID: "p1", Lane: "customer", Column: "arrive"}, -1),
			DeleteColumn("check-in"),
			AddFlow(Flow{From: "p1", To: "p1"})), want: "same step"},
		{name: "batch with missing command", cmd: Batch("Paste", SetTitle("x"), nil), want: "command 2 is missing"},
		{name: "replace with nothing", cmd: ReplaceDocument(nil), want: "no document given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mk := cmdFixture
			if tt.doc != nil {
				mk = tt.doc
			}
			d := mk()
			before := cmdSnap(t, d)
			h := NewHistory(d)
			err := h.Apply(tt.cmd)
			if err == nil {
				t.Fatalf("Apply succeeded, want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
			cmdSame(t, "after the refused edit", cmdSnap(t, d), before)
			if h.CanUndo() || h.Dirty() {
				t.Fatal("a refused edit was recorded in the history")
			}
		})
	}
}

// TestCommentsRefuseUnwritableCharacters checks that a comment set through
// a command cannot hold a character the writer could only escape (a
// comment cannot be escaped), such as a bidirectional control.
func TestCommentsRefuseUnwritableCharacters(t *testing.T) {
	for _, c := range []string{"left\u202eright", "a\u2028b", "x\ufeff"} {
		d := &Document{Lanes: DefaultLanes(EnglishNames)}
		err := AddLane(Lane{ID: "partners", Name: "Partners", Kind: LaneCustom, Comment: c}, -1).Do(d)
		if err == nil {
			t.Errorf("comment %q was accepted", c)
		}
	}
	d := &Document{Lanes: DefaultLanes(EnglishNames)}
	if err := AddLane(Lane{ID: "partners", Name: "Partners", Kind: LaneCustom, Comment: "# plain\n# two lines"}, -1).Do(d); err != nil {
		t.Errorf("a plain comment was refused: %v", err)
	}
}
