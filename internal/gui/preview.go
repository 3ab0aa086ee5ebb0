package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/layout"
	"servicebp/canvas"
)

// preview draws the blueprint with the shared scene, fitted to its area,
// until the interactive board takes its place (SetBoard). Tapping a card
// selects its step; tapping an empty cell makes it the target of
// Insert > Step.
type preview struct {
	widget.BaseWidget
	e     *Editor
	scene *canvas.Scene
	lay   *layout.Layout
	dark  bool
}

var _ fyne.Tappable = (*preview)(nil)

func newPreview(e *Editor) *preview {
	p := &preview{e: e}
	p.dark = e.app.Settings().ThemeVariant() == theme.VariantDark
	p.scene = canvas.NewScene(p.palette())
	p.ExtendBaseWidget(p)
	return p
}

func (p *preview) palette() canvas.Palette {
	if p.dark {
		return canvas.DarkPalette()
	}
	return canvas.LightPalette()
}

// CreateRenderer shows the scene.
func (p *preview) CreateRenderer() fyne.WidgetRenderer {
	return &previewRenderer{p: p, box: container.NewWithoutLayout(p.scene.Object())}
}

// update lays the document out again and shows the selection.
func (p *preview) update() {
	d := p.e.Doc()
	st := layout.DefaultStyle()
	st.Labels = layout.LabelsFor(d)
	p.lay = layout.Compute(d, st, canvas.Measure(nil))
	if dark := p.e.app.Settings().ThemeVariant() == theme.VariantDark; dark != p.dark {
		p.dark = dark
		p.scene.SetPalette(p.palette())
	}
	var sel []string
	if p.e.sel.Kind == SelectStep {
		sel = p.e.sel.IDs
	}
	p.scene.SetSelection(sel)
	p.scene.Update(p.lay)
	p.fit(p.Size())
}

// fit zooms the drawing to fill size, centred.
func (p *preview) fit(size fyne.Size) {
	if p.lay == nil || p.lay.Width <= 0 || p.lay.Height <= 0 || size.Width <= 0 || size.Height <= 0 {
		return
	}
	zoom := min(size.Width/p.lay.Width, size.Height/p.lay.Height)
	off := fyne.NewPos((size.Width-p.lay.Width*zoom)/2, (size.Height-p.lay.Height*zoom)/2)
	if z, o := p.scene.View(); z != zoom || o != off {
		p.scene.SetView(zoom, off)
	}
	p.scene.SetViewport(size)
}

// Tapped selects the card under the pointer, or remembers the empty cell.
func (p *preview) Tapped(ev *fyne.PointEvent) {
	if p.lay == nil {
		return
	}
	w := p.scene.ScreenToWorld(ev.Position)
	if id, ok := p.lay.CardAt(w); ok {
		p.e.SetSelection(SelectSteps(id))
		return
	}
	if lane, col, ok := p.lay.CellAt(w); ok {
		p.e.target = cellTarget{lane: lane, column: col}
		p.e.SetSelection(Selection{})
		return
	}
	p.e.SetSelection(Selection{})
}

type previewRenderer struct {
	p   *preview
	box *fyne.Container
}

func (r *previewRenderer) Layout(size fyne.Size)        { r.p.fit(size) }
func (r *previewRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 150) }
func (r *previewRenderer) Refresh()                     {}
func (r *previewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }
func (r *previewRenderer) Destroy()                     {}
