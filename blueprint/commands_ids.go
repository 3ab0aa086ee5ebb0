package blueprint

import (
	"fmt"
	"regexp"
	"slices"
)

// generatedID matches the ids the editor makes up for an element that has
// no name yet: "column", "column-2", "new-lane", "lane-3", "step-4".
var generatedID = regexp.MustCompile(`^(column|new-lane|lane|step)(-[0-9]+)?$`)

// IsGeneratedID reports whether id is one the editor made up for an
// element without a name, which a name can replace.
func IsGeneratedID(id string) bool { return generatedID.MatchString(id) }

// RenameLaneID returns a command that changes the id of lane old to new,
// and every reference to it: the steps in the lane and the line below it.
func RenameLaneID(old, new string) Command {
	return CommandFunc("Change lane id", func(d *Document) error {
		i := d.LaneIndex(old)
		if i < 0 {
			return fmt.Errorf("change lane id: there is no lane %q", old)
		}
		if err := checkIDSyntax(new); err != nil {
			return fmt.Errorf("change lane id %q: %w", old, err)
		}
		if d.LaneIndex(new) >= 0 {
			return fmt.Errorf("change lane id %q: another lane has the id %q", old, new)
		}
		l := d.Lanes[i]
		l.ID = new
		d.Lanes = replaced(d.Lanes, i, l)
		if slices.ContainsFunc(d.Steps, func(s Step) bool { return s.Lane == old }) {
			steps := slices.Clone(d.Steps)
			for j := range steps {
				if steps[j].Lane == old {
					steps[j].Lane = new
				}
			}
			d.Steps = steps
		}
		if slices.ContainsFunc(d.Lines, func(l Line) bool { return l.Below == old }) {
			lines := slices.Clone(d.Lines)
			for j := range lines {
				if lines[j].Below == old {
					lines[j].Below = new
				}
			}
			d.Lines = lines
		}
		return nil
	})
}

// RenameColumnID returns a command that changes the id of column old to
// new, and the column of every step in it.
func RenameColumnID(old, new string) Command {
	return CommandFunc("Change column id", func(d *Document) error {
		i := d.ColumnIndex(old)
		if i < 0 {
			return fmt.Errorf("change column id: there is no column %q", old)
		}
		if err := checkIDSyntax(new); err != nil {
			return fmt.Errorf("change column id %q: %w", old, err)
		}
		if d.ColumnIndex(new) >= 0 {
			return fmt.Errorf("change column id %q: another column has the id %q", old, new)
		}
		c := d.Columns[i]
		c.ID = new
		d.Columns = replaced(d.Columns, i, c)
		if slices.ContainsFunc(d.Steps, func(s Step) bool { return s.Column == old }) {
			steps := slices.Clone(d.Steps)
			for j := range steps {
				if steps[j].Column == old {
					steps[j].Column = new
				}
			}
			d.Steps = steps
		}
		return nil
	})
}
