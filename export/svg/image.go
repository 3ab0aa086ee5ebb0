package svg

import (
	"encoding/base64"

	"servicebp/blueprint/draw"
)

// image writes the photo of im as an <image> that covers its box (the
// overflow cropped, centred), embedded as a data: URI: a JPEG photo's
// thumbnail as JPEG, a PNG's as PNG. The bytes depend only on the photo.
func (s *writer) image(im *draw.Image) {
	if s.pics == nil || im.R.W <= 0 || im.R.H <= 0 {
		return
	}
	pic, err := s.pics.Picture(im.Key)
	if err != nil || pic == nil {
		return
	}
	uri, ok := s.uris[pic]
	if !ok {
		data, f, err := pic.Encoded()
		if err != nil {
			if s.err == nil {
				s.err = err
			}
			return
		}
		uri = "data:" + f.MIME() + ";base64," + base64.StdEncoding.EncodeToString(data)
		s.uris[pic] = uri
	}
	s.printf(`<image x="%s" y="%s" width="%s" height="%s" preserveAspectRatio="xMidYMid slice" xlink:href="%s"/>`+"\n",
		num(im.R.X), num(im.R.Y), num(im.R.W), num(im.R.H), uri)
}
