package gui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/layout"
	"servicebp/canvas"
	"servicebp/export"
)

// Preference keys of the export choices, remembered between sessions.
const (
	prefExportScale       = "export.scale"
	prefExportTheme       = "export.theme"
	prefExportTransparent = "export.transparent"
	prefExportFormat      = "export.format"
	prefExportPaper       = "export.paper"
	prefExportLandscape   = "export.landscape"
	prefExportTiles       = "export.tiles"
)

// The formats File > Export… offers, in its order: a poster is a PDF on
// paper sheets.
const (
	formatPNG    = "png"
	formatSVG    = "svg"
	formatPDF    = "pdf"
	formatPoster = "poster"
)

var exportFormats = []string{formatPNG, formatSVG, formatPDF, formatPoster}

// exportTiles are the tilings the poster offers: one sheet, the automatic
// count, or a grid of sheets.
var exportTiles = []string{"", "auto", "2x1", "2x2", "3x2", "4x2", "4x3", "6x4"}

// exportScales are the scales the Export dialog offers for images.
var exportScales = []float32{0.25, 0.5, 1, 1.5, 2, 3, 4}

// exportSettings are the choices of the export dialogs.
type exportSettings struct {
	// Scale is the pixels per layout unit of a PNG (not used by slides).
	Scale float32
	// Theme is a palette name (see canvas.PaletteNames).
	Theme string
	// Transparent leaves the background out.
	Transparent bool
	// Format is one of exportFormats (not used by slides).
	Format string
	// Paper, Landscape and Tiles shape a poster: a paper name, and a
	// tiling of exportTiles.
	Paper     string
	Landscape bool
	Tiles     string
	// Annotations writes the fail text, recovery and wait on the cards.
	Annotations bool
}

// options are the export options for s.
func (s exportSettings) options() export.Options {
	pal, ok := canvas.PaletteByName(s.Theme)
	if !ok {
		pal = canvas.LightPalette()
	}
	opt := export.Options{Scale: s.Scale, Palette: pal, Transparent: s.Transparent, Annotations: s.Annotations, Lang: uiLanguage()}
	if s.Format == formatPoster {
		paper, err := export.PaperByName(s.Paper)
		if err != nil {
			paper = export.Papers[4] // A4
		}
		cols, rows, _ := export.ParseTiles(s.Tiles)
		opt.Poster = &export.Poster{Paper: paper, Landscape: s.Landscape, Tiles: s.Tiles != "", Cols: cols, Rows: rows}
	}
	return opt
}

// fileFormat is the file format of s, and the extensions of its files.
func (s exportSettings) fileFormat() (export.Format, []string) {
	switch s.Format {
	case formatSVG:
		return export.FormatSVG, []string{".svg"}
	case formatPDF, formatPoster:
		return export.FormatPDF, []string{".pdf"}
	}
	return export.FormatPNG, pngExts
}

// exportSettings returns the remembered export choices, with the
// defaults of `servicebp export` for those never made.
func (e *Editor) exportSettings() exportSettings {
	p := e.app.Preferences()
	s := exportSettings{
		Scale:       float32(p.FloatWithFallback(prefExportScale, export.DefaultScale)),
		Theme:       p.StringWithFallback(prefExportTheme, canvas.PaletteNames[0]),
		Transparent: p.Bool(prefExportTransparent),
		Format:      p.StringWithFallback(prefExportFormat, formatPNG),
		Paper:       p.StringWithFallback(prefExportPaper, "A4"),
		Landscape:   p.BoolWithFallback(prefExportLandscape, true),
		Tiles:       p.String(prefExportTiles),
	}
	if !slices.Contains(exportFormats, s.Format) {
		s.Format = formatPNG
	}
	if _, err := export.PaperByName(s.Paper); err != nil {
		s.Paper = "A4"
	}
	if !slices.Contains(exportTiles, s.Tiles) {
		s.Tiles = ""
	}
	if s.Scale < export.MinScale || s.Scale > export.MaxScale {
		s.Scale = export.DefaultScale
	}
	if _, ok := canvas.PaletteByName(s.Theme); !ok {
		s.Theme = canvas.PaletteNames[0]
	}
	return s
}

// rememberExportSettings stores s for the next export.
func (e *Editor) rememberExportSettings(s exportSettings) {
	p := e.app.Preferences()
	p.SetFloat(prefExportScale, float64(s.Scale))
	p.SetString(prefExportTheme, s.Theme)
	p.SetBool(prefExportTransparent, s.Transparent)
	p.SetString(prefExportFormat, s.Format)
	p.SetString(prefExportPaper, s.Paper)
	p.SetBool(prefExportLandscape, s.Landscape)
	p.SetString(prefExportTiles, s.Tiles)
}

// formatLabels are the names shown for exportFormats.
func formatLabels() []string {
	return []string{lang.L("PNG image"), lang.L("SVG document"), lang.L("PDF document"), lang.L("Poster PDF")}
}

