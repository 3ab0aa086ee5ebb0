package diff

import "servicebp/blueprint"

// lanes compares the lanes by id: added, removed, renamed, a new kind,
// or another place top to bottom.
func (c *comparison) lanes() {
	old := make(map[string]blueprint.Lane, len(c.old.Lanes))
	oldIDs := make([]string, len(c.old.Lanes))
	oldAt := make(map[string]int, len(c.old.Lanes))
	for i, l := range c.old.Lanes {
		old[l.ID], oldIDs[i], oldAt[l.ID] = l, l.ID, i
	}
	newIDs := make([]string, len(c.new.Lanes))
	for i, l := range c.new.Lanes {
		newIDs[i] = l.ID
	}
	moved := reorderedIDs(oldIDs, newIDs)
	kept := make(map[string]bool, len(c.new.Lanes))
	for i, l := range c.new.Lanes {
		base := Change{Element: Lane, ID: l.ID, Label: l.Name, Line: l.Pos.Line}
		o, ok := old[l.ID]
		if !ok {
			c.added(base, l.Name)
			continue
		}
		kept[l.ID] = true
		c.renamed(base, o.Name, l.Name)
		c.field(base, "kind", string(o.Kind), string(l.Kind))
		if moved[l.ID] {
			c.reordered(base, oldIDs, oldAt[l.ID], newIDs, i)
		}
	}
	for _, o := range c.old.Lanes {
		if !kept[o.ID] {
			c.removed(Change{Element: Lane, ID: o.ID, Label: o.Name, Line: o.Pos.Line}, o.Name)
		}
	}
}

// lines compares the lines by id: added, removed, renamed, another kind,
// lane above or style, or another place in the list.
func (c *comparison) lines() {
	old := make(map[string]blueprint.Line, len(c.old.Lines))
	oldIDs := make([]string, len(c.old.Lines))
	oldAt := make(map[string]int, len(c.old.Lines))
	for i, l := range c.old.Lines {
		old[l.ID], oldIDs[i], oldAt[l.ID] = l, l.ID, i
	}
	newIDs := make([]string, len(c.new.Lines))
	for i, l := range c.new.Lines {
		newIDs[i] = l.ID
	}
	moved := reorderedIDs(oldIDs, newIDs)
	kept := make(map[string]bool, len(c.new.Lines))
	for i, l := range c.new.Lines {
		base := Change{Element: Line, ID: l.ID, Label: l.Name, Line: l.Pos.Line}
		o, ok := old[l.ID]
		if !ok {
			c.added(base, l.Name)
			continue
		}
		kept[l.ID] = true
		c.renamed(base, o.Name, l.Name)
		c.field(base, "kind", string(o.Kind), string(l.Kind))
		c.field(base, "below", o.Below, l.Below)
		c.field(base, "style", string(o.Style), string(l.Style))
		if moved[l.ID] {
			c.reordered(base, oldIDs, oldAt[l.ID], newIDs, i)
		}
	}
	for _, o := range c.old.Lines {
		if !kept[o.ID] {
			c.removed(Change{Element: Line, ID: o.ID, Label: o.Name, Line: o.Pos.Line}, o.Name)
		}
	}
}

// phaseNames lists the phase names of d's columns in order of first use,
// without the unnamed phase, with the line of each phase's first column.
func phaseNames(d *blueprint.Document) (names []string, line map[string]int) {
	line = map[string]int{}
	for _, col := range d.Columns {
		if _, seen := line[col.Phase]; col.Phase == "" || seen {
			continue
		}
		line[col.Phase] = col.Pos.Line
		names = append(names, col.Phase)
	}
	return names, line
}

