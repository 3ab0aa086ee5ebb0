package canvas

import "servicebp/blueprint/draw"

// Palette is every colour of a drawn blueprint (see draw.Palette).
type Palette = draw.Palette

// LaneColors is the colour family of one lane kind (see draw.LaneColors).
type LaneColors = draw.LaneColors

// PaletteNames are the names accepted by PaletteByName, default first.
var PaletteNames = draw.PaletteNames

// LightPalette is the default look (see draw.LightPalette).
func LightPalette() Palette { return draw.LightPalette() }

// DarkPalette is a dark look for dark desktops (see draw.DarkPalette).
func DarkPalette() Palette { return draw.DarkPalette() }

// ContrastPalette is a high-contrast look for projectors (see
// draw.ContrastPalette).
func ContrastPalette() Palette { return draw.ContrastPalette() }

// PaletteByName returns the palette called name ("light", "dark" or
// "contrast").
func PaletteByName(name string) (Palette, bool) { return draw.PaletteByName(name) }
