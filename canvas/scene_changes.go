package canvas

import "servicebp/blueprint/draw"

// SetChanges marks the changes of a diff on the scene (see draw.Changes:
// outlined and tagged cards, ghosts of removed cards, move arrows, changed
// flows); nil removes the marks. The marks' geometry must belong to the
// layout the scene shows.
func (s *Scene) SetChanges(c *draw.Changes) {
	if c == nil && s.changes == nil {
		return
	}
	s.changes = c
	s.refresh()
}

// Changes returns the marks set with SetChanges, or nil.
func (s *Scene) Changes() *draw.Changes { return s.changes }
