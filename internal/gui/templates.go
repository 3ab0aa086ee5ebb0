package gui

import (
	"image"
	"sync"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	xdraw "golang.org/x/image/draw"

	"servicebp/assets"
	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
	"servicebp/export"
)

// thumbWidth is the pixel width of a template's thumbnail, twice the width
// it is shown at so that it stays sharp on a high-density screen.
const thumbWidth = 2 * thumbShown

// thumbShown is the width a thumbnail is shown at, in Fyne units.
const thumbShown = 280

// thumbs caches the template thumbnails by template and language: they
// are drawn from the templates themselves with the export raster painter,
// once per run, each under its own once so that several draw at a time.
var thumbs struct {
	sync.Mutex
	m map[[2]string]*thumbEntry
}

// thumbEntry is one cached thumbnail.
type thumbEntry struct {
	once sync.Once
	img  image.Image
}

// templateThumb is the thumbnail of template name with its labels in l, or
// nil when the template cannot be drawn.
func templateThumb(name string, l i18n.Lang) image.Image {
	thumbs.Lock()
	k := [2]string{name, string(l)}
	en := thumbs.m[k]
	if en == nil {
		if thumbs.m == nil {
			thumbs.m = make(map[[2]string]*thumbEntry)
		}
		en = &thumbEntry{}
		thumbs.m[k] = en
	}
	thumbs.Unlock()
	en.once.Do(func() {
		if data, err := assets.Template(name); err == nil {
			if d, err := blueprint.Parse(name+".yaml", data); err == nil {
				en.img = renderThumb(d, l)
			}
		}
	})
	return en.img
}

// renderThumb draws d thumbWidth pixels wide: painted by the export
// raster painter at the smallest scale it allows (or at the thumbnail's
// scale, when larger), then scaled down; nil when it cannot be drawn.
func renderThumb(d *blueprint.Document, l i18n.Lang) image.Image {
	opt := export.Options{Lang: l}
	lay := export.Layout(d, opt)
	if lay.Width <= 0 || lay.Height <= 0 {
		return nil
	}
	opt.Scale = max(export.MinScale, thumbWidth/lay.Width)
	full, err := export.RenderLayout(lay, opt)
	if err != nil {
		return nil
	}
	b := full.Bounds()
	h := int(float32(b.Dy())*thumbWidth/float32(b.Dx()) + 0.5)
	out := image.NewNRGBA(image.Rect(0, 0, thumbWidth, max(h, 1)))
	xdraw.CatmullRom.Scale(out, out.Bounds(), full, b, xdraw.Src, nil)
	return out
}

// templateTile is one template in the New from template dialog: its
// thumbnail, name and description; a tap selects it, a double tap
// creates it.
type templateTile struct {
	widget.BaseWidget
	name      string
	selected  bool
	onTap     func()
	onDouble  func()
	bg        *fcanvas.Rectangle
	thumb     *fcanvas.Image
	title     *widget.Label
	desc      *widget.Label
	container *fyne.Container
}

var (
	_ fyne.Tappable       = (*templateTile)(nil)
	_ fyne.DoubleTappable = (*templateTile)(nil)
)

func newTemplateTile(name string, img image.Image) *templateTile {
	t := &templateTile{name: name}
	t.bg = fcanvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.bg.StrokeWidth = 2
	t.thumb = &fcanvas.Image{Image: img}
	t.thumb.FillMode = fcanvas.ImageFillContain
	t.thumb.SetMinSize(fyne.NewSize(thumbShown, thumbShown*0.45))
	t.title = widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.desc = widget.NewLabel(assets.TemplateDescription(name))
	t.desc.Wrapping = fyne.TextWrapWord
	t.container = container.NewStack(t.bg, container.NewPadded(container.NewBorder(t.thumb, nil, nil, nil, container.NewVBox(t.title, t.desc))))
	t.ExtendBaseWidget(t)
	t.setSelected(false)
	return t
}

// setSelected outlines the tile in the primary colour when it is chosen.
func (t *templateTile) setSelected(on bool) {
	t.selected = on
	t.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	if on {
		t.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
	}
	t.bg.Refresh()
}

// Tapped selects the template.
func (t *templateTile) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// DoubleTapped creates a blueprint from the template.
func (t *templateTile) DoubleTapped(*fyne.PointEvent) {
	if t.onDouble != nil {
		t.onDouble()
	}
}

// CreateRenderer is part of fyne.Widget.
func (t *templateTile) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.container)
}

// templatesDialog is the open New from template dialog, kept for tests.
type templatesDialog struct {
	q      *question
	tiles  []*templateTile
	create *widget.Button
	chosen string
	// ready is done when every thumbnail is drawn.
	ready sync.WaitGroup
}

// showTemplates offers the built-in templates, each with a thumbnail drawn
// from it; the chosen one opens as a new untitled blueprint. Create stays
// disabled until a template is chosen; a double click creates at once.
func (e *Editor) showTemplates() {
	d := &templatesDialog{}
	grid := container.NewGridWithColumns(2)
	lg := uiLanguage()
	for _, name := range assets.TemplateNames() {
		t := newTemplateTile(name, nil)
		t.onTap = func() { d.choose(name) }
		t.onDouble = func() {
			d.choose(name)
			d.create.OnTapped()
		}
		d.tiles = append(d.tiles, t)
		grid.Add(t)
	}
	scroll := container.NewVScroll(grid)
	// Every template in view when the window has the room (a wrapped
	// description reports one line until it is laid out: allow three).
	rows := float32((len(d.tiles) + 1) / 2)
	need := rows * (grid.MinSize().Height/rows + 2*theme.TextSize()*1.5 + theme.Padding())
	scroll.SetMinSize(fyne.NewSize(2*thumbShown+60, min(need, e.win.Canvas().Size().Height-200)))
	d.q = e.askWith(lang.L("New from template"), "", scroll,
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Create"), importance: widget.HighImportance, action: func() {
			if d.chosen != "" {
				e.newFromTemplate(d.chosen)
			}
		}})
	d.create = d.q.button(lang.L("Create"))
	d.create.Disable()
	e.templates = d
	// The thumbnails are drawn in the background (the first time, the
	// fonts load too): the dialog opens at once, and each appears when
	// it is ready.
	for _, t := range d.tiles {
		d.ready.Add(1)
		go func() {
			defer d.ready.Done()
			img := templateThumb(t.name, lg)
			fyne.Do(func() {
				t.thumb.Image = img
				t.thumb.Refresh()
			})
		}()
	}
}

// choose selects the template name and enables Create.
func (d *templatesDialog) choose(name string) {
	d.chosen = name
	for _, t := range d.tiles {
		t.setSelected(t.name == name)
	}
	d.create.Enable()
}

// newFromTemplate opens the template name as a new untitled blueprint,
// after the unsaved-changes prompt.
func (e *Editor) newFromTemplate(name string) {
	e.confirmDiscard(func() {
		data, err := assets.Template(name)
		if err == nil {
			var d *blueprint.Document
			if d, err = blueprint.Parse(name+".yaml", data); err == nil {
				e.newBlueprint(d)
				return
			}
		}
		e.showError(err)
	})
}
