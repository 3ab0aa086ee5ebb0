package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
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

// applyTheme sets the app theme for name: "light", "dark" or "" for the
// system's.
func (e *Editor) applyTheme(name string) {
	switch name {
	case "light":
		e.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		e.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		e.app.Settings().SetTheme(theme.DefaultTheme())
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
