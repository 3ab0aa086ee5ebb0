package gui

import (
	"embed"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint"
)

//go:embed translations/*.json
var translations embed.FS

var loadTranslations sync.Once

// setupTranslations registers the editor's English and Simplified Chinese
// strings with Fyne's lang package. It is safe to call more than once.
func setupTranslations() {
	loadTranslations.Do(func() {
		if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
			fyne.LogError("servicebp: loading translations", err)
		}
	})
}

// uiChinese reports whether the user interface speaks Simplified Chinese.
// The "language" key translates to the language's own code.
func uiChinese() bool {
	return lang.X("language", "en") == "zh-Hans"
}

// defaultNames are the lane and line names for a new blueprint in the UI
// language.
func defaultNames() blueprint.Names {
	if uiChinese() {
		return blueprint.ChineseNames
	}
	return blueprint.EnglishNames
}
