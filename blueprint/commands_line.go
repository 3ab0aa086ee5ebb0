package blueprint

import (
	"fmt"
	"slices"
)

// cmdNormLine fills an empty kind, name and style as the loader does and
// checks the line against d. self is the line's own index in d.Lines, or
// -1 for a new line.
func cmdNormLine(d *Document, l *Line, self int) error {
	if l.Kind == "" {
		l.Kind = LineCustom
		if slices.Contains(LineKinds, LineKind(l.ID)) {
			l.Kind = LineKind(l.ID)
		}
	}
	if !slices.Contains(LineKinds, l.Kind) {
		return fmt.Errorf("unknown line kind %q", l.Kind)
	}
	if l.Style == "" {
		l.Style = DefaultStyle(l.Kind)
	}
	if !slices.Contains(LineStyles, l.Style) {
		return fmt.Errorf("unknown line style %q", l.Style)
	}
	if l.Name == "" {
		l.Name = defaultLineName(*l)
	}
	if err := cmdCheckText("name", l.Name, false); err != nil {
		return err
	}
	if err := cmdCheckComment(l.Comment); err != nil {
		return err
	}
	i := d.LaneIndex(l.Below)
	if i < 0 {
		return fmt.Errorf("there is no lane %q", l.Below)
	}
	if i == len(d.Lanes)-1 {
		return fmt.Errorf("a line cannot be below the bottom lane %q", l.Below)
	}
	for j, o := range d.Lines {
		if j != self && o.Below == l.Below {
			return fmt.Errorf("line %q is already below lane %q", o.ID, l.Below)
		}
	}
	return nil
}

// AddLine returns a command that adds the line l below the lane l.Below.
// An empty id becomes the line's kind when no line has that id, or an id made
// from its name; an empty kind, name and style get the file format's
// defaults. The line is placed among the others in lane order.
func AddLine(l Line) Command {
	return CommandFunc("Add line", func(d *Document) error {
		l := l
		if l.ID == "" {
			if l.Kind != "" && l.Kind != LineCustom && d.LineIndex(string(l.Kind)) < 0 {
				l.ID = string(l.Kind)
			} else {
				l.ID = d.UniqueID(l.Name, "line")
			}
		} else if err := checkIDSyntax(l.ID); err != nil {
			return fmt.Errorf("add line: %w", err)
		}
		if err := cmdNormLine(d, &l, -1); err != nil {
			return fmt.Errorf("add line %q: %w", l.ID, err)
		}
		lane := d.LaneIndex(l.Below)
		pos := len(d.Lines)
		for j, o := range d.Lines {
			if d.LaneIndex(o.Below) > lane {
				pos = j
				break
			}
		}
		d.Lines = inserted(d.Lines, pos, l)
		return nil
	})
}

// DeleteLine returns a command that deletes the line id.
func DeleteLine(id string) Command {
	return CommandFunc("Delete line", func(d *Document) error {
		if d.LineIndex(id) < 0 {
			return fmt.Errorf("delete line: there is no line %q", id)
		}
		d.Lines = removed(d.Lines, func(l *Line) bool { return l.ID == id })
		return nil
	})
}

// EditLine returns a command that replaces the kind, name, style, comment
// and lane (Below) of the line id with those of l; changing Below moves
// the line. Its id, source position and place among the lines stay. An
// empty kind, name or style gets the file format's default.
func EditLine(id string, l Line) Command {
	return CommandFunc("Edit line", func(d *Document) error {
		i := d.LineIndex(id)
		if i < 0 {
			return fmt.Errorf("edit line: there is no line %q", id)
		}
		l := l
		l.ID, l.Pos = d.Lines[i].ID, d.Lines[i].Pos
		if err := cmdNormLine(d, &l, i); err != nil {
			return fmt.Errorf("edit line %q: %w", id, err)
		}
		d.Lines = replaced(d.Lines, i, l)
		return nil
	})
}
