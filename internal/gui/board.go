package gui

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"servicebp/canvas"
)

// textUndoer is a focused text entry with its own undo and redo (the
// board's inline card editor, a plain entry): Ctrl+Z from the menu undoes
// its typing rather than the last edit of the blueprint.
type textUndoer interface {
	Undo()
	Redo()
}

// installBoard puts the interactive board in the centre of the window.
// The board observes the store like every other view: it shows the
// document and the selection, and changes them only through the store.
func (e *Editor) installBoard() {
	b := canvas.NewBoard(e.store)
	b.SetEmotionCurve(e.emotionCurve())
	b.SetAnnotations(e.annotations())
	b.SetMinimap(e.minimap())
	b.OnError = e.showError
	b.OnZoom = e.showZoom
	b.OnHover = e.hoverFindings
	b.OnDelete = e.deleteSelected
	b.OnOfferIDs = e.offerIDs
	// The board has selected nothing, so the inspector shows the
	// blueprint's form.
	b.OnEditTitle = func() { e.win.Canvas().Focus(e.ui.inspector.doc.title) }
	b.OnMode = e.showModeHint
	e.ui.board = b
	e.showZoom(b.Zoom())
	e.ui.centre.Objects = []fyne.CanvasObject{b}
	e.ui.centre.Refresh()
	e.followTheme()
}

// showZoom shows the board's zoom in the status bar.
func (e *Editor) showZoom(zoom float32) {
	e.ui.zoom.SetText(zoomText(zoom))
}

// zoomText is zoom as the status bar shows it: "Zoom 125%".
func zoomText(zoom float32) string {
	return lang.L("Zoom {{.Percent}}%", map[string]any{"Percent": strconv.Itoa(int(math.Round(float64(zoom) * 100)))})
}

// followTheme gives the board the palette of the theme's variant, now and
// whenever the app's settings change.
func (e *Editor) followTheme() {
	dark := false
	set := func() {
		if d := e.themeVariant() == theme.VariantDark; d != dark {
			dark = d
			if d {
				e.ui.board.SetPalette(canvas.DarkPalette())
			} else {
				e.ui.board.SetPalette(canvas.LightPalette())
			}
		}
	}
	set()
	e.app.Settings().AddListener(func(fyne.Settings) { set() })
}

// themeVariant is the variant the app is drawn in: the one View > Theme
// forces, or else the system's. Settings.ThemeVariant reports only the
// system's, so a forced Light on a dark desktop would leave the board dark.
func (e *Editor) themeVariant() fyne.ThemeVariant {
	if t, ok := e.app.Settings().Theme().(variantTheme); ok {
		return t.variant
	}
	return e.app.Settings().ThemeVariant()
}

// focusBoard gives the board the keyboard focus, so that arrows, Enter
// and typing act on the blueprint without a first click.
func (e *Editor) focusBoard() {
	if e.reporting != "" {
		return // the board is hidden behind a report (see startReport)
	}
	e.win.Canvas().Focus(e.ui.board)
}
