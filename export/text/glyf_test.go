package text

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"servicebp/assets"
	"servicebp/blueprint/layout"
)

var bundled = []struct {
	name string
	data []byte
}{{"NotoSans-Regular", assets.NotoSansRegular}, {"NotoSans-Bold", assets.NotoSansBold}}

// fullFace loads a bundled font with all its tables, as go-text does.
func fullFace(t *testing.T, data []byte) *font.Face {
	t.Helper()
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	f, err := font.NewFont(ld)
	if err != nil {
		t.Fatal(err)
	}
	return font.NewFace(f)
}

// goTextOutline is go-text's outline of glyph gid, in the units of
// Outline.
func goTextOutline(f *font.Face, gid uint32) Outline {
	g, ok := f.GlyphData(font.GID(gid)).(font.GlyphOutline)
	if !ok {
		return nil
	}
	s := 1 / float32(f.Upem())
	out := make(Outline, len(g.Segments))
	for i, sg := range g.Segments {
		out[i].Op = SegOp(sg.Op)
		for j, p := range sg.ArgsSlice() {
			out[i].Pts[j] = layout.Point{X: p.X * s, Y: -p.Y * s}
		}
	}
	return out
}

// TestGlyfMatchesGoText decodes every glyph of the bundled fonts from
// their glyf tables and requires go-text's outline of it, segment for
// segment: simple glyphs, composites (accented letters) and blanks.
func TestGlyfMatchesGoText(t *testing.T) {
	for _, b := range bundled {
		full := fullFace(t, b.data)
		g, err := newGlyf(b.data)
		if err != nil {
			t.Fatalf("%s: %v", b.name, err)
		}
		upem := float32(full.Upem())
		n, composites, drawn := uint32(g.nglyf), 0, 0
		if n < 1000 {
			t.Fatalf("%s has only %d glyphs", b.name, n)
		}
		for gid := range n {
			want, got := goTextOutline(full, gid), g.outline(gid, upem)
			if len(want) == 0 && len(got) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s glyph %d:\n got %v\nwant %v", b.name, gid, got, want)
			}
			drawn++
			if start := g.loca[gid]; g.loca[gid+1] > start && int16(uint16(g.glyf[start])<<8|uint16(g.glyf[start+1])) < 0 {
				composites++
			}
		}
		if drawn < 1000 || composites < 100 {
			t.Errorf("%s: only %d glyphs drawn, %d of them composite", b.name, drawn, composites)
		}
	}
}

// TestShapingWithoutOutlines shapes texts with the bundled fonts loaded
// without their outline tables and requires the runs of the fonts loaded
// whole: the same glyphs at the same positions.
func TestShapingWithoutOutlines(t *testing.T) {
	fast, err := New(Config{NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := New(Config{NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	reg := &face{name: "NotoSans-Regular", face: fullFace(t, assets.NotoSansRegular)}
	bold := &face{name: "NotoSans-Bold", face: fullFace(t, assets.NotoSansBold)}
	for _, fc := range []*face{reg, bold} {
		fc.upem = float32(fc.face.Upem())
		whole.byName[fc.name] = fc
	}
	whole.regular, whole.bold = []*face{reg}, []*face{bold, reg}

	texts := []string{
		"Check in at the front desk", "AVAWAY Type fiffl office", "Crème brûlée, façade, naïve, Ångström, Øre",
		"Zażółć gęślą jaźń — ½ × 3 ≤ 4 € 12.50 ± 0.01", "Ἀθῆναι Москва Việt Nam ǅ ǈ",
		"e\u0301 a\u0308\u0304 n\u0303 (combining marks)", "W 0123456789smhdw+-…", "“Quotes” ‘and’ «guillemets»",
	}
	for _, name := range assets.TemplateNames() {
		data, err := assets.Template(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	for _, s := range texts {
		for _, b := range []bool{false, true} {
			got, want := fast.Shape(s, 14, b), whole.Shape(s, 14, b)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Shape(%q, bold %v):\n got %+v\nwant %+v", s, b, got, want)
			}
		}
	}
}

// TestShapingView checks the shaping view of a bundled font: no post
// table, a glyf table of glyph boxes, and the other tables as in the file.
func TestShapingView(t *testing.T) {
	data := assets.NotoSansRegular
	g, err := newGlyf(data)
	if err != nil {
		t.Fatal(err)
	}
	view, err := shapingView(data, g)
	if err != nil {
		t.Fatal(err)
	}
	ld, err := ot.NewLoader(view)
	if err != nil {
		t.Fatal(err)
	}
	full, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range full.Tables() {
		name := tag.String()
		if ld.HasTable(tag) == (name == "post") {
			t.Errorf("table %s: in the view %v", tag, ld.HasTable(tag))
		}
		if name == "post" || name == "glyf" || name == "loca" {
			continue
		}
		a, errA := ld.RawTable(tag)
		b, errB := full.RawTable(tag)
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("table %s reads differently through the view (%v, %v)", tag, errA, errB)
		}
	}
	boxes, err := ld.RawTable(ot.MustNewTag("glyf"))
	if err != nil {
		t.Fatal(err)
	}
	if orig, _ := full.RawTable(ot.MustNewTag("glyf")); len(boxes) == 0 || len(boxes) > len(orig)/5 {
		t.Errorf("the view's glyf is %d bytes, the font's %d", len(boxes), len(orig))
	}
	if _, err := tableDirectory(data[:20]); err == nil {
		t.Error("a cut table directory was accepted")
	}
}

// BenchmarkNewEngine loads the bundled fonts, as every export process
// does once.
func BenchmarkNewEngine(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(Config{NoSystemFonts: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewEngineWhole loads the bundled fonts whole, outlines and
// glyph names included: the cost BenchmarkNewEngine avoids.
func BenchmarkNewEngineWhole(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		e := &Engine{byName: map[string]*face{}}
		for _, f := range bundled {
			if _, err := e.add(f.name, f.data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
