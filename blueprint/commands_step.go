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
	if err := CheckImagePath(s.Image); err != nil {
		return fmt.Errorf("image %q: %w", s.Image, err)
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
// added in one command, such as a paste. Like UniqueID it avoids the ids
// of every kind of element, though the file format only needs an id to be
// unique among its own kind.
func UniqueIDs(d *Document, texts []string, prefix string) []string {
	used := d.usedIDs()
	ids := make([]string, len(texts))
	for i, t := range texts {
		base := Slug(t)
		if base == "" {
			base = prefix
		}
		id := base
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		ids[i] = id
	}
	return ids
}

// AddStep returns a command that adds s to its lane × column cell at
// position index within the cell (0 = top, -1 = last). When s.ID is empty
// the step gets an id made from its text by Document.UniqueID.
func AddStep(s Step, index int) Command {
	s.Tags = slices.Clone(s.Tags)
	s.Waiting = slices.Clone(s.Waiting)
	return CommandFunc("Add step", func(d *Document) error {
		s := s
		if s.ID == "" {
			s.ID = d.UniqueID(s.Text, "step")
		} else if err := checkIDSyntax(s.ID); err != nil {
			return fmt.Errorf("add step: %w", err)
		}
		if err := cmdCheckStep(d, &s); err != nil {
			return fmt.Errorf("add step %q: %w", s.ID, err)
		}
		pos, err := cmdCellInsertPos(d, s.Lane, s.Column, index, -1)
		if err != nil {
			return fmt.Errorf("add step %q: %w", s.ID, err)
		}
		d.Steps = inserted(d.Steps, pos, s)
		sortSteps(d)
		return nil
	})
}

// MoveStep returns a command that moves the step id to the lane × column
// cell, at position index within that cell (0 = top, -1 = last), counted
// without the moved step.
func MoveStep(id, lane, column string, index int) Command {
	return CommandFunc("Move step", func(d *Document) error {
		i := d.StepIndex(id)
		if i < 0 {
			return fmt.Errorf("move step: there is no step %q", id)
		}
		if d.LaneIndex(lane) < 0 {
			return fmt.Errorf("move step %q: there is no lane %q", id, lane)
		}
		if d.ColumnIndex(column) < 0 {
			return fmt.Errorf("move step %q: there is no column %q", id, column)
		}
		to, err := cmdCellInsertPos(d, lane, column, index, i)
		if err != nil {
			return fmt.Errorf("move step %q: %w", id, err)
		}
		d.Steps = moved(d.Steps, i, to)
		d.Steps[to].Lane, d.Steps[to].Column = lane, column
		sortSteps(d)
		return nil
	})
}

// EditStep returns a command that replaces every field of the step id with
// those of s, except its id and source position. A step given a new lane or
// column moves to the bottom of that cell.
func EditStep(id string, s Step) Command {
	s.Tags = slices.Clone(s.Tags)
	s.Waiting = slices.Clone(s.Waiting)
	return CommandFunc("Edit step", func(d *Document) error {
		i := d.StepIndex(id)
		if i < 0 {
			return fmt.Errorf("edit step: there is no step %q", id)
		}
		old := &d.Steps[i]
		s := s
		s.ID, s.Pos = old.ID, old.Pos
		if err := cmdCheckStep(d, &s); err != nil {
			return fmt.Errorf("edit step %q: %w", id, err)
		}
		if s.Lane == old.Lane && s.Column == old.Column {
			d.Steps = replaced(d.Steps, i, s)
			return nil
		}
		to, err := cmdCellInsertPos(d, s.Lane, s.Column, -1, i)
		if err != nil {
			return fmt.Errorf("edit step %q: %w", id, err)
		}
		d.Steps = moved(d.Steps, i, to)
		d.Steps[to] = s
		sortSteps(d)
		return nil
	})
}

// DeleteSteps returns a command that deletes the steps with the given ids
// and every flow from or to them; questions about them lose their step.
func DeleteSteps(ids ...string) Command {
	ids = slices.Clone(ids)
	return CommandFunc(countLabel("Delete", len(ids), "step", "steps"), func(d *Document) error {
		if len(ids) == 0 {
			return fmt.Errorf("delete steps: no step given")
		}
		set := make(map[string]bool, len(ids))
		for _, id := range ids {
			if d.StepIndex(id) < 0 {
				return fmt.Errorf("delete steps: there is no step %q", id)
			}
			if set[id] {
				return fmt.Errorf("delete steps: step %q is listed twice", id)
			}
			set[id] = true
		}
		d.Steps = removed(d.Steps, func(s *Step) bool { return set[s.ID] })
		d.Flows = removed(d.Flows, func(f *Flow) bool { return set[f.From] || set[f.To] })
		unlinkQuestions(d, func(id string) bool { return set[id] })
		return nil
	})
}

// RenameStep returns a command that changes the id of the step old to new,
// and every flow's and question's reference to it.
func RenameStep(old, new string) Command {
	return CommandFunc("Rename step", func(d *Document) error {
		i := d.StepIndex(old)
		if i < 0 {
			return fmt.Errorf("rename step: there is no step %q", old)
		}
		if err := checkIDSyntax(new); err != nil {
			return fmt.Errorf("rename step %q: %w", old, err)
		}
		if new == old {
			return fmt.Errorf("rename step %q: that is its id already", old)
		}
		s := d.Steps[i]
		s.ID = new
		d.Steps = replaced(d.Steps, i, s)
		if slices.ContainsFunc(d.Flows, func(f Flow) bool { return f.From == old || f.To == old }) {
			flows := slices.Clone(d.Flows)
			for j := range flows {
				if flows[j].From == old {
					flows[j].From = new
				}
				if flows[j].To == old {
					flows[j].To = new
				}
			}
			d.Flows = flows
		}
		if slices.ContainsFunc(d.Questions, func(q Question) bool { return q.Step == old }) {
			qs := slices.Clone(d.Questions)
			for j := range qs {
				if qs[j].Step == old {
					qs[j].Step = new
				}
			}
			d.Questions = qs
		}
		return nil
	})
}
