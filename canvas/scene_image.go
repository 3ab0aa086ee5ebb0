package canvas

import (
	"fyne.io/fyne/v2"

	"servicebp/blueprint/images"
)

// fetcher is a picture source that can read a photo in the background:
// *images.Set is one.
type fetcher interface {
	Peek(key string) (*images.Picture, error, bool)
	Fetch(key string, done func())
}

// SetPictures sets where the scene finds the photos of the cards (an
// *images.Set of the blueprint's folder) and redraws; nil shows every
// photo's placeholder.
func (s *Scene) SetPictures(src images.Source) {
	s.pics = src
	s.refresh()
}

// SetBackgroundPictures makes the scene read photos it has not shown yet
// on another goroutine, when its source can (see images.Set.Fetch): their
// placeholders show until they are read, and the scene redraws then. The
// editor sets it so that opening a blueprint with many large photos never
// stalls the window; without it (exports, tests) photos are read at once.
func (s *Scene) SetBackgroundPictures(on bool) { s.background = on }

// Pictures is the scene's picture source, or nil.
func (s *Scene) Pictures() images.Source { return s.pics }

// pictures fills in the pictures of the image specs of specs, and drops
// those the source cannot give (yet), so that their placeholders show.
func (s *Scene) pictures(specs []spec) []spec {
	out := specs[:0]
	for _, sp := range specs {
		if sp.shape == shapeImage {
			pic := s.picture(sp.text)
			if pic == nil {
				continue
			}
			sp.img = pic.Thumb
		}
		out = append(out, sp)
	}
	return out
}

// picture is the photo at key, or nil when there is none to show now.
func (s *Scene) picture(key string) *images.Picture {
	if s.pics == nil {
		return nil
	}
	if f, ok := s.pics.(fetcher); ok && s.background {
		pic, err, ready := f.Peek(key)
		if !ready {
			src := s.pics
			f.Fetch(key, func() {
				fyne.Do(func() {
					if s.pics == src {
						s.refresh()
					}
				})
			})
			return nil
		}
		if err != nil {
			return nil
		}
		return pic
	}
	pic, err := s.pics.Picture(key)
	if err != nil {
		return nil
	}
	return pic
}
