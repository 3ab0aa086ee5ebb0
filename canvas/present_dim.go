package canvas

// SetDimmed fades the cards of the given steps, and the flows that touch
// them, into the background, so that the other cards stand out. Nil or
// empty dims nothing.
func (s *Scene) SetDimmed(stepIDs []string) {
	if len(stepIDs) == 0 && len(s.dimmed) == 0 {
		return
	}
	s.dimmed = make(map[string]bool, len(stepIDs))
	for _, id := range stepIDs {
		s.dimmed[id] = true
	}
	s.refresh()
}
