package diff

import (
	"strconv"

	"servicebp/blueprint"
)

// index finds a document's lanes, columns and steps by id.
type index struct {
	lanes   map[string]*blueprint.Lane
	columns map[string]*blueprint.Column
	steps   map[string]*blueprint.Step
}

func newIndex(d *blueprint.Document) *index {
	x := &index{
		lanes:   make(map[string]*blueprint.Lane, len(d.Lanes)),
		columns: make(map[string]*blueprint.Column, len(d.Columns)),
		steps:   make(map[string]*blueprint.Step, len(d.Steps)),
	}
	for i := range d.Lanes {
		x.lanes[d.Lanes[i].ID] = &d.Lanes[i]
	}
	for i := range d.Columns {
		x.columns[d.Columns[i].ID] = &d.Columns[i]
	}
	for i := range d.Steps {
		x.steps[d.Steps[i].ID] = &d.Steps[i]
	}
	return x
}

// cellText names a cell for people: "lane × column" with their names, or
// their ids when they have none.
func (x *index) cellText(lane, column string) string {
	l, col := lane, column
	if v := x.lanes[lane]; v != nil && v.Name != "" {
		l = v.Name
	}
	if v := x.columns[column]; v != nil && v.Name != "" {
		col = v.Name
	}
	return l + " × " + col
}

// phaseOf is the phase of the column id.
func (x *index) phaseOf(column string) string {
	if col := x.columns[column]; col != nil {
		return col.Phase
	}
	return ""
}

// stepPhase is the phase of the step id's column.
func (x *index) stepPhase(id string) string {
	if s := x.steps[id]; s != nil {
		return x.phaseOf(s.Column)
	}
	return ""
}

// emotionText is an emotion (or a vote count) as text, "" for 0 (not
// set).
func emotionText(e int) string {
	if e == 0 {
		return ""
	}
	return strconv.Itoa(e)
}

// boolText is "true" or "", the file's value of a flag that is off when
// absent.
func boolText(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// steps compares the steps by id: added, removed, moved to another cell,
// reordered within their cell, and every field that changed.
func (c *comparison) steps() {
	old := c.oi.steps
	reordered, oldRank, newRank := c.stackOrder(old)
	kept := make(map[string]bool, len(c.new.Steps))
	for _, s := range c.new.Steps {
		base := Change{Element: Step, ID: s.ID, Label: s.Text, Line: s.Pos.Line, Group: c.ni.phaseOf(s.Column), InPhase: true}
		o := old[s.ID]
		if o == nil {
			base.NewCell = c.ni.cellText(s.Lane, s.Column)
			c.added(base, s.Text)
			continue
		}
		kept[s.ID] = true
		if o.Lane != s.Lane || o.Column != s.Column {
			ch := base
			ch.NewCell = c.ni.cellText(s.Lane, s.Column)
			ch.Kind, ch.Field = Moved, "cell"
			ch.Old, ch.New = o.Lane+" × "+o.Column, s.Lane+" × "+s.Column
			ch.OldCell = c.oi.cellText(o.Lane, o.Column)
			c.add(ch)
		}
		if reordered[s.ID] {
			ch := base
			ch.Kind, ch.Field = Reordered, "position"
			ch.Old, ch.New = position(oldRank[s.ID]), position(newRank[s.ID])
			c.add(ch)
		}
		c.field(base, "text", o.Text, s.Text)
		c.field(base, "owner", o.Owner, s.Owner)
		c.field(base, "duration", durationText(o.Duration), durationText(s.Duration))
		c.field(base, "wait", durationText(o.Wait), durationText(s.Wait))
		c.field(base, "queue", o.Queue.String(), s.Queue.String())
		c.field(base, "waiting", joinList(o.Waiting), joinList(s.Waiting))
		c.field(base, "fail", o.Fail, s.Fail)
		c.field(base, "recovery", o.Recovery, s.Recovery)
		c.field(base, "moment", boolText(o.Moment), boolText(s.Moment))
		c.field(base, "emotion", emotionText(o.Emotion), emotionText(s.Emotion))
		c.field(base, "votes", emotionText(o.Votes), emotionText(s.Votes))
		c.field(base, "tags", joinList(o.Tags), joinList(s.Tags))
		c.field(base, "notes", o.Notes, s.Notes)
		c.field(base, "image", o.Image, s.Image)
	}
	for _, o := range c.old.Steps {
		if !kept[o.ID] {
			c.removed(Change{Element: Step, ID: o.ID, Label: o.Text, Line: o.Pos.Line, Group: c.newPhaseName(c.oi.phaseOf(o.Column)), InPhase: true, OldCell: c.oi.cellText(o.Lane, o.Column)}, o.Text)
		}
	}
}

// stackOrder finds the steps whose stacking order within their cell
// changed: among the steps that are in the same cell in OLD and NEW, the
// fewest that moved. It returns them with every step's 0-based rank in
// its cell in OLD and in NEW.
func (c *comparison) stackOrder(old map[string]*blueprint.Step) (reordered map[string]bool, oldRank, newRank map[string]int) {
	type cell struct{ lane, column string }
	rank := func(d *blueprint.Document) (map[string]int, map[cell][]string) {
		r := make(map[string]int, len(d.Steps))
		cells := map[cell][]string{}
		for _, s := range d.Steps {
			k := cell{s.Lane, s.Column}
			r[s.ID] = len(cells[k])
			cells[k] = append(cells[k], s.ID)
		}
		return r, cells
	}
	oldRank, oldCells := rank(c.old)
	newRank, newCells := rank(c.new)
	reordered = map[string]bool{}
	for k, ids := range newCells {
		if len(ids) < 2 {
			continue
		}
		var stayed []string
		for _, id := range ids {
			if o := old[id]; o != nil && o.Lane == k.lane && o.Column == k.column {
				stayed = append(stayed, id)
			}
		}
		if len(stayed) < 2 {
			continue
		}
		for id := range outOfOrder(oldCells[k], stayed) {
			reordered[id] = true
		}
	}
	return reordered, oldRank, newRank
}

// flows compares the flows by their from and to steps: added, removed,
// and label or two-way changed.
func (c *comparison) flows() {
	old := make(map[string]*blueprint.Flow, len(c.old.Flows))
	for i := range c.old.Flows {
		f := &c.old.Flows[i]
		old[FlowID(f.From, f.To)] = f
	}
	kept := make(map[string]bool, len(c.new.Flows))
	for _, f := range c.new.Flows {
		id := FlowID(f.From, f.To)
		base := Change{Element: Flow, ID: id, Label: f.From + " → " + f.To, Line: f.Pos.Line, Group: c.ni.stepPhase(f.From), InPhase: true}
		o := old[id]
		if o == nil {
			c.added(base, f.Label)
			continue
		}
		kept[id] = true
		c.field(base, "label", o.Label, f.Label)
		c.field(base, "two-way", boolText(o.TwoWay), boolText(f.TwoWay))
	}
	for _, o := range c.old.Flows {
		id := FlowID(o.From, o.To)
		if kept[id] {
			continue
		}
		ch := Change{Element: Flow, ID: id, Label: o.From + " → " + o.To, Line: o.Pos.Line, InPhase: true}
		ch.Group = c.newPhaseName(c.oi.stepPhase(o.From))
		c.removed(ch, o.Label)
	}
}
