package canvas

import (
	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint/i18n"
)

// UILanguage is the language Fyne's lang package picked for the user
// interface from the locale: each catalogue's "language" key holds its own
// tag, so looking it up names the catalogue in use. The board, the
// presenter and the editor's exports draw their labels in it.
func UILanguage() i18n.Lang {
	l, err := i18n.Parse(lang.X("language", "en"))
	if err != nil {
		return i18n.English
	}
	return l
}
