package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

func TestInspectorStepFields(t *testing.T) {
	for _, tc := range []struct {
		name  string
		field func(in *inspector) *field
		text  string
		get   func(s *blueprint.Step) any
		want  any
	}{
		{"text", func(in *inspector) *field { return in.step.text }, "Order an oat latte", func(s *blueprint.Step) any { return s.Text }, "Order an oat latte"},
		{"notes", func(in *inspector) *field { return in.step.notes }, "Peak at 8am", func(s *blueprint.Step) any { return s.Notes }, "Peak at 8am"},
		{"owner", func(in *inspector) *field { return in.step.owner }, "Guest", func(s *blueprint.Step) any { return s.Owner }, "Guest"},
		{"duration", func(in *inspector) *field { return in.step.duration }, "1h30m", func(s *blueprint.Step) any { return s.Duration }, 90 * blueprint.Minute},
		{"wait", func(in *inspector) *field { return in.step.wait }, "5m", func(s *blueprint.Step) any { return s.Wait }, 5 * blueprint.Minute},
		{"fail", func(in *inspector) *field { return in.step.fail }, "Milk runs out", func(s *blueprint.Step) any { return s.Fail }, "Milk runs out"},
		{"recovery", func(in *inspector) *field { return in.step.recovery }, "Offer oat milk", func(s *blueprint.Step) any { return s.Recovery }, "Offer oat milk"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := testEditor(t, "coffee.yaml")
			e.SetSelection(state.StepSelection("ask"))
			before := *e.Doc().Step("ask")
			f := tc.field(e.ui.inspector)
			replaceText(e, f, tc.text)
			if got := tc.get(e.Doc().Step("ask")); got == tc.want {
				t.Fatal("the model changed while typing, before the field was committed")
			}
			key(e, fyne.KeyReturn)
			if got := tc.get(e.Doc().Step("ask")); got != tc.want {
				t.Errorf("after Enter: %v, want %v", got, tc.want)
			}
			e.win.Canvas().Unfocus()
			press(e, &fyne.ShortcutUndo{})
			if got := *e.Doc().Step("ask"); got.Text != before.Text || tc.get(&got) != tc.get(&before) {
				t.Errorf("after one undo: %v, want %v", tc.get(&got), tc.get(&before))
			}
			if e.store.History().CanUndo() {
				t.Errorf("the field edit made more than one undo step")
			}
			if f.Text != f.committed || f.committed != fieldValue(tc.get(&before)) {
				t.Errorf("field shows %q after undo, want %q", f.Text, fieldValue(tc.get(&before)))
			}
		})
	}
}

func fieldValue(v any) string {
	switch v := v.(type) {
	case blueprint.Duration:
		return durationText(v)
	case string:
		return v
	}
	return ""
}

func TestInspectorCommitsOnFocusLost(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.SetSelection(state.StepSelection("take-order"))
	replaceText(e, e.ui.inspector.step.owner, "Cashier")
	e.win.Canvas().Focus(e.ui.inspector.step.fail)
	if got := e.Doc().Step("take-order").Owner; got != "Cashier" {
		t.Errorf("owner = %q after leaving the field, want Cashier", got)
	}
}

func TestInspectorEscReverts(t *testing.T) {
	e, f := editAskText(t)
	replaceText(e, f, "Something else")
	key(e, fyne.KeyEscape)
	e.win.Canvas().Unfocus()
	if f.Text != "Order a flat white" || e.Dirty() {
		t.Errorf("Esc left %q, dirty %v", f.Text, e.Dirty())
	}
}

func TestInspectorInvalidDurationRefused(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.SetSelection(state.StepSelection("tap-card"))
	f := e.ui.inspector.step.wait
	replaceText(e, f, "soon")
	key(e, fyne.KeyReturn)
	if got := e.Doc().Step("tap-card").Wait; got != 2*blueprint.Minute {
		t.Errorf("wait = %v, want the old 2m", got)
	}
	if f.Text != "2m" || e.Dirty() {
		t.Errorf("field shows %q, dirty %v; want the old value and no edit", f.Text, e.Dirty())
	}
}

