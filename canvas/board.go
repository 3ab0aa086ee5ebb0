package canvas

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

// Board is the interactive blueprint: the scene of the document's layout,
// with selection, inline text editing, drag and drop of cards, flows drawn
// from connector handles, context menus, the clipboard, and zoom and pan.
// It reads the document from a blueprint.History and changes it only by
// applying commands to it; after each change it recomputes the layout and
// updates the scene in place.
type Board struct {
	widget.BaseWidget

	hist    *blueprint.History
	style   layout.Style
	measure layout.Measure
	scene   *Scene
	lay     *layout.Layout
	gen     int
	// doc is the document last laid out; another one (a file opened in
	// the same window) gets a fresh view.
	doc *blueprint.Document

	zoom   float32
	off    fyne.Position
	size   fyne.Size
	placed bool
	// autoView is set while the view is the one a newly opened drawing
	// gets and the user has not zoomed or scrolled: resizing the board
	// (the window coming up to its size) recomputes it.
	autoView bool

	sel Selection
	// pathSel is the selection HighlightPath made; the path's flows stay
	// highlighted while it lasts.
	pathSel Selection
	hover   string
	// hoverNew is the lane whose new-column slot the pointer is over.
	hoverNew string
	focused  bool
	mods     fyne.KeyModifier
	space    bool

	press   press
	drag    dragState
	connect string
	edit    *cardEditor
	editing *editState
	// editBox shows edit in editTheme: the text size of what it edits,
	// at the board's zoom.
	editBox   *container.ThemeOverride
	editTheme *editorTheme

	bg   *fcanvas.Rectangle
	over *overlay
	// escape, when set, has the first use of Esc (see SetEscapeHandler).
	escape func() bool

	// OnSelected is called when the user changes the selection.
	OnSelected func(sel Selection)
	// OnError is called with an edit the document refused, or a paste that
	// could not be read.
	OnError func(err error)
	// OnEdited is called after the board applied a command to the history.
	OnEdited func()
	// OnZoom is called when the zoom changes.
	OnZoom func(zoom float32)
}

// Interfaces the board implements.
var (
	_ fyne.Widget            = (*Board)(nil)
	_ fyne.Tappable          = (*Board)(nil)
	_ fyne.DoubleTappable    = (*Board)(nil)
	_ fyne.SecondaryTappable = (*Board)(nil)
	_ fyne.Draggable         = (*Board)(nil)
	_ fyne.Scrollable        = (*Board)(nil)
	_ fyne.Focusable         = (*Board)(nil)
	_ fyne.Shortcutable      = (*Board)(nil)
	_ fyne.Tabbable          = (*Board)(nil)
	_ desktop.Mouseable      = (*Board)(nil)
	_ desktop.Hoverable      = (*Board)(nil)
	_ desktop.Keyable        = (*Board)(nil)
	_ desktop.Cursorable     = (*Board)(nil)
)

// NewBoard returns a board that shows and edits the document of h. It needs
// a current Fyne app, for measuring text.
func NewBoard(h *blueprint.History) *Board {
	b := &Board{
		hist:    h,
		style:   layout.DefaultStyle(),
		measure: cachedMeasure(Measure(nil)),
		scene:   NewScene(LightPalette()),
		zoom:    1,
		bg:      fcanvas.NewRectangle(color.Transparent),
	}
	b.over = newOverlay()
	b.edit = newCardEditor(b)
	b.edit.Hide()
	b.editTheme = &editorTheme{}
	b.editBox = container.NewThemeOverride(b.edit, b.editTheme)
	b.ExtendBaseWidget(b)
	b.Reload()
	return b
}

// History returns the history the board edits.
func (b *Board) History() *blueprint.History { return b.hist }

// Layout returns the layout the board shows.
func (b *Board) Layout() *layout.Layout { return b.lay }

// Scene returns the board's scene.
func (b *Board) Scene() *Scene { return b.scene }

// SetPalette changes the board's colours.
func (b *Board) SetPalette(p Palette) {
	b.scene.SetPalette(p)
	b.over.restyle(p)
	b.Refresh()
}

// SetFont draws and measures all text with font (a .ttf or .otf
// resource); nil uses the app theme's fonts.
func (b *Board) SetFont(font fyne.Resource) {
	b.measure = cachedMeasure(Measure(font))
	b.scene.SetFont(font)
	b.Reload()
}

// Reload recomputes the layout from the document and updates the scene in
// place. Call it after the document changed outside the board (undo, the
// inspector, a reload from disk); the board's own edits reload by
// themselves.
func (b *Board) Reload() {
	b.gen++
	d := b.hist.Doc()
	st := b.style
	st.Labels = layout.LabelsFor(d)
	b.lay = layout.Compute(d, st, b.measure)
	b.sel = b.validSelection(b.sel)
	b.dropPathHighlight()
	b.scene.selected = b.selectedSteps()
	b.scene.Update(b.lay)
	if d != b.doc {
		fresh := b.doc != nil
		b.doc = d
		if fresh && b.placed && b.size.Width > 0 {
			b.initialView()
		}
	}
	if b.editing != nil {
		b.placeEditor()
	}
	b.over.update(b)
}

