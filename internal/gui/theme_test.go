package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"testing"

	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"servicebp/blueprint"
	"servicebp/canvas"
)

// TestThemeReachesBoard chooses View > Theme > Dark and then Light: the
// board's palette follows each choice, whatever variant the system reports.
func TestThemeReachesBoard(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	for _, c := range []struct {
		name string
		want canvas.Palette
	}{{"dark", canvas.DarkPalette()}, {"light", canvas.LightPalette()}, {"dark", canvas.DarkPalette()}} {
		e.applyTheme(c.name)
		if got := e.ui.board.Scene().Palette().Background; got != c.want.Background {
			t.Errorf("theme %s: board background %v, want %v", c.name, got, c.want.Background)
		}
	}
}

// TestThemeInspectorLabels switches to Dark and then Light with the
// blueprint's form shown: its labels are drawn in the light theme's
// foreground, readable on its background.
func TestThemeInspectorLabels(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.win.Resize(e.win.Canvas().Size().Max(e.win.Content().MinSize()))
	e.apply(blueprint.SetTitle("Coffee bar"))
	e.apply(blueprint.SetDescription("Morning rush"))
	e.applyTheme("dark")
	e.applyTheme("light")
	want := theme.DefaultTheme().Color(theme.ColorNameForeground, theme.VariantLight)
	bg := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	var n int
	walkTexts(e.ui.inspector.doc.form, func(tx *fcanvas.Text) {
		if tx.Text == "" || tx.Text == lang.L("Untitled") {
			return
		}
		n++
		if !sameColor(tx.Color, want) || sameColor(tx.Color, bg) {
			t.Errorf("label %q drawn in %v, want %v", tx.Text, tx.Color, want)
		}
	})
	if n < 2 {
		t.Fatalf("found %d labels in the blueprint form, want the Title and Description labels and values", n)
	}
}

func sameColor(a, b color.Color) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

// walkTexts calls f for every text drawn inside o.
func walkTexts(o fyne.CanvasObject, f func(*fcanvas.Text)) {
	switch v := o.(type) {
	case *fcanvas.Text:
		f(v)
	case *fyne.Container:
		for _, c := range v.Objects {
			walkTexts(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkTexts(c, f)
		}
	}
}

// TestThemeRestylesEveryInspectorForm chooses Light with the blueprint's
// form shown: the forms not on screen (step, lane, flow ...) are redrawn
// too, so that none keeps labels in the previous theme's colour, which in
// Light was white on white.
func TestThemeRestylesEveryInspectorForm(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.applyTheme("light")
	want := theme.DefaultTheme().Color(theme.ColorNameForeground, theme.VariantLight)
	in := e.ui.inspector
	for name, form := range map[string]fyne.CanvasObject{"step": in.step.form, "lane": in.lane.form, "flow": in.flow.form, "column": in.column.form} {
		n := 0
		for _, it := range form.(*widget.Form).Items {
			if it.Text == "" {
				continue
			}
			walkTexts(form, func(tx *fcanvas.Text) {
				if tx.Text != it.Text {
					return
				}
				n++
				if !sameColor(tx.Color, want) {
					t.Errorf("%s form: label %q in %v, want %v", name, tx.Text, tx.Color, want)
				}
			})
		}
		if n == 0 {
			t.Errorf("%s form: no labels found", name)
		}
	}
}
