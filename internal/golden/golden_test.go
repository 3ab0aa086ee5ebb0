package golden

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing the
// test, so that the helpers' own failures can be checked.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
	fatal  bool
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	r.mu.Lock()
	r.fatal = true
	r.mu.Unlock()
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) { r.Fatalf("%s", fmt.Sprint(args...)) }

// run calls f with a recorder in a goroutine of its own, as the testing
// package does, so that Fatalf can end it.
func run(t *testing.T, f func(tb testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

// grey is a w × h opaque image of one grey level.
func grey(w, h int, level uint8) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{level, level, level, 255})
		}
	}
	return img
}

// withPixels returns a copy of img with the first n pixels set to c.
func withPixels(img *image.NRGBA, n int, c color.NRGBA) *image.NRGBA {
	out := image.NewNRGBA(img.Bounds())
	copy(out.Pix, img.Pix)
	w := img.Bounds().Dx()
	for i := range n {
		out.SetNRGBA(i%w, i/w, c)
	}
	return out
}

// spread returns a copy of img with n pixels set to c, each in a tile of
// its own: (0,0), (20,0), (40,0), (60,0), (80,0), then the row of tiles
// below.
func spread(img *image.NRGBA, n int, c color.NRGBA) *image.NRGBA {
	out := image.NewNRGBA(img.Bounds())
	copy(out.Pix, img.Pix)
	for i := range n {
		out.SetNRGBA(i%5*20, i/5*20, c)
	}
	return out
}

func TestDiff(t *testing.T) {
	base := grey(100, 100, 100) // 10,000 pixels: at most 5 may differ, at most 4 in a tile
	off := color.NRGBA{117, 100, 100, 255}
	tests := []struct {
		name string
		got  image.Image
		want string // part of the message; "" for a match
	}{
		{"same", grey(100, 100, 100), ""},
		{"other size", grey(100, 99, 100), "size"},
		{"4 pixels off by 17 in one tile", withPixels(base, 4, off), ""},
		{"5 pixels off by 17 in one tile", withPixels(base, 5, off), "5 pixels differ in the 16×16 tile at (0,0) (limit 4 a tile)"},
		{"5 pixels off by 17 in 5 tiles", spread(base, 5, off), ""},
		{"6 pixels off by 17 in 6 tiles", spread(base, 6, off), "6 pixels differ (limit 5)"},
		{"6 pixels off by 17 below", spread(base, 6, color.NRGBA{100, 100, 83, 255}), "6 pixels differ"},
		{"5 pixels off by 16 in one tile", withPixels(base, 5, color.NRGBA{116, 100, 100, 255}), ""},
		{"all pixels off by 16", grey(100, 100, 116), ""},
		{"all pixels off by 17", grey(100, 100, 117), "10000 pixels differ (limit 5); 256 pixels differ in the 16×16 tile at (0,0)"},
		{"5 pixels off in alpha", withPixels(base, 5, color.NRGBA{100, 100, 100, 200}), "in the 16×16 tile"},
		{"empty", image.NewNRGBA(image.Rect(0, 0, 0, 0)), "size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(base, tt.got)
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("Diff = %q, want %q", got, tt.want)
			}
		})
	}
	// Bounds need not start at the origin; tiles start at the corner.
	moved := grey(100, 100, 100).SubImage(image.Rect(10, 10, 60, 60))
	if got := Diff(grey(50, 50, 100), moved); got != "" {
		t.Errorf("Diff of an offset image = %q, want a match", got)
	}
	shifted := withPixels(grey(100, 100, 100), 5, off).SubImage(image.Rect(0, 0, 60, 60))
	if got := Diff(grey(100, 100, 100).SubImage(image.Rect(0, 0, 60, 60)), shifted); !strings.Contains(got, "tile at (0,0)") {
		t.Errorf("Diff of a sub-image = %q, want the tile at (0,0)", got)
	}
	if got := Diff(image.NewNRGBA(image.Rect(0, 0, 0, 0)), image.NewNRGBA(image.Rect(3, 3, 3, 3))); got != "" {
		t.Errorf("Diff of two empty images = %q", got)
	}
}

