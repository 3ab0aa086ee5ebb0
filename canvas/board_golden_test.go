package canvas

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
)

func init() {
	// Other tests of the package may define -update too; share it.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden images in testdata/")
	}
}

// boardFont is the font the board's image tests draw with, so that the
// images do not depend on the machine's fonts (fonts-droid-fallback).
const boardFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// goldenBoard shows d on a board with the pinned font in a test window.
func goldenBoard(t *testing.T, d *blueprint.Document) (*Board, fyne.Window) {
	t.Helper()
	data, err := os.ReadFile(boardFont)
	if err != nil {
		t.Fatalf("the board image tests need %s (Debian package fonts-droid-fallback; run make setup): %v", boardFont, err)
	}
	test.NewTempApp(t)
	b := NewBoard(blueprint.NewHistory(d))
	b.SetFont(fyne.NewStaticResource(filepath.Base(boardFont), data))
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(760, 520))
	b.setView(1, fyne.NewPos(0, 0))
	return b, w
}

func TestBoardGolden(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, b *Board)
	}{
		{"board_selected", func(t *testing.T, b *Board) {
			click(b, cardPos(t, b, "take"), 0)
		}},
		{"board_flow", func(t *testing.T, b *Board) {
			b.selectOnly(Selection{Kind: SelectFlow, IDs: []string{"ask", "card"}})
			b.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: cardPos(t, b, "sip")}})
		}},
		{"board_drag", func(t *testing.T, b *Board) {
			from, to := cardPos(t, b, "take"), cellPos(t, b, "backstage", "pay")
			b.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
			b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
		}},
		{"board_edit", func(t *testing.T, b *Board) {
			b.DoubleTapped(&fyne.PointEvent{Position: cellPos(t, b, "backstage", "pay")})
			test.Type(b.edit, "Authorise the payment")
		}},
		{"board_band", func(t *testing.T, b *Board) {
			from := cellPos(t, b, "customer", "order").AddXY(-70, 0)
			to := cardPos(t, b, "card")
			b.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
			b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, w := goldenBoard(t, boardDoc())
			tt.setup(t, b)
			assertBoardGolden(t, filepath.Join("testdata", tt.name+".png"), w.Canvas().Capture())
		})
	}
}

func assertBoardGolden(t *testing.T, path string, img image.Image) {
	t.Helper()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		writeBoardPNG(t, path, img)
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden image: %v (run go test -update to create it)", err)
	}
	want, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if diff := boardImageDiff(want, img); diff != "" {
		failed := filepath.Join("testdata", "failed", filepath.Base(path))
		writeBoardPNG(t, failed, img)
		t.Errorf("%s: %s; got image written to %s", path, diff, failed)
	}
}

func writeBoardPNG(t *testing.T, path string, img image.Image) {
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

// boardImageDiff describes how got differs from want: a different size,
// or more than 0.1% of pixels off by more than 24 levels in a channel.
func boardImageDiff(want, got image.Image) string {
	wb, gb := want.Bounds(), got.Bounds()
	if wb.Size() != gb.Size() {
		return fmt.Sprintf("size %v, want %v", gb.Size(), wb.Size())
	}
	bad := 0
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			r1, g1, b1, a1 := want.At(wb.Min.X+x, wb.Min.Y+y).RGBA()
			r2, g2, b2, a2 := got.At(gb.Min.X+x, gb.Min.Y+y).RGBA()
			for _, d := range []int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8), int(a1>>8) - int(a2>>8)} {
				if d > 24 || d < -24 {
					bad++
					break
				}
			}
		}
	}
	if limit := wb.Dx() * wb.Dy() / 1000; bad > limit {
		return fmt.Sprintf("%d pixels differ (limit %d)", bad, limit)
	}
	return ""
}
