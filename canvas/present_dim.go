package canvas

import "image/color"

// dimFade is how far a dimmed element's colours move toward the
// background: 0 leaves them, 1 makes them vanish.
const dimFade = 0.78

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

// dim fades specs toward the background when on; it returns specs.
func (s *Scene) dim(specs []spec, on bool) []spec {
	if !on {
		return specs
	}
	bg := s.pal.Background
	for i := range specs {
		specs[i].fill = fade(specs[i].fill, bg)
		specs[i].stroke = fade(specs[i].stroke, bg)
	}
	return specs
}

// fade mixes c toward bg by dimFade, keeping c's opacity.
func fade(c, bg color.NRGBA) color.NRGBA {
	mix := func(a, b uint8) uint8 { return uint8(float32(a)*(1-dimFade) + float32(b)*dimFade + 0.5) }
	return color.NRGBA{R: mix(c.R, bg.R), G: mix(c.G, bg.G), B: mix(c.B, bg.B), A: c.A}
}