// hotelGolden is the export golden of the hotel template, copied so that a
// test may paint on it.
func hotelGolden(t *testing.T) *image.NRGBA {
	t.Helper()
	src := ReadPNG(t, filepath.Join("..", "..", "export", "testdata", "hotel.png"))
	img := image.NewNRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
	return img
}

// erase paints r of a copy of img in the colour of the pixel above and to
// the left of r, as if what r holds had not been drawn.
func erase(img *image.NRGBA, r image.Rectangle) *image.NRGBA {
	out := image.NewNRGBA(img.Bounds())
	copy(out.Pix, img.Pix)
	bg := img.NRGBAAt(r.Min.X-1, r.Min.Y-1)
	draw.Draw(out, r, image.NewUniform(bg), image.Point{}, draw.Src)
	return out
}

// TestDiffFailsOnErasedContent erases small pieces of a real golden: the
// "+1" emotion chip of the first customer step (22 × 15 pixels), and
// 18 × 18 squares over the chip, a card's text, the title and a flow's
// label, each at several alignments to the tiles. None of them moves the
// total over its limit (1 in 2000 of 2.15 million pixels); every one must
// fail by its tile.
func TestDiffFailsOnErasedContent(t *testing.T) {
	want := hotelGolden(t)
	if got := Diff(want, want); got != "" {
		t.Fatalf("the golden differs from itself: %s", got)
	}
	chip := image.Rect(202, 269, 224, 284)
	if c := want.NRGBAAt(213, 272); c.G < 100 || c.R > 100 {
		t.Fatalf("no green emotion chip at %v in the hotel golden (%v there): has the golden changed?", chip, c)
	}
	cases := map[string]image.Rectangle{"+1 chip": chip}
	for name, at := range map[string]image.Point{
		"chip":       {203, 268},
		"card text":  {203, 295},
		"title":      {40, 34},
		"flow label": {262, 547},
	} {
		for _, d := range []image.Point{{0, 0}, {5, 3}, {9, 9}, {14, 12}} {
			p := at.Add(d)
			cases[fmt.Sprintf("18×18 square over the %s at %v", name, p)] = image.Rect(p.X, p.Y, p.X+18, p.Y+18)
		}
	}
	for name, r := range cases {
		got := erase(want, r)
		msg := Diff(want, got)
		if !strings.Contains(msg, "tile") {
			t.Errorf("%s erased: Diff = %q, want a tile over its limit", name, msg)
		}
		if strings.Contains(msg, "pixels differ (limit") {
			t.Errorf("%s erased: the total limit caught it (%q); the square is too big to test the tiles", name, msg)
		}
	}
}

// TestDiffPassesAntialiasJitter moves edges of a real golden by a pixel
// here and there, as a different rasteriser or rounding would: each of
// 60 edge pixels spread over the image takes its right-hand neighbour's
// colour, three of them in one tile, and every pixel of the image is off
// by up to PixelTolerance levels. That must still match.
func TestDiffPassesAntialiasJitter(t *testing.T) {
	want := hotelGolden(t)
	got := image.NewNRGBA(want.Bounds())
	copy(got.Pix, want.Pix)
	b := want.Bounds()
	moved, inTile := 0, 0
	for y := b.Min.Y + 8; y < b.Max.Y && moved < 60; y += 37 {
		for x := b.Min.X; x < b.Max.X-1 && moved < 60; x++ {
			c, next := want.NRGBAAt(x, y), want.NRGBAAt(x+1, y)
			if !far(uint32(c.R)<<8, uint32(next.R)<<8) {
				continue
			}
			got.SetNRGBA(x, y, next)
			moved++
			if inTile < 2 && y+1 < b.Max.Y && x%Tile < Tile-1 && (y+1)%Tile != 0 {
				// Two more moved pixels in the same tile, on the next row.
				got.SetNRGBA(x, y+1, want.NRGBAAt(x+1, y+1))
				got.SetNRGBA(x+1, y+1, want.NRGBAAt(x+2, y+1))
				inTile = 2
			}
			x += 3 * Tile // the next one in another tile
		}
	}
	if moved < 60 {
		t.Fatalf("found only %d edge pixels to move", moved)
	}
	if msg := Diff(want, got); msg != "" {
		t.Errorf("1-pixel edge jitter: Diff = %q, want a match", msg)
	}
	for i := range got.Pix {
		if i%4 == 3 {
			continue // alpha stays opaque
		}
		v := int(got.Pix[i]) + (i%3-1)*PixelTolerance
		got.Pix[i] = uint8(min(255, max(0, v)))
	}
	if msg := Diff(want, got); msg != "" {
		t.Errorf("edge jitter and every channel off by up to %d: Diff = %q, want a match", PixelTolerance, msg)
	}
}

