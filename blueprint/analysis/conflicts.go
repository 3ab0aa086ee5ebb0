package analysis

import "servicebp/blueprint"

// checkConflicts reports each entry of the conflicts section, the merge
// conflicts servicebp merge recorded and nobody has resolved yet, at the
// entry's position. A conflict about a step names the step, so the editor
// marks its card.
func checkConflicts(c *checker) {
	d := c.x.d
	for i, cf := range d.Conflicts {
		f := Finding{Message: cf.Message(), Pos: cf.Pos, seq: c.flowSeq(len(d.Flows)) + i}
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
