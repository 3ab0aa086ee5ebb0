package export

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os/exec"
	"strings"
	"testing"

	"servicebp/assets"
	"servicebp/internal/golden"
)

// TestTemplatesSVG writes every template as SVG and checks it with
// xmllint: well-formed, with an id per step and flow, every card's text in
// the invisible text layer, and the same bytes when written twice.
func TestTemplatesSVG(t *testing.T) {
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("needs xmllint (libxml2-utils; run scripts/setup.sh)")
	}
	font := pinnedFont(t)
	for _, name := range assets.TemplateNames() {
		t.Run(name, func(t *testing.T) {
			d := golden.Template(t, name)
			data, err := SVG(d, Options{Scale: 1, Font: font})
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(lint, "--noout", "-")
			cmd.Stdin = bytes.NewReader(data)
			if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
				t.Fatalf("xmllint: %v\n%s", err, out)
			}
			s := string(data)
			for _, st := range d.Steps {
				if !strings.Contains(s, `<g id="step-`+st.ID+`" class="step">`) {
					t.Errorf("no group with the id of step %s", st.ID)
				}
			}
			if n := strings.Count(s, `class="flow"`); n != len(d.Flows) {
				t.Errorf("%d flow groups for %d flows", n, len(d.Flows))
			}
			if !strings.Contains(s, "<title>"+strings.ReplaceAll(d.Title, "&", "&amp;")+"</title>") {
				t.Errorf("no title %q", d.Title)
			}
			again, err := SVG(d, Options{Scale: 1, Font: font})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, again) {
				t.Error("two SVG exports differ")
			}
		})
	}
}

// TestSVGMatchesPNG renders the SVG export with librsvg and compares it
// with the PNG export of the same template. Tolerance: a mean channel
// difference under 0.5 levels (of 255) and under 0.1% of the pixels with
// a channel more than 64 levels off (measured: 0.10–0.14 and 0%); the two differ only in anti-aliasing
// (the glyphs sit on the same whole-pixel baselines in both).
func TestSVGMatchesPNG(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Fatal("needs rsvg-convert (librsvg2-bin; run scripts/setup.sh)")
	}
	font := pinnedFont(t)
	for _, name := range []string{"hotel", "shop"} {
		t.Run(name, func(t *testing.T) {
			d := golden.Template(t, name)
			opt := Options{Scale: 1, Font: font}
			data, err := SVG(d, opt)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(rsvg, "-f", "png")
			cmd.Stdin = bytes.NewReader(data)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("rsvg-convert: %v", err)
			}
			got, err := png.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			want, err := Render(d, opt)
			if err != nil {
				t.Fatal(err)
			}
			mean, far := compareImages(t, got, want.(*image.NRGBA))
			t.Logf("mean difference %.2f levels, %.3f%% of pixels far off", mean, 100*far)
			if mean > 0.5 || far > 0.001 {
				t.Errorf("SVG and PNG differ: mean %.2f levels, %.2f%% of pixels far off", mean, 100*far)
			}
		})
	}
}

// compareImages returns the mean absolute channel difference of a and b,
// composed over white, and the share of pixels more than 64 levels off.
func compareImages(t *testing.T, a image.Image, b *image.NRGBA) (mean, far float64) {
	t.Helper()
	if a.Bounds().Size() != b.Bounds().Size() {
		t.Fatalf("sizes %v and %v", a.Bounds().Size(), b.Bounds().Size())
	}
	flat := func(img image.Image) *image.RGBA {
		out := image.NewRGBA(image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()))
		draw.Draw(out, out.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Over)
		return out
	}
	fa, fb := flat(a), flat(b)
	var sum, n int
	for i := 0; i < len(fa.Pix); i += 4 {
		off := false
		for c := range 3 {
			d := int(fa.Pix[i+c]) - int(fb.Pix[i+c])
			d = max(d, -d)
			sum += d
			off = off || d > 64
		}
		if off {
			n++
		}
	}
	px := len(fa.Pix) / 4
	return float64(sum) / float64(3*px), float64(n) / float64(px)
}

// TestSVGChineseWithoutFonts checks that Chinese text is drawn as glyph
// outlines, so that it shows on a machine without a CJK font, and is in
// the text layer for search.
func TestSVGChineseWithoutFonts(t *testing.T) {
	d := golden.Template(t, "hotel")
	d.Title = "酒店服务蓝图"
	data, err := SVG(d, Options{Scale: 1, Font: pinnedFont(t)})
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.Contains(s, `fill-opacity="0">酒店服务蓝图</text>`) {
		t.Error("the Chinese title is not in the text layer")
	}
	// The title's glyph group: 6 uses of outline paths.
	i := strings.Index(s, `<g id="title"`)
	if i < 0 {
		t.Fatal("no title group")
	}
	grp := s[i:]
	grp = grp[:strings.Index(grp, "<text ")]
	if n := strings.Count(grp, "<use "); n < 6 {
		t.Errorf("the title draws %d glyphs, want at least 6:\n%s", n, grp)
	}
}
