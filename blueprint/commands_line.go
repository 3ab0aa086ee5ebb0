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

type addLine struct {
	line Line
	pos  int
}

// AddLine returns a command that adds the line l below the lane l.Below.
// An empty id becomes the line's kind when that is free, or an id made
// from its name; an empty kind, name and style get the file format's
// defaults. The line is placed among the others in lane order.
func AddLine(l Line) Command {
	return &addLine{line: l}
}

func (c *addLine) Label() string { return "Add line" }

func (c *addLine) Do(d *Document) error {
	l := c.line
	if l.ID == "" {
		if l.Kind != "" && l.Kind != LineCustom && !cmdIDUsed(d, string(l.Kind)) {
			l.ID = string(l.Kind)
		} else {
			l.ID = d.UniqueID(l.Name, "line")
		}
	} else if err := cmdCheckNewID(d, l.ID); err != nil {
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
	c.line, c.pos = l, pos
	d.Lines = slices.Insert(d.Lines, pos, l)
	return nil
}

func (c *addLine) Undo(d *Document) {
	d.Lines = cmdDelete(d.Lines, c.pos)
}

type deleteLine struct {
	id  string
	pos int
	old Line
}

// DeleteLine returns a command that deletes the line id.
func DeleteLine(id string) Command {
	return &deleteLine{id: id}
}

func (c *deleteLine) Label() string { return "Delete line" }

func (c *deleteLine) Do(d *Document) error {
	i := d.LineIndex(c.id)
	if i < 0 {
		return fmt.Errorf("delete line: there is no line %q", c.id)
	}
	c.pos, c.old = i, d.Lines[i]
	d.Lines = cmdDelete(d.Lines, i)
	return nil
}

func (c *deleteLine) Undo(d *Document) {
	d.Lines = cmdInsert(d.Lines, c.pos, c.old)
}

type editLine struct {
	id   string
	line Line
	pos  int
	old  Line
}

// EditLine returns a command that replaces the kind, name, style, comment
// and lane (Below) of the line id with those of l; changing Below moves
// the line. Its id, source position and place among the lines stay. An
// empty kind, name or style gets the file format's default.
func EditLine(id string, l Line) Command {
	return &editLine{id: id, line: l}
}

func (c *editLine) Label() string { return "Edit line" }

func (c *editLine) Do(d *Document) error {
	i := d.LineIndex(c.id)
	if i < 0 {
		return fmt.Errorf("edit line: there is no line %q", c.id)
	}
	l := c.line
	l.ID, l.Pos = d.Lines[i].ID, d.Lines[i].Pos
	if err := cmdNormLine(d, &l, i); err != nil {
		return fmt.Errorf("edit line %q: %w", c.id, err)
	}
	c.pos, c.old = i, d.Lines[i]
	d.Lines[i] = l
	return nil
}

func (c *editLine) Undo(d *Document) {
	if c.pos < len(d.Lines) {
		d.Lines[c.pos] = c.old
	}
}
