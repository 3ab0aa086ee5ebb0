package blueprint

import (
	"strings"
	"testing"
)

// workshopStep applies cmd through a History, checks the result with
// check, then checks that undo restores the document to the byte and redo
// gives the edited one back.
func workshopStep(t *testing.T, d *Document, cmd Command, label string, check func(d *Document)) {
	t.Helper()
	h := NewHistory(d)
	before := cmdSnap(t, d)
	if err := h.Apply(cmd); err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	if cmd.Label() != label {
		t.Errorf("label %q, want %q", cmd.Label(), label)
	}
	cmdCheckValid(t, d)
	check(d)
	after := cmdSnap(t, d)
	h.Undo()
	cmdSame(t, "undo "+label, cmdSnap(t, d), before)
	h.Redo()
	cmdSame(t, "redo "+label, cmdSnap(t, d), after)
}

func TestVoteCommands(t *testing.T) {
	d := cmdFixture()
	workshopStep(t, d, AddVotes("greet", 1), "Add vote", func(d *Document) {
		if d.Step("greet").Votes != 1 {
			t.Errorf("votes %d, want 1", d.Step("greet").Votes)
		}
	})
	workshopStep(t, d, SetVotes("serve", 12), "Set votes", func(d *Document) {
		if d.Step("serve").Votes != 12 || d.TotalVotes() != 13 {
			t.Errorf("votes %d, total %d", d.Step("serve").Votes, d.TotalVotes())
		}
	})
	workshopStep(t, d, AddVotes("serve", -1), "Remove vote", func(d *Document) {
		if d.Step("serve").Votes != 11 {
			t.Errorf("votes %d, want 11", d.Step("serve").Votes)
		}
	})
	workshopStep(t, d, ResetVotes(), "Reset votes", func(d *Document) {
		if d.TotalVotes() != 0 {
			t.Errorf("total %d after reset", d.TotalVotes())
		}
	})
	for _, tt := range []struct {
		cmd  Command
		want string
	}{
		{AddVotes("sleep", -1), `step "sleep" has no votes to remove`},
		{SetVotes("sleep", -2), "-2 is negative"},
		{SetVotes("sleep", MaxVotes+1), "cannot have more than 999 votes"},
		{AddVotes("greet", MaxVotes+1), "cannot have more than 999 votes"},
		{SetVotes("nope", 1), `there is no step "nope"`},
		{EditStep("sleep", Step{Lane: "customer", Column: "room", Votes: -1}), "votes -1 is out of range"},
	} {
		before := cmdSnap(t, d)
		if err := NewHistory(d).Apply(tt.cmd); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.cmd.Label(), err, tt.want)
		}
		cmdSame(t, "refused "+tt.cmd.Label(), cmdSnap(t, d), before)
	}
	// Reset with nothing to reset.
	if err := NewHistory(cmdFixture()).Apply(ResetVotes()); err == nil {
		t.Error("reset of a blueprint without votes was applied")
	}
}

func TestQuestionCommands(t *testing.T) {
	d := cmdFixture()
	workshopStep(t, d, AddQuestion(Question{Text: "Who restocks the buffet?", Step: "serve", Kind: QuestionOpen}, -1), "Add question", func(d *Document) {
		if len(d.Questions) != 1 || d.Questions[0].Step != "serve" || d.Questions[0].Kind != "" {
			t.Errorf("questions %+v", d.Questions)
		}
	})
	workshopStep(t, d, AddQuestion(Question{Text: "早餐券", Kind: QuestionIdea}, 0), "Add question", func(d *Document) {
		if len(d.Questions) != 2 || d.Questions[0].Text != "早餐券" {
			t.Errorf("questions %+v", d.Questions)
		}
	})
	workshopStep(t, d, EditQuestion(1, Question{Text: "Who restocks the buffet?", Owner: "Chef", Kind: QuestionAction, Step: "cook"}), "Edit question", func(d *Document) {
		if q := d.Questions[1]; q.Owner != "Chef" || q.Kind != QuestionAction || q.Step != "cook" {
			t.Errorf("question %+v", q)
		}
	})
	// Deleting or renaming a step keeps its questions, unlinked or
	// renamed; undo links them again.
	workshopStep(t, d, RenameStep("cook", "kitchen"), "Rename step", func(d *Document) {
		if d.Questions[1].Step != "kitchen" {
			t.Errorf("question step %q after rename", d.Questions[1].Step)
		}
	})
	workshopStep(t, d, DeleteSteps("kitchen"), "Delete step", func(d *Document) {
		if len(d.Questions) != 2 || d.Questions[1].Step != "" {
			t.Errorf("questions %+v after deleting their step", d.Questions)
		}
	})
	workshopStep(t, d, DeleteLane("backstage"), "Delete lane", func(d *Document) {
		if d.Questions[1].Step != "" {
			t.Errorf("question step %q after deleting its lane", d.Questions[1].Step)
		}
	})
	workshopStep(t, d, DeleteColumn("breakfast"), "Delete column", func(d *Document) {})
	workshopStep(t, d, DeleteQuestion(0), "Delete question", func(d *Document) {
		if len(d.Questions) != 1 || d.Questions[0].Text != "Who restocks the buffet?" {
			t.Errorf("questions %+v", d.Questions)
		}
	})
	for _, tt := range []struct {
		cmd  Command
		want string
	}{
		{AddQuestion(Question{Text: " "}, -1), "the text is empty"},
		{AddQuestion(Question{Text: "Who restocks the buffet?"}, -1), `question 1 already says`},
		{AddQuestion(Question{Text: "x", Step: "nope"}, -1), `there is no step "nope"`},
		{AddQuestion(Question{Text: "x", Kind: "todo"}, -1), `unknown kind "todo"`},
		{AddQuestion(Question{Text: "x", Owner: "a\nb"}, -1), "owner must be a single line"},
		{AddQuestion(Question{Text: "x"}, 7), "out of range"},
		{EditQuestion(5, Question{Text: "x"}), "there is no question 6"},
		{EditQuestion(0, Question{Text: "x", Step: "kitchen"}), `there is no step "kitchen"`},
		{DeleteQuestion(-1), "there is no question 0"},
	} {
		before := cmdSnap(t, d)
		if err := NewHistory(d).Apply(tt.cmd); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.cmd.Label(), err, tt.want)
		}
		cmdSame(t, "refused "+tt.cmd.Label(), cmdSnap(t, d), before)
	}
}
