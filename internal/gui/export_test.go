package gui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"servicebp/canvas"
	"servicebp/export"
	"servicebp/internal/golden"
)

// overlayObjects returns every object in the top overlay (an open
// dialog), widgets' parts included.
func overlayObjects(t *testing.T, e *Editor) []fyne.CanvasObject {
	t.Helper()
	top := e.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		out = append(out, o)
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return out
}

// TestExportPNGSettings exports with each kind of choice and checks the
// image: its size follows the scale, its background the theme.
func TestExportPNGSettings(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	dir := t.TempDir()
	l := export.Layout(e.Doc(), export.Options{})
	tests := []struct {
		name string
		s    exportSettings
	}{
		{"light1.png", exportSettings{Scale: 1, Theme: "light"}},
		{"dark2.png", exportSettings{Scale: 2, Theme: "dark"}},
		{"clear.png", exportSettings{Scale: 1.5, Theme: "contrast", Transparent: true}},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		if !e.exportPNG(path, tt.s) {
			t.Fatalf("%s: export failed", tt.name)
		}
		img := golden.ReadPNG(t, path)
		w, h, err := export.PixelSize(l, tt.s.Scale)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
			t.Errorf("%s: %d × %d, want %d × %d", tt.name, b.Dx(), b.Dy(), w, h)
		}
		pal, _ := canvas.PaletteByName(tt.s.Theme)
		r, g, b, a := img.At(1, 1).RGBA()
		switch {
		case tt.s.Transparent && a != 0:
			t.Errorf("%s: corner alpha %d, want transparent", tt.name, a>>8)
		case !tt.s.Transparent && (uint8(r>>8) != pal.Background.R || uint8(g>>8) != pal.Background.G || uint8(b>>8) != pal.Background.B):
			t.Errorf("%s: corner %d,%d,%d, want the %s background %v", tt.name, r>>8, g>>8, b>>8, tt.s.Theme, pal.Background)
		}
	}
	if msg := e.ui.notice.Text; msg != lang.L("Exported {{.Name}}", map[string]any{"Name": "clear.png"}) {
		t.Errorf("notice %q", msg)
	}
	// A folder that does not exist is reported, and nothing is written.
	if e.exportPNG(filepath.Join(dir, "missing", "x.png"), exportSettings{Scale: 1, Theme: "light"}) {
		t.Error("exporting into a missing folder succeeded")
	}
}

// TestExportDialog drives File > Export PNG…: the dialog offers the
// remembered choices, shows the image size for the chosen scale, and on
// Export… remembers the choices and asks for the file.
func TestExportDialog(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.rememberExportSettings(exportSettings{Scale: 3, Theme: "dark", Transparent: true})
	e.showExport()
	var selects []*widget.Select
	var check *widget.Check
	var size *widget.Label
	var exportButton *widget.Button
	for _, o := range overlayObjects(t, e) {
		switch o := o.(type) {
		case *widget.Select:
			selects = append(selects, o)
		case *widget.Check:
			check = o
		case *widget.Label:
			if strings.Contains(o.Text, " × ") {
				size = o // "W × H pixels"
			}
		case *widget.Button:
			if o.Text == lang.L("Export…") {
				exportButton = o
			}
		}
	}
	if len(selects) != 2 || check == nil || size == nil || exportButton == nil {
		t.Fatalf("dialog has %d selects, check %v, size label %v, Export… button %v", len(selects), check != nil, size != nil, exportButton != nil)
	}
	scale, theme := selects[0], selects[1]
	if scale.Selected != "3×" || theme.Selected != lang.L("Dark") || !check.Checked {
		t.Errorf("dialog offers %q, %q, transparent %v; want the remembered 3×, Dark, true", scale.Selected, theme.Selected, check.Checked)
	}
	l := export.Layout(e.Doc(), export.Options{})
	scale.SetSelected("1×")
	w, h, _ := export.PixelSize(l, 1)
	if want := lang.L("{{.W}} × {{.H}} pixels", map[string]any{"W": w, "H": h}); size.Text != want {
		t.Errorf("size %q at 1×, want %q", size.Text, want)
	}
	theme.SetSelected(lang.L("High contrast"))
	check.SetChecked(false)
	answer(t, e, lang.L("Export…"))
	if got := e.exportSettings(); got != (exportSettings{Scale: 1, Theme: "contrast"}) {
		t.Errorf("remembered %+v", got)
	}
	// The file dialog is open, offering the blueprint's name as a PNG.
	named := false
	for _, o := range overlayObjects(t, e) {
		if en, ok := o.(*widget.Entry); ok && en.Text == "coffee.png" {
			named = true
		}
	}
	if !named {
		t.Error("after Export… no file dialog offers coffee.png")
	}
}

// TestExportDialogFitsLargeBlueprints checks that a blueprint too large
// for the remembered scale is offered the largest scale that fits.
func TestExportDialogFitsLargeBlueprints(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	l := export.Layout(e.Doc(), export.Options{})
	if got := fittingScale(l, 3); got != 3 {
		t.Errorf("a small blueprint at 3× is offered %g×", got)
	}
	if got := fittingScale(l, 2.5); got != export.DefaultScale {
		t.Errorf("a scale not offered gives %g×, want the default", got)
	}
	if !e.openPath(generatedFile(t, 1000)) {
		t.Fatal("could not open the generated blueprint")
	}
	l = export.Layout(e.Doc(), export.Options{})
	got := fittingScale(l, 4)
	if _, _, err := export.PixelSize(l, got); err != nil {
		t.Errorf("1,000 steps are offered %g×, which is too large: %v", got, err)
	}
	if i := slices.Index(exportScales, got); i+1 < len(exportScales) {
		if _, _, err := export.PixelSize(l, exportScales[i+1]); err == nil {
			t.Errorf("1,000 steps are offered %g×, but %g× fits too", got, exportScales[i+1])
		}
	}
	if got == 4 {
		t.Error("the test blueprint fits at 4×: make it larger")
	}
}
