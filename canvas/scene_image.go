package canvas

import "servicebp/blueprint/images"

// SetPictures sets where the scene finds the photos of the cards (an
// *images.Set of the blueprint's folder) and redraws; nil shows every
// photo's placeholder.
func (s *Scene) SetPictures(src images.Source) {
	s.pics = src
	s.refresh()
}

// Pictures is the scene's picture source, or nil.
func (s *Scene) Pictures() images.Source { return s.pics }

// pictures fills in the pictures of the image specs of specs, and drops
// those the source cannot give, so that their placeholders show.
func (s *Scene) pictures(specs []spec) []spec {
	out := specs[:0]
	for _, sp := range specs {
		if sp.shape == shapeImage {
			if s.pics == nil {
				continue
			}
			pic, err := s.pics.Picture(sp.text)
			if err != nil || pic == nil {
				continue
			}
			sp.img = pic.Thumb
		}
		out = append(out, sp)
	}
	return out
}
