package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

func TestHelpDialogs(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(e *Editor)
	}{
		{"F1", func(e *Editor) { e.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1}) }},
		{"About", (*Editor).showAbout},
		{"New from template", func(e *Editor) { e.showTemplates(); e.templates.ready.Wait() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := testEditor(t, "")
			before := len(e.win.Canvas().Overlays().List())
			tc.open(e)
			if got := len(e.win.Canvas().Overlays().List()); got != before+1 {
				t.Errorf("%d overlays, want %d: no dialog opened", got, before+1)
			}
		})
	}
}

func TestNewFromTemplate(t *testing.T) {
	e := testEditor(t, "")
	e.newFromTemplate("hotel")
	if e.Path() != "" || len(e.Doc().Steps) == 0 || e.Dirty() {
		t.Errorf("template opened as path %q with %d steps, dirty %v", e.Path(), len(e.Doc().Steps), e.Dirty())
	}
}

func TestThemeMenu(t *testing.T) {
	e := testEditor(t, "")
	var sub *fyne.Menu
	for _, it := range e.win.MainMenu().Items[3].Items {
		if it.ChildMenu != nil && it.Label == lang.L("Theme") {
			sub = it.ChildMenu
		}
	}
	if sub == nil || len(sub.Items) != 3 {
		t.Fatal("no View > Theme submenu with three choices")
	}
	for _, tc := range []struct {
		item int
		pref string
		want fyne.ThemeVariant
	}{
		{2, "dark", theme.VariantDark},
		{1, "light", theme.VariantLight},
	} {
		sub.Items[tc.item].Action()
		if got := e.app.Preferences().String(prefTheme); got != tc.pref {
			t.Errorf("theme preference = %q, want %q", got, tc.pref)
		}
		if c := e.app.Settings().Theme().Color(theme.ColorNameBackground, 99); c != theme.DefaultTheme().Color(theme.ColorNameBackground, tc.want) {
			t.Errorf("%s: background colour %v is not the %s variant's", tc.pref, c, tc.pref)
		}
		if !sub.Items[tc.item].Checked {
			t.Errorf("%s is not checked", tc.pref)
		}
	}
}

func TestThemeRemembered(t *testing.T) {
	e := testEditor(t, "")
	e.app.Preferences().SetString(prefTheme, "light")
	startEditor(t, e.app, t.TempDir(), "")
	if c := e.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); c != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Error("the light theme chosen last time is not applied at start")
	}
}
