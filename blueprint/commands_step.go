package blueprint

import (
	"fmt"
	"slices"
	"strconv"
)

// cmdCheckStep checks the fields of s other than its id: the lane and
// column it references, the emotion range, the durations and the text.
func cmdCheckStep(d *Document, s *Step) error {
	if d.LaneIndex(s.Lane) < 0 {
		return fmt.Errorf("there is no lane %q", s.Lane)
	}
	if d.ColumnIndex(s.Column) < 0 {
		return fmt.Errorf("there is no column %q", s.Column)
	}
	if s.Emotion < -2 || s.Emotion > 2 {
		return fmt.Errorf("emotion %d is out of range -2..2", s.Emotion)
	}
	if s.Votes < 0 || s.Votes > MaxVotes {
		return fmt.Errorf("votes %d is out of range 0..%d", s.Votes, MaxVotes)
	}
	for _, dur := range []struct {
		name string
		v    Duration
	}{{"duration", s.Duration}, {"wait", s.Wait}} {
		if dur.v < 0 || dur.v > maxDuration {
			return fmt.Errorf("%s %s is out of range", dur.name, dur.v)
		}
	}
	for _, f := range []struct {
		name, v   string
		multiline bool
	}{
		{"text", s.Text, true}, {"owner", s.Owner, false}, {"fail", s.Fail, true},
		{"recovery", s.Recovery, true}, {"notes", s.Notes, true},
	} {
		if err := cmdCheckText(f.name, f.v, f.multiline); err != nil {
			return err
		}
	}
	if err := cmdCheckComment(s.Comment); err != nil {
		return err
	}
	if err := s.Queue.check(); err != nil {
		return err
	}
	if err := checkWaiting(s.Waiting); err != nil {
		return err
	}
	for _, t := range s.Tags {
		if t == "" {
			return fmt.Errorf("a tag is empty")
		}
		if err := cmdCheckText("tag "+strconv.Quote(t), t, false); err != nil {
			return err
		}
	}
	return nil
}

// cmdCellInsertPos returns the index in d.Steps at which a step inserted at
// position index (-1 = last) of the lane × column cell keeps the steps in
// canonical order. The step at index skip (-1 for none) is left out, as if
// it were already removed, and the result is an index in that shorter
// slice.
func cmdCellInsertPos(d *Document, lane, column string, index, skip int) (int, error) {
	var cell []int
	for i, s := range d.Steps {
		if i == skip {
			continue
		}
		if s.Lane == lane && s.Column == column {
			j := i
			if skip >= 0 && i > skip {
				j--
			}
			cell = append(cell, j)
		}
	}
	index, err := cmdIndex("cell position", index, len(cell))
	if err != nil {
		return 0, err
	}
	switch {
	case index < len(cell):
		return cell[index], nil
	case len(cell) > 0:
		return cell[len(cell)-1] + 1, nil
	}
	// An empty cell: before the first step that sorts after it.
	key := cmdStepKeys(d)
	ci, li := key(&Step{Lane: lane, Column: column})
	j := 0
	for i := range d.Steps {
		if i == skip {
			continue
		}
		if c, l := key(&d.Steps[i]); c > ci || (c == ci && l > li) {
			return j, nil
		}
		j++
	}
	return j, nil
}

// UniqueIDs returns one new id for each of texts, as Document.UniqueID
// would, but distinct from each other too: the ids for a batch of steps
// added in one command, such as a paste.
func UniqueIDs(d *Document, texts []string, prefix string) []string {
	taken := make(map[string]bool, len(texts))
	ids := make([]string, len(texts))
	for i, t := range texts {
		base := Slug(t)
		if base == "" {
			base = prefix
		}
		id := base
		for n := 2; taken[id] || cmdIDUsed(d, id); n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		taken[id] = true
		ids[i] = id
	}
	return ids
}

type addStep struct {
	step     Step
	index    int
	pos      int
	unsorted []Step
}

