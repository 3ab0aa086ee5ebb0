package sfnt

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// parse loads a standalone font file as Fyne does.
func parse(t *testing.T, data []byte) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the extracted face does not load: %v", err)
	}
	return f
}

// TestFaceOfCollection takes the Simplified and Traditional faces out of
// the system's Noto Sans CJK collection: each loads on its own as the
// family it was found as, and they draw 骨, 直 and 說 with their own glyphs,
// as the Japanese face, which a per-character fallback finds first, does
// not. setup.sh installs fonts-noto-cjk.
func TestFaceOfCollection(t *testing.T) {
	sc, tc := faceOf(t, Simplified, false), faceOf(t, Traditional, false)
	if got := sc.Describe().Family; got != "Noto Sans CJK SC" {
		t.Errorf("the Simplified face is %q", got)
	}
	if got := tc.Describe().Family; got != "Noto Sans CJK TC" {
		t.Errorf("the Traditional face is %q", got)
	}
	path, _, _ := Find(Simplified, false)
	lds, err := ot.NewLoaders(mustOpen(t, path))
	if err != nil {
		t.Fatal(err)
	}
	jp, err := font.NewFont(lds[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := jp.Describe().Family; got != "Noto Sans CJK JP" {
		t.Fatalf("face 0 of %s is %q, not the Japanese face", path, got)
	}
	for _, r := range "骨直" {
		if glyph(t, sc, r) == glyph(t, font.NewFace(jp), r) {
			t.Errorf("the Simplified face draws %c with the Japanese glyph", r)
		}
	}
	if glyph(t, tc, '說') == glyph(t, sc, '說') {
		t.Error("the Traditional face draws 說 as the Simplified face does")
	}
	if bold := faceOf(t, Simplified, true); bold.Describe().Aspect.Weight != font.WeightBold {
		t.Errorf("the bold face has weight %v", bold.Describe().Aspect.Weight)
	}
}

func faceOf(t *testing.T, families []string, bold bool) *font.Face {
	t.Helper()
	path, index, ok := Find(families, bold)
	if !ok {
		t.Fatalf("no system face of %v (bold %v): is fonts-noto-cjk installed?", families, bold)
	}
	data, err := Face(path, index)
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, data)
}

func glyph(t *testing.T, f *font.Face, r rune) font.GID {
	t.Helper()
	g, ok := f.NominalGlyph(r)
	if !ok {
		t.Fatalf("%s has no %c", f.Describe().Family, r)
	}
	return g
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestExtractRefuses: a face past the end of the collection, a table past
// the end of the file and a second face of a single font are errors, not
// panics or short fonts.
func TestExtractRefuses(t *testing.T) {
	// A collection of one face with one 8-byte table.
	ttc := make([]byte, 12+4+12+16+8)
	copy(ttc, "ttcf")
	binary.BigEndian.PutUint32(ttc[8:], 1)
	binary.BigEndian.PutUint32(ttc[12:], 16)
	binary.BigEndian.PutUint16(ttc[16+4:], 1)
	rec := ttc[16+12:]
	copy(rec, "name")
	binary.BigEndian.PutUint32(rec[8:], 16+12+16)
	binary.BigEndian.PutUint32(rec[12:], 8)
	copy(ttc[16+12+16:], "12345678")
	out, err := Extract(bytes.NewReader(ttc), int64(len(ttc)), 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := 12 + 16 + 8; len(out) != want || string(out[28:]) != "12345678" || binary.BigEndian.Uint32(out[12+8:]) != 28 {
		t.Errorf("extracted %d bytes %q, want %d with the table at 28", len(out), out, want)
	}
	for name, c := range map[string]struct {
		data  []byte
		index int
		want  string
	}{
		"face past the end":  {ttc, 1, "no face 1"},
		"table past the end": {ttc[:len(ttc)-1], 0, "past the end"},
		"face of one font":   {[]byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"), 1, "face 1 of a single font"},
		"too short":          {[]byte("ttc"), 0, "font header"},
	} {
		if _, err := Extract(bytes.NewReader(c.data), int64(len(c.data)), c.index); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", name, err, c.want)
		}
	}
}
