package export

import (
	"bytes"
	"image"
	"image/color"
	stddraw "image/draw"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"servicebp/assets"
	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/internal/golden"
)

// poppler runs one of poppler-utils' tools on a PDF and returns its
// standard output.
func poppler(t *testing.T, tool string, data []byte, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath(tool)
	if err != nil {
		t.Fatalf("needs %s (poppler-utils; run scripts/setup.sh)", tool)
	}
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append(args, in, "-")...)
	if tool != "pdftotext" { // the others write to stdout when given no output
		cmd = exec.Command(bin, append(args, in)...)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("%s: %v\n%s", tool, err, stderr.Bytes())
	}
	return out
}

// squeeze drops the white space of s, so that text wrapped over lines
// compares with the text extracted.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// cardTexts returns the text drawn on each card of d, its lines joined.
func cardTexts(t *testing.T, d *blueprint.Document, opt Options) map[string]string {
	t.Helper()
	dl, err := List(Layout(d, opt), opt)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, g := range dl.Groups {
		if g.Elem.Kind != draw.ElemStep {
			continue
		}
		for _, it := range g.Items {
			if tx, ok := it.(*draw.Text); ok {
				out[g.Elem.ID] += tx.Line.Text + " "
			}
		}
	}
	return out
}

// TestTemplatesPDF writes every template as PDF and checks it with
// poppler: pdftotext returns the text of every card and the title,
// pdffonts lists only embedded subset fonts with Unicode maps, pdfinfo
// the title and one page, and two exports are the same bytes.
func TestTemplatesPDF(t *testing.T) {
	font := pinnedFont(t)
	for _, name := range assets.TemplateNames() {
		t.Run(name, func(t *testing.T) {
			d := golden.Template(t, name)
			opt := Options{Font: font}
			data, err := PDF(d, opt)
			if err != nil {
				t.Fatal(err)
			}
			got := squeeze(string(poppler(t, "pdftotext", data, "-raw", "-enc", "UTF-8")))
			if !strings.Contains(got, squeeze(d.Title)) {
				t.Errorf("pdftotext lacks the title %q", d.Title)
			}
			cards := cardTexts(t, d, opt)
			if len(cards) != len(d.Steps) {
				t.Fatalf("%d cards drawn for %d steps", len(cards), len(d.Steps))
			}
			for id, s := range cards {
				if !strings.Contains(got, squeeze(s)) {
					t.Errorf("pdftotext lacks the text %q of card %s", s, id)
				}
			}
			checkFonts(t, data)
			info := string(poppler(t, "pdfinfo", data, "-enc", "UTF-8"))
			if !strings.Contains(info, "Title:           "+d.Title+"\n") || !strings.Contains(info, "Pages:           1\n") {
				t.Errorf("pdfinfo:\n%s", info)
			}
			again, err := PDF(d, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, again) {
				t.Error("two PDF exports differ")
			}
		})
	}
}

// checkFonts checks with pdffonts that data has fonts and that every one
// is embedded, a subset (a six-letter tag) and has a Unicode map; it
// returns pdffonts' rows.
func checkFonts(t *testing.T, data []byte) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(string(poppler(t, "pdffonts", data))), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(lines, "\n"))
	}
	rows := lines[2:]
	for _, row := range rows {
		f := strings.Fields(row)
		// name, "Type", "3", encoding, emb, sub, uni, object, generation
		if len(f) != 9 || f[1] != "Type" || f[2] != "3" || f[4] != "yes" || f[5] != "yes" || f[6] != "yes" {
			t.Errorf("font not an embedded Type 3 subset with a Unicode map: %s", row)
		}
		if len(f[0]) < 8 || f[0][6] != '+' || strings.ToUpper(f[0][:6]) != f[0][:6] {
			t.Errorf("font name %s has no subset tag", f[0])
		}
	}
	return rows
}

