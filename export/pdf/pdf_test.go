package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"image/color"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/export/text"
)

var (
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	black = color.NRGBA{0, 0, 0, 0xff}
	red   = color.NRGBA{0xd0, 0x20, 0x20, 0xff}
	faint = color.NRGBA{0x20, 0x40, 0xd0, 0x80}
)

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

// sample has one of each item: rectangles (square, rounded, left-rounded),
// a dashed path, an arrowhead, a circle, a faint band and Latin and
// Chinese text.
func sample(texts ...string) *draw.List {
	pt := func(x, y float32) layout.Point { return layout.Point{X: x, Y: y} }
	items := []draw.Item{
		&draw.Rect{R: layout.Rect{W: 200, H: 120}, Fill: white},
		&draw.Rect{R: layout.Rect{X: 0, Y: 100, W: 200, H: 20}, Fill: faint},
		&draw.Rect{R: layout.Rect{X: 10, Y: 10, W: 80, H: 40}, Fill: white, Stroke: black, Width: 2, Radius: 8},
		&draw.Rect{R: layout.Rect{X: 10, Y: 60, W: 30, H: 20}, Fill: red, Radius: 6, Corners: draw.LeftCorners},
		&draw.Path{Points: []layout.Point{pt(0, 90), pt(100, 90)}, Stroke: red, Width: 2, Dash: []float32{6, 4}},
		&draw.Path{Points: []layout.Point{pt(145, 100), pt(155, 100), pt(150, 110)}, Closed: true, Fill: black},
		&draw.Circle{Center: pt(180, 20), Radius: 8, Fill: red, Stroke: black, Width: 1},
	}
	y := float32(14)
	for _, s := range texts {
		items = append(items, &draw.Text{Line: layout.TextLine{Text: s, Pos: pt(16, y), W: 180, H: 16, Size: 12}, Color: black})
		y += 16
	}
	return &draw.List{Width: 200, Height: 120, Groups: []*draw.Group{{Elem: draw.Element{Kind: draw.ElemStep, ID: "a"}, Items: items}}}
}

func write(t testing.TB, l *draw.List, e *text.Engine, info Info) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, l, e, 1, info); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func tool(t *testing.T, name string, data []byte, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("needs %s (poppler-utils; run scripts/setup.sh)", name)
	}
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, in)
	if name == "pdftotext" {
		args = append(args, "-")
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("%s: %v\n%s", name, err, stderr.Bytes())
	}
	return string(out)
}

// streams returns the decompressed streams of a PDF written by Write.
func streams(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	re := regexp.MustCompile(`(?s)/Length (\d+) /Filter /FlateDecode[^>]*>>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(data, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(data[m[1]:]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestSample writes the sample and reads it back with poppler: the text
// extracts (Chinese included), the fonts are embedded subsets, the page
// has the list's size, and the shapes are there as path operators.
func TestSample(t *testing.T) {
	data := write(t, sample("Hig <&> (x)", "入住 酒店"), pinned(t), Info{Title: "Hotel & spa 酒店"})
	got := tool(t, "pdftotext", data, "-enc", "UTF-8")
	for _, want := range []string{"Hig <&> (x)", "入住 酒店"} {
		if !strings.Contains(got, want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, got)
		}
	}
	info := tool(t, "pdfinfo", data, "-enc", "UTF-8")
	for _, want := range []string{"Title:           Hotel & spa 酒店\n", "Producer:        servicebp\n", "Page size:       200 x 120 pts\n", "Pages:           1\n"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	fonts := tool(t, "pdffonts", data)
	if !regexp.MustCompile(`(?m)^[A-Z]{6}\+DroidSansFallbackFull +Type 3 +Custom +yes yes yes`).MatchString(fonts) {
		t.Errorf("pdffonts:\n%s", fonts)
	}
	content := streams(t, data)[0]
	for _, want := range []string{
		"[6 4] 0 d\n",                         // the dashed path
		"/GS1 gs\n",                           // the faint band's alpha
		" c h B\n",                            // a rounded, filled and stroked rectangle
		"0 100 200 20 re f\n",                 // the band
		"145 100 m 155 100 l 150 110 l h f\n", // the arrowhead
		"/F1 12 Tf\n",
	} {
		if !strings.Contains(content, want) {
			t.Errorf("the content lacks %q:\n%s", want, content)
		}
	}
	if !bytes.Contains(data, []byte("/GS1 << /Type /ExtGState /ca 0.502 /CA 1 >>")) {
		t.Error("no ExtGState for the band's alpha")
	}
}

// TestGlyphsDefinedOnce checks that a glyph drawn many times is one glyph
// procedure, and that the subset is named after its glyphs.
func TestGlyphsDefinedOnce(t *testing.T) {
	data := write(t, sample("HHH", "HH H"), pinned(t), Info{})
	// H and the space: two glyph procedures, in whichever fonts draw them.
	glyphs := 0
	for _, m := range regexp.MustCompile(`/Differences \[0 ([^\]]*)\]`).FindAllSubmatch(data, -1) {
		glyphs += len(strings.Fields(string(m[1])))
	}
	if glyphs != 2 {
		t.Errorf("%d glyphs defined, want 2 (H and the space)", glyphs)
	}
	other := write(t, sample("HHI"), pinned(t), Info{})
	name := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+`)
	a, b := name.FindSubmatch(data), name.FindSubmatch(other)
	if a == nil || b == nil || bytes.Equal(a[1], b[1]) {
		t.Errorf("subset tags %q and %q: want tags that differ with the glyphs", a, b)
	}
}

