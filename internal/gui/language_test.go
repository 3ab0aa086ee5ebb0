package gui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// TestLanguageMenu chooses 简体中文 in View > Language: the choice is
// remembered, checked in the menu, and the user is told when it applies.
func TestLanguageMenu(t *testing.T) {
	e := testEditor(t, "")
	top := viewMenuItem(t, e, "View", "Language")
	sub := top.ChildMenu
	if len(sub.Items) != 4 || !sub.Items[0].Checked {
		t.Fatalf("View > Language has %d items, the first checked %v; want System, English, 简体中文, 繁體中文 with System checked", len(sub.Items), len(sub.Items) > 0 && sub.Items[0].Checked)
	}
	sub.Items[2].Action()
	if got := e.app.Preferences().String(prefLanguage); got != "zh-Hans" {
		t.Errorf("language preference = %q, want zh-Hans", got)
	}
	if !sub.Items[2].Checked || sub.Items[0].Checked {
		t.Error("简体中文 is not the one checked")
	}
	if !dialogShows(e.win.Canvas(), "简体中文") {
		t.Error("no notice says when 简体中文 takes effect")
	}
}

// TestLanguageChoicePicksTheCatalogue registers the catalogues with each
// choice, as the editor does at start: Fyne's lang package then speaks
// that language whatever the locale, and the locale variables are as they
// were.
func TestLanguageChoicePicksTheCatalogue(t *testing.T) {
	test.NewTempApp(t)
	t.Setenv("LC_ALL", "en_GB.UTF-8")
	t.Setenv("LANGUAGE", "en_GB")
	register := func() {
		if err := addTranslations(); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { withLanguage("en", register) })
	for choice, want := range map[string]string{"zh-Hans": "语言", "zh-Hant": "語言", "en": "Language"} {
		withLanguage(choice, register)
		if got := lang.L("Language"); got != want {
			t.Errorf("with %s chosen, Language reads %q, want %q", choice, got, want)
		}
		if os.Getenv("LC_ALL") != "en_GB.UTF-8" || os.Getenv("LANGUAGE") != "en_GB" {
			t.Errorf("with %s chosen the locale is left LC_ALL=%q LANGUAGE=%q", choice, os.Getenv("LC_ALL"), os.Getenv("LANGUAGE"))
		}
	}
}

// dialogShows reports whether a text drawn in one of c's overlays (the
// dialogs shown) contains s.
func dialogShows(c fyne.Canvas, s string) bool {
	for _, o := range c.Overlays().List() {
		for _, t := range drawnTexts(o) {
			if strings.Contains(t, s) {
				return true
			}
		}
	}
	return false
}