func TestInspectorMomentAndEmotion(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.SetSelection(state.StepSelection("enjoy"))
	in := e.ui.inspector
	test.Tap(in.step.moment)
	in.step.emotion.SetSelectedIndex(4) // +2
	s := e.Doc().Step("enjoy")
	if !s.Moment || s.Emotion != 2 {
		t.Errorf("moment %v emotion %d, want true and 2", s.Moment, s.Emotion)
	}
	e.undo()
	e.undo()
	s = e.Doc().Step("enjoy")
	if s.Moment || s.Emotion != 0 || e.Dirty() {
		t.Errorf("after two undos: moment %v emotion %d dirty %v", s.Moment, s.Emotion, e.Dirty())
	}
	if in.step.moment.Checked || in.step.emotion.SelectedIndex() != 2 {
		t.Errorf("inspector shows moment %v emotion %q after undo", in.step.moment.Checked, in.step.emotion.Selected)
	}
}

func TestInspectorLaneColumnLineDoc(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	in := e.ui.inspector

	e.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{"customer"}})
	replaceText(e, in.lane.name, "Guest actions")
	key(e, fyne.KeyReturn)
	if got := e.Doc().Lane("customer").Name; got != "Guest actions" {
		t.Errorf("lane name = %q", got)
	}
	in.lane.kind.SetSelectedIndex(5)
	if got := e.Doc().Lane("customer").Kind; got != blueprint.LaneCustom {
		t.Errorf("lane kind = %q", got)
	}

	e.SetSelection(state.Selection{Kind: state.SelectColumn, IDs: []string{"order"}})
	replaceText(e, in.column.phase, "Purchase")
	key(e, fyne.KeyReturn)
	if p := e.Doc().Column("pay").Phase; p != "Purchase" {
		t.Errorf("renaming the phase of column order left pay in %q", p)
	}

	e.SetSelection(state.Selection{Kind: state.SelectLine, IDs: []string{"visibility"}})
	in.line.style.SetSelectedIndex(0)
	if got := e.Doc().Lines[e.Doc().LineIndex("visibility")].Style; got != blueprint.StyleSolid {
		t.Errorf("line style = %q", got)
	}

	e.SetSelection(state.Selection{})
	replaceText(e, in.doc.title, "Coffee bar")
	key(e, fyne.KeyReturn)
	if e.Doc().Title != "Coffee bar" {
		t.Errorf("title = %q", e.Doc().Title)
	}
	undoAll(t, e)
}

func TestSelectionChangeCommitsField(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.SetSelection(state.StepSelection("ask"))
	replaceText(e, e.ui.inspector.step.text, "Order tea")
	e.SetSelection(state.StepSelection("enjoy"))
	if got := e.Doc().Step("ask").Text; got != "Order tea" {
		t.Errorf("ask text = %q, want the typing committed to it", got)
	}
	if got := e.Doc().Step("enjoy").Text; got != "Enjoy the coffee" {
		t.Errorf("enjoy text = %q, want it untouched", got)
	}
}

// TestCommitOrderTrap types into the text field of one step and then
// commits the field and selects another step in either order: the typing
// always goes to the step it was typed for, because the field is bound to
// that step when it is filled, not to whatever is selected when it
// commits.
func TestCommitOrderTrap(t *testing.T) {
	orders := []struct {
		name   string
		change func(e *Editor, to state.Selection)
	}{
		{"commit then select", func(e *Editor, to state.Selection) { e.commitField(); e.store.Select(to) }},
		{"select then commit", func(e *Editor, to state.Selection) { e.store.Select(to); e.commitField() }},
		{"select, then commit on focus loss", func(e *Editor, to state.Selection) {
			e.store.Select(to)
			e.win.Canvas().Focus(e.ui.board)
		}},
	}
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			e := testEditor(t, "coffee.yaml")
			e.SetSelection(state.StepSelection("ask"))
			text := e.ui.inspector.step.text
			replaceText(e, text, "Order tea")
			o.change(e, state.StepSelection("enjoy"))
			if got := e.Doc().Step("ask").Text; got != "Order tea" {
				t.Errorf("ask text = %q, want the typing committed to it", got)
			}
			if got := e.Doc().Step("enjoy").Text; got != "Enjoy the coffee" {
				t.Errorf("enjoy text = %q, want it untouched", got)
			}
			if e.Selection().One(state.SelectSteps) != "enjoy" || text.Text != "Enjoy the coffee" {
				t.Errorf("selection %v, field shows %q; want enjoy and its text", e.Selection(), text.Text)
			}
			if e.store.UndoLabel() != "Edit step" || !e.store.Undo() || e.store.CanUndo() {
				t.Error("the typing did not make exactly one undoable edit")
			}
		})
	}
}

