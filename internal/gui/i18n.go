package gui

import (
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
	"servicebp/canvas"
)

var loadTranslations sync.Once

// setupTranslations registers the catalogues of blueprint/i18n (English,
// Simplified and Traditional Chinese) with Fyne's lang package, which picks
// the one closest to the user's locale, or the language choice (an
// i18n.Lang tag) when it is not empty (see View > Language). Only the first
// call has an effect: the language is chosen once, at start.
func setupTranslations(choice string) {
	loadTranslations.Do(func() {
		withLanguage(choice, func() {
			if err := addTranslations(); err != nil {
				fyne.LogError("servicebp: loading translations", err)
			}
		})
	})
}

// fyneLocales are the locales the catalogues are registered under. Fyne
// 2.7 turns a matched tag with a script and no region into the bare
// language ("zh-Hant" into "zh", which then picks Simplified), so the
// Traditional catalogue is registered as zh-TW: zh_TW, zh_HK and zh_MO all
// match it, with the region kept.
var fyneLocales = map[i18n.Lang]fyne.Locale{
	i18n.English:     "en",
	i18n.Simplified:  "zh-Hans",
	i18n.Traditional: "zh-TW",
}

// addTranslations registers every catalogue with Fyne's lang package and
// lets it choose again from the locale.
func addTranslations() error {
	for _, l := range i18n.Langs {
		data, err := i18n.Files.ReadFile(i18n.Dir + "/" + string(l) + ".json")
		if err != nil {
			return err
		}
		if err := lang.AddTranslationsForLocale(data, fyneLocales[l]); err != nil {
			return fmt.Errorf("%s: %w", l, err)
		}
	}
	return nil
}

// uiLanguage is the language of the user interface.
func uiLanguage() i18n.Lang { return canvas.UILanguage() }

// defaultNames are the lane and line names for a new blueprint in the UI
// language.
func defaultNames() blueprint.Names { return uiLanguage().Names() }

// shownLaneName is the name the board draws for lane l: its kind's name in the
// UI language while it keeps the default name, else its own. The outline
// and the inspector show the same, so the views never disagree.
func shownLaneName(l blueprint.Lane) string { return layout.LabelsIn(uiLanguage()).LaneName(l) }

// shownLineName is the name the board draws for line l, as shownLaneName.
func shownLineName(l blueprint.Line) string { return layout.LabelsIn(uiLanguage()).LineName(l) }

// findingText is the message of f in the UI language.
func findingText(f *analysis.Finding) string { return uiLanguage().Text(f.Msg) }

// labelled is label, a colon and text, the colon full-width in Chinese
// ("泳道：有形展示").
func labelled(label, text string) string { return label + lang.L("punct.colon") + text }