// AddStep returns a command that adds s to its lane × column cell at
// position index within the cell (0 = top, -1 = last). When s.ID is empty
// the step gets an id made from its text by Document.UniqueID.
func AddStep(s Step, index int) Command {
	s.Tags = slices.Clone(s.Tags)
	s.Waiting = slices.Clone(s.Waiting)
	return &addStep{step: s, index: index}
}

func (c *addStep) Label() string { return "Add step" }

func (c *addStep) Do(d *Document) error {
	s := c.step
	if s.ID == "" {
		s.ID = d.UniqueID(s.Text, "step")
	} else if err := cmdCheckNewID(d, s.ID); err != nil {
		return fmt.Errorf("add step: %w", err)
	}
	if err := cmdCheckStep(d, &s); err != nil {
		return fmt.Errorf("add step %q: %w", s.ID, err)
	}
	pos, err := cmdCellInsertPos(d, s.Lane, s.Column, c.index, -1)
	if err != nil {
		return fmt.Errorf("add step %q: %w", s.ID, err)
	}
	c.step, c.pos = s, pos
	d.Steps = slices.Insert(d.Steps, pos, s)
	c.unsorted = cmdSortSteps(d)
	return nil
}

func (c *addStep) Undo(d *Document) {
	cmdUnsortSteps(d, &c.unsorted)
	d.Steps = cmdDelete(d.Steps, c.pos)
}

type moveStep struct {
	id, lane, column string
	index            int

	from, to           int
	oldLane, oldColumn string
	unsorted           []Step
}

// MoveStep returns a command that moves the step id to the lane × column
// cell, at position index within that cell (0 = top, -1 = last), counted
// without the moved step.
func MoveStep(id, lane, column string, index int) Command {
	return &moveStep{id: id, lane: lane, column: column, index: index}
}

func (c *moveStep) Label() string { return "Move step" }

func (c *moveStep) Do(d *Document) error {
	i := d.StepIndex(c.id)
	if i < 0 {
		return fmt.Errorf("move step: there is no step %q", c.id)
	}
	if d.LaneIndex(c.lane) < 0 {
		return fmt.Errorf("move step %q: there is no lane %q", c.id, c.lane)
	}
	if d.ColumnIndex(c.column) < 0 {
		return fmt.Errorf("move step %q: there is no column %q", c.id, c.column)
	}
	to, err := cmdCellInsertPos(d, c.lane, c.column, c.index, i)
	if err != nil {
		return fmt.Errorf("move step %q: %w", c.id, err)
	}
	c.from, c.to = i, to
	c.oldLane, c.oldColumn = d.Steps[i].Lane, d.Steps[i].Column
	cmdMove(d.Steps, i, to)
	d.Steps[to].Lane, d.Steps[to].Column = c.lane, c.column
	c.unsorted = cmdSortSteps(d)
	return nil
}

func (c *moveStep) Undo(d *Document) {
	cmdUnsortSteps(d, &c.unsorted)
	if c.to < len(d.Steps) {
		d.Steps[c.to].Lane, d.Steps[c.to].Column = c.oldLane, c.oldColumn
	}
	cmdMove(d.Steps, c.to, c.from)
}

type editStep struct {
	id   string
	step Step

	from, to int
	old      Step
	unsorted []Step
}

// EditStep returns a command that replaces every field of the step id with
// those of s, except its id and source position. A step given a new lane or
// column moves to the bottom of that cell.
func EditStep(id string, s Step) Command {
	s.Tags = slices.Clone(s.Tags)
	s.Waiting = slices.Clone(s.Waiting)
	return &editStep{id: id, step: s}
}

func (c *editStep) Label() string { return "Edit step" }

func (c *editStep) Do(d *Document) error {
	i := d.StepIndex(c.id)
	if i < 0 {
		return fmt.Errorf("edit step: there is no step %q", c.id)
	}
	old := d.Steps[i]
	s := c.step
	s.ID, s.Pos = old.ID, old.Pos
	if err := cmdCheckStep(d, &s); err != nil {
		return fmt.Errorf("edit step %q: %w", c.id, err)
	}
	moved := s.Lane != old.Lane || s.Column != old.Column
	to := i
	if moved {
		var err error
		if to, err = cmdCellInsertPos(d, s.Lane, s.Column, -1, i); err != nil {
			return fmt.Errorf("edit step %q: %w", c.id, err)
		}
	}
	c.from, c.to, c.old = i, to, old
	cmdMove(d.Steps, i, to)
	d.Steps[to] = s
	if moved {
		c.unsorted = cmdSortSteps(d)
	}
	return nil
}

