package export

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"servicebp/blueprint/layout"
	"servicebp/canvas"
	"servicebp/internal/golden"
)

func TestPaint(t *testing.T) {
	red := color.NRGBA{0xff, 0, 0, 0xff}
	img := image.NewNRGBA(image.Rect(0, 0, 10, 10))
	paint(img, layout.Rect{X: 1.5, Y: 2, W: 5, H: 3}, 1, red)
	tests := []struct {
		x, y  int
		alpha uint8
	}{
		{0, 3, 0},    // left of the rectangle
		{1, 3, 0x80}, // half covered
		{2, 3, 0xff}, // inside
		{6, 3, 0x80}, // half covered on the right
		{3, 5, 0},    // below
		{3, 1, 0},    // above
	}
	for _, tt := range tests {
		if a := img.NRGBAAt(tt.x, tt.y).A; a != tt.alpha {
			t.Errorf("pixel %d,%d alpha %#x, want %#x", tt.x, tt.y, a, tt.alpha)
		}
	}
	// Scale 2 doubles the covered area; out-of-bounds parts are clipped.
	img2 := image.NewNRGBA(image.Rect(0, 0, 10, 10))
	paint(img2, layout.Rect{X: 3, Y: 3, W: 10, H: 10}, 2, red)
	if img2.NRGBAAt(5, 5).A != 0 || img2.NRGBAAt(6, 6).A != 0xff || img2.NRGBAAt(9, 9).A != 0xff {
		t.Error("scaled, clipped paint is wrong")
	}
}

// TestPaintUnder checks that the backdrop goes under what is drawn.
func TestPaintUnder(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 3, 1))
	img.SetNRGBA(0, 0, color.NRGBA{0, 0, 0, 0xff})
	img.SetNRGBA(1, 0, color.NRGBA{0, 0, 0, 0x80})
	paint(img, layout.Rect{W: 3, H: 1}, 1, color.NRGBA{0xff, 0xff, 0xff, 0xff})
	want := []color.NRGBA{{0, 0, 0, 0xff}, {0x7f, 0x7f, 0x7f, 0xff}, {0xff, 0xff, 0xff, 0xff}}
	for x, w := range want {
		if got := img.NRGBAAt(x, 0); got != w {
			t.Errorf("pixel %d = %v, want %v", x, got, w)
		}
	}
}

// TestBandsSeamless paints a blueprint in thin bands and in one piece: the
// images must match.
func TestBandsSeamless(t *testing.T) {
	font := golden.Font(t)
	d := golden.Template(t, "shop")
	opt := Options{Scale: 1, Font: font}
	l := Layout(d, opt)
	defer func(h int) { bandHeight = h }(bandHeight)
	bandHeight = 1 << 20
	whole, err := RenderLayout(l, opt)
	if err != nil {
		t.Fatal(err)
	}
	bandHeight = 37
	banded, err := RenderLayout(l, opt)
	if err != nil {
		t.Fatal(err)
	}
	if whole.Bounds() != banded.Bounds() {
		t.Fatalf("banded image is %v, whole %v", banded.Bounds(), whole.Bounds())
	}
	differ := 0
	b := whole.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if whole.At(x, y) != banded.At(x, y) {
				differ++
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d pixels differ between banded and whole", differ)
	}
}

// wholeCanvas draws the scene of l (without its backdrop) on one software
// canvas the size of the image: the plain way, which the piece renderer
// must match.
func wholeCanvas(l *layout.Layout, scale float32, w, h int) *image.NRGBA {
	sc := canvas.NewScene(canvas.LightPalette())
	sc.SetBackdrop(false)
	sc.Update(l)
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetScale(scale)
	c.SetContent(sc.Object())
	c.Resize(fyne.NewSize(float32(w)/scale, float32(h)/scale))
	return c.Capture().(*image.NRGBA)
}

// TestPiecesMatchWholeCanvas checks that painting the scene piece by piece
// (with equal pieces painted once) gives the image that painting it on one
// canvas gives, at a few scales.
func TestPiecesMatchWholeCanvas(t *testing.T) {
	font := golden.Font(t)
	for _, name := range []string{"hotel", "bank"} {
		d := golden.Template(t, name)
		for _, scale := range []float32{1, 1.5, 2} {
			opt := Options{Scale: scale, Font: font}
			l := Layout(d, opt)
			w, h, err := PixelSize(l, scale)
			if err != nil {
				t.Fatal(err)
			}
			want := wholeCanvas(l, scale, w, h)
			got := image.NewNRGBA(image.Rect(0, 0, w, h))
			r := newPieceRenderer(l, canvas.LightPalette(), scale, got.Bounds())
			r.paintBand(got)
			r.done()
			if len(r.cache) != 0 || len(r.uses) != 0 {
				t.Errorf("%s at %g: %d cached images and %d counts left over", name, scale, len(r.cache), len(r.uses))
			}
			off := 0
			for i := 0; i < len(want.Pix); i += 4 {
				wa, ga := int(want.Pix[i+3]), int(got.Pix[i+3])
				for c := 0; c < 4; c++ {
					// Compare premultiplied values: the colour of a nearly
					// transparent pixel hardly matters.
					wv, gv := int(want.Pix[i+c])*wa/255, int(got.Pix[i+c])*ga/255
					if c == 3 {
						wv, gv = wa, ga
					}
					if max(wv-gv, gv-wv) > 2 {
						off++
						break
					}
				}
			}
			// Compositing each piece on its own rounds alpha by a level or
			// two. A coordinate computed in float32 far from the origin can
			// also round to the other side of a pixel than the same
			// coordinate near a piece's origin, which moves a line end by a
			// pixel: a few pixels in a million. A missing or misplaced
			// piece would differ in thousands.
			if limit := w * h / 50_000; off > limit {
				t.Errorf("%s at scale %g: %d pixels differ (limit %d)", name, scale, off, limit)
			}
		}
	}
}
