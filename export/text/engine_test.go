package text

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

func pinned(t *testing.T) *Engine {
	t.Helper()
	data, err := ReadFont(droid)
	if err != nil {
		t.Fatalf("needs fonts-droid-fallback (run scripts/setup.sh): %v", err)
	}
	e, err := New(Config{Font: data, FontName: droid, NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestShapeLatin(t *testing.T) {
	e, err := New(Config{NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	r := e.Shape("Check in", 14, false)
	if len(r.Glyphs) != 8 || len(r.Faces) != 1 || r.Faces[0] != "NotoSans-Regular" {
		t.Fatalf("run = %+v", r)
	}
	if r.Advance < 40 || r.Advance > 80 || r.Ascent <= 0 || r.Descent <= 0 {
		t.Errorf("advance %v ascent %v descent %v", r.Advance, r.Ascent, r.Descent)
	}
	for i := 1; i < len(r.Glyphs); i++ {
		if r.Glyphs[i].X <= r.Glyphs[i-1].X || r.Glyphs[i].Cluster != i {
			t.Errorf("glyph %d = %+v after %+v", i, r.Glyphs[i], r.Glyphs[i-1])
		}
	}
	if b := e.Shape("Check in", 14, true); b.Faces[0] != "NotoSans-Bold" || b.Advance <= r.Advance {
		t.Errorf("bold run %v wide in %v, regular %v", b.Advance, b.Faces, r.Advance)
	}
	w, h := e.Measure()("Check in", 14, false)
	if w != r.Advance || h < 14 || h > 25 {
		t.Errorf("Measure = %v × %v, run advance %v", w, h, r.Advance)
	}
	if w2, _ := e.Measure()("Check in", 28, false); w2 < 1.99*w || w2 > 2.01*w {
		t.Errorf("twice the size is %v wide, not twice %v", w2, w)
	}
	if o := e.GlyphOutline(r, r.Glyphs[0]); len(o) < 4 || o[0].Op != MoveTo {
		t.Errorf("outline of C = %v", o)
	}
	if o := e.GlyphOutline(r, r.Glyphs[5]); len(o) != 0 {
		t.Errorf("the space has an outline %v", o)
	}
}

func TestShapePinnedCJK(t *testing.T) {
	e := pinned(t)
	s := "入住 check-in 前台"
	r := e.Shape(s, 12, false)
	// Droid Sans Fallback has no Latin letters: they fall back to the
	// bundled Noto Sans, the Chinese stays in the pinned font.
	if len(r.Faces) != 2 || r.Faces[0] != "user:DroidSansFallbackFull.ttf" || r.Faces[1] != "NotoSans-Regular" {
		t.Fatalf("faces %v", r.Faces)
	}
	if g := r.Glyphs[0]; g.Face != 0 {
		t.Errorf("入 is drawn with %s", r.Faces[g.Face])
	}
	if g := r.Glyphs[3]; g.Face != 1 {
		t.Errorf("c is drawn with %s", r.Faces[g.Face])
	}
	if len(r.Glyphs) != len([]rune(s)) {
		t.Errorf("%d glyphs for %d characters", len(r.Glyphs), len([]rune(s)))
	}
	// Byte offsets: 入 is 3 bytes.
	if r.Glyphs[1].Cluster != 3 {
		t.Errorf("second cluster %d, want 3", r.Glyphs[1].Cluster)
	}
	for _, g := range r.Glyphs {
		if g.ID == 0 {
			t.Errorf("missing glyph in %+v", g)
		}
	}
	miss, err := e.Missing([]string{s, "\U0001F600"})
	if err != nil || len(miss) != 1 || miss[0] != '\U0001F600' {
		t.Errorf("Missing = %q, %v", miss, err)
	}
}

// TestFallbackCFF shapes Chinese with no user font, so that it falls back
// to the system's Noto Sans CJK collection (CFF outlines in a .ttc).
func TestFallbackCFF(t *testing.T) {
	const cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	if _, err := os.Stat(cjk); err != nil {
		t.Fatalf("needs fonts-noto-cjk (run scripts/setup.sh): %v", err)
	}
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := e.Shape("Go 服务蓝图", 12, false)
	if len(r.Faces) != 2 || r.Faces[0] != "NotoSans-Regular" || !strings.HasPrefix(r.Faces[1], cjk+"#") {
		t.Fatalf("faces %v, want NotoSans-Regular then %s", r.Faces, cjk)
	}
	g := r.Glyphs[len(r.Glyphs)-1]
	if g.Face != 1 || g.ID == 0 {
		t.Fatalf("last glyph %+v", g)
	}
	o := e.GlyphOutline(r, g)
	cubic := false
	for _, s := range o {
		cubic = cubic || s.Op == CubeTo
	}
	if len(o) < 10 || !cubic {
		t.Errorf("the CFF outline of 图 has %d segments, cubic %v", len(o), cubic)
	}
	if miss, err := e.Missing([]string{"服务蓝图"}); err != nil || len(miss) != 0 {
		t.Errorf("Missing = %q, %v", miss, err)
	}
}

func TestDeterministicRuns(t *testing.T) {
	a, b := pinned(t), pinned(t)
	for _, s := range []string{"Order food 点餐", "W 5m", ""} {
		ra, rb := a.Shape(s, 11, true), b.Shape(s, 11, true)
		if len(ra.Glyphs) != len(rb.Glyphs) || ra.Advance != rb.Advance {
			t.Errorf("%q shaped twice differs: %+v vs %+v", s, ra, rb)
		}
	}
}

func TestReadFontRefuses(t *testing.T) {
	p := t.TempDir() + "/bad.ttf"
	if err := os.WriteFile(p, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFont(p); err == nil || !strings.Contains(err.Error(), "not a valid font") {
		t.Errorf("ReadFont(garbage) = %v", err)
	}
}

// TestNoFyneImport enforces that the text engine and the painters stay
// free of Fyne, so that exports need no GUI toolkit.
func TestNoFyneImport(t *testing.T) {
	for _, pkg := range []string{"servicebp/export/text", "servicebp/export/svg", "servicebp/export/raster"} {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			if strings.Contains(string(out), "is not in std") || strings.Contains(string(out), "no required module") || strings.Contains(string(out), "cannot find package") {
				t.Logf("%s does not exist yet", pkg)
				continue
			}
			t.Fatalf("go list %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.HasPrefix(dep, "fyne.io/") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}