// tilesLabels are the names shown for exportTiles.
func tilesLabels() []string {
	out := []string{lang.L("One sheet"), lang.L("Automatic (print at 100%)")}
	for _, t := range exportTiles[2:] {
		c, r, _ := strings.Cut(t, "x")
		out = append(out, lang.L("{{.Cols}} × {{.Rows}} sheets", map[string]any{"Cols": c, "Rows": r}))
	}
	return out
}

// themeLabels are the names shown for the palettes, in PaletteNames order.
func themeLabels() []string {
	words := map[string]string{"light": lang.L("Light"), "dark": lang.L("Dark"), "contrast": lang.L("High contrast")}
	labels := make([]string, len(canvas.PaletteNames))
	for i, n := range canvas.PaletteNames {
		labels[i] = words[n]
		if labels[i] == "" {
			labels[i] = n
		}
	}
	return labels
}

// scaleLabel shows a scale as "2×".
func scaleLabel(s float32) string {
	return strconv.FormatFloat(float64(s), 'f', -1, 32) + "×"
}

// exportForm holds the widgets of an export dialog.
type exportForm struct {
	format      *widget.Select // nil for slides
	paper       *widget.Select // of a poster; nil for slides
	landscape   *widget.Check
	tiles       *widget.Select
	scale       *widget.Select // nil for slides
	theme       *widget.Select
	transparent *widget.Check
	annotations *widget.Check
	size        *widget.Label // the image size at the chosen scale
	layout      *layout.Layout
	// form is the dialog's form, refreshed when choices are enabled or
	// disabled so that their labels follow.
	form *widget.Form
}

// showSize shows the size of the file the choices make: the pixels of an
// image, the page of a PDF, the sheets of a poster.
func (f *exportForm) showSize() {
	if f.size == nil || f.layout == nil || f.format == nil || f.paper == nil || f.tiles == nil || f.landscape == nil {
		return // still being built
	}
	l, s := f.layout, f.settings()
	switch s.Format {
	case formatPDF:
		k := export.PDFScale(l) * 25.4 / 72
		f.size.SetText(lang.L("{{.W}} × {{.H}} mm page", map[string]any{"W": int(l.Width*k + 0.5), "H": int(l.Height*k + 0.5)}))
	case formatPoster:
		cols, rows, scale, err := s.options().Poster.Tiling(l.Width, l.Height)
		if err != nil {
			f.size.SetText(err.Error())
			return
		}
		f.size.SetText(lang.L("{{.Count}} sheets of {{.Paper}}, at {{.Percent}}% of the screen size",
			map[string]any{"Count": cols * rows, "Paper": s.Paper, "Percent": int(scale*100 + 0.5)}))
	default:
		w, h, err := export.PixelSize(l, s.Scale)
		if err != nil {
			f.size.SetText(lang.L("Too large: choose a smaller scale"))
			return
		}
		f.size.SetText(lang.L("{{.W}} × {{.H}} pixels", map[string]any{"W": w, "H": h}))
	}
}

// newExportForm builds the form items for s; withScale adds the scale and
// the resulting image size, for a PNG export of e's blueprint.
func (e *Editor) newExportForm(s exportSettings, withScale bool) (*exportForm, []*widget.FormItem) {
	f := &exportForm{}
	f.theme = widget.NewSelect(themeLabels(), nil)
	for i, n := range canvas.PaletteNames {
		if n == s.Theme {
			f.theme.SetSelectedIndex(i)
		}
	}
	f.transparent = widget.NewCheck(lang.L("Transparent background"), nil)
	f.transparent.SetChecked(s.Transparent)
	// The annotations start as the board shows them: the file looks like
	// the board.
	f.annotations = widget.NewCheck(lang.L("Annotations (fail points and waits)"), func(bool) { f.relayout(e) })
	f.annotations.SetChecked(e.annotations())
	var items []*widget.FormItem
	if withScale {
		opts := make([]string, len(exportScales))
		for i, sc := range exportScales {
			opts[i] = scaleLabel(sc)
		}
		f.size = widget.NewLabel("")
		l := export.Layout(e.Doc(), export.Options{NoEmotionCurve: !e.emotionCurve(), Annotations: f.annotations.Checked, Lang: uiLanguage()})
		f.layout = l
		f.scale = widget.NewSelect(opts, func(string) { f.showSize() })
		f.scale.SetSelected(scaleLabel(fittingScale(l, s.Scale)))
		papers := make([]string, len(export.Papers))
		for i, p := range export.Papers {
			papers[i] = p.Name
		}
		f.paper = widget.NewSelect(papers, func(string) { f.showSize() })
		f.paper.SetSelected(s.Paper)
		f.landscape = widget.NewCheck(lang.L("Landscape"), func(bool) { f.showSize() })
		f.landscape.SetChecked(s.Landscape)
		f.tiles = widget.NewSelect(tilesLabels(), func(string) { f.showSize() })
		f.tiles.SetSelectedIndex(max(slices.Index(exportTiles, s.Tiles), 0))
		f.format = widget.NewSelect(formatLabels(), func(string) { f.enable() })
		f.format.SetSelectedIndex(max(slices.Index(exportFormats, s.Format), 0))
		items = append(items, widget.NewFormItem(lang.L("Format"), f.format),
			widget.NewFormItem(lang.L("Scale"), f.scale), widget.NewFormItem(lang.L("Size"), f.size),
			widget.NewFormItem(lang.L("Paper"), f.paper), widget.NewFormItem("", f.landscape), widget.NewFormItem(lang.L("Sheets"), f.tiles))
	}
	items = append(items, widget.NewFormItem(lang.L("Theme"), f.theme), widget.NewFormItem("", f.transparent), widget.NewFormItem("", f.annotations))
	return f, items
}

