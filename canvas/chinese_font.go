package canvas

import (
	"fmt"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"

	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
	"servicebp/internal/sfnt"
)

// faceResource is one face of a system font file as a Fyne font resource.
// Its Content reads the face from the file on each call: Fyne parses a font
// resource once and keeps what it parsed (and copied), so holding the
// 16 MB of a CJK face here as well would only double its cost.
type faceResource struct {
	name, path string
	index      int
}

// Name names the file and the face.
func (r *faceResource) Name() string { return r.name }

// Content is the face as a standalone font file, or nil when it can no
// longer be read (Fyne then draws with the theme's font).
func (r *faceResource) Content() []byte {
	data, err := sfnt.Face(r.path, r.index)
	if err != nil {
		fyne.LogError("Chinese font", err)
		return nil
	}
	return data
}

var chineseFaces struct {
	sync.Mutex
	found map[[2]bool]fyne.Resource // by Traditional, bold; nil: none
}

// ChineseFont returns the system face that draws Chinese in the glyph
// forms of the user interface's script (the mainland's, or Taiwan's for
// zh-Hant), bold or regular, or nil when the system has none. Fyne's own
// per-character fallback takes the first face of a collection that has the
// character, which for Noto Sans CJK is the Japanese one: it draws 骨, 直
// and 說 in their Japanese forms, and draws bold Chinese regular.
func ChineseFont(bold bool) fyne.Resource {
	return chineseFont(UILanguage() == i18n.Traditional, bold)
}

// chineseFont is the face of Traditional or Simplified Chinese, found
// once.
func chineseFont(traditional, bold bool) fyne.Resource {
	key := [2]bool{traditional, bold}
	chineseFaces.Lock()
	defer chineseFaces.Unlock()
	if r, seen := chineseFaces.found[key]; seen {
		return r
	}
	if chineseFaces.found == nil {
		chineseFaces.found = map[[2]bool]fyne.Resource{}
	}
	families := sfnt.Simplified
	if traditional {
		families = sfnt.Traditional
	}
	var r fyne.Resource
	if path, index, ok := sfnt.Find(families, bold); ok {
		r = &faceResource{name: fmt.Sprintf("%s#%d", filepath.Base(path), index), path: path, index: index}
	}
	chineseFaces.found[key] = r
	return r
}

// textFonts are the fonts the scene draws and measures text with: the
// user's font when there is one; else, for text with CJK characters in an
// English user interface, the regular Simplified face, which draws bold
// text regular, as the exports do; else nil for the app theme's fonts,
// which in Chinese are the Chinese faces (see the editor's theme). Each
// font resource Fyne parses costs about 20 MB for a CJK face, so the scene
// shares the theme's where it can and never adds a bold one. The language
// is read once, when the fonts are made, not for every text drawn.
type textFonts struct {
	user fyne.Resource
	// english is set when the interface is in English, so that CJK text
	// needs a face of its own.
	english bool
}

// newTextFonts returns the fonts for the user's font (nil for none) in
// the current interface language.
func newTextFonts(user fyne.Resource) textFonts {
	return textFonts{user: user, english: UILanguage() == i18n.English}
}

// of is the font to draw text with.
func (f textFonts) of(text string) fyne.Resource {
	if f.user != nil || !f.english || !hasCJK(text) {
		return f.user
	}
	return chineseFont(false, false)
}

// hasCJK reports whether s has a CJK character or CJK punctuation in it.
func hasCJK(s string) bool {
	for _, r := range s {
		if layout.IsCJK(r) {
			return true
		}
	}
	return false
}
