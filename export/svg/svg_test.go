package svg

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	xdraw "servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/export/raster"
	"servicebp/export/text"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var (
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	black = color.NRGBA{0, 0, 0, 0xff}
	red   = color.NRGBA{0xd0, 0x20, 0x20, 0xff}
	blue  = color.NRGBA{0x20, 0x40, 0xd0, 0xff}
	faint = color.NRGBA{0x20, 0x40, 0xd0, 0x80}
)

// sample is a small picture with one of each item, Chinese text, and two
// flows between the same steps (their ids must still be unique).
func sample() *xdraw.List {
	pt := func(x, y float32) layout.Point { return layout.Point{X: x, Y: y} }
	return &xdraw.List{Width: 200, Height: 120, Groups: []*xdraw.Group{
		{Elem: xdraw.Element{Kind: xdraw.ElemBackdrop}, Items: []xdraw.Item{
			&xdraw.Rect{R: layout.Rect{W: 200, H: 120}, Fill: white},
			&xdraw.Rect{R: layout.Rect{X: 0, Y: 100, W: 200, H: 20}, Fill: faint},
		}},
		{Elem: xdraw.Element{Kind: xdraw.ElemStep, ID: "check in"}, Items: []xdraw.Item{
			&xdraw.Rect{R: layout.Rect{X: 10, Y: 10, W: 80, H: 40}, Fill: blue, Stroke: black, Width: 2, Radius: 8},
			&xdraw.Rect{R: layout.Rect{X: 10, Y: 60, W: 30, H: 20}, Fill: red, Radius: 6, Corners: xdraw.LeftCorners},
			&xdraw.Text{Line: layout.TextLine{Text: "Hig <&>", Pos: pt(16, 18), W: 60, H: 20, Size: 14}, Color: white},
			&xdraw.Text{Line: layout.TextLine{Text: "入住", Pos: pt(16, 32), W: 60, H: 16, Size: 12, Bold: true}, Color: white},
		}},
		{Elem: xdraw.Element{Kind: xdraw.ElemFlow, From: "check in", To: "pay"}, Items: []xdraw.Item{
			&xdraw.Path{Points: []layout.Point{pt(100, 30), pt(150, 30), pt(150, 100)}, Stroke: black, Width: 2},
			&xdraw.Path{Points: []layout.Point{pt(145, 100), pt(155, 100), pt(150, 110)}, Closed: true, Fill: black},
		}},
		{Elem: xdraw.Element{Kind: xdraw.ElemFlow, From: "check in", To: "pay"}, Items: []xdraw.Item{
			&xdraw.Path{Points: []layout.Point{pt(0, 90), pt(100, 90)}, Stroke: red, Width: 2, Dash: []float32{6, 4}},
			&xdraw.Circle{Center: pt(180, 20), Radius: 8, Fill: red, Stroke: black, Width: 1},
		}},
	}}
}

