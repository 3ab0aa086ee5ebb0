package blueprint

import (
	"fmt"
	"slices"
	"strings"
)

// The workshop commands: dot votes on steps and the parking lot of
// questions. Like every command they are functions of the document that
// replace the slices they change (see commands.go); History keeps the
// earlier states.

// SetVotes returns a command that sets the dot votes of step id to n
// (0..MaxVotes).
func SetVotes(id string, n int) Command {
	return CommandFunc("Set votes", func(d *Document) error { return setVotes(d, id, n, false) })
}

// AddVotes returns a command that adds delta (which may be negative) to
// the dot votes of step id. The count must stay within 0..MaxVotes: a
// step with no votes has none to remove.
func AddVotes(id string, delta int) Command {
	label := "Add vote"
	if delta < 0 {
		label = "Remove vote"
	}
	return CommandFunc(label, func(d *Document) error { return setVotes(d, id, delta, true) })
}

// setVotes sets (or, with add, changes by n) the votes of step id.
func setVotes(d *Document, id string, n int, add bool) error {
	i := d.StepIndex(id)
	if i < 0 {
		return fmt.Errorf("votes: there is no step %q", id)
	}
	if add {
		n += d.Steps[i].Votes
	}
	switch {
	case n < 0 && add:
		return fmt.Errorf("votes: step %q has no votes to remove", id)
	case n < 0:
		return fmt.Errorf("votes: %d is negative", n)
	case n > MaxVotes:
		return fmt.Errorf("votes: step %q cannot have more than %d votes", id, MaxVotes)
	}
	s := d.Steps[i]
	s.Votes = n
	d.Steps = replaced(d.Steps, i, s)
	return nil
}

// ResetVotes returns a command that sets every step's votes to zero, for
// a new round of dot voting. It is refused when no step has votes.
func ResetVotes() Command {
	return CommandFunc("Reset votes", func(d *Document) error {
		if d.TotalVotes() == 0 {
			return fmt.Errorf("reset votes: no step has votes")
		}
		steps := slices.Clone(d.Steps)
		for i := range steps {
			steps[i].Votes = 0
		}
		d.Steps = steps
		return nil
	})
}

// cmdCheckQuestion checks a question for d, skipping the question at index
// skip (-1 for none) in the uniqueness check.
func cmdCheckQuestion(d *Document, q Question, skip int) error {
	if strings.TrimSpace(q.Text) == "" {
		return fmt.Errorf("the text is empty")
	}
	if err := cmdCheckText("text", q.Text, true); err != nil {
		return err
	}
	if err := cmdCheckText("owner", q.Owner, false); err != nil {
		return err
	}
	if err := cmdCheckComment(q.Comment); err != nil {
		return err
	}
	if q.Step != "" && d.StepIndex(q.Step) < 0 {
		return fmt.Errorf("there is no step %q", q.Step)
	}
	if q.Kind != "" && !slices.Contains(QuestionKinds, q.Kind) {
		return fmt.Errorf("unknown kind %q", q.Kind)
	}
	if i := d.QuestionIndex(q.Text); i >= 0 && i != skip {
		return fmt.Errorf("question %d already says %q", i+1, clip(q.Text, 40))
	}
	return nil
}

// normalQuestion keeps the default kind as "", as the loader does.
func normalQuestion(q Question) Question {
	if q.Kind == QuestionOpen {
		q.Kind = ""
	}
	q.Pos = Pos{}
	return q
}

// AddQuestion returns a command that adds q to the parking lot at index
// (-1 = last). Its text must be new and not empty, and its step, when
// set, must exist.
func AddQuestion(q Question, index int) Command {
	q = normalQuestion(q)
	return CommandFunc("Add question", func(d *Document) error {
		at, err := cmdIndex("question", index, len(d.Questions))
		if err != nil {
			return fmt.Errorf("add question: %w", err)
		}
		if err := cmdCheckQuestion(d, q, -1); err != nil {
			return fmt.Errorf("add question: %w", err)
		}
		d.Questions = inserted(d.Questions, at, q)
		return nil
	})
}

// EditQuestion returns a command that replaces the question at index with
// q (its comment is kept).
func EditQuestion(index int, q Question) Command {
	q = normalQuestion(q)
	return CommandFunc("Edit question", func(d *Document) error {
		if index < 0 || index >= len(d.Questions) {
			return fmt.Errorf("edit question: there is no question %d", index+1)
		}
		q := q
		q.Comment, q.Pos = d.Questions[index].Comment, d.Questions[index].Pos
		if err := cmdCheckQuestion(d, q, index); err != nil {
			return fmt.Errorf("edit question: %w", err)
		}
		d.Questions = replaced(d.Questions, index, q)
		return nil
	})
}

// DeleteQuestion returns a command that removes the question at index.
func DeleteQuestion(index int) Command {
	return CommandFunc("Delete question", func(d *Document) error {
		if index < 0 || index >= len(d.Questions) {
			return fmt.Errorf("delete question: there is no question %d", index+1)
		}
		d.Questions = slices.Delete(slices.Clone(d.Questions), index, index+1)
		if len(d.Questions) == 0 {
			d.Questions = nil
		}
		return nil
	})
}

// unlinkQuestions clears the step of every question about a step gone
// reports, keeping the questions: they were raised in the workshop even if
// the step is deleted. d.Questions is replaced only when one changes.
func unlinkQuestions(d *Document, gone func(id string) bool) {
	if !slices.ContainsFunc(d.Questions, func(q Question) bool { return q.Step != "" && gone(q.Step) }) {
		return
	}
	qs := slices.Clone(d.Questions)
	for i := range qs {
		if qs[i].Step != "" && gone(qs[i].Step) {
			qs[i].Step = ""
		}
	}
	d.Questions = qs
}
