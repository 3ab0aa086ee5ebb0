package export

import (
	"image"
	"image/draw"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"servicebp/blueprint/layout"
	"servicebp/canvas"
)

// bandHeight is the height in pixels of the horizontal bands the drawing
// is painted in. Painting band by band keeps only one band's scratch
// images alive next to the output, instead of two full-size images; the
// scene culls what lies outside the band, so each band paints only its own
// objects. (Fyne's caches are not safe for concurrent use, so the bands
// are painted one after the other.)
var bandHeight = 512

// renderBands paints the scene of l (without its backdrop) into a w × h
// image, band by band, with one scene and an offscreen canvas per band.
func renderBands(l *layout.Layout, pal canvas.Palette, scale float32, w, h int) *image.NRGBA {
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	sc := canvas.NewScene(pal)
	sc.SetBackdrop(false)
	sc.Update(l)
	for y0 := 0; y0 < h; y0 += bandHeight {
		y1 := min(y0+bandHeight, h)
		img := renderBand(sc, l, scale, y0, y1)
		draw.Draw(out, image.Rect(0, y0, w, y1), img, img.Bounds().Min, draw.Src)
	}
	return out
}

// renderBand paints pixel rows y0 to y1 of the scene.
func renderBand(sc *canvas.Scene, l *layout.Layout, scale float32, y0, y1 int) image.Image {
	top := float32(y0) / scale
	size := fyne.NewSize(l.Width, float32(y1-y0)/scale)
	sc.SetView(1, fyne.NewPos(0, -top))
	sc.SetViewport(size)
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetScale(scale)
	c.SetContent(sc.Object())
	c.Resize(size)
	img := c.Capture()
	c.SetContent(nil)
	return img
}
