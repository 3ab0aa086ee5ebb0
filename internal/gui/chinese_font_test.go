package gui

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/go-text/typesetting/font"

	"servicebp/blueprint"
)

// family parses the font resource r and names its family and weight.
func family(t *testing.T, r fyne.Resource) (string, font.Weight) {
	t.Helper()
	if r == nil {
		return "", 0
	}
	f, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		t.Fatalf("font %s: %v", r.Name(), err)
	}
	d := f.Describe()
	return d.Family, d.Aspect.Weight
}

// TestChineseGlyphForms: Chinese is drawn with the Chinese face of the
// user interface's script, not the Japanese face of Noto Sans CJK that
// Fyne's per-character fallback finds first (it draws 骨 and 直 in their
// Japanese forms, and bold Chinese regular). In an English interface the
// board draws its CJK text with the Simplified face and its Latin text
// with the theme's; in Chinese the theme itself is the face of the
// script, regular and bold, and the board uses it.
func TestChineseGlyphForms(t *testing.T) {
	doc := func(e *Editor) {
		e.apply(blueprint.AddStep(blueprint.Step{ID: "bone", Lane: "customer", Column: "column", Text: "骨科直接挂号"}, -1))
		e.apply(blueprint.AddStep(blueprint.Step{ID: "latin", Lane: "frontstage", Column: "column", Text: "Latin only"}, -1))
	}
	boardFont := func(t *testing.T, e *Editor, text string) (fyne.Resource, bool) {
		t.Helper()
		var src fyne.Resource
		found := false
		walkTexts(e.ui.board, func(tx *fcanvas.Text) {
			if strings.Contains(tx.Text, text) {
				src, found = tx.FontSource, true
			}
		})
		return src, found
	}

	t.Run("English", func(t *testing.T) {
		useLanguage(t, "en_US.UTF-8")
		e := startEditor(t, test.NewTempApp(t), t.TempDir(), "")
		doc(e)
		src, ok := boardFont(t, e, "骨科")
		if !ok {
			t.Fatal("the Chinese card text is not drawn")
		}
		if fam, _ := family(t, src); fam != "Noto Sans CJK SC" {
			t.Errorf("Chinese card text drawn with %q, want Noto Sans CJK SC", fam)
		}
		if src, ok := boardFont(t, e, "Latin only"); !ok || src != nil {
			t.Errorf("Latin card text drawn with %v (found %v), want the theme's font", src, ok)
		}
		if fam, _ := family(t, e.app.Settings().Theme().Font(fyne.TextStyle{})); fam != "" && strings.Contains(fam, "CJK") {
			t.Errorf("the English interface is drawn with %q", fam)
		}
	})
	for _, c := range []struct{ locale, want string }{
		{"zh_CN.UTF-8", "Noto Sans CJK SC"},
		{"zh_TW.UTF-8", "Noto Sans CJK TC"},
	} {
		t.Run(c.locale, func(t *testing.T) {
			useLanguage(t, c.locale)
			a := test.NewTempApp(t)
			e := NewEditor(a, Options{})
			// Set before the window's widgets measured any text: the
			// desktop driver clears the fonts it keeps only once it runs.
			th := a.Settings().Theme()
			if _, ok := th.(chineseTheme); !ok {
				t.Fatalf("the editor's widgets were built with the theme %T, not the Chinese one", th)
			}
			e.win.Close()
			e = startEditor(t, a, t.TempDir(), "")
			doc(e)
			if fam, w := family(t, th.Font(fyne.TextStyle{})); fam != c.want || w == font.WeightBold {
				t.Errorf("the interface's text is drawn with %q (weight %v), want %s", fam, w, c.want)
			}
			if fam, w := family(t, th.Font(fyne.TextStyle{Bold: true})); fam != c.want || w != font.WeightBold {
				t.Errorf("its bold text is drawn with %q (weight %v), want bold %s", fam, w, c.want)
			}
			if fam, _ := family(t, th.Font(fyne.TextStyle{Monospace: true})); strings.Contains(fam, "CJK") {
				t.Errorf("monospace text is drawn with %q", fam)
			}
			if src, ok := boardFont(t, e, "骨科"); !ok || src != nil {
				t.Errorf("the board draws Chinese with %v (found %v), want the theme's face", src, ok)
			}
		})
	}
}
