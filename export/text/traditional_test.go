package text

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// familyOf names the family of the system face called name, lower case
// without spaces as fontscan writes it.
func familyOf(e *Engine, name string) string {
	for _, fp := range e.loadSystem().prints {
		if e.byName[name] != nil && fp.Location.File+"#"+strconv.Itoa(int(fp.Location.Index)) == name {
			return strings.ReplaceAll(strings.ToLower(fp.Family), " ", "")
		}
	}
	return ""
}

// TestTraditionalFace checks that an engine for Traditional Chinese labels
// draws Han characters with the Noto Sans CJK TC face (Taiwan's glyph
// forms), and the default engine with the SC face, and that the two draw
// 過 and 說 differently. fonts-noto-cjk is installed by scripts/setup.sh.
func TestTraditionalFace(t *testing.T) {
	sc, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	tc, err := New(Config{Traditional: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"過", "說"} {
		rs, rt := sc.Shape(s, 12, false), tc.Shape(s, 12, false)
		if len(rs.Glyphs) != 1 || len(rt.Glyphs) != 1 {
			t.Fatalf("%s: %d and %d glyphs", s, len(rs.Glyphs), len(rt.Glyphs))
		}
		fs, ft := rs.Faces[rs.Glyphs[0].Face], rt.Faces[rt.Glyphs[0].Face]
		if got := familyOf(sc, fs); got != "notosanscjksc" {
			t.Errorf("%s: the default engine draws it with %s (%q), want Noto Sans CJK SC", s, fs, got)
		}
		if got := familyOf(tc, ft); got != "notosanscjktc" {
			t.Errorf("%s: the Traditional engine draws it with %s (%q), want Noto Sans CJK TC", s, ft, got)
		}
		gs, gt := sc.GlyphOutline(rs, rs.Glyphs[0]), tc.GlyphOutline(rt, rt.Glyphs[0])
		if len(gs) == 0 || len(gt) == 0 {
			t.Fatalf("%s: empty outlines", s)
		}
		if reflect.DeepEqual(gs, gt) {
			t.Errorf("%s: the SC and TC faces draw the same outline; the glyph forms should differ", s)
		}
	}
}
