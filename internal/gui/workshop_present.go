package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"servicebp/canvas"
	"servicebp/internal/state"
)

// presentWorkshop gives the presentation p in window w the workshop keys:
// +, -, v and ? act on the spotlit card through the editor's history, and
// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo there. The presentation
// shows every edit as it is made.
func (e *Editor) presentWorkshop(w fyne.Window, p *canvas.Presenter) {
	ws := e.workshopState()
	if ws.presenter == nil && !ws.following {
		ws.following = true
		e.store.Subscribe(func(c state.Change) {
			if (c.Document || c.Replaced) && ws.presenter != nil {
				ws.presenter.SetDocument(e.Doc().Clone())
			}
		})
	}
	ws.presenter = p
	spotlit := func() []string {
		if s := p.Spotlight(); s != nil {
			return []string{s.Seed}
		}
		return nil
	}
	p.OnTypedRune = func(r rune) { e.workshopRune(r, w, spotlit) }
	c := w.Canvas()
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { e.undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { e.redo() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, func(fyne.Shortcut) { e.redo() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyY, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { e.redo() })
}

// endWorkshopPresentation stops following the edits in presentation p,
// which closed.
func (e *Editor) endWorkshopPresentation(p *canvas.Presenter) {
	if ws := e.workshopState(); ws.presenter == p {
		ws.presenter = nil
	}
}
