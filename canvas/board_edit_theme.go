package canvas

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Text sizes of the inline editor, in screen units: it follows the zoom,
// so that typed text looks like the card's, within readable limits.
const (
	minEditTextSize = 10
	maxEditTextSize = 40
)

// editorTheme is the app's current theme with the text size of what the
// inline editor edits at the board's zoom.
type editorTheme struct{ textSize float32 }

func (t *editorTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// Color is the app theme's colour.
func (t *editorTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

// Font is the app theme's font.
func (t *editorTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

// Icon is the app theme's icon.
func (t *editorTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

// Size is the zoomed text size for text, and the app theme's size for
// everything else.
func (t *editorTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText && t.textSize > 0 {
		return t.textSize
	}
	return t.base().Size(n)
}

// editTextSize is the size, in screen units, of the text the inline
// editor shows for st: the size of that text on the board at its zoom.
func (b *Board) editTextSize(st *editState) float32 {
	size := b.style.TextSize
	switch st.kind {
	case editLaneName, editColumnName, editPhaseName:
		size = b.style.HeaderSize
	case editFlowLabel:
		size = b.style.SmallSize
	}
	return min(max(size*b.zoom, minEditTextSize), maxEditTextSize)
}
