package canvas

import (
	"sync"

	"fyne.io/fyne/v2"

	"servicebp/blueprint/layout"
)

// Measure returns a layout.Measure that measures text the way the scene
// draws it: with font when it is not nil, otherwise with the current app
// theme's fonts and the system fallbacks. It needs a current Fyne app (the
// real one, or the test app for headless use). The returned function
// remembers every text it measured, so laying out again after an edit
// measures only new text; make a new one when the font or theme changes.
func Measure(font fyne.Resource) layout.Measure {
	drv := fyne.CurrentApp().Driver()
	fonts := newTextFonts(font)
	type key struct {
		text string
		size float32
		bold bool
	}
	var mu sync.Mutex
	seen := make(map[key]fyne.Size)
	return func(text string, size float32, bold bool) (float32, float32) {
		k := key{text, size, bold}
		mu.Lock()
		s, ok := seen[k]
		mu.Unlock()
		if !ok {
			s, _ = drv.RenderedTextSize(text, size, fyne.TextStyle{Bold: bold}, fonts.of(text))
			mu.Lock()
			seen[k] = s
			mu.Unlock()
		}
		return s.Width, s.Height
	}
}