func (c *editStep) Undo(d *Document) {
	cmdUnsortSteps(d, &c.unsorted)
	if c.to < len(d.Steps) {
		d.Steps[c.to] = c.old
	}
	cmdMove(d.Steps, c.to, c.from)
}

type deleteSteps struct {
	ids       []string
	steps     removal[Step]
	flows     removal[Flow]
	questions []Question
}

// DeleteSteps returns a command that deletes the steps with the given ids
// and every flow from or to them; questions about them lose their step.
func DeleteSteps(ids ...string) Command {
	return &deleteSteps{ids: slices.Clone(ids)}
}

func (c *deleteSteps) Label() string { return countLabel("Delete", len(c.ids), "step", "steps") }

func (c *deleteSteps) Do(d *Document) error {
	if len(c.ids) == 0 {
		return fmt.Errorf("delete steps: no step given")
	}
	set := make(map[string]bool, len(c.ids))
	for _, id := range c.ids {
		if d.StepIndex(id) < 0 {
			return fmt.Errorf("delete steps: there is no step %q", id)
		}
		if set[id] {
			return fmt.Errorf("delete steps: step %q is listed twice", id)
		}
		set[id] = true
	}
	d.Steps, c.steps = cmdRemove(d.Steps, func(s Step) bool { return set[s.ID] })
	d.Flows, c.flows = cmdRemove(d.Flows, func(f Flow) bool { return set[f.From] || set[f.To] })
	c.questions = cmdUnlinkQuestions(d, func(id string) bool { return set[id] })
	return nil
}

func (c *deleteSteps) Undo(d *Document) {
	cmdRestoreQuestions(d, c.questions)
	d.Flows = c.flows.restore(d.Flows)
	d.Steps = c.steps.restore(d.Steps)
}

type renameStep struct {
	old, new  string
	questions []Question

	index    int
	from, to []int
}

// RenameStep returns a command that changes the id of the step old to new,
// and every flow's and question's reference to it.
func RenameStep(old, new string) Command {
	return &renameStep{old: old, new: new}
}

func (c *renameStep) Label() string { return "Rename step" }

func (c *renameStep) Do(d *Document) error {
	i := d.StepIndex(c.old)
	if i < 0 {
		return fmt.Errorf("rename step: there is no step %q", c.old)
	}
	if err := cmdCheckNewID(d, c.new); err != nil {
		return fmt.Errorf("rename step %q: %w", c.old, err)
	}
	c.index, c.from, c.to = i, nil, nil
	d.Steps[i].ID = c.new
	for j := range d.Flows {
		f := &d.Flows[j]
		if f.From == c.old {
			f.From = c.new
			c.from = append(c.from, j)
		}
		if f.To == c.old {
			f.To = c.new
			c.to = append(c.to, j)
		}
	}
	c.questions = nil
	if slices.ContainsFunc(d.Questions, func(q Question) bool { return q.Step == c.old }) {
		c.questions = d.Questions
		d.Questions = slices.Clone(d.Questions)
		for j := range d.Questions {
			if d.Questions[j].Step == c.old {
				d.Questions[j].Step = c.new
			}
		}
	}
	return nil
}

func (c *renameStep) Undo(d *Document) {
	cmdRestoreQuestions(d, c.questions)
	if c.index < len(d.Steps) {
		d.Steps[c.index].ID = c.old
	}
	for _, j := range c.from {
		if j < len(d.Flows) {
			d.Flows[j].From = c.old
		}
	}
	for _, j := range c.to {
		if j < len(d.Flows) {
			d.Flows[j].To = c.old
		}
	}
}
