package gui

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/images"
	"servicebp/canvas"
)

// presentFile runs `servicebp present FILE`: the blueprint at path
// fullscreen in presentation mode, with no editor, starting in the palette
// called theme, with the labels it draws in lang; Esc (with no spotlight)
// quits. It returns the process exit code.
func presentFile(path, theme string, curve bool, lang i18n.Lang) int {
	d, err := blueprint.Load(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "servicebp present: %v\n", err)
		return 1
	}
	a := app.NewWithID(AppID)
	w := a.NewWindow(presentTitle(d))
	p := canvas.NewPresenter(d)
	p.SetEmotionCurve(curve)
	p.SetLanguage(lang)
	p.SetPictures(images.NewSet(filepath.Dir(path)))
	if pal, ok := canvas.PaletteByName(theme); ok {
		p.SetPalette(pal)
	}
	p.OnExit = a.Quit
	p.OnRing = bell
	view := attachPresenterView(a, p)
	w.SetOnClosed(func() { p.Close(); view.close() })
	showPresentation(w, p)
	a.Run()
	return 0
}

// Present shows the open blueprint in presentation mode, fullscreen in a
// window of its own with no menus, with the editor's timer. P there opens
// the presenter view. Esc (with no spotlight or alarm) closes it and
// returns to the editor. It returns the presenter, which shows a copy of
// the blueprint, refreshed after each edit: the workshop keys (votes,
// questions; see workshop.go) edit the blueprint from the presentation.
func (e *Editor) Present() *canvas.Presenter {
	d := e.Doc().Clone()
	w := e.app.NewWindow(presentTitle(d))
	p := canvas.NewPresenter(d)
	p.SetEmotionCurve(e.emotionCurve())
	p.SetPictures(e.photos.pictureSource())
	p.SetAnnotations(e.annotations())
	p.OnExit = w.Close
	e.presentWorkshop(w, p)
	view := e.shareTimer(p)
	w.SetOnClosed(func() {
		e.endWorkshopPresentation(p)
		e.timerView.presenting = nil
		p.Close()
		view.close()
		e.win.RequestFocus()
	})
	showPresentation(w, p)
	return p
}

// showPresentation puts p in w, fullscreen and focused, and shows w.
func showPresentation(w fyne.Window, p *canvas.Presenter) {
	w.SetPadded(false)
	w.SetContent(p)
	w.SetFullScreen(true)
	w.Show()
	w.Canvas().Focus(p)
}

// presentTitle is the title of the presentation window.
func presentTitle(d *blueprint.Document) string {
	if d.Title != "" {
		return d.Title + " — servicebp"
	}
	return "servicebp"
}
