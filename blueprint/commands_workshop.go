package blueprint

import (
	"fmt"
	"slices"
	"strings"
)

// The workshop commands: dot votes on steps and the parking lot of
// questions. Each Do checks, saves the old value or slice, then changes
// the document; each Undo puts the saved value back.

type setVotes struct {
	id    string
	n     int
	delta bool
	old   int
}

// SetVotes returns a command that sets the dot votes of step id to n
// (0..MaxVotes).
func SetVotes(id string, n int) Command { return &setVotes{id: id, n: n} }

// AddVotes returns a command that adds delta (which may be negative) to
// the dot votes of step id. The count must stay within 0..MaxVotes: a
// step with no votes has none to remove.
func AddVotes(id string, delta int) Command { return &setVotes{id: id, n: delta, delta: true} }

func (c *setVotes) Label() string {
	switch {
	case !c.delta:
		return "Set votes"
	case c.n < 0:
		return "Remove vote"
	}
	return "Add vote"
}

func (c *setVotes) Do(d *Document) error {
	s := d.Step(c.id)
	if s == nil {
		return fmt.Errorf("votes: there is no step %q", c.id)
	}
	n := c.n
	if c.delta {
		n += s.Votes
	}
	switch {
	case n < 0 && c.delta:
		return fmt.Errorf("votes: step %q has no votes to remove", c.id)
	case n < 0:
		return fmt.Errorf("votes: %d is negative", n)
	case n > MaxVotes:
		return fmt.Errorf("votes: step %q cannot have more than %d votes", c.id, MaxVotes)
	}
	c.old, s.Votes = s.Votes, n
	return nil
}

func (c *setVotes) Undo(d *Document) {
	if s := d.Step(c.id); s != nil {
		s.Votes = c.old
	}
}

type resetVotes struct{ old []int }

// ResetVotes returns a command that sets every step's votes to zero, for
// a new round of dot voting. It is refused when no step has votes.
func ResetVotes() Command { return &resetVotes{} }

func (c *resetVotes) Label() string { return "Reset votes" }

func (c *resetVotes) Do(d *Document) error {
	if d.TotalVotes() == 0 {
		return fmt.Errorf("reset votes: no step has votes")
	}
	c.old = make([]int, len(d.Steps))
	for i := range d.Steps {
		c.old[i], d.Steps[i].Votes = d.Steps[i].Votes, 0
	}
	return nil
}

func (c *resetVotes) Undo(d *Document) {
	for i := range min(len(c.old), len(d.Steps)) {
		d.Steps[i].Votes = c.old[i]
	}
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

type addQuestion struct {
	q     Question
	index int
	old   []Question
}

// AddQuestion returns a command that adds q to the parking lot at index
// (-1 = last). Its text must be new and not empty, and its step, when
// set, must exist.
func AddQuestion(q Question, index int) Command {
	return &addQuestion{q: normalQuestion(q), index: index}
}

func (c *addQuestion) Label() string { return "Add question" }

func (c *addQuestion) Do(d *Document) error {
	at, err := cmdIndex("question", c.index, len(d.Questions))
	if err != nil {
		return fmt.Errorf("add question: %w", err)
	}
	if err := cmdCheckQuestion(d, c.q, -1); err != nil {
		return fmt.Errorf("add question: %w", err)
	}
	c.old = d.Questions
	d.Questions = slices.Insert(slices.Clone(d.Questions), at, c.q)
	return nil
}

func (c *addQuestion) Undo(d *Document) { d.Questions = c.old }

type editQuestion struct {
	index int
	q     Question
	old   []Question
}

// EditQuestion returns a command that replaces the question at index with
// q (its comment is kept).
func EditQuestion(index int, q Question) Command {
	return &editQuestion{index: index, q: normalQuestion(q)}
}

func (c *editQuestion) Label() string { return "Edit question" }

func (c *editQuestion) Do(d *Document) error {
	if c.index < 0 || c.index >= len(d.Questions) {
		return fmt.Errorf("edit question: there is no question %d", c.index+1)
	}
	q := c.q
	q.Comment, q.Pos = d.Questions[c.index].Comment, d.Questions[c.index].Pos
	if err := cmdCheckQuestion(d, q, c.index); err != nil {
		return fmt.Errorf("edit question: %w", err)
	}
	c.old = d.Questions
	d.Questions = slices.Clone(d.Questions)
	d.Questions[c.index] = q
	return nil
}

func (c *editQuestion) Undo(d *Document) { d.Questions = c.old }

type deleteQuestion struct {
	index int
	old   []Question
}

// DeleteQuestion returns a command that removes the question at index.
func DeleteQuestion(index int) Command { return &deleteQuestion{index: index} }

func (c *deleteQuestion) Label() string { return "Delete question" }

func (c *deleteQuestion) Do(d *Document) error {
	if c.index < 0 || c.index >= len(d.Questions) {
		return fmt.Errorf("delete question: there is no question %d", c.index+1)
	}
	c.old = d.Questions
	d.Questions = slices.Delete(slices.Clone(d.Questions), c.index, c.index+1)
	if len(d.Questions) == 0 {
		d.Questions = nil
	}
	return nil
}

func (c *deleteQuestion) Undo(d *Document) { d.Questions = c.old }

// cmdUnlinkQuestions clears the step of every question about a step gone
// reports, keeping the questions: they were raised in the workshop even if
// the step is deleted. It returns the questions as they were, or nil when
// none referred to a gone step (then d is unchanged); Undo puts them back.
func cmdUnlinkQuestions(d *Document, gone func(id string) bool) []Question {
	if !slices.ContainsFunc(d.Questions, func(q Question) bool { return q.Step != "" && gone(q.Step) }) {
		return nil
	}
	old := d.Questions
	d.Questions = slices.Clone(old)
	for i := range d.Questions {
		if q := &d.Questions[i]; q.Step != "" && gone(q.Step) {
			q.Step = ""
		}
	}
	return old
}

// cmdRestoreQuestions undoes cmdUnlinkQuestions.
func cmdRestoreQuestions(d *Document, old []Question) {
	if old != nil {
		d.Questions = old
	}
}
