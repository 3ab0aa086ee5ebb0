package blueprint

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// flakyCommand sets the title, or fails while fail is set: a command that
// depends on something outside the document, such as a file on disk.
type flakyCommand struct{ fail bool }

func (c *flakyCommand) Label() string { return "Flaky" }

func (c *flakyCommand) Do(d *Document) error {
	if c.fail {
		return errors.New("the source is gone")
	}
	d.Title = "flaky"
	return nil
}

// historyState is what a test sees of a history: the document and the
// stacks.
type historyState struct {
	doc   cmdState
	stack stackState
}

// stackState is what the menus show of the stacks.
type stackState struct {
	canUndo, canRedo     bool
	undoLabel, redoLabel string
	dirty                bool
}

func historyOf(t *testing.T, h *History) historyState {
	t.Helper()
	return historyState{cmdSnap(t, h.Doc()), stackState{h.CanUndo(), h.CanRedo(), h.UndoLabel(), h.RedoLabel(), h.Dirty()}}
}

func historySame(t *testing.T, what string, got, want historyState) {
	t.Helper()
	cmdSame(t, what, got.doc, want.doc)
	if got.stack != want.stack {
		t.Fatalf("%s: history %+v, want %+v", what, got.stack, want.stack)
	}
}

// TestRedoFailingKeepsTheRedoStack redoes a command that can no longer be
// applied: Redo reports false, the document and both stacks stay as they
// were, OnChanged is called so a view can say so, and the redo works once
// the command can be applied again.
func TestRedoFailingKeepsTheRedoStack(t *testing.T) {
	h := NewHistory(cmdFixture())
	calls := 0
	h.OnChanged = func() { calls++ }
	flaky := &flakyCommand{}
	for _, c := range []Command{SetDescription("first"), flaky, SetTitle("last")} {
		if err := h.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	h.Undo()
	h.Undo()
	want := historyOf(t, h)
	if want.stack.redoLabel != "Flaky" {
		t.Fatalf("redo label %q, want Flaky", want.stack.redoLabel)
	}
	flaky.fail = true
	calls = 0
	if h.Redo() {
		t.Fatal("Redo of a command that fails reported true")
	}
	if calls != 1 {
		t.Fatalf("OnChanged called %d times by the failed Redo, want 1", calls)
	}
	historySame(t, "after the failed Redo", historyOf(t, h), want)

	flaky.fail = false
	for i := range 2 {
		if !h.Redo() {
			t.Fatalf("Redo %d after the command can be applied again failed", i+1)
		}
	}
	if d := h.Doc(); d.Title != "last" || d.Description != "first" || h.CanRedo() {
		t.Fatalf("after both redos: title %q, description %q, can redo %v", d.Title, d.Description, h.CanRedo())
	}
}

// breakingCommand changes the document and then fails, against the
// Command contract; the history must still leave the document as it was.
type breakingCommand struct{}

func (breakingCommand) Label() string { return "Breaking" }

func (breakingCommand) Do(d *Document) error {
	d.Title = "half done"
	d.Steps = d.Steps[:1]
	return errors.New("refused halfway")
}

// TestFailingApplyChangesNothing applies refused commands to a history
// with both stacks in use: the document, the stacks, the labels and the
// dirty state stay as they were, and OnChanged is not called.
func TestFailingApplyChangesNothing(t *testing.T) {
	h := NewHistory(cmdFixture())
	for _, c := range []Command{SetTitle("one"), MoveStep("greet", "customer", "room", 0), SetTitle("three")} {
		if err := h.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	h.Undo()
	h.MarkSaved()
	want := historyOf(t, h)
	calls := 0
	h.OnChanged = func() { calls++ }
	for _, c := range []Command{
		AddStep(Step{ID: "greet", Lane: "customer", Column: "room"}, -1),
		Batch("Paste", AddStep(Step{ID: "p", Lane: "customer", Column: "room"}, -1), AddFlow(Flow{From: "p", To: "nope"})),
		breakingCommand{},
		&flakyCommand{fail: true},
	} {
		if err := h.Apply(c); err == nil {
			t.Fatalf("%s: Apply succeeded", c.Label())
		}
		historySame(t, "after refused "+c.Label(), historyOf(t, h), want)
	}
	if calls != 0 {
		t.Fatalf("OnChanged called %d times by refused edits", calls)
	}
	if !h.Redo() || h.Doc().Title != "three" {
		t.Fatal("the redo stack did not survive the refused edits")
	}
}

// TestIDsSharedAcrossKindsAsTheLoaderAllows adds a lane, a line, a column
// and a step with each id the fixture already uses, and checks that the
// command is refused exactly when the loader refuses a file with that
// element in it: a step may share its id with a column (or a lane or a
// line), never with another step.
func TestIDsSharedAcrossKindsAsTheLoaderAllows(t *testing.T) {
	base := cmdFixture()
	var ids []string
	for _, l := range base.Lanes {
		ids = append(ids, l.ID)
	}
	for _, l := range base.Lines {
		ids = append(ids, l.ID)
	}
	for _, c := range base.Columns {
		ids = append(ids, c.ID)
	}
	ids = append(ids, "greet", "sign")
	kinds := []struct {
		name string
		cmd  func(id string) Command
		// put adds the element to d by hand, as a file would hold it.
		put func(d *Document, id string)
	}{
		{"lane", func(id string) Command { return AddLane(Lane{ID: id, Kind: LaneCustom}, 0) },
			func(d *Document, id string) {
				d.Lanes = append([]Lane{{ID: id, Name: id, Kind: LaneCustom}}, d.Lanes...)
			}},
		{"line", func(id string) Command { return AddLine(Line{ID: id, Kind: LineCustom, Below: "evidence"}) },
			func(d *Document, id string) {
				d.Lines = append(d.Lines, Line{ID: id, Kind: LineCustom, Name: id, Below: "evidence", Style: StyleDotted})
			}},
		{"column", func(id string) Command { return InsertColumn(Column{ID: id}, -1) },
			func(d *Document, id string) { d.Columns = append(d.Columns, Column{ID: id}) }},
		{"step", func(id string) Command { return AddStep(Step{ID: id, Lane: "support", Column: "review"}, -1) },
			func(d *Document, id string) {
				d.Steps = append(d.Steps, Step{ID: id, Lane: "support", Column: "review"})
			}},
	}
	shared := 0
	for _, k := range kinds {
		for _, id := range ids {
			t.Run(k.name+" "+id, func(t *testing.T) {
				byHand := cmdFixture()
				k.put(byHand, id)
				text, _ := emit(byHand)
				_, loadErr := Parse("by-hand.yaml", text)

				d := cmdFixture()
				err := NewHistory(d).Apply(k.cmd(id))
				if (err == nil) != (loadErr == nil) {
					t.Fatalf("command error %v, but the loader says %v for\n%s", err, loadErr, text)
				}
				if err == nil {
					cmdCheckValid(t, d)
					shared++
				}
			})
		}
	}
	if shared == 0 {
		t.Fatal("no id was shared across kinds")
	}
	d := cmdFixture()
	h := NewHistory(d)
	if err := h.Apply(AddStep(Step{ID: "room", Lane: "support", Column: "room"}, -1)); err != nil {
		t.Fatalf("a step with its column's id: %v", err)
	}
	if err := h.Apply(InsertColumn(Column{ID: "greet"}, -1)); err != nil {
		t.Fatalf("a column with a step's id: %v", err)
	}
	cmdCheckValid(t, d)
	if err := h.Apply(RenameStep("sign", "room")); err == nil {
		t.Fatal("renaming a step to another step's id succeeded")
	}
}

// TestHistoryForgetsBeyondItsBounds applies more edits than MaxUndoLevels
// and checks that the oldest are forgotten, that the saved state is
// forgotten with them, and that what is left undoes exactly.
func TestHistoryForgetsBeyondItsBounds(t *testing.T) {
	d := cmdFixture()
	h := NewHistory(d)
	const edits = MaxUndoLevels + 5
	for i := range edits {
		if err := h.Apply(SetTitle(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
		if i == 2 {
			h.MarkSaved()
		}
	}
	n := 0
	for h.Undo() {
		n++
		if want := fmt.Sprint(edits - 1 - n); d.Title != want {
			t.Fatalf("undo %d: title %q, want %q", n, d.Title, want)
		}
	}
	if n != MaxUndoLevels {
		t.Fatalf("undid %d edits, want %d", n, MaxUndoLevels)
	}
	if !h.Dirty() {
		t.Fatal("the saved state was forgotten, yet the document is clean")
	}
	for h.Redo() {
	}
	if d.Title != fmt.Sprint(edits-1) || !h.Dirty() {
		t.Fatalf("after redoing all: title %q, dirty %v", d.Title, h.Dirty())
	}
}

// TestStepEqualSeesEveryField changes each field of a step in turn: the
// deltas of the history rely on stepEqual to find what an edit changed.
func TestStepEqualSeesEveryField(t *testing.T) {
	base := Step{Waiting: []string{}, Tags: []string{}, KeyComments: map[string]KeyComment{}}
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		s := base
		f := reflect.ValueOf(&s).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Int, reflect.Int64:
			f.SetInt(1)
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.Zero(f.Type())) // nil, not empty
		case reflect.Map:
			f.Set(reflect.Zero(f.Type()))
		case reflect.Struct:
			for j := range f.NumField() {
				if g := f.Field(j); g.Kind() == reflect.Int {
					g.SetInt(1)
					break
				}
			}
		default:
			t.Fatalf("field %s: kind %s not covered by this test", typ.Field(i).Name, f.Kind())
		}
		if stepEqual(&base, &s) {
			t.Errorf("stepEqual misses a change of %s", typ.Field(i).Name)
		}
	}
	if c := base; !stepEqual(&base, &c) {
		t.Error("stepEqual says a step differs from its copy")
	}
}
