package analysis

import (
	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

// checkConflicts reports each entry of the conflicts section, the merge
// conflicts servicebp merge recorded and nobody has resolved yet, at the
// entry's position. A conflict about a step names the step, so the editor
// marks its card. In English the message is the one validate prints.
func checkConflicts(c *checker) {
	d := c.x.d
	for i, cf := range d.Conflicts {
		f := Finding{Msg: conflictMessage(cf), Pos: cf.Pos, seq: c.flowSeq(len(d.Flows)) + i}
		switch cf.Element {
		case "step":
			if s := d.Step(cf.ID); s != nil {
				f.Step, f.Lane, f.Column = s.ID, s.Lane, s.Column
			}
		case "lane":
			f.Lane = cf.ID
		case "column":
			f.Column = cf.ID
		}
		if f.Pos.Line < 1 {
			f.Pos = blueprint.Pos{Line: 1, Col: 1}
		}
		c.emit(f)
	}
}

// conflictMessage is the finding's message for conflict cf: the element
// and field, and the three values.
func conflictMessage(cf blueprint.Conflict) i18n.Message {
	var what any = cf.Element
	switch {
	case cf.ID != "" && cf.Field != "":
		what = i18n.M("lint.conflict.what.field", "element", cf.Element, "id", cf.ID, "field", cf.Field)
	case cf.ID != "":
		what = i18n.M("lint.conflict.what.id", "element", cf.Element, "id", cf.ID)
	case cf.Field != "":
		what = i18n.M("lint.conflict.what.field-only", "element", cf.Element, "field", cf.Field)
	}
	value := func(v string) any {
		if v == "" {
			return i18n.M("lint.conflict.none")
		}
		return blueprint.ConflictValue(v)
	}
	return i18n.M("lint.unresolved-conflict", "what", what, "ours", value(cf.Ours), "theirs", value(cf.Theirs), "base", value(cf.Base))
}