func TestInspectorFlowAndLaneMoves(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	in := e.ui.inspector
	e.SetSelection(state.Selection{Kind: state.SelectFlow, IDs: []string{"ask", "take-order"}})
	replaceText(e, in.flow.label, "order")
	key(e, fyne.KeyReturn)
	test.Tap(in.flow.twoWay)
	fl := e.Doc().Flows[0]
	if fl.Label != "order" || !fl.TwoWay {
		t.Errorf("flow = %+v", fl)
	}
	test.Tap(in.flow.reverse)
	if e.Doc().FlowIndex("take-order", "ask") < 0 || e.Selection().IDs[0] != "take-order" {
		t.Errorf("reverse: flows %+v, selection %v", e.Doc().Flows, e.Selection())
	}

	e.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{"customer"}})
	test.Tap(in.laneMoves.up)
	if e.Doc().Lanes[0].ID != "customer" {
		t.Errorf("Move up left lanes %v first", e.Doc().Lanes[0].ID)
	}
	test.Tap(in.laneMoves.up) // already on top: nothing happens
	undoAll(t, e)
}

func TestShiftEnterAddsLine(t *testing.T) {
	e, f := editAskText(t)
	replaceText(e, f, "Order")
	f.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	test.Type(f, "a flat white")
	if e.Dirty() {
		t.Fatal("Shift+Enter committed the field")
	}
	key(e, fyne.KeyReturn)
	if got := e.Doc().Step("ask").Text; got != "Order\na flat white" {
		t.Errorf("text = %q, want two lines", got)
	}
}

// TestIndexOfNoMatch: a value that is not in the list is -1, never the
// first entry.
func TestIndexOfNoMatch(t *testing.T) {
	if got := indexOf(emotions, "+3"); got != -1 {
		t.Errorf("indexOf(emotions, +3) = %d, want -1", got)
	}
	if got := indexOf(blueprint.LaneKinds, blueprint.LaneKind("nonsense")); got != -1 {
		t.Errorf("indexOf of an unknown lane kind = %d, want -1", got)
	}
	if got := indexOf(emotions, "0"); got != 2 {
		t.Errorf("indexOf(emotions, 0) = %d, want 2", got)
	}
}

// TestUnnamedColumnShownByPlace checks that a column without a name is
// called "Column N" in the cell inspector and the outline, as its header
// tab and the outline's column row count it, and never by its generated
// id; lanes are called by their names there too.
func TestUnnamedColumnShownByPlace(t *testing.T) {
	e := testEditor(t, "")
	d := e.Doc()
	lane, col := d.Lanes[1].ID, d.Columns[0].ID
	if d.Columns[0].Name != "" || col == "" {
		t.Fatalf("a new blueprint's column is %+v, want one without a name", d.Columns[0])
	}
	e.apply(blueprint.AddStep(blueprint.Step{ID: "books", Lane: lane, Column: col, Text: "Books a room"}, -1))
	e.SetSelection(state.Selection{Kind: state.SelectCell, IDs: []string{lane, col}})
	cell := e.ui.inspector.other.Text
	if want := "Customer actions × Column 1\n"; !strings.HasPrefix(cell, want) {
		t.Errorf("cell inspector says %q, want it to start %q", cell, want)
	}
	var row string
	for _, r := range e.ui.outline.rows {
		if strings.Contains(r.label, "Books a room") {
			row = r.label
		}
	}
	if !strings.HasSuffix(row, "· Customer actions × Column 1") {
		t.Errorf("outline row %q, want it to name the lane and the column by place", row)
	}
}

// pressTab presses Tab as Fyne's desktop driver does: a focused widget that
// accepts Tab types it, anything else gives the focus to the next one.
func pressTab(e *Editor) {
	c := e.win.Canvas()
	if tb, ok := c.Focused().(fyne.Tabbable); ok && tb.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	c.FocusNext()
}

// TestInspectorTabMovesOn presses Tab at the end of a card's multi-line
// text: the focus moves on to the next field and commits, and no tab is
// typed into the text (the board drew it as a box, and it was saved).
func TestInspectorTabMovesOn(t *testing.T) {
	e, f := editAskText(t)
	e.win.Canvas().Focus(f)
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(f, " now")
	pressTab(e)
	if got := e.Doc().Step("ask").Text; got != "Order a flat white now" {
		t.Errorf("text = %q after Tab, want the typing committed without a tab", got)
	}
	if e.win.Canvas().Focused() == f {
		t.Error("Tab left the focus in the text field")
	}
}
