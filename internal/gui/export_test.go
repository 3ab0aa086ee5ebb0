package gui

import (
	"bytes"
	"os"
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
	return objectsIn(top)
}

// objectsIn returns o and every object inside it, widgets' parts included.
func objectsIn(o fyne.CanvasObject) []fyne.CanvasObject {
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
	walk(o)
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

// exportDialog holds the widgets of the open Export dialog.
type exportDialog struct {
	format, scale, paper, tiles, theme  *widget.Select
	landscape, transparent, annotations *widget.Check
	size                                *widget.Label
	export                              *widget.Button
}

// openExportDialog opens File > Export… and finds its widgets.
func openExportDialog(t *testing.T, e *Editor) *exportDialog {
	t.Helper()
	e.showExport()
	var selects []*widget.Select
	var checks []*widget.Check
	d := &exportDialog{}
	for _, o := range overlayObjects(t, e) {
		switch o := o.(type) {
		case *widget.Select:
			selects = append(selects, o)
		case *widget.Check:
			checks = append(checks, o)
		case *widget.Label:
			if strings.Contains(o.Text, " × ") {
				d.size = o // "W × H pixels"
			}
		case *widget.Button:
			if o.Text == lang.L("Export…") {
				d.export = o
			}
		}
	}
	if len(selects) != 5 || len(checks) != 3 || d.size == nil || d.export == nil {
		t.Fatalf("dialog has %d selects, %d checks, size label %v, Export… button %v", len(selects), len(checks), d.size != nil, d.export != nil)
	}
	d.format, d.scale, d.paper, d.tiles, d.theme = selects[0], selects[1], selects[2], selects[3], selects[4]
	d.landscape, d.transparent, d.annotations = checks[0], checks[1], checks[2]
	return d
}

// TestExportDialog drives File > Export…: the dialog offers the
// remembered choices, shows the image size for the chosen scale, and on
// Export… remembers the choices and asks for the file.
func TestExportDialog(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.rememberExportSettings(exportSettings{Scale: 3, Theme: "dark", Transparent: true, Format: formatPNG, Paper: "A3"})
	d := openExportDialog(t, e)
	if d.format.Selected != lang.L("PNG image") || d.scale.Selected != "3×" || d.theme.Selected != lang.L("Dark") || !d.transparent.Checked || d.paper.Selected != "A3" {
		t.Errorf("dialog offers %q, %q, %q, transparent %v, paper %q; want the remembered PNG, 3×, Dark, true, A3",
			d.format.Selected, d.scale.Selected, d.theme.Selected, d.transparent.Checked, d.paper.Selected)
	}
	if d.scale.Disabled() || !d.paper.Disabled() || !d.tiles.Disabled() || !d.landscape.Disabled() {
		t.Error("a PNG export offers the poster choices, or not the scale")
	}
	l := export.Layout(e.Doc(), export.Options{})
	d.scale.SetSelected("1×")
	w, h, _ := export.PixelSize(l, 1)
	if want := lang.L("{{.W}} × {{.H}} pixels", map[string]any{"W": w, "H": h}); d.size.Text != want {
		t.Errorf("size %q at 1×, want %q", d.size.Text, want)
	}
	d.theme.SetSelected(lang.L("High contrast"))
	d.transparent.SetChecked(false)
	answer(t, e, lang.L("Export…"))
	if got := e.exportSettings(); got != (exportSettings{Scale: 1, Theme: "contrast", Format: formatPNG, Paper: "A3"}) {
		t.Errorf("remembered %+v", got)
	}
	// The file dialog is open, offering the blueprint's name as a PNG.
	if saveDialogName(t, e) != "coffee.png" {
		t.Error("after Export… no file dialog offers coffee.png")
	}
}

// saveDialogName is the file name the open save dialog offers.
func saveDialogName(t *testing.T, e *Editor) string {
	t.Helper()
	for _, o := range overlayObjects(t, e) {
		if en, ok := o.(*widget.Entry); ok && strings.Contains(en.Text, ".") {
			return en.Text
		}
	}
	return ""
}

// saveDialogButton is the Save button of the open save dialog.
func saveDialogButton(t *testing.T, e *Editor) *widget.Button {
	t.Helper()
	for _, o := range overlayObjects(t, e) {
		if b, ok := o.(*widget.Button); ok && b.Text == lang.L("Save") {
			return b
		}
	}
	t.Fatal("the save dialog has no Save button")
	return nil
}

// TestExportDialogPDF chooses PDF, then Poster PDF, in File > Export…,
// saves through the file dialog, and checks the files written: a one-page
// PDF, then a poster tiled over 2 × 1 landscape A4 sheets.
func TestExportDialogPDF(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	dir := filepath.Dir(e.Path())
	d := openExportDialog(t, e)
	d.format.SetSelected(lang.L("PDF document"))
	if !d.scale.Disabled() || !d.paper.Disabled() {
		t.Error("a PDF export offers the scale or the paper")
	}
	answer(t, e, lang.L("Export…"))
	if got := saveDialogName(t, e); got != "coffee.pdf" {
		t.Fatalf("the save dialog offers %q, want coffee.pdf", got)
	}
	test.Tap(saveDialogButton(t, e))
	one := readPDF(t, filepath.Join(dir, "coffee.pdf"))
	if n := bytes.Count(one, []byte("/Type /Page ")); n != 1 {
		t.Errorf("the PDF has %d pages, want 1", n)
	}

	d = openExportDialog(t, e)
	d.format.SetSelected(lang.L("Poster PDF"))
	if d.paper.Disabled() || d.tiles.Disabled() || d.landscape.Disabled() {
		t.Error("a poster does not offer the paper, sheets and orientation")
	}
	d.paper.SetSelected("A4")
	d.landscape.SetChecked(true)
	d.tiles.SetSelectedIndex(slices.Index(exportTiles, "2x1"))
	answer(t, e, lang.L("Export…"))
	if got := saveDialogName(t, e); got != "coffee.pdf" {
		t.Fatalf("the save dialog offers %q, want coffee.pdf", got)
	}
	test.Tap(saveDialogButton(t, e))
	// Fyne asks before it overwrites the first PDF.
	for _, o := range overlayObjects(t, e) {
		if b, ok := o.(*widget.Button); ok && b.Text == lang.L("Yes") {
			test.Tap(b)
		}
	}
	poster := readPDF(t, filepath.Join(dir, "coffee.pdf"))
	if n := bytes.Count(poster, []byte("/Type /Page ")); n != 2 {
		t.Errorf("the poster has %d pages, want 2", n)
	}
	if !bytes.Contains(poster, []byte("/MediaBox [0 0 841.89 595.276]")) {
		t.Error("the poster's pages are not landscape A4")
	}
}

// readPDF reads the PDF at path, failing unless it is one.
func readPDF(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.HasSuffix(data, []byte("%%EOF\n")) {
		t.Fatalf("%s is not a PDF: %q…", path, data[:min(len(data), 20)])
	}
	return data
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

// TestExportSlidesDialogPDF chooses "One PDF deck" in File > Export
// slides…, saves through the file dialog, and checks that the PDF has the
// overview and one page per phase, 16:9.
func TestExportSlidesDialogPDF(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.showExportSlides()
	var deck *widget.Select
	for _, o := range overlayObjects(t, e) {
		if s, ok := o.(*widget.Select); ok && slices.Contains(s.Options, lang.L("One PDF deck")) {
			deck = s
		}
	}
	if deck == nil {
		t.Fatal("Export slides does not offer one PDF deck")
	}
	if deck.Selected != lang.L("PNG files in a folder") {
		t.Errorf("the deck is offered as %q first, want PNG files", deck.Selected)
	}
	deck.SetSelected(lang.L("One PDF deck"))
	answer(t, e, lang.L("Export…"))
	if got := saveDialogName(t, e); got != "coffee-slides.pdf" {
		t.Fatalf("the save dialog offers %q, want coffee-slides.pdf", got)
	}
	test.Tap(saveDialogButton(t, e))
	data := readPDF(t, filepath.Join(filepath.Dir(e.Path()), "coffee-slides.pdf"))
	if n, want := bytes.Count(data, []byte("/Type /Page ")), len(e.Doc().Phases())+1; n != want || want < 2 {
		t.Errorf("the deck has %d pages, want %d (the overview and one per phase)", n, want)
	}
	if !bytes.Contains(data, []byte("/MediaBox [0 0 960 540]")) {
		t.Error("the deck's pages are not 960 × 540 pt")
	}
}
