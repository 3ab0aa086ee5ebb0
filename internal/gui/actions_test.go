package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/internal/state"
)

func TestInsertStepAndType(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.SetSelection(state.StepSelection("tap-card"))
	press(e, ctrlKey(fyne.KeyReturn, false))
	id := e.Selection().One(state.SelectSteps)
	s := e.Doc().Step(id)
	if s == nil || s.Lane != "customer" || s.Column != "pay" {
		t.Fatalf("new step %+v, want one in customer × pay", s)
	}
	f := e.ui.inspector.step.text
	if e.win.Canvas().Focused() != f {
		t.Fatal("the text field does not have focus after Insert > Step")
	}
	test.Type(f, "Show receipt")
	key(e, fyne.KeyReturn)
	if got := e.Doc().Step(id).Text; got != "Show receipt" {
		t.Errorf("text = %q", got)
	}
	e.win.Canvas().Unfocus()
	press(e, &fyne.ShortcutUndo{})
	press(e, &fyne.ShortcutUndo{})
	if e.Doc().Step(id) != nil || e.Dirty() {
		t.Error("two undos do not remove the typed new step")
	}
}

func TestInsertAndDeleteActions(t *testing.T) {
	for _, tc := range []struct {
		name   string
		sel    state.Selection
		action func(e *Editor)
		check  func(t *testing.T, e *Editor)
	}{
		{"column before", state.Selection{Kind: state.SelectColumn, IDs: []string{"pay"}}, func(e *Editor) { e.insertColumn(false) }, func(t *testing.T, e *Editor) {
			d := e.Doc()
			if len(d.Columns) != 4 || d.Columns[2].ID != "pay" || d.Columns[1].Phase != "Buy" {
				t.Errorf("columns %+v", d.Columns)
			}
		}},
		{"column after", state.StepSelection("enjoy"), func(e *Editor) { e.insertColumn(true) }, func(t *testing.T, e *Editor) {
			d := e.Doc()
			if len(d.Columns) != 4 || d.Columns[2].ID != "drink" {
				t.Errorf("columns %+v", d.Columns)
			}
		}},
		{"lane", state.Selection{Kind: state.SelectLane, IDs: []string{"customer"}}, (*Editor).insertLane, func(t *testing.T, e *Editor) {
			d := e.Doc()
			if len(d.Lanes) != 6 || d.Lanes[2].Name != "New lane" {
				t.Errorf("lanes %+v", d.Lanes)
			}
		}},
		{"flow", state.StepSelection("tap-card", "enjoy"), (*Editor).insertFlow, func(t *testing.T, e *Editor) {
			if e.Doc().FlowIndex("tap-card", "enjoy") < 0 {
				t.Error("no flow tap-card → enjoy")
			}
		}},
		{"delete steps", state.StepSelection("ask", "enjoy"), (*Editor).deleteSelection, func(t *testing.T, e *Editor) {
			d := e.Doc()
			if len(d.Steps) != 2 || len(d.Flows) != 0 {
				t.Errorf("%d steps and %d flows left", len(d.Steps), len(d.Flows))
			}
		}},
		{"delete column", state.Selection{Kind: state.SelectColumn, IDs: []string{"pay"}}, (*Editor).deleteSelection, func(t *testing.T, e *Editor) {
			if e.Doc().ColumnIndex("pay") >= 0 || e.Doc().Step("tap-card") != nil {
				t.Error("column pay or its step is still there")
			}
		}},
		{"delete flow", state.Selection{Kind: state.SelectFlow, IDs: []string{"ask", "take-order"}}, (*Editor).deleteSelection, func(t *testing.T, e *Editor) {
			if len(e.Doc().Flows) != 0 {
				t.Error("flow not deleted")
			}
		}},
		{"duplicate", state.StepSelection("ask", "enjoy"), (*Editor).duplicateSelection, func(t *testing.T, e *Editor) {
			if len(e.Doc().Steps) != 6 || len(e.Selection().IDs) != 2 || e.Selection().IDs[0] == "ask" {
				t.Errorf("%d steps, selection %v", len(e.Doc().Steps), e.Selection())
			}
		}},
		{"duplicate with the flow between", state.StepSelection("ask", "take-order"), (*Editor).duplicateSelection, func(t *testing.T, e *Editor) {
			d, sel := e.Doc(), e.Selection()
			if len(d.Steps) != 6 || len(sel.IDs) != 2 || sel.IDs[0] == "ask" {
				t.Fatalf("%d steps, selection %v", len(d.Steps), sel)
			}
			if d.FlowIndex(sel.IDs[0], sel.IDs[1]) < 0 || len(d.Flows) != 2 {
				t.Errorf("flows after duplicating: %+v", d.Flows)
			}
			if a, c := d.Step(sel.IDs[0]), d.Step(sel.IDs[1]); a.Lane != "customer" || a.Column != "order" || c.Lane != "frontstage" || c.Column != "order" {
				t.Errorf("copies in %s × %s and %s × %s, want the originals' cells", a.Lane, a.Column, c.Lane, c.Column)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := testEditor(t, "coffee.yaml")
			before := e.Doc().Clone()
			e.SetSelection(tc.sel)
			tc.action(e)
			tc.check(t, e)
			e.win.Canvas().Unfocus()
			press(e, &fyne.ShortcutUndo{})
			if e.Dirty() || e.store.History().CanUndo() {
				t.Errorf("the action took more than one undo step")
			}
			if len(e.Doc().Steps) != len(before.Steps) || len(e.Doc().Columns) != len(before.Columns) ||
				len(e.Doc().Lanes) != len(before.Lanes) || len(e.Doc().Flows) != len(before.Flows) {
				t.Error("undo did not restore the blueprint")
			}
		})
	}
}

func TestInsertPhase(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.SetSelection(state.Selection{Kind: state.SelectColumn, IDs: []string{"drink"}})
	e.insertPhase()
	entry := e.win.Canvas().Focused()
	if entry == nil || e.question == nil {
		t.Fatal("no phase name dialog")
	}
	test.Type(entry, "Enjoy")
	answer(t, e, "OK")
	if got := e.Doc().Column("drink").Phase; got != "Enjoy" {
		t.Errorf("phase = %q", got)
	}
}

func TestSelectAllWithNothingFocused(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	press(e, &fyne.ShortcutSelectAll{})
	if s := e.Selection(); s.Kind != state.SelectSteps || len(s.IDs) != 4 {
		t.Errorf("selection = %v, want the 4 steps", s)
	}
}

func TestOutlineSelects(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	o := e.ui.outline
	for i, r := range o.rows {
		if r.sel.One(state.SelectSteps) == "enjoy" {
			o.list.Select(i)
		}
	}
	if e.Selection().One(state.SelectSteps) != "enjoy" {
		t.Errorf("selection = %v", e.Selection())
	}
	if e.ui.inspector.step.text.Text != "Enjoy the coffee" {
		t.Errorf("inspector shows %q", e.ui.inspector.step.text.Text)
	}
}