// relayout lays the blueprint out again for the size readout, after a
// choice that changes the layout (the annotations grow the cards).
func (f *exportForm) relayout(e *Editor) {
	if f.layout == nil {
		return // slides, or still being built
	}
	f.layout = export.Layout(e.Doc(), export.Options{NoEmotionCurve: !e.emotionCurve(), Annotations: f.annotations.Checked, Lang: uiLanguage()})
	f.showSize()
}

// fittingScale is the largest offered scale, no larger than want
// (DefaultScale when want is not offered), at which l fits the export size
// limits: a large blueprint is offered a smaller scale rather than one
// that fails. When none fits it is the smallest, and the dialog says the
// image is too large.
func fittingScale(l *layout.Layout, want float32) float32 {
	if !slices.Contains(exportScales, want) {
		want = export.DefaultScale
	}
	best := exportScales[0]
	for _, sc := range exportScales {
		if _, _, err := export.PixelSize(l, sc); err == nil && sc <= want {
			best = sc
		}
	}
	return best
}

// enable enables the choices that the chosen format uses: the scale for
// images, the paper, orientation and sheets for a poster.
func (f *exportForm) enable() {
	if f.format == nil || f.scale == nil || f.paper == nil {
		return
	}
	set := func(on bool, ws ...fyne.Disableable) {
		for _, w := range ws {
			if on {
				w.Enable()
			} else {
				w.Disable()
			}
		}
	}
	format := f.settings().Format
	set(format == formatPNG || format == formatSVG, f.scale)
	set(format == formatPoster, f.paper, f.landscape, f.tiles)
	f.showSize()
	if f.form != nil {
		f.form.Refresh()
	}
}

// settings are the choices the form shows.
func (f *exportForm) settings() exportSettings {
	s := exportSettings{Scale: export.DefaultScale, Theme: canvas.PaletteNames[0], Transparent: f.transparent.Checked, Annotations: f.annotations.Checked, Format: formatPNG, Paper: "A4"}
	if f.format != nil {
		if i := f.format.SelectedIndex(); i >= 0 {
			s.Format = exportFormats[i]
		}
		s.Paper, s.Landscape = f.paper.Selected, f.landscape.Checked
		if i := f.tiles.SelectedIndex(); i >= 0 {
			s.Tiles = exportTiles[i]
		}
	}
	if i := f.theme.SelectedIndex(); i >= 0 {
		s.Theme = canvas.PaletteNames[i]
	}
	if f.scale != nil {
		if i := f.scale.SelectedIndex(); i >= 0 {
			s.Scale = exportScales[i]
		}
	}
	return s
}

// showExport is File > Export…: it asks for the format (PNG, SVG, PDF or
// a poster PDF) and its choices, then for a file, and exports the
// blueprint to it.
func (e *Editor) showExport() {
	e.commitField()
	f, items := e.newExportForm(e.exportSettings(), true)
	f.form = widget.NewForm(items...)
	f.enable()
	e.askWith(lang.L("Export"), "", f.form,
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Export…"), importance: widget.HighImportance, action: func() {
			s := f.settings()
			e.rememberExportSettings(s)
			_, exts := s.fileFormat()
			name := strings.TrimSuffix(suggestedFileName(e), filepath.Ext(suggestedFileName(e)))
			e.askSavePath(name+exts[0], exts, func(path string) { e.exportFile(path, s) })
		}})
}

// exportPNG renders the blueprint offscreen to a PNG file at path.
func (e *Editor) exportPNG(path string, s exportSettings) bool {
	s.Format = formatPNG
	return e.exportFile(path, s)
}

// exportFile writes the blueprint to path in the format of s, atomically.
func (e *Editor) exportFile(path string, s exportSettings) bool {
	f, _ := s.fileFormat()
	if err := export.WriteAs(path, f, e.Doc(), e.exportOptions(s)); err != nil {
		if errors.Is(err, export.ErrTooLarge) {
			err = errors.New(lang.L("Too large: choose a smaller scale"))
		}
		e.showError(fmt.Errorf("%s: %w", lang.L("Could not export"), err))
		return false
	}
	e.notify(lang.L("Exported {{.Name}}", map[string]any{"Name": filepath.Base(path)}))
	return true
}
