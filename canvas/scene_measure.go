package canvas

import (
	"fyne.io/fyne/v2"

	"servicebp/blueprint/layout"
)

// Measure returns a layout.Measure that measures text the way the scene
// draws it: with font when it is not nil, otherwise with the current app
// theme's fonts and the system fallbacks. It needs a current Fyne app (the
// real one, or the test app for headless use).
func Measure(font fyne.Resource) layout.Measure {
	drv := fyne.CurrentApp().Driver()
	return func(text string, size float32, bold bool) (float32, float32) {
		s, _ := drv.RenderedTextSize(text, size, fyne.TextStyle{Bold: bold}, font)
		return s.Width, s.Height
	}
}