func pinned(t testing.TB) *text.Engine {
	t.Helper()
	const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	data, err := text.ReadFont(droid)
	if err != nil {
		t.Fatalf("needs fonts-droid-fallback (run scripts/setup.sh): %v", err)
	}
	e, err := text.New(text.Config{Font: data, FontName: droid, NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func write(t testing.TB, l *xdraw.List, e *text.Engine, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, l, e, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	got := write(t, sample(), pinned(t), Options{Title: "Hotel & spa", Desc: "a <sample>"})
	path := filepath.Join("testdata", "sample.svg")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("SVG differs from %s (run go test -update and look at it):\n%s", path, got)
	}
	s := string(got)
	for _, want := range []string{
		`<g id="step-check_in" class="step">`,
		`<g id="flow-check_in-pay" class="flow">`,
		`<g id="flow-check_in-pay-2" class="flow">`,
		`<title>Hig &lt;&amp;&gt; 入住</title>`,
		`fill-opacity="0">入住</text>`,
		`stroke-dasharray="6 4"`,
		`<title>Hotel &amp; spa</title>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
}

// TestGlyphsDefinedOnce checks that each glyph is one <path> in <defs>,
// used wherever it is drawn.
func TestGlyphsDefinedOnce(t *testing.T) {
	l := sample()
	l.Groups[1].Items = append(l.Groups[1].Items, &xdraw.Text{Line: layout.TextLine{Text: "HHH", Pos: layout.Point{X: 10, Y: 80}, W: 60, H: 20, Size: 14}, Color: black})
	s := string(write(t, l, pinned(t), Options{}))
	defs := s[strings.Index(s, "<defs>"):strings.Index(s, "</defs>")]
	if n := strings.Count(defs, "<path id="); n != 8 { // H i g < & > 入 住 (the space has no outline)
		t.Errorf("%d glyphs defined, want 8:\n%s", n, defs)
	}
	if n := strings.Count(s, `<use xlink:href="#g1"`); n != 4 {
		t.Errorf("H is used %d times, want 4", n)
	}
}

func TestDeterministic(t *testing.T) {
	a := write(t, sample(), pinned(t), Options{Scale: 2})
	b := write(t, sample(), pinned(t), Options{Scale: 2})
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same list differ")
	}
	if !bytes.Contains(a, []byte(`width="400" height="240" viewBox="0 0 200 120"`)) {
		t.Errorf("scale 2 header: %s", a[:200])
	}
}

func TestXMLLint(t *testing.T) {
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("needs xmllint (libxml2-utils; run scripts/setup.sh)")
	}
	Lint(t, lint, write(t, sample(), pinned(t), Options{Title: "x"}))
}

// Lint runs xmllint on data and fails t on any complaint.
func Lint(t *testing.T, lint string, data []byte) {
	t.Helper()
	cmd := exec.Command(lint, "--noout", "-")
	cmd.Stdin = bytes.NewReader(data)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}

// TestMatchesRaster renders the SVG with librsvg and compares it with the
// raster painter's PNG of the same list: the mean channel difference must
// stay under 1.5 levels and fewer than 1% of the pixels may differ by more
// than a quarter of the range (anti-aliased edges are computed
// differently, but a missing or misplaced shape or glyph fails).
func TestMatchesRaster(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Fatal("needs rsvg-convert (librsvg2-bin; run scripts/setup.sh)")
	}
	e := pinned(t)
	const scale = 3
	svgData := write(t, sample(), e, Options{Scale: scale})
	cmd := exec.Command(rsvg, "-f", "png")
	cmd.Stdin = bytes.NewReader(svgData)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("rsvg-convert: %v", err)
	}
	got, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	l := sample()
	want := image.NewNRGBA(image.Rect(0, 0, int(l.Width*scale), int(l.Height*scale)))
	raster.New(l, e, scale).Paint(want)
	mean, far := Compare(t, got, want)
	t.Logf("rsvg-convert vs raster: mean %.3f levels, %.3f%% far off", mean, 100*far)
	if mean > 1.5 || far > 0.01 {
		t.Errorf("rsvg-convert vs raster: mean difference %.2f levels, %.2f%% of pixels far off", mean, 100*far)
	}
}

// Compare returns the mean absolute channel difference of a and b and the
// share of pixels with a channel more than 64 levels apart.
func Compare(t *testing.T, a image.Image, b *image.NRGBA) (mean, far float64) {
	t.Helper()
	if a.Bounds().Size() != b.Bounds().Size() {
		t.Fatalf("sizes %v and %v", a.Bounds().Size(), b.Bounds().Size())
	}
	na := image.NewNRGBA(b.Bounds())
	draw.Draw(na, na.Bounds(), a, a.Bounds().Min, draw.Src)
	var sum, n int
	for i := 0; i < len(na.Pix); i += 4 {
		off := false
		for c := range 4 {
			d := int(na.Pix[i+c]) - int(b.Pix[i+c])
			d = max(d, -d)
			sum += d
			off = off || d > 64
		}
		if off {
			n++
		}
	}
	px := len(na.Pix) / 4
	return float64(sum) / float64(4*px), float64(n) / float64(px)
}
