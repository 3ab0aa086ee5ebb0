package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// paneLayout lays out the inspector inside its scroll container: its one
// object gets the full width less a gutter on the right, where the
// scrollbar is drawn over the pane, so the bar never covers the fields'
// right edges. Its minimum width is the widest of forms, so that choosing
// a step after a cell does not move the divider between the board and
// the side panel.
type paneLayout struct {
	forms []*widget.Form
}

func (l paneLayout) gutter() float32 { return theme.ScrollBarSize() + theme.Padding() }

// MinSize is the object's minimum size, widened to the widest form, plus
// the gutter.
func (l paneLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		min = min.Max(o.MinSize())
	}
	for _, f := range l.forms {
		min.Width = max(min.Width, f.MinSize().Width)
	}
	min.Width += l.gutter()
	return min
}

// Layout gives each object the pane's size less the gutter.
func (l paneLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(max(size.Width-l.gutter(), 0), size.Height))
	}
}

// inspectorPane is the inspector in its scroll container, laid out by
// paneLayout.
func (in *inspector) pane() fyne.CanvasObject {
	forms := []*widget.Form{in.step.form, in.bulk.form, in.lane.form, in.line.form, in.flow.form, in.column.form, in.doc.form}
	return container.NewVScroll(container.New(paneLayout{forms: forms}, in.content))
}
