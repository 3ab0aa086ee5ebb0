package export

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/assets"
	"servicebp/blueprint"
	"servicebp/canvas"
	"servicebp/internal/golden"
)

func init() {
	test.NewApp()
}

func TestTemplatesGolden(t *testing.T) {
	font := golden.Font(t)
	names := assets.TemplateNames()
	if len(names) < 4 {
		t.Fatalf("found %d templates, want at least 4", len(names))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			d := golden.Template(t, name)
			// The golden images are only stable when the pinned font and
			// Fyne's bundled fonts cover every character.
			covers, err := faceCoverage(font)
			if err != nil {
				t.Fatal(err)
			}
			if miss := missing(Texts(d), covers); len(miss) > 0 {
				t.Fatalf("the pinned fonts lack %q", string(miss))
			}
			img, err := Render(d, Options{Scale: 1, Font: font})
			if err != nil {
				t.Fatal(err)
			}
			golden.AssertImage(t, filepath.Join("testdata", name+".png"), img)
		})
	}
}

func TestScaleTwoDoubles(t *testing.T) {
	font := golden.Font(t)
	for _, name := range []string{"hotel", "shop"} {
		t.Run(name, func(t *testing.T) {
			d := golden.Template(t, name)
			one, err := Render(d, Options{Scale: 1, Font: font})
			if err != nil {
				t.Fatal(err)
			}
			two, err := Render(d, Options{Scale: 2, Font: font})
			if err != nil {
				t.Fatal(err)
			}
			s1, s2 := one.Bounds().Size(), two.Bounds().Size()
			if s2.X != 2*s1.X || s2.Y != 2*s1.Y {
				t.Errorf("scale 2 is %v, scale 1 is %v", s2, s1)
			}
			l := Layout(d, Options{Font: font})
			if s1.X != int(l.Width) || s1.Y != int(l.Height) {
				t.Errorf("scale 1 is %v, layout is %v × %v", s1, l.Width, l.Height)
			}
		})
	}
}

// TestCJK renders Chinese text and checks both that it is drawn (ink in the
// card) and that it looks right (golden image).
func TestCJK(t *testing.T) {
	font := golden.Font(t)
	d := blueprint.New("中文服务蓝图", blueprint.ChineseNames)
	d.Columns = []blueprint.Column{{ID: "c1", Name: "到店", Phase: "售前"}}
	d.Steps = []blueprint.Step{
		{ID: "s1", Lane: "customer", Column: "c1", Text: "顾客到店，询问商品价格并比较不同款式", Owner: "店员", Wait: 5 * blueprint.Minute, Moment: true},
		{ID: "s2", Lane: "frontstage", Column: "c1", Text: "店员热情接待", Fail: "无人接待"},
	}
	d.Flows = []blueprint.Flow{{From: "s1", To: "s2", Label: "咨询"}}
	opt := Options{Scale: 2, Font: font, Style: nil}
	l := Layout(d, opt)
	card := l.Card("s1")
	if card == nil || len(card.Lines) < 2 {
		t.Fatalf("the Chinese card text was not wrapped: %+v", card)
	}
	img, err := RenderLayout(l, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Count dark pixels in the first text line: tofu boxes or missing
	// glyphs would give almost none or a regular outline.
	line := card.Lines[0]
	dark := 0
	for y := int(line.Pos.Y * 2); y < int((line.Pos.Y+line.H)*2); y++ {
		for x := int(line.Pos.X * 2); x < int((line.Pos.X+line.W)*2); x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r+g+b < 3*0x6000 {
				dark++
			}
		}
	}
	if dark < 200 {
		t.Errorf("only %d dark pixels where the Chinese text should be", dark)
	}
	golden.AssertImage(t, filepath.Join("testdata", "cjk.png"), img)
}

