package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"

	"servicebp/internal/golden"
)

// noisy returns a w × h image of flat areas, gradients and noise, with
// transparent and half-transparent pixels unless opaque.
func noisy(w, h int, opaque bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(1, 2))
	for y := range h {
		for x := range w {
			c := color.NRGBA{uint8(x * 7), uint8(y * 13), uint8(x ^ y), 0xff}
			if x > w/2 {
				c = color.NRGBA{uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32())}
			}
			if opaque {
				c.A = 0xff
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// TestPNGWriterRoundTrip encodes images in bands and checks that the
// standard decoder reads back every pixel.
func TestPNGWriterRoundTrip(t *testing.T) {
	for _, opaque := range []bool{true, false} {
		img := noisy(97, 61, opaque)
		var buf bytes.Buffer
		enc, err := newPNGWriter(&buf, 97, 61, opaque)
		if err != nil {
			t.Fatal(err)
		}
		for y0 := 0; y0 < 61; y0 += 10 {
			if err := enc.WriteRows(img.SubImage(image.Rect(0, y0, 97, min(y0+10, 61))).(*image.NRGBA)); err != nil {
				t.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		back, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("opaque %v: %v", opaque, err)
		}
		for y := range 61 {
			for x := range 97 {
				want := img.NRGBAAt(x, y)
				got := color.NRGBAModel.Convert(back.At(x, y)).(color.NRGBA)
				if want.A == 0 {
					want, got = color.NRGBA{}, color.NRGBA{A: got.A}
				}
				if got != want {
					t.Fatalf("opaque %v: pixel %d,%d = %v, want %v", opaque, x, y, got, want)
				}
			}
		}
	}
}

// TestPNGWriterMisuse checks the writer refuses rows that do not fit and
// an unfinished image instead of writing a broken file.
func TestPNGWriterMisuse(t *testing.T) {
	img := noisy(8, 8, true)
	enc, err := newPNGWriter(&bytes.Buffer{}, 8, 8, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := enc.WriteRows(noisy(7, 2, true)); err == nil {
		t.Error("rows 7 pixels wide in an image 8 wide: no error")
	}
	if err := enc.WriteRows(img.SubImage(image.Rect(0, 0, 8, 4)).(*image.NRGBA)); err != nil {
		t.Fatal(err)
	}
	if err := enc.WriteRows(img); err == nil {
		t.Error("8 more rows after 4 of 8: no error")
	}
	if err := enc.Close(); err == nil {
		t.Error("closing after 4 of 8 rows: no error")
	}
}

// TestPNGMatchesRender checks that the streamed PNG holds the image
// Render draws, and that an opaque export is written without alpha. Thin
// bands make the band buffers go round many times, the last band shorter.
func TestPNGMatchesRender(t *testing.T) {
	font := pinnedFont(t)
	d := golden.Template(t, "repair")
	defer func(h int) { bandHeight = h }(bandHeight)
	bandHeight = 37
	for _, transparent := range []bool{false, true} {
		opt := Options{Scale: 1, Font: font, Transparent: transparent}
		img, err := Render(d, opt)
		if err != nil {
			t.Fatal(err)
		}
		data, err := PNG(d, opt)
		if err != nil {
			t.Fatal(err)
		}
		back, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if _, isRGBA := back.(*image.RGBA); isRGBA == transparent {
			t.Errorf("transparent %v: decoded as %T", transparent, back)
		}
		if back.Bounds() != img.Bounds() {
			t.Fatalf("transparent %v: PNG is %v, image %v", transparent, back.Bounds(), img.Bounds())
		}
		n := img.(*image.NRGBA)
		bad := 0
		for y := range n.Bounds().Dy() {
			for x := range n.Bounds().Dx() {
				want := n.NRGBAAt(x, y)
				got := color.NRGBAModel.Convert(back.At(x, y)).(color.NRGBA)
				if want.A == 0 {
					want, got = color.NRGBA{}, color.NRGBA{A: got.A}
				}
				if got != want {
					bad++
				}
			}
		}
		if bad > 0 {
			t.Errorf("transparent %v: %d pixels of the PNG differ from the image", transparent, bad)
		}
	}
}
