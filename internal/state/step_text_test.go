package state

import (
	"testing"

	"servicebp/blueprint"
)

// TestPlanStepText edits the text of steps whose ids the editor made from
// their first text: in an untitled blueprint the id follows the new text,
// with its flows and questions, in one undo step; an id the user chose,
// a text that gives the same id, and a saved blueprint keep the id.
func TestPlanStepText(t *testing.T) {
	d := blueprint.New("", blueprint.EnglishNames)
	h := blueprint.NewHistory(d)
	for _, c := range []blueprint.Command{
		blueprint.AddStep(blueprint.Step{ID: "chek-in", Lane: "customer", Column: "column", Text: "Chek in"}, -1),
		blueprint.AddStep(blueprint.Step{ID: "check-in", Lane: "frontstage", Column: "column", Text: "Check in"}, -1),
		blueprint.AddStep(blueprint.Step{ID: "desk", Lane: "backstage", Column: "column", Text: "Front desk"}, -1),
		blueprint.AddStep(blueprint.Step{ID: "step-2", Lane: "support", Column: "column", Text: "…"}, -1),
		blueprint.AddFlow(blueprint.Flow{From: "chek-in", To: "desk"}),
		blueprint.AddQuestion(blueprint.Question{Text: "Why?", Step: "chek-in"}, -1),
	} {
		if err := h.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	step := func(id string) blueprint.Step { return *h.Doc().Step(id) }

	if p := PlanStepText(h.Doc(), false, step("chek-in"), "Check in at the desk"); p.ID != "chek-in" {
		t.Errorf("a saved blueprint's step id changed to %q", p.ID)
	}
	p := PlanStepText(h.Doc(), true, step("chek-in"), "Check in")
	if p.ID != "check-in-2" {
		t.Fatalf("planned id %q, want check-in-2 (check-in is taken)", p.ID)
	}
	if err := h.Apply(p.Command); err != nil {
		t.Fatal(err)
	}
	d = h.Doc()
	if s := d.Step("check-in-2"); s == nil || s.Text != "Check in" || d.Flows[0].From != "check-in-2" || d.Questions[0].Step != "check-in-2" {
		t.Errorf("steps %v, flows %v, questions %v", d.Steps, d.Flows, d.Questions)
	}
	h.Undo()
	if h.Doc().Step("chek-in") == nil || h.Doc().Step("chek-in").Text != "Chek in" {
		t.Error("the text and the id change are not one undo step")
	}
	for _, c := range []struct {
		id, text string
	}{
		{"desk", "Front desk clerk"}, // chosen by the user
		{"check-in", "Check-in"},     // the same id again
		{"step-2", "Guest arrives"},  // made up: follows
		{"check-in", "   "},          // no letters: keeps
	} {
		p := PlanStepText(h.Doc(), true, step(c.id), c.text)
		want := c.id
		if c.id == "step-2" {
			want = "guest-arrives"
		}
		if p.ID != want {
			t.Errorf("%s → %q: id %q, want %q", c.id, c.text, p.ID, want)
		}
	}
}
