package blueprint

import (
	"fmt"
	"slices"
	"strings"
)

// cmdCheckColumn checks the text fields of a column.
func cmdCheckColumn(c *Column) error {
	if err := cmdCheckTexts("name", c.Name, "phase", c.Phase); err != nil {
		return err
	}
	return cmdCheckComment(c.Comment)
}

type insertColumn struct {
	col   Column
	index int
	pos   int
}

// InsertColumn returns a command that inserts c so that it becomes column
// number index (0 = first, -1 = after the last). When c.ID is empty the
// column gets an id made from its name.
func InsertColumn(c Column, index int) Command {
	return &insertColumn{col: c, index: index}
}

func (c *insertColumn) Label() string { return "Insert column" }

func (c *insertColumn) Do(d *Document) error {
	col := c.col
	if col.ID == "" {
		col.ID = d.UniqueID(col.Name, "column")
	} else if err := cmdCheckNewID(d, col.ID); err != nil {
		return fmt.Errorf("insert column: %w", err)
	}
	if err := cmdCheckColumn(&col); err != nil {
		return fmt.Errorf("insert column %q: %w", col.ID, err)
	}
	pos, err := cmdIndex("column index", c.index, len(d.Columns))
	if err != nil {
		return fmt.Errorf("insert column %q: %w", col.ID, err)
	}
	c.col, c.pos = col, pos
	d.Columns = slices.Insert(d.Columns, pos, col)
	return nil
}

func (c *insertColumn) Undo(d *Document) {
	d.Columns = cmdDelete(d.Columns, c.pos)
}

type deleteColumn struct {
	id    string
	pos   int
	old   Column
	steps removal[Step]
	flows removal[Flow]
	// questions holds the parking lot before questions lost their step.
	questions []Question
}

// DeleteColumn returns a command that deletes the column id with its steps
// and their flows. The last remaining column cannot be deleted.
func DeleteColumn(id string) Command {
	return &deleteColumn{id: id}
}

func (c *deleteColumn) Label() string { return "Delete column" }

func (c *deleteColumn) Do(d *Document) error {
	i := d.ColumnIndex(c.id)
	if i < 0 {
		return fmt.Errorf("delete column: there is no column %q", c.id)
	}
	if len(d.Columns) == 1 {
		return fmt.Errorf("delete column %q: a blueprint needs at least one column", c.id)
	}
	c.pos, c.old = i, d.Columns[i]
	d.Columns = cmdDelete(d.Columns, i)
	gone := make(map[string]bool)
	d.Steps, c.steps = cmdRemove(d.Steps, func(s Step) bool {
		if s.Column == c.id {
			gone[s.ID] = true
		}
		return s.Column == c.id
	})
	d.Flows, c.flows = cmdRemove(d.Flows, func(f Flow) bool { return gone[f.From] || gone[f.To] })
	c.questions = cmdUnlinkQuestions(d, func(id string) bool { return gone[id] })
	return nil
}

func (c *deleteColumn) Undo(d *Document) {
	cmdRestoreQuestions(d, c.questions)
	d.Flows = c.flows.restore(d.Flows)
	d.Steps = c.steps.restore(d.Steps)
	d.Columns = cmdInsert(d.Columns, c.pos, c.old)
}

type moveColumn struct {
	id       string
	index    int
	from, to int
	unsorted []Step
}

// MoveColumn returns a command that moves the column id so that it becomes
// column number index (0 = first, -1 = last). Its steps move with it.
func MoveColumn(id string, index int) Command {
	return &moveColumn{id: id, index: index}
}

func (c *moveColumn) Label() string { return "Move column" }

func (c *moveColumn) Do(d *Document) error {
	i := d.ColumnIndex(c.id)
	if i < 0 {
		return fmt.Errorf("move column: there is no column %q", c.id)
	}
	to, err := cmdIndex("column index", c.index, len(d.Columns)-1)
	if err != nil {
		return fmt.Errorf("move column %q: %w", c.id, err)
	}
	c.from, c.to = i, to
	cmdMove(d.Columns, i, to)
	c.unsorted = cmdSortSteps(d)
	return nil
}

func (c *moveColumn) Undo(d *Document) {
	cmdUnsortSteps(d, &c.unsorted)
	cmdMove(d.Columns, c.to, c.from)
}

type editColumn struct {
	id  string
	col Column
	pos int
	old Column
}

// EditColumn returns a command that replaces the name, phase and comment
// of the column id with those of c; its id and source position stay.
func EditColumn(id string, c Column) Command {
	return &editColumn{id: id, col: c}
}

func (c *editColumn) Label() string { return "Edit column" }

func (c *editColumn) Do(d *Document) error {
	i := d.ColumnIndex(c.id)
	if i < 0 {
		return fmt.Errorf("edit column: there is no column %q", c.id)
	}
	col := c.col
	col.ID, col.Pos = d.Columns[i].ID, d.Columns[i].Pos
	if err := cmdCheckColumn(&col); err != nil {
		return fmt.Errorf("edit column %q: %w", c.id, err)
	}
	c.pos, c.old = i, d.Columns[i]
	d.Columns[i] = col
	return nil
}

func (c *editColumn) Undo(d *Document) {
	if c.pos < len(d.Columns) {
		d.Columns[c.pos] = c.old
	}
}

// setPhases sets the phase of columns by index; it serves SetPhase and
// RenamePhase.
type setPhases struct {
	label string
	phase string
	// resolve picks the columns to change, or reports why it cannot.
	resolve func(d *Document) ([]int, error)

	idx []int
	old []string
}

// SetPhase returns a command that puts the columns with the given ids in
// the phase named phase ("" for none).
func SetPhase(phase string, columnIDs ...string) Command {
	ids := slices.Clone(columnIDs)
	return &setPhases{label: "Set phase", phase: phase, resolve: func(d *Document) ([]int, error) {
		if len(ids) == 0 {
			return nil, fmt.Errorf("set phase: no column given")
		}
		idx := make([]int, 0, len(ids))
		for _, id := range ids {
			i := d.ColumnIndex(id)
			if i < 0 {
				return nil, fmt.Errorf("set phase: there is no column %q", id)
			}
			if slices.Contains(idx, i) {
				return nil, fmt.Errorf("set phase: column %q is listed twice", id)
			}
			idx = append(idx, i)
		}
		return idx, nil
	}}
}

// RenamePhase returns a command that renames the phase old to new: every
// column whose phase is old gets the phase new.
func RenamePhase(old, new string) Command {
	return &setPhases{label: "Rename phase", phase: new, resolve: func(d *Document) ([]int, error) {
		var idx []int
		for i, c := range d.Columns {
			if c.Phase == old {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return nil, fmt.Errorf("rename phase: no column is in phase %q", old)
		}
		return idx, nil
	}}
}

func (c *setPhases) Label() string { return c.label }

func (c *setPhases) Do(d *Document) error {
	if err := cmdCheckText("phase", c.phase, false); err != nil {
		return fmt.Errorf("%s: %w", strings.ToLower(c.label), err)
	}
	idx, err := c.resolve(d)
	if err != nil {
		return err
	}
	c.idx, c.old = idx, make([]string, len(idx))
	for k, i := range idx {
		c.old[k] = d.Columns[i].Phase
		d.Columns[i].Phase = c.phase
	}
	return nil
}

func (c *setPhases) Undo(d *Document) {
	for k, i := range c.idx {
		if i < len(d.Columns) {
			d.Columns[i].Phase = c.old[k]
		}
	}
}