// TestPDFChinese exports the Chinese template with the system's Noto CJK
// collection as the fallback font, and checks that the Chinese text
// extracts as Chinese and that the CJK face is embedded.
func TestPDFChinese(t *testing.T) {
	d := golden.Template(t, "shop")
	if !strings.ContainsFunc(d.Title, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		t.Fatalf("the shop template's title %q is not Chinese", d.Title)
	}
	data, err := PDF(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := squeeze(string(poppler(t, "pdftotext", data, "-raw", "-enc", "UTF-8")))
	for _, want := range []string{d.Title, d.Lanes[0].Name, d.Steps[0].Text, d.Steps[len(d.Steps)-1].Text} {
		if !strings.Contains(got, squeeze(want)) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	rows := checkFonts(t, data)
	if !strings.Contains(strings.Join(rows, "\n"), "+NotoSansCJK") {
		t.Errorf("no Noto CJK subset among the fonts:\n%s", strings.Join(rows, "\n"))
	}
}

// TestPDFMatchesPNG renders the PDF export with pdftoppm at 72 dpi (one
// pixel per point, so per layout unit) and compares it with the PNG export
// at scale 1. Poppler places each Type 3 glyph on a whole pixel, where the
// raster painter keeps the fraction, and draws it a little heavier, so
// text differs by up to half a pixel: measured, a mean channel difference
// of 2.4–2.8 levels (of 255) and 1.2–1.4% of the pixels more than 64
// levels off, all on glyph edges, but at worst 13–16 levels in the signed
// mean of a 16 × 16 block, where such shifts cancel. Tolerance: a mean
// under 4 levels, under 2.5% of the pixels far off, and no block over 30
// levels. The test also erases one card's text line from the PNG and
// checks that the block measure sees it (measured 47–67 levels), so that a
// missing or misplaced card, line or word fails.
func TestPDFMatchesPNG(t *testing.T) {
	font := pinnedFont(t)
	for _, name := range []string{"hotel", "shop"} {
		t.Run(name, func(t *testing.T) {
			d := golden.Template(t, name)
			opt := Options{Scale: 1, Font: font}
			data, err := PDF(d, opt)
			if err != nil {
				t.Fatal(err)
			}
			got := renderPDF(t, data, 72)
			want, err := Render(d, opt)
			if err != nil {
				t.Fatal(err)
			}
			mean, far := compareImages(t, got, want.(*image.NRGBA))
			block := worstBlock(got, want.(*image.NRGBA), 16)
			t.Logf("mean difference %.2f levels, %.3f%% of pixels far off, worst 16×16 block %.1f levels at %v", mean, 100*far, block, worstAt)
			if mean > 4 || far > 0.025 || block > 30 {
				t.Errorf("PDF and PNG differ: mean %.2f levels, %.2f%% of pixels far off, a 16×16 block %.1f levels off", mean, 100*far, block)
			}
			// The tolerance still sees one card's text line gone.
			erased := image.NewNRGBA(want.Bounds())
			stddraw.Draw(erased, erased.Bounds(), want, image.Point{}, stddraw.Src)
			line := firstCardLine(t, d, opt)
			stddraw.Draw(erased, line, image.NewUniform(color.White), image.Point{}, stddraw.Src)
			b := worstBlock(got, erased, 16)
			t.Logf("with a card's text line erased: worst 16×16 block %.1f levels", b)
			if b <= 30 {
				t.Errorf("with the text %v of a card erased, the worst block is %.1f levels off: the tolerance cannot see it", line, b)
			}
		})
	}
}

// firstCardLine is the pixel box, at scale 1, of the first text line of
// the first card of d.
func firstCardLine(t *testing.T, d *blueprint.Document, opt Options) image.Rectangle {
	t.Helper()
	dl, err := List(Layout(d, opt), opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range dl.Groups {
		if g.Elem.Kind != draw.ElemStep {
			continue
		}
		for _, it := range g.Items {
			if tx, ok := it.(*draw.Text); ok {
				r := tx.Line.Rect()
				return image.Rect(int(r.X), int(r.Y), int(r.Right()+1), int(r.Bottom()+1))
			}
		}
	}
	t.Fatal("no card text")
	return image.Rectangle{}
}

// renderPDF renders the first page of a PDF with pdftoppm at dpi.
func renderPDF(t *testing.T, data []byte, dpi int) image.Image {
	t.Helper()
	out := poppler(t, "pdftoppm", data, "-r", strconv.Itoa(dpi), "-png", "-singlefile")
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

var worstAt image.Point

// worstBlock is the largest difference of the mean of a and b (composed
// over white) over any n × n block of pixels, the blocks overlapping by
// half: a signed mean, so that a glyph drawn half a pixel away, which
// darkens pixels on one side and lightens them on the other, cancels
// out, while a shape or word that is missing or extra does not.
func worstBlock(a image.Image, b *image.NRGBA, n int) float64 {
	w, h := b.Bounds().Dx(), b.Bounds().Dy()
	flat := func(img image.Image) *image.RGBA {
		out := image.NewRGBA(image.Rect(0, 0, w, h))
		stddraw.Draw(out, out.Bounds(), image.NewUniform(color.White), image.Point{}, stddraw.Src)
		stddraw.Draw(out, out.Bounds(), img, img.Bounds().Min, stddraw.Over)
		return out
	}
	fa, fb := flat(a), flat(b)
	worst := 0.0
	for by := 0; by+n <= h; by += n / 2 {
		for bx := 0; bx+n <= w; bx += n / 2 {
			sum := 0
			for y := by; y < by+n; y++ {
				i := fa.PixOffset(bx, y)
				for k := i; k < i+4*n; k++ {
					if k%4 != 3 {
						sum += int(fa.Pix[k]) - int(fb.Pix[k])
					}
				}
			}
			if v := math.Abs(float64(sum)) / float64(3*n*n); v > worst {
				worst = v
				worstAt = image.Pt(bx, by)
			}
		}
	}
	return worst
}

// TestPDFDeterministic checks that the PDF has no date unless
// SOURCE_DATE_EPOCH gives one, that it honours it, and that a malformed
// value is refused.
func TestPDFDeterministic(t *testing.T) {
	d := golden.Template(t, "repair")
	opt := Options{Font: pinnedFont(t)}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	plain, err := PDF(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain, []byte("/CreationDate")) {
		t.Error("a date without SOURCE_DATE_EPOCH")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dated, err := PDF(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	again, err := PDF(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dated, again) {
		t.Error("two PDF exports with the same SOURCE_DATE_EPOCH differ")
	}
	if !bytes.Contains(dated, []byte("/CreationDate (D:20231114221320Z)")) {
		t.Error("no /CreationDate of SOURCE_DATE_EPOCH 1700000000 (2023-11-14 22:13:20 UTC)")
	}
	info := string(poppler(t, "pdfinfo", dated))
	if !strings.Contains(info, "CreationDate:") || !strings.Contains(info, "2023") {
		t.Errorf("pdfinfo shows no creation date in 2023:\n%s", info)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if _, err := PDF(d, opt); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
		t.Errorf("malformed SOURCE_DATE_EPOCH: %v", err)
	}
}
