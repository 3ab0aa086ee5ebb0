package diff

import "servicebp/blueprint"

// byID compares two lists of elements matched by id: each element of
// NEW missing from OLD is added, each of OLD missing from NEW removed, and
// for each kept one fields reports the changes of its fields, then a
// change of place in the list is reported. base is the change an element
// of NEW is reported as (or one of OLD, when removed).
func byID[T any](c *comparison, old, new []T, id func(T) string, name func(T) string,
	base func(e T, removed bool) Change, fields func(base Change, o, n T)) {
	byOld := make(map[string]T, len(old))
	oldIDs := make([]string, len(old))
	oldAt := make(map[string]int, len(old))
	for i, e := range old {
		byOld[id(e)], oldIDs[i], oldAt[id(e)] = e, id(e), i
	}
	newIDs := make([]string, len(new))
	for i, e := range new {
		newIDs[i] = id(e)
	}
	moved := reorderedIDs(oldIDs, newIDs)
	kept := make(map[string]bool, len(new))
	for i, e := range new {
		b := base(e, false)
		o, ok := byOld[id(e)]
		if !ok {
			c.added(b, name(e))
			continue
		}
		kept[id(e)] = true
		c.renamed(b, name(o), name(e))
		fields(b, o, e)
		if moved[id(e)] {
			c.reordered(b, oldIDs, oldAt[id(e)], newIDs, i)
		}
	}
	for _, o := range old {
		if !kept[id(o)] {
			c.removed(base(o, true), name(o))
		}
	}
}

// lanes compares the lanes by id: added, removed, renamed, a new kind,
// or another place top to bottom.
func (c *comparison) lanes() {
	byID(c, c.old.Lanes, c.new.Lanes,
		func(l blueprint.Lane) string { return l.ID },
		func(l blueprint.Lane) string { return l.Name },
		func(l blueprint.Lane, _ bool) Change {
			return Change{Element: Lane, ID: l.ID, Label: l.Name, Line: l.Pos.Line}
		},
		func(base Change, o, n blueprint.Lane) {
			c.field(base, "kind", string(o.Kind), string(n.Kind))
		})
}

// lines compares the lines by id: added, removed, renamed, another kind,
// lane above or style, or another place in the list.
func (c *comparison) lines() {
	byID(c, c.old.Lines, c.new.Lines,
		func(l blueprint.Line) string { return l.ID },
		func(l blueprint.Line) string { return l.Name },
		func(l blueprint.Line, _ bool) Change {
			return Change{Element: Line, ID: l.ID, Label: l.Name, Line: l.Pos.Line}
		},
		func(base Change, o, n blueprint.Line) {
			c.field(base, "kind", string(o.Kind), string(n.Kind))
			c.field(base, "below", o.Below, n.Below)
			c.field(base, "style", string(o.Style), string(n.Style))
		})
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
	byID(c, c.old.Columns, c.new.Columns,
		func(col blueprint.Column) string { return col.ID },
		func(col blueprint.Column) string { return col.Name },
		func(col blueprint.Column, removed bool) Change {
			group := col.Phase
			if removed {
				group = c.newPhaseName(col.Phase)
			}
			return Change{Element: Column, ID: col.ID, Label: col.Name, Line: col.Pos.Line, Group: group, InPhase: true}
		},
		func(base Change, o, n blueprint.Column) {
			if to, renamed := c.renamedPhase[o.Phase]; !renamed || to != n.Phase {
				c.field(base, "phase", o.Phase, n.Phase)
			}
		})
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
