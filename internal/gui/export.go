package gui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

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
)

// exportScales are the scales the Export PNG dialog offers.
var exportScales = []float32{0.25, 0.5, 1, 1.5, 2, 3, 4}

// exportSettings are the choices of the export dialogs.
type exportSettings struct {
	// Scale is the pixels per layout unit of a PNG (not used by slides).
	Scale float32
	// Theme is a palette name (see canvas.PaletteNames).
	Theme string
	// Transparent leaves the background out.
	Transparent bool
}

// options are the export options for s.
func (s exportSettings) options() export.Options {
	pal, ok := canvas.PaletteByName(s.Theme)
	if !ok {
		pal = canvas.LightPalette()
	}
	return export.Options{Scale: s.Scale, Palette: pal, Transparent: s.Transparent, Lang: uiLanguage()}
}

// exportSettings returns the remembered export choices, with the
// defaults of `servicebp export` for those never made.
func (e *Editor) exportSettings() exportSettings {
	p := e.app.Preferences()
	s := exportSettings{
		Scale:       float32(p.FloatWithFallback(prefExportScale, export.DefaultScale)),
		Theme:       p.StringWithFallback(prefExportTheme, canvas.PaletteNames[0]),
		Transparent: p.Bool(prefExportTransparent),
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
	scale       *widget.Select // nil for slides
	theme       *widget.Select
	transparent *widget.Check
	size        *widget.Label // the image size at the chosen scale
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
	var items []*widget.FormItem
	if withScale {
		opts := make([]string, len(exportScales))
		for i, sc := range exportScales {
			opts[i] = scaleLabel(sc)
		}
		f.size = widget.NewLabel("")
		l := export.Layout(e.Doc(), export.Options{NoEmotionCurve: !e.emotionCurve(), Lang: uiLanguage()})
		f.scale = widget.NewSelect(opts, func(string) {
			w, h, err := export.PixelSize(l, f.settings().Scale)
			if err != nil {
				f.size.SetText(lang.L("Too large: choose a smaller scale"))
				return
			}
			f.size.SetText(lang.L("{{.W}} × {{.H}} pixels", map[string]any{"W": w, "H": h}))
		})
		f.scale.SetSelected(scaleLabel(fittingScale(l, s.Scale)))
		items = append(items, widget.NewFormItem(lang.L("Scale"), f.scale), widget.NewFormItem(lang.L("Size"), f.size))
	}
	items = append(items, widget.NewFormItem(lang.L("Theme"), f.theme), widget.NewFormItem("", f.transparent))
	return f, items
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

// settings are the choices the form shows.
func (f *exportForm) settings() exportSettings {
	s := exportSettings{Scale: export.DefaultScale, Theme: canvas.PaletteNames[0], Transparent: f.transparent.Checked}
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

// showExport asks for the scale, theme and background, then for a PNG
// file, and exports the blueprint to it.
func (e *Editor) showExport() {
	e.commitField()
	f, items := e.newExportForm(e.exportSettings(), true)
	e.askWith(lang.L("Export PNG"), "", widget.NewForm(items...),
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Export…"), importance: widget.HighImportance, action: func() {
			s := f.settings()
			e.rememberExportSettings(s)
			name := strings.TrimSuffix(suggestedFileName(e), filepath.Ext(suggestedFileName(e)))
			e.askSavePath(name+".png", pngExts, func(path string) { e.exportPNG(path, s) })
		}})
}

// exportPNG renders the blueprint offscreen to a PNG file at path.
func (e *Editor) exportPNG(path string, s exportSettings) bool {
	if err := export.WriteFile(path, e.Doc(), e.exportOptions(s)); err != nil {
		if errors.Is(err, export.ErrTooLarge) {
			err = errors.New(lang.L("Too large: choose a smaller scale"))
		}
		e.showError(fmt.Errorf("%s: %w", lang.L("Could not export"), err))
		return false
	}
	e.notify(lang.L("Exported {{.Name}}", map[string]any{"Name": filepath.Base(path)}))
	return true
}
