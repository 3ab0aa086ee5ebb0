package blueprint

import (
	"fmt"
	"slices"
)

// cmdNormLane fills an empty kind and name as the loader does (the kind
// named by the id, the kind's English name) and checks the result.
func cmdNormLane(l *Lane) error {
	if l.Kind == "" {
		l.Kind = defaultLaneKind(l.ID)
	}
	if !slices.Contains(LaneKinds, l.Kind) {
		return fmt.Errorf("unknown lane kind %q", l.Kind)
	}
	if l.Name == "" {
		l.Name = defaultLaneName(*l)
	}
	if err := cmdCheckText("name", l.Name, false); err != nil {
		return err
	}
	return cmdCheckComment(l.Comment)
}

type addLane struct {
	lane  Lane
	index int
	pos   int
}

// AddLane returns a command that inserts l so that it becomes lane number
// index (0 = top, -1 = bottom). An empty id becomes the lane's kind when
// that is free, or an id made from its name; an empty kind and name get
// the defaults of the file format.
func AddLane(l Lane, index int) Command {
	return &addLane{lane: l, index: index}
}

func (c *addLane) Label() string { return "Add lane" }

func (c *addLane) Do(d *Document) error {
	l := c.lane
	if l.ID == "" {
		if l.Kind != "" && l.Kind != LaneCustom && !cmdIDUsed(d, string(l.Kind)) {
			l.ID = string(l.Kind)
		} else {
			l.ID = d.UniqueID(l.Name, "lane")
		}
	} else if err := cmdCheckNewID(d, l.ID); err != nil {
		return fmt.Errorf("add lane: %w", err)
	}
	if err := cmdNormLane(&l); err != nil {
		return fmt.Errorf("add lane %q: %w", l.ID, err)
	}
	pos, err := cmdIndex("lane index", c.index, len(d.Lanes))
	if err != nil {
		return fmt.Errorf("add lane %q: %w", l.ID, err)
	}
	c.lane, c.pos = l, pos
	d.Lanes = slices.Insert(d.Lanes, pos, l)
	return nil
}

func (c *addLane) Undo(d *Document) {
	d.Lanes = cmdDelete(d.Lanes, c.pos)
}

type editLane struct {
	id    string
	lane  Lane
	label string
	// nameOnly keeps the kind and comment: RenameLane.
	nameOnly bool

	pos int
	old Lane
}

// RenameLane returns a command that changes the display name of the lane
// id; an empty name restores the default name of its kind.
func RenameLane(id, name string) Command {
	return &editLane{id: id, lane: Lane{Name: name}, label: "Rename lane", nameOnly: true}
}

// EditLane returns a command that replaces the name, kind and comment of
// the lane id with those of l; its id and source position stay. An empty
// kind or name gets the file format's default.
func EditLane(id string, l Lane) Command {
	return &editLane{id: id, lane: l, label: "Edit lane"}
}

func (c *editLane) Label() string { return c.label }

func (c *editLane) Do(d *Document) error {
	i := d.LaneIndex(c.id)
	if i < 0 {
		return fmt.Errorf("edit lane: there is no lane %q", c.id)
	}
	old := d.Lanes[i]
	l := c.lane
	if c.nameOnly {
		l.Kind, l.Comment = old.Kind, old.Comment
	}
	l.ID, l.Pos = old.ID, old.Pos
	if err := cmdNormLane(&l); err != nil {
		return fmt.Errorf("edit lane %q: %w", c.id, err)
	}
	c.pos, c.old = i, old
	d.Lanes[i] = l
	return nil
}

func (c *editLane) Undo(d *Document) {
	if c.pos < len(d.Lanes) {
		d.Lanes[c.pos] = c.old
	}
}

type moveLane struct {
	id       string
	index    int
	from, to int
	unsorted []Step
}

// MoveLane returns a command that moves the lane id so that it becomes lane
// number index (0 = top, -1 = bottom). Its steps move with it, and each
// line stays below the lane it is below, so a move that would leave a line
// below the bottom lane is refused.
func MoveLane(id string, index int) Command {
	return &moveLane{id: id, index: index}
}

func (c *moveLane) Label() string { return "Move lane" }

func (c *moveLane) Do(d *Document) error {
	i := d.LaneIndex(c.id)
	if i < 0 {
		return fmt.Errorf("move lane: there is no lane %q", c.id)
	}
	to, err := cmdIndex("lane index", c.index, len(d.Lanes)-1)
	if err != nil {
		return fmt.Errorf("move lane %q: %w", c.id, err)
	}
	last := d.Lanes[len(d.Lanes)-1].ID
	switch {
	case to == len(d.Lanes)-1:
		last = c.id
	case i == len(d.Lanes)-1:
		last = d.Lanes[len(d.Lanes)-2].ID
	}
	for _, ln := range d.Lines {
		if ln.Below == last {
			return fmt.Errorf("move lane %q: line %q would be below the bottom lane %q", c.id, ln.ID, last)
		}
	}
	c.from, c.to = i, to
	cmdMove(d.Lanes, i, to)
	c.unsorted = cmdSortSteps(d)
	return nil
}

func (c *moveLane) Undo(d *Document) {
	cmdUnsortSteps(d, &c.unsorted)
	cmdMove(d.Lanes, c.to, c.from)
}

type deleteLane struct {
	id    string
	pos   int
	old   Lane
	steps removal[Step]
	flows removal[Flow]
	lines removal[Line]
	// questions holds the parking lot before questions lost their step.
	questions []Question
}

// DeleteLane returns a command that deletes the lane id with its steps,
// their flows and the line below it. When the bottom lane is deleted, the
// line below the lane above it, which would become the bottom lane, is
// deleted too. The last remaining lane cannot be deleted.
func DeleteLane(id string) Command {
	return &deleteLane{id: id}
}

func (c *deleteLane) Label() string { return "Delete lane" }

func (c *deleteLane) Do(d *Document) error {
	i := d.LaneIndex(c.id)
	if i < 0 {
		return fmt.Errorf("delete lane: there is no lane %q", c.id)
	}
	if len(d.Lanes) == 1 {
		return fmt.Errorf("delete lane %q: a blueprint needs at least one lane", c.id)
	}
	above := ""
	if i == len(d.Lanes)-1 {
		above = d.Lanes[i-1].ID
	}
	c.pos, c.old = i, d.Lanes[i]
	d.Lanes = cmdDelete(d.Lanes, i)
	gone := make(map[string]bool)
	d.Steps, c.steps = cmdRemove(d.Steps, func(s Step) bool {
		if s.Lane == c.id {
			gone[s.ID] = true
		}
		return s.Lane == c.id
	})
	d.Flows, c.flows = cmdRemove(d.Flows, func(f Flow) bool { return gone[f.From] || gone[f.To] })
	c.questions = cmdUnlinkQuestions(d, func(id string) bool { return gone[id] })
	d.Lines, c.lines = cmdRemove(d.Lines, func(l Line) bool { return l.Below == c.id || (above != "" && l.Below == above) })
	return nil
}

func (c *deleteLane) Undo(d *Document) {
	cmdRestoreQuestions(d, c.questions)
	d.Lines = c.lines.restore(d.Lines)
	d.Flows = c.flows.restore(d.Flows)
	d.Steps = c.steps.restore(d.Steps)
	d.Lanes = cmdInsert(d.Lanes, c.pos, c.old)
}
