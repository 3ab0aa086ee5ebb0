package raster

import (
	"image"
	"math"

	xdraw "golang.org/x/image/draw"

	bdraw "servicebp/blueprint/draw"
	"servicebp/blueprint/images"
)

// SetPictures sets where the painter finds the pixels of the list's
// photos; without a source (or for a photo it cannot give) the
// placeholder under each photo shows.
func (p *Painter) SetPictures(src images.Source) { p.pics = src }

// image paints the photo of im scaled and cropped to cover its box, the
// box rounded to whole pixels.
func (p *Painter) image(dst *image.NRGBA, im *bdraw.Image) {
	if p.pics == nil {
		return
	}
	pic, err := p.pics.Picture(im.Key)
	if err != nil || pic == nil {
		return
	}
	b := p.box(im.R)
	r := image.Rect(int(math.Round(float64(b.X))), int(math.Round(float64(b.Y))),
		int(math.Round(float64(b.X+b.W))), int(math.Round(float64(b.Y+b.H))))
	if r.Empty() || r.Intersect(dst.Bounds()).Empty() {
		return
	}
	src := pic.Thumb
	crop := images.Cover(src.Rect.Dx(), src.Rect.Dy(), float32(r.Dx()), float32(r.Dy()))
	// The scaler maps the whole box and clips to the band, so that the
	// bands of one photo join without a seam.
	xdraw.CatmullRom.Scale(dst, r, src, crop.Add(src.Rect.Min), xdraw.Src, nil)
}
