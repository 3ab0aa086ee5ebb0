package canvas

import (
	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"servicebp/blueprint/images"
	"servicebp/blueprint/layout"
)

// photoView is the spotlight's large photo: the spotlit step's image,
// shown big on the side of the screen away from its card, on a mat of
// the card colour.
type photoView struct {
	pics  images.Source
	mat   *fcanvas.Rectangle
	img   *fcanvas.Image
	key   string // the photo shown, "" for none
	shown bool
}

func newPhotoView() *photoView {
	v := &photoView{
		mat: &fcanvas.Rectangle{CornerRadius: 8},
		img: &fcanvas.Image{FillMode: fcanvas.ImageFillContain, ScaleMode: fcanvas.ImageScaleSmooth},
	}
	v.mat.Hide()
	v.img.Hide()
	return v
}

func (v *photoView) objects() []fyne.CanvasObject { return []fyne.CanvasObject{v.mat, v.img} }

// SetPictures sets where the presenter finds the photos of the cards,
// drawn as thumbnails and, for the spotlit card, large; nil shows every
// photo's placeholder and no large photo.
func (p *Presenter) SetPictures(src images.Source) {
	p.photo.pics = src
	p.photo.key = ""
	p.scene.SetPictures(src)
	p.update()
}

// SpotlightPhoto reports the image path of the photo the spotlight shows
// large, "" when none is shown.
func (p *Presenter) SpotlightPhoto() string {
	if !p.photo.shown {
		return ""
	}
	return p.photo.key
}

// placePhoto shows the spotlit step's photo large, or hides it.
func (p *Presenter) placePhoto() {
	v := p.photo
	hide := func() {
		v.shown = false
		v.mat.Hide()
		v.img.Hide()
	}
	if p.spot == nil || v.pics == nil || p.cam.l == nil {
		hide()
		return
	}
	s := p.doc.Step(p.spot.Seed)
	card := p.cam.l.Card(p.spot.Seed)
	if s == nil || s.Image == "" || card == nil {
		hide()
		return
	}
	if v.key != s.Image {
		big, err := images.LargeOf(v.pics, s.Image)
		if err != nil {
			hide()
			return
		}
		v.key = s.Image
		v.img.Image = big
		v.img.Refresh()
	}
	// The half of the screen that the card is not on, above the progress
	// bar, with a margin.
	a := p.scene.WorldToScreen(layout.Point{X: card.Rect.X, Y: card.Rect.Y})
	z := p.scene.WorldToScreen(layout.Point{X: card.Rect.Right(), Y: card.Rect.Bottom()})
	w, h := p.size.Width, p.size.Height-barHeight(p.size)
	m := max(16, w*0.03)
	x0, x1 := w/2+m/2, w-m
	if (a.X+z.X)/2 > w/2 {
		x0, x1 = m, w/2-m/2
	}
	if x1-x0 < 40 || h-2*m < 40 || v.img.Image == nil || v.img.Image.Bounds().Empty() {
		hide()
		return
	}
	// The photo fitted into the area inside the mat's padding, and the mat
	// hugging it, centred in the area.
	pad := m / 2
	aw, ah := x1-x0-2*pad, h-2*m-2*pad
	b := v.img.Image.Bounds()
	iw, ih := aw, ah
	if k := float32(b.Dx()) / float32(b.Dy()); aw/ah > k {
		iw = ah * k
	} else {
		ih = aw / k
	}
	ix, iy := x0+pad+(aw-iw)/2, m+pad+(ah-ih)/2
	v.mat.FillColor = p.pal.Card
	v.mat.StrokeColor, v.mat.StrokeWidth = p.pal.Selection, 2
	v.mat.Move(fyne.NewPos(ix-pad, iy-pad))
	v.mat.Resize(fyne.NewSize(iw+2*pad, ih+2*pad))
	v.img.Move(fyne.NewPos(ix, iy))
	v.img.Resize(fyne.NewSize(iw, ih))
	v.shown = true
	v.mat.Show()
	v.img.Show()
	v.mat.Refresh()
	v.img.Refresh()
}
