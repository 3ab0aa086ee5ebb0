package diff

import "servicebp/blueprint"

// questions compares the parking lots, matching entries by their text:
// added, removed, a changed step, owner or kind, or another place in the
// list. An entry whose text changed is one removed and one added.
func (c *comparison) questions() {
	byID(c, c.old.Questions, c.new.Questions,
		func(q blueprint.Question) string { return q.Text },
		func(q blueprint.Question) string { return q.Text },
		func(q blueprint.Question, _ bool) Change {
			return Change{Element: Question, ID: q.Text, Line: q.Pos.Line}
		},
		func(base Change, o, n blueprint.Question) {
			c.field(base, "step", o.Step, n.Step)
			c.field(base, "owner", o.Owner, n.Owner)
			c.field(base, "kind", string(o.KindOrDefault()), string(n.KindOrDefault()))
		})
}
