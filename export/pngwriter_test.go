package export

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math/rand/v2"
	"testing"

	"servicebp/blueprint"
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

// TestPackAndUp checks the word-at-a-time RGB packing and Up filter
// against byte-by-byte ones, on rows of every length up to 40 pixels.
func TestPackAndUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for w := 0; w <= 40; w++ {
		src := make([]byte, 4*w)
		for i := range src {
			src[i] = uint8(rng.Uint32())
		}
		got := make([]byte, 3*w)
		packRGB(got, src)
		for x := range w {
			if !bytes.Equal(got[3*x:3*x+3], src[4*x:4*x+3]) {
				t.Fatalf("width %d: pixel %d packed as %v from %v", w, x, got[3*x:3*x+3], src[4*x:4*x+4])
			}
		}
		cur, prev, out := make([]byte, 1+3*w), make([]byte, 1+3*w), make([]byte, 1+3*w)
		for i := range cur {
			cur[i], prev[i] = uint8(rng.Uint32()), uint8(rng.Uint32())
		}
		up(out, cur, prev)
		if out[0] != 2 {
			t.Fatalf("filter byte %d", out[0])
		}
		for i := 1; i < len(cur); i++ {
			if out[i] != cur[i]-prev[i] {
				t.Fatalf("width %d: byte %d: %d - %d gave %d", w, i, cur[i], prev[i], out[i])
			}
		}
	}
	for _, c := range [][2]uint64{{0, 0xffffffffffffffff}, {0x8000800080008000, 0x0180018001800180}, {0x7f7f7f7f7f7f7f7f, 0x8080808080808080}} {
		want := uint64(0)
		for k := range 8 {
			want |= uint64(uint8(c[0]>>(8*k))-uint8(c[1]>>(8*k))) << (8 * k)
		}
		if got := sub8(c[0], c[1]); got != want {
			t.Errorf("sub8(%#x, %#x) = %#x, want %#x", c[0], c[1], got, want)
		}
	}
}

// BenchmarkPNGWriterRows encodes the picture of a one-card export at
// scale 2 (712 × 970 pixels), opaque.
func BenchmarkPNGWriterRows(b *testing.B) {
	d, err := blueprint.Parse("one.yaml", []byte("servicebp: 1\ntitle: One card\nsteps:\n  - id: a\n    lane: customer\n    column: c\n    text: Arrive at the hotel\n"))
	if err != nil {
		b.Fatal(err)
	}
	data, err := PNG(d, Options{Scale: 2, Font: pinnedFont(b)})
	if err != nil {
		b.Fatal(err)
	}
	dec, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewNRGBA(dec.Bounds())
	draw.Draw(img, img.Rect, dec, image.Point{}, draw.Src)
	w, h := img.Rect.Dx(), img.Rect.Dy()
	b.SetBytes(int64(len(img.Pix)))
	for b.Loop() {
		enc, err := newPNGWriter(io.Discard, w, h, true)
		if err != nil {
			b.Fatal(err)
		}
		if err := enc.WriteRows(img); err != nil {
			b.Fatal(err)
		}
		if err := enc.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
