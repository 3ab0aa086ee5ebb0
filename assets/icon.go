// Package assets holds the files embedded in servicebp: the application
// icon and the blueprint templates.
package assets

import _ "embed" // for the go:embed directive below

//go:generate go run ../internal/tools/drawicon -o icon.png

// Icon is the application icon, a 512×512 PNG drawn by
// internal/tools/drawicon. Wrap it in a fyne.StaticResource to use it as a
// window or app icon.
//
//go:embed icon.png
var Icon []byte
