package export

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"servicebp/assets"
	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/i18n"
	"servicebp/export/text"
	"servicebp/internal/golden"
)

// pinned is the pinned font of the image tests, loaded once so that all
// tests share its text engine.
var pinned struct {
	sync.Once
	font *Font
	err  error
}

// pinnedFont is golden.FontPath as an export font.
func pinnedFont(t testing.TB) *Font {
	t.Helper()
	golden.FontFile(t) // skips with a hint when the font is not installed
	pinned.Do(func() { pinned.font, pinned.err = LoadFont(golden.FontPath) })
	if pinned.err != nil {
		t.Fatal(pinned.err)
	}
	return pinned.font
}

// pinnedMissing lists the characters of d that the pinned font and the
// bundled fonts lack, ignoring the system fonts.
func pinnedMissing(t *testing.T, d *blueprint.Document, font *Font) []rune {
	t.Helper()
	e, err := text.New(text.Config{Font: font.Data, FontName: font.Name, NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	miss, err := e.Missing(Texts(d, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	return miss
}

func TestTemplatesGolden(t *testing.T) {
	font := pinnedFont(t)
	names := assets.TemplateNames()
	if len(names) < 4 {
		t.Fatalf("found %d templates, want at least 4", len(names))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			d := golden.Template(t, name)
			// The golden images are only stable when the pinned font and
			// Fyne's bundled fonts cover every character.
			if miss := pinnedMissing(t, d, font); len(miss) > 0 {
				t.Fatalf("the pinned fonts lack %q", string(miss))
			}
			// The shop template is written in Chinese; it is drawn with
			// Chinese labels, as under a zh_CN locale.
			lg := i18n.English
			if name == "shop" {
				lg = i18n.Simplified
			}
			img, err := Render(d, Options{Scale: 1, Font: font, Lang: lg})
			if err != nil {
				t.Fatal(err)
			}
			golden.AssertImage(t, filepath.Join("testdata", name+".png"), img)
		})
	}
}

func TestScaleTwoDoubles(t *testing.T) {
	font := pinnedFont(t)
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
	font := pinnedFont(t)
	d := blueprint.New("中文服务蓝图", i18n.Simplified.Names())
	d.Columns = []blueprint.Column{{ID: "c1", Name: "到店", Phase: "售前"}}
	d.Steps = []blueprint.Step{
		{ID: "s1", Lane: "customer", Column: "c1", Text: "顾客到店，询问商品价格并比较不同款式", Owner: "店员", Wait: 5 * blueprint.Minute, Moment: true},
		{ID: "s2", Lane: "frontstage", Column: "c1", Text: "店员热情接待", Fail: "无人接待"},
	}
	d.Flows = []blueprint.Flow{{From: "s1", To: "s2", Label: "咨询"}}
	opt := Options{Scale: 2, Font: font, Lang: i18n.Simplified}
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
	font := pinnedFont(t)
	d := golden.Template(t, "repair")
	for _, name := range draw.PaletteNames {
		t.Run(name, func(t *testing.T) {
			pal, _ := draw.PaletteByName(name)
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
	font := pinnedFont(t)
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
		{"over 16384 px a side", Options{Scale: 8}, false, int(math.Ceil(float64(l.Width * 8)))},
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
	// Over MaxPixels is refused by RenderLayout and PNG before they
	// allocate, with a message that says the limit and the way out.
	big := Layout(bpgen.Generate(1000), Options{Font: font})
	if _, err := RenderLayout(big, Options{Scale: 8}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "268 Mpx") || !strings.Contains(err.Error(), "SVG") {
		t.Errorf("RenderLayout of 1,000 steps at scale 8: %v, want ErrTooLarge", err)
	}
	if _, err := PNGLayout(big, Options{Scale: 8}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("PNGLayout of 1,000 steps at scale 8: %v, want ErrTooLarge", err)
	}
}

func TestMissing(t *testing.T) {
	d := blueprint.New("Hello 你好", blueprint.EnglishNames)
	d.Description = "好吗 ok \U00013000 \U00010000" // Egyptian and Linear B
	got := pinnedMissing(t, d, pinnedFont(t))
	if string(got) != "\U00010000\U00013000" {
		t.Errorf("missing = %q, want 𐀀𓀀", string(got))
	}
	// The system fonts may cover some of them, never more.
	all, err := Missing(d, Options{Font: pinnedFont(t)})
	if err != nil || len(all) > len(got) || (len(all) > 0 && !strings.Contains(string(got), string(all))) {
		t.Errorf("Missing = %q, %v; want a part of %q", string(all), err, string(got))
	}
	got = []rune("你吗好")
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
	font := pinnedFont(t)
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

// TestNoFyneTestPackage checks that export paints without Fyne at all
// (so it changes no global Fyne state) and without the editor's board
// package canvas/, and that no servicebp package links Fyne's test and
// software-canvas packages into the binary. The binary still contains
// them through Fyne's own desktop driver, whose system-tray code renders
// SVG icons with the software canvas (fyne v2.7.4,
// internal/driver/glfw/driver_desktop.go); no build tag of Fyne drops
// that file short of the web driver's test_web_driver.
func TestNoFyneTestPackage(t *testing.T) {
	banned := func(dep string) bool {
		return dep == "fyne.io/fyne/v2/test" || dep == "fyne.io/fyne/v2/driver/software" ||
			dep == "fyne.io/fyne/v2/app" || strings.HasPrefix(dep, "github.com/stretchr/testify")
	}
	out, err := exec.Command("go", "list", "-deps", "servicebp/export").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "servicebp/export/raster") {
		t.Fatalf("go list returned no raster package: %q", out)
	}
	for _, dep := range deps {
		if banned(dep) || strings.HasPrefix(dep, "fyne.io/") || dep == "servicebp/canvas" {
			t.Errorf("export depends on %s", dep)
		}
	}
	out, err = exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "servicebp").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || !strings.HasPrefix(f[0], "servicebp") {
			continue
		}
		for _, imp := range f[1:] {
			if banned(imp) && imp != "fyne.io/fyne/v2/app" {
				t.Errorf("%s imports %s", f[0], imp)
			}
		}
	}
}

// TestLoadFontTruncated refuses a font whose table directory is intact
// but whose tables are cut short.
func TestLoadFontTruncated(t *testing.T) {
	data, err := os.ReadFile(golden.FontFile(t))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "cut.ttf")
	if err := os.WriteFile(p, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFont(p); err == nil || !strings.Contains(err.Error(), "not a valid font") {
		t.Errorf("LoadFont(half a font) = %v", err)
	}
}
