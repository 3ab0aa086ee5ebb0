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

// InsertColumn returns a command that inserts c so that it becomes column
// number index (0 = first, -1 = after the last). When c.ID is empty the
// column gets an id made from its name, or from its phase when it has no
// name (see ColumnIDText).
func InsertColumn(c Column, index int) Command {
	return CommandFunc("Insert column", func(d *Document) error {
		col := c
		if col.ID == "" {
			col.ID = d.UniqueID(ColumnIDText(col), "column")
		} else if err := checkIDSyntax(col.ID); err != nil {
			return fmt.Errorf("insert column: %w", err)
		}
		if err := cmdCheckColumn(&col); err != nil {
			return fmt.Errorf("insert column %q: %w", col.ID, err)
		}
		pos, err := cmdIndex("column index", index, len(d.Columns))
		if err != nil {
			return fmt.Errorf("insert column %q: %w", col.ID, err)
		}
		d.Columns = inserted(d.Columns, pos, col)
		return nil
	})
}

// DeleteColumn returns a command that deletes the column id with its steps
// and their flows. The last remaining column cannot be deleted.
func DeleteColumn(id string) Command {
	return CommandFunc("Delete column", func(d *Document) error {
		i := d.ColumnIndex(id)
		if i < 0 {
			return fmt.Errorf("delete column: there is no column %q", id)
		}
		if len(d.Columns) == 1 {
			return fmt.Errorf("delete column %q: a blueprint needs at least one column", id)
		}
		d.Columns = removed(d.Columns, func(c *Column) bool { return c.ID == id })
		gone := make(map[string]bool)
		d.Steps = removed(d.Steps, func(s *Step) bool {
			if s.Column == id {
				gone[s.ID] = true
			}
			return s.Column == id
		})
		d.Flows = removed(d.Flows, func(f *Flow) bool { return gone[f.From] || gone[f.To] })
		unlinkQuestions(d, func(id string) bool { return gone[id] })
		return nil
	})
}

// MoveColumn returns a command that moves the column id so that it becomes
// column number index (0 = first, -1 = last). Its steps move with it.
func MoveColumn(id string, index int) Command {
	return CommandFunc("Move column", func(d *Document) error {
		i := d.ColumnIndex(id)
		if i < 0 {
			return fmt.Errorf("move column: there is no column %q", id)
		}
		to, err := cmdIndex("column index", index, len(d.Columns)-1)
		if err != nil {
			return fmt.Errorf("move column %q: %w", id, err)
		}
		d.Columns = moved(d.Columns, i, to)
		sortSteps(d)
		return nil
	})
}

// EditColumn returns a command that replaces the name, phase and comment
// of the column id with those of c; its id and source position stay.
func EditColumn(id string, c Column) Command {
	return CommandFunc("Edit column", func(d *Document) error {
		i := d.ColumnIndex(id)
		if i < 0 {
			return fmt.Errorf("edit column: there is no column %q", id)
		}
		col := c
		col.ID, col.Pos = d.Columns[i].ID, d.Columns[i].Pos
		if err := cmdCheckColumn(&col); err != nil {
			return fmt.Errorf("edit column %q: %w", id, err)
		}
		d.Columns = replaced(d.Columns, i, col)
		return nil
	})
}

// SetPhase returns a command that puts the columns with the given ids in
// the phase named phase ("" for none).
func SetPhase(phase string, columnIDs ...string) Command {
	ids := slices.Clone(columnIDs)
	return setPhases("Set phase", phase, func(d *Document) ([]int, error) {
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
	})
}

// RenamePhase returns a command that renames the phase old to new: every
// column whose phase is old gets the phase new.
func RenamePhase(old, new string) Command {
	return setPhases("Rename phase", new, func(d *Document) ([]int, error) {
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
	})
}

// setPhases is the command labelled label that sets the phase of the
// columns resolve picks; it serves SetPhase and RenamePhase.
func setPhases(label, phase string, resolve func(d *Document) ([]int, error)) Command {
	return CommandFunc(label, func(d *Document) error {
		if err := cmdCheckText("phase", phase, false); err != nil {
			return fmt.Errorf("%s: %w", strings.ToLower(label), err)
		}
		idx, err := resolve(d)
		if err != nil {
			return err
		}
		cols := slices.Clone(d.Columns)
		for _, i := range idx {
			cols[i].Phase = phase
		}
		d.Columns = cols
		return nil
	})
}