// TestManyGlyphs draws more than 256 different glyphs, so that they are
// split over two Type 3 fonts, and checks that all the text still
// extracts.
func TestManyGlyphs(t *testing.T) {
	var lines []string
	var line []rune
	for r := rune(0x4e00); r < 0x4e00+300; r++ {
		line = append(line, r)
		if len(line) == 12 {
			lines = append(lines, string(line))
			line = line[:0]
		}
	}
	l := sample()
	l.Height = float32(len(lines))*16 + 20
	for i, s := range lines {
		l.Groups[0].Items = append(l.Groups[0].Items, &draw.Text{Line: layout.TextLine{Text: s, Pos: layout.Point{X: 4, Y: float32(i) * 16}, W: 190, H: 16, Size: 12}, Color: black})
	}
	data := write(t, l, pinned(t), Info{})
	fonts := tool(t, "pdffonts", data)
	if n := strings.Count(fonts, "Type 3"); n != 2 {
		t.Errorf("%d fonts for 300 glyphs, want 2:\n%s", n, fonts)
	}
	got := strings.Join(strings.Fields(tool(t, "pdftotext", data, "-raw", "-enc", "UTF-8")), "")
	if want := strings.Join(lines, ""); !strings.Contains(got, want) {
		t.Errorf("pdftotext of 300 ideographs:\n%s", got)
	}
}

// TestDeterministic checks that two writes are the same bytes, with an
// /ID of the content, and that the creation date is written only when
// given.
func TestDeterministic(t *testing.T) {
	e := pinned(t)
	a := write(t, sample("Hi 你好"), e, Info{Title: "x"})
	b := write(t, sample("Hi 你好"), pinned(t), Info{Title: "x"})
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same list differ")
	}
	if bytes.Contains(a, []byte("Date")) {
		t.Error("a date without Info.Created")
	}
	c := write(t, sample("Hi 你好"), e, Info{Title: "y"})
	id := regexp.MustCompile(`/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]`)
	ma, mc := id.FindSubmatch(a), id.FindSubmatch(c)
	if ma == nil || mc == nil || bytes.Equal(ma[1], mc[1]) || !bytes.Equal(ma[1], ma[2]) {
		t.Errorf("IDs %q and %q: want a fixed ID per content", ma, mc)
	}
	when := time.Date(2024, 3, 5, 6, 7, 8, 0, time.UTC)
	d := write(t, sample("Hi"), e, Info{Created: &when})
	if !bytes.Contains(d, []byte("/CreationDate (D:20240305060708Z)")) {
		t.Error("no /CreationDate of Info.Created")
	}
}

// TestPages writes two pages with a clipped, scaled layer and checks
// their sizes and that what lies outside the clip is left out.
func TestPages(t *testing.T) {
	e := pinned(t)
	w := New(e)
	l := sample("Left", "")
	l.Groups[0].Items = append(l.Groups[0].Items, &draw.Text{Line: layout.TextLine{Text: "Faraway", Pos: layout.Point{X: 150, Y: 60}, W: 40, H: 16, Size: 10}, Color: black})
	if err := w.AddPage(Page{Width: 100, Height: 100, Layers: []Layer{{List: l, Scale: 0.5}}}); err != nil {
		t.Fatal(err)
	}
	clip := Layer{List: l, Scale: 2, Clip: layout.Rect{X: 0, Y: 0, W: 150, H: 150}}
	if err := w.AddPage(Page{Width: 300, Height: 150, Layers: []Layer{clip}}); err != nil {
		t.Fatal(err)
	}
	if err := w.AddPage(Page{Width: 0, Height: 10}); err == nil {
		t.Error("a page without a width was added")
	}
	var b bytes.Buffer
	if err := w.Finish(&b, Info{}); err != nil {
		t.Fatal(err)
	}
	info := tool(t, "pdfinfo", b.Bytes(), "-f", "1", "-l", "2")
	if !strings.Contains(info, "Page    1 size:  100 x 100 pts") || !strings.Contains(info, "Page    2 size:  300 x 150 pts") {
		t.Errorf("pdfinfo:\n%s", info)
	}
	first := tool(t, "pdftotext", b.Bytes(), "-f", "1", "-l", "1")
	second := tool(t, "pdftotext", b.Bytes(), "-f", "2", "-l", "2")
	if !strings.Contains(first, "Faraway") || !strings.Contains(second, "Left") || strings.Contains(second, "Faraway") {
		t.Errorf("page 1 %q, page 2 %q: the clipped page must leave out Faraway", first, second)
	}
	if err := New(e).Finish(&b, Info{}); err == nil {
		t.Error("a PDF without pages was written")
	}
}

// TestNumbers checks the fixed-point number formatting against strconv's.
func TestNumbers(t *testing.T) {
	for _, v := range []float32{0, 1, -1, 0.5, -0.0004, 0.0005, 12.3456, -12.3455, 100, 14400, 0.1, 1e-9, 595.2756, -841.8898} {
		for _, k := range []int64{10, 1000, 10000} {
			r := math.Round(float64(v)*float64(k)) / float64(k)
			want := strconv.FormatFloat(r, 'f', -1, 64)
			if r == 0 {
				want = "0"
			}
			if got := round(v, k); got != want {
				t.Errorf("round(%v, %d) = %q, want %q", v, k, got, want)
			}
		}
	}
}