// apply runs c through the history and reloads. It reports whether the
// command was applied; a refused command goes to OnError.
func (b *Board) apply(c blueprint.Command) bool {
	gen := b.gen
	if err := b.hist.Apply(c); err != nil {
		b.fail(err)
		return false
	}
	if b.gen == gen {
		b.Reload()
	}
	if b.OnEdited != nil {
		b.OnEdited()
	}
	return true
}

func (b *Board) fail(err error) {
	if err != nil && b.OnError != nil {
		b.OnError(err)
	}
}

// Selection returns the board's selection.
func (b *Board) Selection() Selection { return b.sel }

// SetSelection changes the selection without calling OnSelected.
func (b *Board) SetSelection(s Selection) {
	s = b.validSelection(s)
	if s.Equal(b.sel) {
		return
	}
	b.sel = s
	b.showSelection()
}

// selectOnly changes the selection as the user's choice: it redraws and
// calls OnSelected.
func (b *Board) selectOnly(s Selection) {
	s = b.validSelection(s)
	if s.Equal(b.sel) {
		return
	}
	b.sel = s
	b.showSelection()
	if b.OnSelected != nil {
		b.OnSelected(b.sel)
	}
}

// showSelection redraws the selection outlines.
func (b *Board) showSelection() {
	b.dropPathHighlight()
	b.scene.selected = b.selectedSteps()
	b.scene.refresh()
	b.over.update(b)
}

func (b *Board) selectedSteps() map[string]bool {
	if b.sel.Kind != SelectSteps {
		return nil
	}
	m := make(map[string]bool, len(b.sel.IDs))
	for _, id := range b.sel.IDs {
		m[id] = true
	}
	return m
}

// validSelection drops the parts of s that are no longer in the document.
func (b *Board) validSelection(s Selection) Selection { return s.Valid(b.hist.Doc()) }

// repaint asks the board's window to draw a new frame. Fyne redraws a
// window when an object it has drawn before changes; an object shown for
// the first time (a cell's outline, the inline editor, the first card of
// an empty board) does not ask by itself, and would wait for the next
// unrelated redraw.
func (b *Board) repaint() { fcanvas.Refresh(b.bg) }

// toWorld converts a position on the board to world coordinates.
func (b *Board) toWorld(p fyne.Position) layout.Point { return b.scene.ScreenToWorld(p) }

// toScreen converts world coordinates to a position on the board.
func (b *Board) toScreen(p layout.Point) fyne.Position { return b.scene.WorldToScreen(p) }

// screenRect converts a world rectangle to the board's coordinates.
func (b *Board) screenRect(r layout.Rect) (fyne.Position, fyne.Size) {
	return b.toScreen(layout.Point{X: r.X, Y: r.Y}), fyne.NewSize(r.W*b.zoom, r.H*b.zoom)
}

// Cursor shows a grab hand while panning and a crosshair while drawing a
// flow.
func (b *Board) Cursor() desktop.Cursor {
	switch {
	case b.drag.mode == dragPan || b.space:
		return desktop.PointerCursor
	case b.drag.mode == dragConnect || b.connect != "":
		return desktop.CrosshairCursor
	}
	return desktop.DefaultCursor
}

// MinSize is small: the board fills whatever space it is given.
func (b *Board) MinSize() fyne.Size { return fyne.NewSize(120, 120) }

// CreateRenderer returns the board's renderer.
func (b *Board) CreateRenderer() fyne.WidgetRenderer {
	return &boardRenderer{b: b, objs: []fyne.CanvasObject{b.bg, b.scene.Object(), b.over.box, b.editBox}}
}

type boardRenderer struct {
	b    *Board
	objs []fyne.CanvasObject
}

func (r *boardRenderer) Layout(size fyne.Size) {
	b := r.b
	b.bg.Resize(size)
	b.size = size
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	if !b.placed || b.autoView {
		b.placed = true
		b.initialView()
		return
	}
	b.setView(b.zoom, b.off)
}

func (r *boardRenderer) MinSize() fyne.Size { return r.b.MinSize() }

func (r *boardRenderer) Refresh() {
	r.b.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.b.bg.Refresh()
	r.b.over.update(r.b)
}

func (r *boardRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *boardRenderer) Destroy() {}

// cachedMeasure remembers the sizes m returns, so that relayouts after an
// edit measure only new text.
func cachedMeasure(m layout.Measure) layout.Measure {
	type key struct {
		text string
		size float32
		bold bool
	}
	cache := make(map[key][2]float32)
	return func(text string, size float32, bold bool) (float32, float32) {
		k := key{text, size, bold}
		if v, ok := cache[k]; ok {
			return v[0], v[1]
		}
		if len(cache) > 50_000 {
			clear(cache)
		}
		w, h := m(text, size, bold)
		cache[k] = [2]float32{w, h}
		return w, h
	}
}
