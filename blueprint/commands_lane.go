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

// AddLane returns a command that inserts l so that it becomes lane number
// index (0 = top, -1 = bottom). An empty id becomes the lane's kind when
// no lane has that id, or an id made from its name; an empty kind and name get
// the defaults of the file format.
func AddLane(l Lane, index int) Command {
	return CommandFunc("Add lane", func(d *Document) error {
		l := l
		if l.ID == "" {
			if l.Kind != "" && l.Kind != LaneCustom && d.LaneIndex(string(l.Kind)) < 0 {
				l.ID = string(l.Kind)
			} else {
				l.ID = d.UniqueID(l.Name, "lane")
			}
		} else if err := checkIDSyntax(l.ID); err != nil {
			return fmt.Errorf("add lane: %w", err)
		}
		if err := cmdNormLane(&l); err != nil {
			return fmt.Errorf("add lane %q: %w", l.ID, err)
		}
		pos, err := cmdIndex("lane index", index, len(d.Lanes))
		if err != nil {
			return fmt.Errorf("add lane %q: %w", l.ID, err)
		}
		d.Lanes = inserted(d.Lanes, pos, l)
		return nil
	})
}

// RenameLane returns a command that changes the display name of the lane
// id; an empty name restores the default name of its kind.
func RenameLane(id, name string) Command {
	return editLane("Rename lane", id, Lane{Name: name}, true)
}

// EditLane returns a command that replaces the name, kind and comment of
// the lane id with those of l; its id and source position stay. An empty
// kind or name gets the file format's default.
func EditLane(id string, l Lane) Command {
	return editLane("Edit lane", id, l, false)
}

// editLane is EditLane, or with nameOnly RenameLane, which keeps the kind
// and comment.
func editLane(label, id string, l Lane, nameOnly bool) Command {
	return CommandFunc(label, func(d *Document) error {
		i := d.LaneIndex(id)
		if i < 0 {
			return fmt.Errorf("edit lane: there is no lane %q", id)
		}
		old := d.Lanes[i]
		l := l
		if nameOnly {
			l.Kind, l.Comment = old.Kind, old.Comment
		}
		l.ID, l.Pos = old.ID, old.Pos
		if err := cmdNormLane(&l); err != nil {
			return fmt.Errorf("edit lane %q: %w", id, err)
		}
		d.Lanes = replaced(d.Lanes, i, l)
		return nil
	})
}

// MoveLane returns a command that moves the lane id so that it becomes lane
// number index (0 = top, -1 = bottom). Its steps move with it, and each
// line stays below the lane it is below, so a move that would leave a line
// below the bottom lane is refused.
func MoveLane(id string, index int) Command {
	return CommandFunc("Move lane", func(d *Document) error {
		i := d.LaneIndex(id)
		if i < 0 {
			return fmt.Errorf("move lane: there is no lane %q", id)
		}
		to, err := cmdIndex("lane index", index, len(d.Lanes)-1)
		if err != nil {
			return fmt.Errorf("move lane %q: %w", id, err)
		}
		last := d.Lanes[len(d.Lanes)-1].ID
		switch {
		case to == len(d.Lanes)-1:
			last = id
		case i == len(d.Lanes)-1:
			last = d.Lanes[len(d.Lanes)-2].ID
		}
		for _, ln := range d.Lines {
			if ln.Below == last {
				return fmt.Errorf("move lane %q: line %q would be below the bottom lane %q", id, ln.ID, last)
			}
		}
		d.Lanes = moved(d.Lanes, i, to)
		sortSteps(d)
		return nil
	})
}

// DeleteLane returns a command that deletes the lane id with its steps,
// their flows and the line below it. When the bottom lane is deleted, the
// line below the lane above it, which would become the bottom lane, is
// deleted too. The last remaining lane cannot be deleted.
func DeleteLane(id string) Command {
	return CommandFunc("Delete lane", func(d *Document) error {
		i := d.LaneIndex(id)
		if i < 0 {
			return fmt.Errorf("delete lane: there is no lane %q", id)
		}
		if len(d.Lanes) == 1 {
			return fmt.Errorf("delete lane %q: a blueprint needs at least one lane", id)
		}
		above := ""
		if i == len(d.Lanes)-1 {
			above = d.Lanes[i-1].ID
		}
		d.Lanes = removed(d.Lanes, func(l *Lane) bool { return l.ID == id })
		gone := make(map[string]bool)
		d.Steps = removed(d.Steps, func(s *Step) bool {
			if s.Lane == id {
				gone[s.ID] = true
			}
			return s.Lane == id
		})
		d.Flows = removed(d.Flows, func(f *Flow) bool { return gone[f.From] || gone[f.To] })
		unlinkQuestions(d, func(id string) bool { return gone[id] })
		d.Lines = removed(d.Lines, func(l *Line) bool { return l.Below == id || (above != "" && l.Below == above) })
		return nil
	})
}
