package export

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"servicebp/blueprint/bpgen"
	"servicebp/internal/golden"
)

// TestLargeExports exports the two sizes the old painter refused: 40
// columns at scale 2 (over 16,384 px wide) and 200 columns at scale 1.
func TestLargeExports(t *testing.T) {
	if testing.Short() {
		t.Skip("large images")
	}
	font := pinnedFont(t)
	for _, tc := range []struct {
		name  string
		steps int
		scale float32
	}{
		{"40 columns at scale 2", 200, 2},
		{"200 columns at scale 1", 1000, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := bpgen.Generate(tc.steps)
			opt := Options{Scale: tc.scale, Font: font}
			l := Layout(d, opt)
			w, h, err := PixelSize(l, tc.scale)
			if err != nil {
				t.Fatal(err)
			}
			if w <= 16384 {
				t.Fatalf("%d px wide: not over the old limit", w)
			}
			data, err := PNGLayout(l, opt)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(data))
			if err != nil || cfg.Width != w || cfg.Height != h {
				t.Fatalf("PNG %+v, %v; want %d × %d", cfg, err, w, h)
			}
			if _, err := SVGLayout(l, d, opt); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestBandsSeamless paints one image in thin bands and in one band: they
// match to a few levels in a few pixels (a shape cut by a band boundary
// is rasterized from another origin, which may round its coverage the
// other way), so no seam shows.
func TestBandsSeamless(t *testing.T) {
	d := golden.Template(t, "repair")
	opt := Options{Scale: 1.5, Font: pinnedFont(t)}
	defer func(h int) { bandHeight = h }(bandHeight)
	bandHeight = 1 << 20
	whole, err := Render(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	bandHeight = 37
	banded, err := Render(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	a, b := whole.(*image.NRGBA).Pix, banded.(*image.NRGBA).Pix
	if len(a) != len(b) {
		t.Fatalf("sizes differ")
	}
	n := 0
	for i := range a {
		d := int(a[i]) - int(b[i])
		if d > 3 || d < -3 {
			t.Fatalf("pixel %d channel %d: %d one band, %d in bands", i/4, i%4, a[i], b[i])
		}
		if d != 0 {
			n++
		}
	}
	if n > len(a)/1000 {
		t.Errorf("%d of %d channels differ", n, len(a))
	}
}

// TestPNGDeterministic exports twice: the bytes are the same.
func TestPNGDeterministic(t *testing.T) {
	d := golden.Template(t, "shop")
	opt := Options{Scale: 1, Font: pinnedFont(t)}
	a, err := PNG(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := PNG(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two PNG exports differ")
	}
}

// TestBandRows checks that a band holds at most bandBytes of pixels, so
// that memory does not grow with the width, and that narrow images get
// the full band height.
func TestBandRows(t *testing.T) {
	if got := bandRows(2000); got != bandHeight {
		t.Errorf("bandRows(2000) = %d, want %d", got, bandHeight)
	}
	for _, w := range []int{20_000, 47_000, 1 << 20} {
		if rows := bandRows(w); rows*4*w > bandBytes && rows > 8 {
			t.Errorf("bands of an image %d px wide have %d rows: %d bytes", w, rows, rows*4*w)
		}
	}
}
