package export

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"servicebp/blueprint"
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

// pixelsDiffer reports whether two NRGBA pixels differ by more than tol
// levels in a premultiplied channel: the colour of a nearly transparent
// pixel hardly matters.
func pixelsDiffer(a, b []uint8, tol int) bool {
	aa, ba := int(a[3]), int(b[3])
	if max(aa-ba, ba-aa) > tol {
		return true
	}
	for c := 0; c < 3; c++ {
		av, bv := int(a[c])*aa/255, int(b[c])*ba/255
		if max(av-bv, bv-av) > tol {
			return true
		}
	}
	return false
}

// piecesAndWhole paints l's scene both ways at scale.
func piecesAndWhole(t *testing.T, l *layout.Layout, scale float32) (got, want *image.NRGBA) {
	t.Helper()
	w, h, err := PixelSize(l, scale)
	if err != nil {
		t.Fatal(err)
	}
	want = wholeCanvas(l, scale, w, h)
	got = image.NewNRGBA(image.Rect(0, 0, w, h))
	r := newPieceRenderer(l, canvas.LightPalette(), scale, got.Bounds())
	r.paintBand(got)
	r.done()
	if len(r.cache) != 0 || len(r.uses) != 0 {
		t.Errorf("at %g: %d cached images and %d counts left over", scale, len(r.cache), len(r.uses))
	}
	return got, want
}

// TestPiecesMatchWholeCanvas checks that painting the scene piece by piece
// (with equal pieces painted once) gives the image that painting it on one
// canvas gives, at scales where every piece's canvas can start on a whole
// world unit and a whole pixel.
func TestPiecesMatchWholeCanvas(t *testing.T) {
	font := golden.Font(t)
	for _, name := range []string{"hotel", "bank"} {
		d := golden.Template(t, name)
		for _, scale := range []float32{1, 1.5, 2} {
			l := Layout(d, Options{Scale: scale, Font: font})
			got, want := piecesAndWhole(t, l, scale)
			off := 0
			for i := 0; i < len(want.Pix); i += 4 {
				if pixelsDiffer(want.Pix[i:i+4], got.Pix[i:i+4], 2) {
					off++
				}
			}
			// Compositing each piece on its own rounds alpha by a level or
			// two. A coordinate computed in float32 far from the origin can
			// also round to the other side of a pixel than the same
			// coordinate near a piece's origin, which moves a line end by a
			// pixel: a few pixels in a million. A missing or misplaced
			// piece would differ in thousands.
			b := got.Bounds()
			if limit := b.Dx() * b.Dy() / 50_000; off > limit {
				t.Errorf("%s at scale %g: %d pixels differ (limit %d)", name, scale, off, limit)
			}
		}
	}
}

// TestCardsHoldTogether checks every card of a template at scales with
// no aligned canvas origin (1.1, 0.3, and the odd scale a --width picks).
// Float32 rounding near whole pixels can move an object by a pixel, on one
// canvas as well as in pieces, so the pieces may differ from one whole
// canvas by such jitter, but no more. And a card's lane stripe must start
// where its body starts: drawn from different origins, the stripe could
// slip a pixel and leave a sliver of the card's edge beside it.
func TestCardsHoldTogether(t *testing.T) {
	font := golden.Font(t)
	pal := canvas.LightPalette()
	d := golden.Template(t, "hotel")
	for _, scale := range []float32{1.1, 0.3, 1234.0 / 1905} {
		l := Layout(d, Options{Scale: scale, Font: font})
		got, want := piecesAndWhole(t, l, scale)
		kind := map[string]blueprint.LaneKind{}
		for _, ln := range l.Lanes {
			kind[ln.ID] = ln.Kind
		}
		for _, c := range l.Cards {
			r := pixelRect(c.Rect, scale).Inset(2).Intersect(got.Bounds())
			best := -1
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					off := 0
					for y := r.Min.Y; y < r.Max.Y; y++ {
						for x := r.Min.X; x < r.Max.X; x++ {
							if pixelsDiffer(got.Pix[got.PixOffset(x, y):][:4], want.Pix[want.PixOffset(x+dx, y+dy):][:4], 24) {
								off++
							}
						}
					}
					if best < 0 || off < best {
						best = off
					}
				}
			}
			if limit := r.Dx() * r.Dy() / 20; best > limit {
				t.Errorf("scale %g: card %s differs from the whole canvas in %d pixels at its best one-pixel shift (limit %d)", scale, c.StepID, best, limit)
			}
			// The first opaque pixel from the left, halfway down the card,
			// is the stripe's colour, not the card's.
			accent, fill := pal.Lane(kind[c.Lane]).Accent, pal.Card
			y := int((c.Rect.Y + c.Rect.H/2) * scale)
			for x := int(c.Rect.X*scale) - 3; x < int(c.Rect.X*scale)+4; x++ {
				p := got.NRGBAAt(x, y)
				if p.A < 200 {
					continue
				}
				if colourDist(p, accent) > colourDist(p, fill) {
					t.Errorf("scale %g: card %s starts with %v at x %d, nearer its fill %v than its stripe %v", scale, c.StepID, p, x, fill, accent)
				}
				break
			}
		}
	}
}

// colourDist is the squared distance of two colours' RGB values.
func colourDist(a, b color.NRGBA) int {
	dr, dg, db := int(a.R)-int(b.R), int(a.G)-int(b.G), int(a.B)-int(b.B)
	return dr*dr + dg*dg + db*db
}

// pixelRect is the smallest pixel rectangle holding r drawn at scale.
func pixelRect(r layout.Rect, scale float32) image.Rectangle {
	return image.Rect(
		int(math.Floor(float64(r.X*scale))), int(math.Floor(float64(r.Y*scale))),
		int(math.Ceil(float64(r.Right()*scale))), int(math.Ceil(float64(r.Bottom()*scale))))
}

func TestAlignedScale(t *testing.T) {
	for _, tc := range []struct {
		scale float32
		want  bool
	}{{1, true}, {2, true}, {1.5, true}, {1.25, true}, {0.25, true}, {8, true}, {1.1, false}, {0.3, false}, {1234.0 / 1905, false}} {
		if got := alignedScale(tc.scale); got != tc.want {
			t.Errorf("alignedScale(%g) = %v, want %v", tc.scale, got, tc.want)
		}
		// pieceStart keeps its promise: at most piecePad+7 units before,
		// and on a whole unit and pixel when the scale is aligned.
		for _, v := range []float32{0, 13.7, 1000.25} {
			n := pieceStart(v, tc.scale)
			if float32(n) > v*tc.scale-piecePad {
				t.Errorf("pieceStart(%g, %g) = %d, not %d pixels before", v, tc.scale, n, piecePad)
			}
			if o := float64(n) / float64(tc.scale); tc.want && o != math.Trunc(o) {
				t.Errorf("pieceStart(%g, %g) = %d is not on a whole unit (%g)", v, tc.scale, n, o)
			}
		}
	}
}