func TestAssertImage(t *testing.T) {
	t.Chdir(t.TempDir())
	path := filepath.Join("testdata", "x.png")
	want := grey(40, 30, 200)
	WritePNG(t, path, want)

	if r := run(t, func(tb testing.TB) { AssertImage(tb, path, grey(40, 30, 200)) }); len(r.errors) > 0 {
		t.Errorf("the same image failed: %v", r.errors)
	}
	if _, err := os.Stat(filepath.Join("testdata", "failed")); !os.IsNotExist(err) {
		t.Errorf("a match wrote testdata/failed: %v", err)
	}

	bad := grey(40, 30, 10)
	r := run(t, func(tb testing.TB) { AssertImage(tb, path, bad) })
	if len(r.errors) != 1 || r.fatal || !strings.Contains(r.errors[0], "1200 pixels differ") {
		t.Errorf("a different image gave %v (fatal %v), want one error", r.errors, r.fatal)
	}
	failed := filepath.Join("testdata", "failed", "x.png")
	if msg := Diff(bad, ReadPNG(t, failed)); msg != "" {
		t.Errorf("%s is not the image that failed: %s", failed, msg)
	}

	r = run(t, func(tb testing.TB) { AssertImage(tb, filepath.Join("testdata", "none.png"), want) })
	if !r.fatal || !strings.Contains(r.errors[0], "-update") {
		t.Errorf("a missing golden file gave %v (fatal %v), want a fatal error naming -update", r.errors, r.fatal)
	}

	*Update = true
	t.Cleanup(func() { *Update = false })
	if r := run(t, func(tb testing.TB) { AssertImage(tb, path, bad) }); len(r.errors) > 0 {
		t.Errorf("-update failed: %v", r.errors)
	}
	if msg := Diff(bad, ReadPNG(t, path)); msg != "" {
		t.Errorf("-update did not rewrite %s: %s", path, msg)
	}
}

func TestWritePNGFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, func(tb testing.TB) { WritePNG(tb, filepath.Join(file, "x.png"), grey(1, 1, 0)) })
	if !r.fatal {
		t.Errorf("writing below a file did not fail: %v", r.errors)
	}
}

func TestFont(t *testing.T) {
	if got := FontFile(t); got != FontPath {
		t.Errorf("FontFile = %q, want %q", got, FontPath)
	}
	f := Font(t)
	if f.Name() != "DroidSansFallbackFull.ttf" || len(f.Content()) < 1<<20 {
		t.Errorf("Font = %s with %d bytes", f.Name(), len(f.Content()))
	}
}

func TestTemplate(t *testing.T) {
	if d := Template(t, "hotel"); d.Title != "Overnight hotel stay" || len(d.Steps) == 0 {
		t.Errorf("hotel template: title %q, %d steps", d.Title, len(d.Steps))
	}
	if r := run(t, func(tb testing.TB) { Template(tb, "no-such-template") }); !r.fatal {
		t.Errorf("an unknown template did not fail: %v", r.errors)
	}
}
