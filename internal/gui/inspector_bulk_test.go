package gui

import (
	"slices"
	"testing"

	"servicebp/internal/state"
)

// TestBulkEditSelectedCards selects three cards and sets their owner,
// phase, tags, moment of truth and emotion from the inspector: each
// change reaches every card as one undo step.
func TestBulkEditSelectedCards(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	ids := []string{"ask", "tap-card", "enjoy"}
	e.SetSelection(state.StepSelection(ids...))
	f := &e.ui.inspector.bulk
	if e.ui.inspector.shown != f.form {
		t.Fatal("the inspector shows no form for several cards")
	}
	if got := e.ui.inspector.heading.Text; got != "3 steps selected" {
		t.Errorf("heading %q", got)
	}
	if f.phase.PlaceHolder != "(mixed)" {
		t.Errorf("the phases differ (Buy, none) but the field shows %q / %q", f.phase.Text, f.phase.PlaceHolder)
	}
	undos := 0
	edit := func(what string, do func()) {
		t.Helper()
		before := e.store.History().UndoLabel()
		n := len(e.store.History().Doc().Steps)
		do()
		if e.store.History().UndoLabel() == before && n == len(e.Doc().Steps) && !e.Dirty() {
			t.Fatalf("%s changed nothing", what)
		}
		undos++
	}
	edit("owner", func() { replaceText(e, f.owner, "Barista"); key(e, "Return") })
	edit("tags", func() { replaceText(e, f.tags, "rush, ,morning, rush"); key(e, "Return") })
	edit("phase", func() { replaceText(e, f.phase, "Visit"); key(e, "Return") })
	edit("moment", func() { f.moment.SetChecked(true) })
	edit("emotion", func() { f.emotion.SetSelectedIndex(4) })
	d := e.Doc()
	for _, id := range ids {
		s := d.Step(id)
		if s.Owner != "Barista" || !slices.Equal(s.Tags, []string{"rush", "morning"}) || !s.Moment || s.Emotion != 2 {
			t.Errorf("step %s: owner %q tags %v moment %v emotion %d", id, s.Owner, s.Tags, s.Moment, s.Emotion)
		}
		if c := d.Column(s.Column); c.Phase != "Visit" {
			t.Errorf("step %s: column %s has phase %q", id, c.ID, c.Phase)
		}
	}
	if d.Step("take-order").Owner == "Barista" && d.Step("take-order").Moment {
		t.Error("a card outside the selection changed")
	}
	for range undos {
		e.undo()
	}
	if e.Dirty() {
		t.Errorf("%d undos do not return to the saved state: each change must be one undo step", undos)
	}
}
