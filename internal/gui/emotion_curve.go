package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"servicebp/export"
)

// prefEmotionCurve is the preference key of View > Emotion curve; the
// curve is on unless it is false.
const prefEmotionCurve = "emotion-curve"

// emotionCurve reports whether the board and the presentation draw the
// emotion curve.
func (e *Editor) emotionCurve() bool {
	return e.app.Preferences().BoolWithFallback(prefEmotionCurve, true)
}

// setEmotionCurve switches the emotion curve, remembers the choice and
// redraws the board.
func (e *Editor) setEmotionCurve(on bool) {
	e.app.Preferences().SetBool(prefEmotionCurve, on)
	e.ui.board.SetEmotionCurve(on)
}

// exportOptions are the export options for s, with the emotion curve as
// View > Emotion curve shows it and the photos of the board: the file
// looks like the board.
func (e *Editor) exportOptions(s exportSettings) export.Options {
	opt := s.options()
	opt.NoEmotionCurve = !e.emotionCurve()
	opt.Images = e.photos.pictureSource()
	return opt
}

// emotionCurveItem is View > Emotion curve, a checked toggle.
func emotionCurveItem(e *Editor) *fyne.MenuItem {
	return toggleItem(e, lang.L("Emotion curve"), e.emotionCurve(), e.setEmotionCurve)
}

// toggleItem is a checked menu item labelled label, starting as on, that
// calls set with its new state when chosen.
func toggleItem(e *Editor, label string, on bool, set func(bool)) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, nil)
	it.Checked = on
	it.Action = func() {
		it.Checked = !it.Checked
		set(it.Checked)
		if e.ui.menus != nil {
			e.ui.menus.main.Refresh()
		}
	}
	return it
}
