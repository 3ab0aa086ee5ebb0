package main

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedIcon checks that assets/icon.png is what this program draws,
// so the icon and its source cannot drift apart.
func TestCommittedIcon(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "..", "assets", "icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	want := drawIcon(design)
	if got.Bounds() != want.Bounds() {
		t.Fatalf("assets/icon.png is %v, want %v", got.Bounds(), want.Bounds())
	}
	for y := 0; y < design; y++ {
		for x := 0; x < design; x++ {
			gr, gg, gb, ga := got.At(x, y).RGBA()
			wr, wg, wb, wa := want.At(x, y).RGBA()
			if gr != wr || gg != wg || gb != wb || ga != wa {
				t.Fatalf("pixel (%d,%d) differs; run: go run ./internal/tools/drawicon -o assets/icon.png", x, y)
			}
		}
	}
}

// TestDrawIcon checks the icon's size, its transparent corners, and the
// colours at a few landmarks, at several sizes.
func TestDrawIcon(t *testing.T) {
	for _, size := range []int{16, 32, 64, 512} {
		t.Run(fmt.Sprintf("%dpx", size), func(t *testing.T) {
			img := drawIcon(size)
			if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
				t.Fatalf("bounds %v, want %dx%d", b, size, size)
			}
			at := func(x, y float64) (uint8, uint8) {
				c := img.NRGBAAt(int(x*float64(size)/design), int(y*float64(size)/design))
				return c.B, c.A
			}
			if _, a := at(0, 0); a != 0 {
				t.Errorf("top-left corner alpha %d, want 0", a)
			}
			if _, a := at(design-1, design-1); a != 0 {
				t.Errorf("bottom-right corner alpha %d, want 0", a)
			}
			if b, a := at(design/2, laneMid(3)); a != 255 || b == 255 {
				t.Errorf("support lane centre blue %d alpha %d, want an opaque lane colour", b, a)
			}
			if b, a := at(columnX[0], laneMid(0)); a != 255 || b < 0xf0 {
				t.Errorf("first card blue %d alpha %d, want an opaque light card", b, a)
			}
		})
	}
}

// TestWrite checks that write produces a decodable PNG of the asked size and
// leaves no temporary file behind.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "icon.png")
	if err := write(path, 64); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != 64 || cfg.Height != 64 {
		t.Errorf("size %dx%d, want 64x64", cfg.Width, cfg.Height)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("folder holds %d files, want only icon.png", len(entries))
	}
	if err := write(filepath.Join(dir, "missing", "icon.png"), 64); err == nil {
		t.Error("write into a missing folder succeeded, want an error")
	}
}
