package gui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
	"servicebp/blueprint/i18n"
	"servicebp/canvas"
)

var loadTranslations sync.Once

// setupTranslations registers the catalogues of blueprint/i18n (English,
// Simplified and Traditional Chinese) with Fyne's lang package, which picks
// the one closest to the user's locale. It is safe to call more than once.
func setupTranslations() {
	loadTranslations.Do(func() {
		if err := lang.AddTranslationsFS(i18n.Files, i18n.Dir); err != nil {
			fyne.LogError("servicebp: loading translations", err)
		}
	})
}

// uiLanguage is the language of the user interface.
func uiLanguage() i18n.Lang { return canvas.UILanguage() }

// defaultNames are the lane and line names for a new blueprint in the UI
// language.
func defaultNames() blueprint.Names { return uiLanguage().Names() }

// findingText is the message of f in the UI language.
func findingText(f *analysis.Finding) string { return uiLanguage().Text(f.Msg) }