func TestThemes(t *testing.T) {
	font := golden.Font(t)
	d := golden.Template(t, "repair")
	for _, name := range canvas.PaletteNames {
		t.Run(name, func(t *testing.T) {
			pal, _ := canvas.PaletteByName(name)
			img, err := Render(d, Options{Scale: 0.55, Font: font, Palette: pal})
			if err != nil {
				t.Fatal(err)
			}
			// Opaque everywhere, even in the last, partly covered pixels.
			bnd := img.Bounds()
			for _, pt := range []image.Point{bnd.Min, {bnd.Max.X - 1, bnd.Max.Y - 1}, {bnd.Max.X - 1, 0}} {
				if _, _, _, a := img.At(pt.X, pt.Y).RGBA(); a != 0xffff {
					t.Errorf("pixel %v alpha %#x, want opaque", pt, a)
				}
			}
			r, g, b, _ := img.At(2, 2).RGBA()
			want := pal.Background
			if uint8(r>>8) != want.R || uint8(g>>8) != want.G || uint8(b>>8) != want.B {
				t.Errorf("corner pixel %x %x %x, want the background %v", r>>8, g>>8, b>>8, want)
			}
		})
	}
	t.Run("transparent", func(t *testing.T) {
		img, err := Render(d, Options{Scale: 0.5, Font: font, Transparent: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, _, a := img.At(2, 2).RGBA(); a != 0 {
			t.Errorf("corner alpha %d, want 0", a)
		}
	})
}

func TestSizeLimits(t *testing.T) {
	font := golden.Font(t)
	d := golden.Template(t, "hotel")
	l := Layout(d, Options{Font: font})
	tests := []struct {
		name    string
		opt     Options
		wantErr bool
		width   int
	}{
		{"default scale", Options{}, false, int(l.Width) * 2},
		{"width picks the scale", Options{Width: 1000}, false, 1000},
		{"scale too small", Options{Scale: 0.1}, true, 0},
		{"scale too large", Options{Scale: 9}, true, 0},
		{"width too small", Options{Width: 10}, true, 0},
		{"over 16384 px", Options{Scale: 8}, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := PickScale(tt.opt, l.Width)
			if err == nil {
				var w int
				w, _, err = PixelSize(l, s)
				if err == nil && w != tt.width {
					t.Errorf("width %d, want %d", w, tt.width)
				}
			}
			if (err != nil) != tt.wantErr {
				t.Errorf("err = %v, want error %v", err, tt.wantErr)
			}
		})
	}
	// Every width gives exactly that many pixels.
	for w := 1000; w < 1100; w++ {
		s, err := PickScale(Options{Width: w}, l.Width)
		if err != nil {
			t.Fatal(err)
		}
		if got, _, _ := PixelSize(l, s); got != w {
			t.Errorf("--width %d gives %d px", w, got)
		}
	}
	// Oversize is refused by RenderLayout before it allocates.
	if _, err := RenderLayout(l, Options{Scale: 8}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("RenderLayout at scale 8: %v, want ErrTooLarge", err)
	}
}

func TestMissing(t *testing.T) {
	covers := func(r rune) bool { return r < 0x3000 }
	got := missing([]string{"Hello 你好", "好吗 ok"}, covers)
	if string(got) != "你吗好" {
		t.Errorf("missing = %q, want 你吗好", string(got))
	}
	msg := MissingMessage(got, false)
	for _, want := range []string{"你 (U+4F60)", "fonts-noto-cjk", "--font"} {
		if !bytes.Contains([]byte(msg), []byte(want)) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

func TestLoadFont(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.ttf")
	if err := os.WriteFile(bad, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		ok         bool
	}{
		{"ttf", golden.FontPath, true},
		{"collection", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", false},
		{"not a font file name", filepath.Join(dir, "font.woff"), false},
		{"missing", filepath.Join(dir, "nope.ttf"), false},
		{"corrupt", bad, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := LoadFont(tt.path); (err == nil) != tt.ok {
				t.Errorf("LoadFont(%s) = %v, want ok %v", tt.path, err, tt.ok)
			}
		})
	}
}

func TestWriteFile(t *testing.T) {
	font := golden.Font(t)
	d := golden.Template(t, "bank")
	dir := t.TempDir()
	out := filepath.Join(dir, "bank.png")
	if err := WriteFile(out, d, Options{Scale: 0.5, Font: font}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.DecodeConfig(f); err != nil {
		t.Errorf("output is not a PNG: %v", err)
	}
	// An unwritable destination leaves nothing behind.
	bad := filepath.Join(dir, "no-such-dir", "x.png")
	if err := WriteFile(bad, d, Options{Scale: 0.5, Font: font}); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only bank.png", len(entries))
	}
}

func TestUseFont(t *testing.T) {
	font := golden.Font(t)
	s := fyne.CurrentApp().Settings()
	UseFont(nil) // undo the other tests' fonts
	before := s.Theme()
	if _, ok := before.(*fontTheme); ok {
		t.Fatal("UseFont(nil) kept a font theme")
	}
	UseFont(font)
	if th, ok := s.Theme().(*fontTheme); !ok || th.Font(fyne.TextStyle{Bold: true}) != font {
		t.Fatalf("theme after UseFont is %T", s.Theme())
	}
	UseFont(font) // again: no change
	UseFont(nil)
	if s.Theme() != before {
		t.Errorf("UseFont(nil) left theme %T, want the one before", s.Theme())
	}
}
