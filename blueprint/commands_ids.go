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

// ColumnIDText is the text an id for column c is made from: its name, or
// its phase when it has no name ("arrival", then "arrival-2" for the
// second column of phase Arrival). Empty means neither says anything, and
// the id is a made-up "column-N".
func ColumnIDText(c Column) string {
	if Slug(c.Name) != "" {
		return c.Name
	}
	return c.Phase
}

// RenameLaneID returns a command that changes the id of lane old to new,
// and every reference to it: the steps in the lane, the line below it and
// the merge conflicts recorded about it.
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
		renameConflictRefs(d, "lane", old, new, "lane", "below")
		return nil
	})
}

// RenameColumnID returns a command that changes the id of column old to
// new, and every reference to it: the column of every step in it and the
// merge conflicts recorded about it.
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
		renameConflictRefs(d, "column", old, new, "column")
		return nil
	})
}

// RenameColumnIDs returns one command, labelled "Change column ids", that
// changes the id of each column in changes (old id to new id) with
// RenameColumnID, in the order given.
func RenameColumnIDs(changes [][2]string) Command {
	cmds := make([]Command, len(changes))
	for i, c := range changes {
		cmds[i] = RenameColumnID(c[0], c[1])
	}
	return Batch("Change column ids", cmds...)
}

// renameConflictRefs makes the merge conflicts recorded about the element
// (lane or column) old name it new: the entries about the element itself,
// and the values of the fields (a step's "lane" or "column", a line's
// "below") that name it.
func renameConflictRefs(d *Document, element, old, new string, fields ...string) {
	refers := func(k Conflict) bool {
		return (k.Element == element && k.ID == old) ||
			(slices.Contains(fields, k.Field) && (k.Base == old || k.Ours == old || k.Theirs == old))
	}
	if !slices.ContainsFunc(d.Conflicts, refers) {
		return
	}
	ks := slices.Clone(d.Conflicts)
	for i, k := range ks {
		if !refers(k) {
			continue
		}
		if k.Element == element && k.ID == old {
			ks[i].ID = new
		}
		if slices.Contains(fields, k.Field) {
			for _, v := range []*string{&ks[i].Base, &ks[i].Ours, &ks[i].Theirs} {
				if *v == old {
					*v = new
				}
			}
		}
	}
	d.Conflicts = ks
}
