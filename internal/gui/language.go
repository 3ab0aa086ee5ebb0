package gui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint/i18n"
)

// prefLanguage is the preference holding the language chosen in View >
// Language: "" follows the system's locale, otherwise an i18n.Lang tag.
const prefLanguage = "language"

// languageLocales are the locales that make Fyne's lang package pick each
// catalogue (see fyneLocales).
var languageLocales = map[i18n.Lang]string{
	i18n.English:     "en_US.UTF-8",
	i18n.Simplified:  "zh_CN.UTF-8",
	i18n.Traditional: "zh_TW.UTF-8",
}

// withLanguage runs f, which registers the catalogues, with the locale
// Fyne reads set to that of choice; an empty or unknown choice leaves the
// system's locale. Fyne's lang package chooses its catalogue from the
// environment when catalogues are added, so the variables are set only
// around f and restored after it: nothing else in the process (the input
// method, the C library) sees a changed locale.
func withLanguage(choice string, f func()) {
	l, err := i18n.Parse(choice)
	if choice == "" || err != nil {
		f()
		return
	}
	saved := map[string]*string{}
	for _, k := range []string{"LC_ALL", "LANGUAGE"} {
		if v, ok := os.LookupEnv(k); ok {
			saved[k] = &v
		} else {
			saved[k] = nil
		}
	}
	defer func() {
		for k, v := range saved {
			if v == nil {
				os.Unsetenv(k)
			} else {
				os.Setenv(k, *v)
			}
		}
	}()
	os.Setenv("LC_ALL", languageLocales[l])
	os.Unsetenv("LANGUAGE")
	f()
}

// languageMenu is View > Language: the system's language or one of the
// three, each named in its own script. The choice is remembered and
// takes effect the next time servicebp starts, which the user is told.
func languageMenu(e *Editor) *fyne.MenuItem {
	choices := []struct {
		tag   string
		label string
	}{
		{"", lang.L("System")},
		{string(i18n.English), "English"},
		{string(i18n.Simplified), "简体中文"},
		{string(i18n.Traditional), "繁體中文"},
	}
	sub := fyne.NewMenu("")
	current := e.app.Preferences().String(prefLanguage)
	for _, c := range choices {
		it := fyne.NewMenuItem(c.label, nil)
		it.Checked = c.tag == current
		it.Action = func() {
			if e.app.Preferences().String(prefLanguage) == c.tag {
				return
			}
			e.app.Preferences().SetString(prefLanguage, c.tag)
			for _, other := range sub.Items {
				other.Checked = other == it
			}
			e.ui.menus.main.Refresh()
			dialog.ShowInformation(lang.L("Language"),
				lang.L("servicebp will use {{.Language}} the next time it starts.", map[string]any{"Language": c.label}), e.win)
		}
		sub.Items = append(sub.Items, it)
	}
	top := fyne.NewMenuItem(lang.L("Language"), nil)
	top.ChildMenu = sub
	return top
}
