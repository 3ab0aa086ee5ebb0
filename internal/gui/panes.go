package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// focusPane moves the keyboard focus to the next pane of the window (F6),
// or to the previous one (Shift+F6), as desktop applications cycle their
// panes: the board, the inspector's first field, and the outline. A pane
// with nothing to focus is passed over.
func (e *Editor) focusPane(back bool) {
	c := e.win.Canvas()
	panes := []func() fyne.Focusable{
		func() fyne.Focusable { return e.ui.board },
		e.ui.inspector.firstField,
		func() fyne.Focusable { return e.ui.outline.list },
	}
	cur := 0
	switch f := c.Focused(); {
	case f != nil && e.ui.inspector.holds(f):
		cur = 1
	case f == fyne.Focusable(e.ui.outline.list):
		cur = 2
	}
	step := 1
	if back {
		step = len(panes) - 1
	}
	for i := 1; i < len(panes); i++ {
		if p := panes[(cur+step*i)%len(panes)](); p != nil {
			e.commitField()
			c.Focus(p)
			return
		}
	}
}

// paneKey runs F6 and Shift+F6 (see focusPane) for a widget that takes
// keys itself; it reports whether ev was one of them.
func (e *Editor) paneKey(ev *fyne.KeyEvent, shift bool) bool {
	if ev.Name != fyne.KeyF6 {
		return false
	}
	e.focusPane(shift)
	return true
}

// formFields are the focusable widgets of the form the inspector shows,
// in order.
func (in *inspector) formFields() []fyne.Focusable {
	f, ok := in.shown.(*widget.Form)
	if !ok {
		return nil
	}
	var out []fyne.Focusable
	for _, it := range f.Items {
		if w, ok := it.Widget.(fyne.Focusable); ok {
			if d, ok := it.Widget.(fyne.Disableable); ok && d.Disabled() {
				continue
			}
			out = append(out, w)
		}
	}
	return out
}

// firstField is the first field of the shown form, or nil.
func (in *inspector) firstField() fyne.Focusable {
	if fs := in.formFields(); len(fs) > 0 {
		return fs[0]
	}
	return nil
}

// holds reports whether f is a field of the shown form.
func (in *inspector) holds(f fyne.Focusable) bool {
	for _, w := range in.formFields() {
		if w == f {
			return true
		}
	}
	return false
}
