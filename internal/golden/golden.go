// Package golden holds the helpers of servicebp's image tests: comparing
// an image with a golden PNG under testdata/, writing PNG files, loading
// the pinned font that makes the images independent of the machine's
// fonts and the shipped templates they draw.
//
// Only test files import it: it defines the -update flag of the test
// binary.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/assets"
	"servicebp/blueprint"
)

// Update is the -update flag of the test binary: with it the golden
// helpers rewrite the golden files instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// FontPath is the font every image test draws with, so that images do
// not depend on the machine's fonts. The Debian package
// fonts-droid-fallback (installed by make setup) provides it; it covers
// CJK, and Fyne's bundled Noto Sans covers the Latin text it lacks.
const FontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// FontFile returns FontPath and fails the test when the font cannot be
// read: the image tests must not pass without it.
func FontFile(t testing.TB) string {
	t.Helper()
	Font(t)
	return FontPath
}

// Font reads the pinned font FontPath as a resource named after its file
// and fails the test when it cannot be read.
func Font(t testing.TB) fyne.Resource {
	t.Helper()
	data, err := os.ReadFile(FontPath)
	if err != nil {
		t.Fatalf("the image tests need %s (Debian package fonts-droid-fallback; run make setup): %v", FontPath, err)
	}
	return fyne.NewStaticResource(filepath.Base(FontPath), data)
}

// Template parses the shipped template name (see assets.TemplateNames)
// and fails the test when it cannot be read or is invalid.
func Template(t testing.TB, name string) *blueprint.Document {
	t.Helper()
	data, err := assets.Template(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := blueprint.Parse(name+".yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The bounds within which two images match. A pixel differs when one of
// its channels is more than PixelTolerance levels (of 255) away; the
// images match when they have the same size, at most 1 in TotalRatio of
// all pixels differ and at most TileLimit pixels differ in any Tile × Tile
// tile (the tiles are aligned to the image's top-left corner; those at the
// right and bottom edges may be smaller). Anti-aliasing that moves an edge
// by a pixel here and there passes; a missing or added badge, glyph or
// line fails, however small the image it is part of: erasing any 18 × 18
// square covers 81 pixels or more of some tile.
const (
	PixelTolerance = 16
	TotalRatio     = 2000
	Tile           = 16
	TileLimit      = 4
)

// AssertImage compares got with the golden PNG at path, or rewrites the
// golden file under -update. The images must match within the bounds
// above (see Diff). On a mismatch got is written to testdata/failed/
// under the golden file's name and the test fails.
func AssertImage(t testing.TB, path string, got image.Image) {
	t.Helper()
	if *Update {
		WritePNG(t, path, got)
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden image: %v (run go test -update to create it)", err)
	}
	want, err := decode(data)
	if err != nil {
		t.Fatalf("golden image %s: %v", path, err)
	}
	if diff := Diff(want, got); diff != "" {
		failed := filepath.Join("testdata", "failed", filepath.Base(path))
		WritePNG(t, failed, got)
		t.Errorf("%s: %s; got image written to %s", path, diff, failed)
	}
}

// Diff describes how got differs from want, "" when they match within
// PixelTolerance, TotalRatio and TileLimit: a different size, too many
// differing pixels in all, or too many in one tile, which it names by
// its top-left corner.
func Diff(want, got image.Image) string {
	wb, gb := want.Bounds(), got.Bounds()
	if wb.Size() != gb.Size() {
		return fmt.Sprintf("size %v, want %v", gb.Size(), wb.Size())
	}
	cols := (wb.Dx() + Tile - 1) / Tile
	tiles := make([]int, cols*((wb.Dy()+Tile-1)/Tile))
	bad := 0
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			r1, g1, b1, a1 := want.At(wb.Min.X+x, wb.Min.Y+y).RGBA()
			r2, g2, b2, a2 := got.At(gb.Min.X+x, gb.Min.Y+y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) || far(a1, a2) {
				bad++
				tiles[y/Tile*cols+x/Tile]++
			}
		}
	}
	if len(tiles) == 0 {
		return ""
	}
	worst := 0
	for i, n := range tiles {
		if n > tiles[worst] {
			worst = i
		}
	}
	var msgs []string
	if limit := wb.Dx() * wb.Dy() / TotalRatio; bad > limit {
		msgs = append(msgs, fmt.Sprintf("%d pixels differ (limit %d)", bad, limit))
	}
	if n := tiles[worst]; n > TileLimit {
		msgs = append(msgs, fmt.Sprintf("%d pixels differ in the %d×%d tile at (%d,%d) (limit %d a tile)",
			n, Tile, Tile, wb.Min.X+worst%cols*Tile, wb.Min.Y+worst/cols*Tile, TileLimit))
	}
	return strings.Join(msgs, "; ")
}

// far reports whether two 16-bit channel values differ by more than
// PixelTolerance levels once reduced to 8 bits.
func far(a, b uint32) bool {
	a, b = a>>8, b>>8
	if a > b {
		a, b = b, a
	}
	return b-a > PixelTolerance
}

func decode(data []byte) (image.Image, error) {
	return png.Decode(bytes.NewReader(data))
}

// ReadPNG decodes the PNG file at path, failing the test on any error.
func ReadPNG(t testing.TB, path string) image.Image {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := decode(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// WritePNG encodes img as a PNG file at path, creating its folder, and
// fails the test on any error.
func WritePNG(t testing.TB, path string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