// phases compares the phases by name. A phase of OLD missing from NEW
// whose columns all went to one phase that is new in NEW was renamed.
func (c *comparison) phases() {
	oldNames, oldLine := phaseNames(c.old)
	newNames, newLine := phaseNames(c.new)
	newCol := make(map[string]string, len(c.new.Columns))
	for _, col := range c.new.Columns {
		newCol[col.ID] = col.Phase
	}
	// Rename: every surviving column of the old phase is in one new phase.
	c.renamedPhase = map[string]string{}
	claimed := map[string]bool{}
	for _, name := range oldNames {
		if _, ok := newLine[name]; ok {
			continue
		}
		target, ok := "", true
		for _, col := range c.old.Columns {
			if col.Phase != name {
				continue
			}
			p, exists := newCol[col.ID]
			if !exists {
				continue
			}
			if target == "" {
				target = p
			}
			ok = ok && p == target
		}
		_, wasOld := oldLine[target]
		if ok && target != "" && !wasOld && !claimed[target] {
			c.renamedPhase[name] = target
			claimed[target] = true
		}
	}
	from := make(map[string]string, len(claimed)) // new name → old name
	for o, n := range c.renamedPhase {
		from[n] = o
	}
	mapped := make([]string, 0, len(oldNames))
	oldAt := map[string]int{}
	for _, name := range oldNames {
		if n, ok := c.renamedPhase[name]; ok {
			name = n
		}
		oldAt[name] = len(mapped)
		mapped = append(mapped, name)
	}
	moved := reorderedIDs(mapped, newNames)
	for i, name := range newNames {
		base := Change{Element: Phase, ID: name, Label: name, Line: newLine[name]}
		_, existed := oldLine[name]
		switch o, renamed := from[name]; {
		case renamed:
			c.renamed(base, o, name)
		case !existed:
			c.added(base, name)
			continue
		}
		if moved[name] {
			c.reordered(base, mapped, oldAt[name], newNames, i)
		}
	}
	for _, name := range oldNames {
		if _, ok := newLine[name]; !ok && c.renamedPhase[name] == "" {
			c.removed(Change{Element: Phase, ID: name, Label: name, Line: oldLine[name]}, name)
		}
	}
}

// columns compares the columns by id: added, removed, renamed, moved to
// another phase (not counting phase renames) or to another place.
func (c *comparison) columns() {
	old := make(map[string]blueprint.Column, len(c.old.Columns))
	oldIDs := make([]string, len(c.old.Columns))
	oldAt := make(map[string]int, len(c.old.Columns))
	for i, col := range c.old.Columns {
		old[col.ID], oldIDs[i], oldAt[col.ID] = col, col.ID, i
	}
	newIDs := make([]string, len(c.new.Columns))
	for i, col := range c.new.Columns {
		newIDs[i] = col.ID
	}
	moved := reorderedIDs(oldIDs, newIDs)
	kept := make(map[string]bool, len(c.new.Columns))
	for i, col := range c.new.Columns {
		base := Change{Element: Column, ID: col.ID, Label: col.Name, Line: col.Pos.Line, Group: col.Phase, InPhase: true}
		o, ok := old[col.ID]
		if !ok {
			c.added(base, col.Name)
			continue
		}
		kept[col.ID] = true
		c.renamed(base, o.Name, col.Name)
		if to, renamed := c.renamedPhase[o.Phase]; !renamed || to != col.Phase {
			c.field(base, "phase", o.Phase, col.Phase)
		}
		if moved[col.ID] {
			c.reordered(base, oldIDs, oldAt[col.ID], newIDs, i)
		}
	}
	for _, o := range c.old.Columns {
		if !kept[o.ID] {
			c.removed(Change{Element: Column, ID: o.ID, Label: o.Name, Line: o.Pos.Line, Group: c.newPhaseName(o.Phase), InPhase: true}, o.Name)
		}
	}
}

// newPhaseName is the NEW name of the OLD phase name.
func (c *comparison) newPhaseName(name string) string {
	if n, ok := c.renamedPhase[name]; ok {
		return n
	}
	return name
}

func (c *comparison) added(base Change, text string) {
	base.Kind, base.New = Added, text
	c.add(base)
}

func (c *comparison) removed(base Change, text string) {
	base.Kind, base.Old = Removed, text
	c.add(base)
}

func (c *comparison) renamed(base Change, old, new string) {
	if old == new {
		return
	}
	base.Kind, base.Field, base.Old, base.New = Renamed, "name", old, new
	c.add(base)
}

// reordered adds a Reordered change from position old in oldIDs to new
// in newIDs, noting the element before it in each.
func (c *comparison) reordered(base Change, oldIDs []string, old int, newIDs []string, new int) {
	base.Kind, base.Field, base.Old, base.New = Reordered, "position", position(old), position(new)
	if old > 0 {
		base.OldAfter = oldIDs[old-1]
	}
	if new > 0 {
		base.NewAfter = newIDs[new-1]
	}
	c.add(base)
}
