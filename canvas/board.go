package canvas

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// Board is the interactive blueprint: the scene of the document's layout,
// with selection, inline text editing, drag and drop of cards, flows drawn
// from connector handles, context menus, the clipboard, and zoom and pan.
// It observes a state.Store: it reads the document and the selection from
// it, changes them only through it (commands, Select), and after each
// change the store publishes it recomputes the layout or redraws the
// selection, updating the scene in place. The board itself keeps only
// view state: the viewport, the gesture in progress and the inline
// editor.
type Board struct {
	widget.BaseWidget

	store   *state.Store
	cancel  func()
	style   layout.Style
	measure layout.Measure
	scene   *Scene
	lay     *layout.Layout

	zoom   float32
	off    fyne.Position
	size   fyne.Size
	placed bool
	// autoView is set while the view is the one a newly opened drawing
	// gets and the user has not zoomed or scrolled: resizing the board
	// (the window coming up to its size) recomputes it.
	autoView bool

	// pathSel is the selection HighlightPath made; the path's flows stay
	// highlighted while it lasts.
	pathSel state.Selection
	hover   string
	// hoverNew is the lane whose new-column slot the pointer is over.
	hoverNew string
	focused  bool
	mods     fyne.KeyModifier
	space    bool
	// ime keeps the keys an input method composes with from the board's
	// key map (see IMEGuard).
	ime IMEGuard

	press   press
	drag    dragState
	connect string
	edit    *cardEditor
	editing *editState

	// lastClick and firstClick are where the last press and the one
	// before it were, and their modifiers: a double tap counts only when
	// both of its clicks were at one place, without Shift, Ctrl or Cmd.
	lastClick, firstClick press
	// editBox shows edit in editTheme: the text size of what it edits,
	// at the board's zoom.
	editBox   *container.ThemeOverride
	editTheme *editorTheme

	bg   *fcanvas.Rectangle
	over *overlay
	// escape, when set, has the first use of Esc (see SetEscapeHandler).
	escape func() bool
	bars   *viewBars
	// frozen keeps the lane headers and the phase band in view.
	frozen *frozen
	// mini is the minimap (SetMinimap).
	mini *minimap

	// keys is the key map (see SetKeyMap); clip is the clipboard of the
	// shortcut being handled.
	keys map[Key]*Action
	clip fyne.Clipboard

	// OnError is called with an edit the document refused, or a paste that
	// could not be read.
	OnError func(err error)
	// OnZoom is called when the zoom changes.
	OnZoom func(zoom float32)
	// OnHover is called with the step whose card the pointer moved onto,
	// and with "" when it leaves the cards.
	OnHover func(stepID string)
	// OnDelete, when set, deletes what its selection selects in place of
	// the board (the Delete key and the lane and column menus), so that
	// the editor can say what went.
	OnDelete func(sel state.Selection)
	// OnOfferIDs is called after lanes or columns (kind) whose ids the
	// editor made up were renamed, or given a phase, while other elements
	// refer to them: such ids are not changed silently, and each change
	// holds the id the new name or phase suggests.
	OnOfferIDs func(kind state.SelectionKind, changes []state.IDChange)
	// OnEditTitle is called on a double-click on the blueprint's title,
	// or on its placeholder: the editor gives the title's field the focus.
	OnEditTitle func()
	// OnMode is called when what the keys do changes (see Mode): quick
	// capture, editing, drawing a flow, or back to selecting.
	OnMode func(Mode)
	// mode is the mode OnMode was last called with.
	mode Mode
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

// NewBoard returns a board that shows and edits the document of st, and
// subscribes to st until Close. It needs a current Fyne app, for measuring
// text.
func NewBoard(st *state.Store) *Board {
	b := &Board{
		store:   st,
		style:   layout.DefaultStyle(),
		measure: cachedMeasure(Measure(nil)),
		scene:   NewScene(LightPalette()),
		zoom:    1,
		bg:      fcanvas.NewRectangle(color.Transparent),
	}
	// Every column keeps a header to click, named or not.
	b.style.BlankColumnHeaderHeight = 12
	b.over = newOverlay()
	b.bars = newViewBars(b)
	b.frozen = newFrozen(b.scene.Palette())
	b.bars.restyle(b.scene.Palette())
	b.mini = newMinimap(b)
	b.mini.restyle(b.scene.Palette())
	b.edit = newCardEditor(b)
	b.edit.Hide()
	b.editTheme = &editorTheme{}
	b.editBox = container.NewThemeOverride(b.edit, b.editTheme)
	b.scene.selection = b.shownSteps
	b.SetKeyMap(b.Actions())
	b.ExtendBaseWidget(b)
	b.Reload()
	b.cancel = st.Subscribe(b.changed)
	return b
}

// Close stops the board following its store; a board taken out of its
// window is closed so that the store no longer updates it.
func (b *Board) Close() { b.cancel() }

// Store returns the store the board shows and edits.
func (b *Board) Store() *state.Store { return b.store }

// changed follows a change of the store: a new or edited document is laid
// out again, a new selection redrawn.
func (b *Board) changed(c state.Change) {
	switch {
	case c.Document:
		b.Reload()
		if c.Replaced && b.placed && b.size.Width > 0 {
			b.initialView()
		}
	case c.Selection:
		b.showSelection()
	}
}

// Layout returns the layout the board shows.
func (b *Board) Layout() *layout.Layout { return b.lay }

// Scene returns the board's scene.
func (b *Board) Scene() *Scene { return b.scene }

// SetPalette changes the board's colours.
func (b *Board) SetPalette(p Palette) {
	b.scene.SetPalette(p)
	b.over.restyle(p)
	b.bars.restyle(p)
	b.frozen.restyle(p)
	b.mini.restyle(p)
	b.mini.update()
	b.Refresh()
}

// SetFont draws and measures all text with font (a .ttf or .otf
// resource); nil uses the app theme's fonts.
func (b *Board) SetFont(font fyne.Resource) {
	b.measure = cachedMeasure(Measure(font))
	b.scene.SetFont(font)
	b.frozen.setFont(font)
	b.Reload()
}

// Reload recomputes the layout from the store's document and updates the
// scene in place. The board reloads by itself on every change of the
// document; a change of its style (font, emotion curve) reloads too.
func (b *Board) Reload() {
	d := b.shownDoc()
	st := b.style
	st.Labels = layout.LabelsIn(UILanguage())
	st.TitlePlaceholder = lang.L("Untitled blueprint")
	b.lay = layout.Compute(d, st, b.measure)
	b.dropPathHighlight()
	b.scene.Update(b.lay)
	if b.editing != nil {
		b.placeEditor()
	}
	b.over.update(b)
	b.frozen.invalidate()
	b.updateFrozen()
	b.bars.update(b)
	b.mini.invalidate()
	b.mini.update()
}

// apply runs c through the store, which has the board laid out again
// before it returns. It reports whether the command was applied; a
// refused command goes to OnError.
func (b *Board) apply(c blueprint.Command) bool {
	if err := b.store.Apply(c); err != nil {
		b.fail(err)
		return false
	}
	return true
}

func (b *Board) fail(err error) {
	if err != nil && b.OnError != nil {
		b.OnError(err)
	}
}

// Selection returns the store's selection, which the board shows.
func (b *Board) Selection() state.Selection { return b.store.Selection() }

// SetSelection selects s in the store; the board, like every view of the
// store, follows.
func (b *Board) SetSelection(s state.Selection) { b.store.Select(s) }

// showSelection redraws the selection outlines.
func (b *Board) showSelection() {
	b.dropPathHighlight()
	b.scene.refresh()
	b.over.update(b)
}

// shownSteps are the steps the scene outlines: the selected ones, or
// those a rubber band in progress covers.
func (b *Board) shownSteps() []string {
	s := b.selection()
	if s.Kind != state.SelectSteps {
		return nil
	}
	return s.IDs
}

// selection is what the board shows selected: the store's selection, or
// while a rubber band is being dragged the cards it covers, which go to
// the store when the drag ends.
func (b *Board) selection() state.Selection {
	if b.drag.mode == dragBand {
		return b.drag.band
	}
	return b.store.Selection()
}

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
	objs := append([]fyne.CanvasObject{b.bg, b.scene.Object(), b.over.box}, b.frozen.objects()...)
	objs = append(objs, b.mini, b.bars.h, b.bars.v, b.editBox)
	return &boardRenderer{b: b, objs: objs}
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
