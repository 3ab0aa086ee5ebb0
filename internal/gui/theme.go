package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"servicebp/blueprint/i18n"
	"servicebp/canvas"
)

// prefTheme is the preference key of the chosen theme: "", "light" or
// "dark".
const prefTheme = "theme"

// variantTheme is the default theme forced to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color returns the default theme's colour for the forced variant.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// chineseTheme draws the user interface's text with the system face of
// its Chinese script (see canvas.ChineseFont), Latin included, as Chinese
// desktops do: Fyne's own fallback would draw the Chinese in Japanese
// glyph forms, and bold Chinese in the regular weight.
type chineseTheme struct{ fyne.Theme }

// Font returns the Chinese face for text, when the system has one.
func (t chineseTheme) Font(s fyne.TextStyle) fyne.Resource {
	if !s.Monospace && !s.Symbol {
		if r := canvas.ChineseFont(s.Bold); r != nil {
			return r
		}
	}
	return t.Theme.Font(s)
}

// applyTheme sets the app theme for name: "light", "dark" or "" for the
// system's; in Chinese, its text is drawn with the Chinese face.
func (e *Editor) applyTheme(name string) {
	base := theme.DefaultTheme()
	if canvas.UILanguage() != i18n.English {
		base = chineseTheme{base}
	}
	switch name {
	case "light":
		e.app.Settings().SetTheme(variantTheme{base, theme.VariantLight})
	case "dark":
		e.app.Settings().SetTheme(variantTheme{base, theme.VariantDark})
	default:
		e.app.Settings().SetTheme(base)
	}
	if e.ui != nil && e.ui.inspector != nil {
		e.ui.inspector.restyle()
	}
}

// themeMenu is View > Theme: System, Light, Dark, remembered in the
// preferences.
func themeMenu(e *Editor) *fyne.MenuItem {
	choices := []struct{ name, label string }{
		{"", lang.L("System")},
		{"light", lang.L("Light")},
		{"dark", lang.L("Dark")},
	}
	sub := fyne.NewMenu("")
	current := e.app.Preferences().String(prefTheme)
	for _, c := range choices {
		it := fyne.NewMenuItem(c.label, nil)
		it.Checked = c.name == current
		it.Action = func() {
			e.app.Preferences().SetString(prefTheme, c.name)
			e.applyTheme(c.name)
			for _, other := range sub.Items {
				other.Checked = other == it
			}
			e.ui.menus.main.Refresh()
		}
		sub.Items = append(sub.Items, it)
	}
	top := fyne.NewMenuItem(lang.L("Theme"), nil)
	top.ChildMenu = sub
	return top
}
