// Package canvas draws service blueprints with Fyne: the Scene maps the
// display list of a computed layout (see blueprint/draw) to canvas
// objects, shared by the editor's board and the PNG export.
package canvas

import (
	"maps"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/images"
	"servicebp/blueprint/layout"
)

// item is one canvas object and the spec it currently shows.
type item struct {
	obj fyne.CanvasObject
	sp  spec
}

// group is the objects of one element (a card, a flow, the static grid).
type group struct{ items []item }

// reconcile makes g show specs, reusing objects of the same shape in place
// and creating only the missing ones. It reports whether the set of
// objects changed.
func (g *group) reconcile(specs []spec, v view, font textFonts, vp *layout.Rect) bool {
	changed := false
	for i := range specs {
		sp := &specs[i]
		if i < len(g.items) && g.items[i].sp.shape == sp.shape {
			it := &g.items[i]
			if it.sp != *sp {
				it.sp = *sp
				apply(it.obj, &it.sp, v, font)
			}
			cull(it, v, vp)
			continue
		}
		it := item{obj: newObject(sp.shape), sp: *sp}
		apply(it.obj, &it.sp, v, font)
		cull(&it, v, vp)
		if i < len(g.items) {
			g.items[i] = it
		} else {
			g.items = append(g.items, it)
		}
		changed = true
	}
	if len(g.items) > len(specs) {
		clear(g.items[len(specs):])
		g.items = g.items[:len(specs)]
		changed = true
	}
	return changed
}

// cull hides it when it lies outside the viewport vp (screen coordinates).
func cull(it *item, v view, vp *layout.Rect) {
	if vp == nil {
		return
	}
	b := it.sp.bounds()
	sb := layout.Rect{X: b.X*v.zoom + v.off.X, Y: b.Y*v.zoom + v.off.Y, W: b.W * v.zoom, H: b.H * v.zoom}
	visible := sb.Intersects(*vp) || (sb.W == 0 && sb.H == 0)
	if visible != it.obj.Visible() {
		if visible {
			it.obj.Show()
		} else {
			it.obj.Hide()
		}
	}
}

// layer is one z-level of the scene: a container of groups kept in the
// layout's order.
type layer struct {
	box    *fyne.Container
	groups map[string]*group
	order  []string
	dirty  bool
}

func newLayer() *layer {
	return &layer{box: container.NewWithoutLayout(), groups: make(map[string]*group)}
}

// set updates the groups of the layer to keyed specs, in order.
func (l *layer) set(keys []string, specs map[string][]spec, v view, font textFonts, vp *layout.Rect) {
	seen := make(map[string]bool, len(keys))
	orderChanged := len(keys) != len(l.order)
	for i, k := range keys {
		seen[k] = true
		if !orderChanged && l.order[i] != k {
			orderChanged = true
		}
		g, ok := l.groups[k]
		if !ok {
			g = &group{}
			l.groups[k] = g
		}
		if g.reconcile(specs[k], v, font, vp) {
			l.dirty = true
		}
	}
	for k := range l.groups {
		if !seen[k] {
			delete(l.groups, k)
			l.dirty = true
		}
	}
	if orderChanged {
		l.order = append(l.order[:0], keys...)
		l.dirty = true
	}
	if !l.dirty {
		return
	}
	objs := make([]fyne.CanvasObject, 0, len(l.box.Objects))
	for _, k := range l.order {
		for _, it := range l.groups[k].items {
			objs = append(objs, it.obj)
		}
	}
	l.box.Objects = objs
	l.box.Refresh()
	l.dirty = false
}

// each calls f for every item of the layer.
func (l *layer) each(f func(it *item)) {
	for _, g := range l.groups {
		for i := range g.items {
			f(&g.items[i])
		}
	}
}

// Scene is the Fyne drawing of one layout. It is built once and updated in
// place: Update reuses the objects of unchanged and moved elements (cards
// by step id, flows by their ends) and creates or removes only what
// changed. The scene maps world to screen coordinates itself (see SetView)
// and hides objects outside the viewport.
type Scene struct {
	pal         Palette
	font        textFonts
	transparent bool
	noBackdrop  bool
	// selection returns the steps outlined as selected (see
	// SetSelection); the board points it at its store.
	selection func() []string
	// dimmed are the steps faded into the background (see SetDimmed).
	dimmed map[string]bool
	// marks are the finding markers on cards (see SetMarks).
	marks map[string]Mark
	// highlight are the flows drawn in the selection colour (see
	// Board.HighlightPath).
	highlight map[layout.FlowKey]bool
	// hiddenLabels are the flows whose labels are not drawn (see
	// SetHiddenLabels).
	hiddenLabels map[layout.FlowKey]bool
	lay          *layout.Layout
	// changes are the marks of a diff (see SetChanges).
	changes *draw.Changes
	// pics gives the cards' photos (see SetPictures), read in the
	// background when background is set (see SetBackgroundPictures).
	pics       images.Source
	background bool

	v        view
	viewport *layout.Rect

	root *fyne.Container
	// under holds what SetUnderLabels puts between the emotion curve and
	// the flow labels.
	under                             *fyne.Container
	back, flows, cards, curve, labels *layer
}

// NewScene returns an empty scene drawn with palette p.
func NewScene(p Palette) *Scene {
	s := &Scene{pal: p, v: view{zoom: 1}, back: newLayer(), flows: newLayer(), cards: newLayer(), curve: newLayer(), labels: newLayer()}
	s.under = container.NewWithoutLayout()
	s.root = container.NewWithoutLayout(s.back.box, s.flows.box, s.cards.box, s.curve.box, s.under, s.labels.box)
	return s
}

// SetUnderLabels puts o above everything the scene draws but the flow
// labels, in the scene's screen coordinates: the presenter's veil, which
// covers the unrevealed columns while a label is shown or veiled whole.
func (s *Scene) SetUnderLabels(o fyne.CanvasObject) {
	s.under.Objects = []fyne.CanvasObject{o}
	s.under.Refresh()
}

// SetHiddenLabels leaves out the labels of the flows keys (nil draws them
// all).
func (s *Scene) SetHiddenLabels(keys map[layout.FlowKey]bool) {
	if maps.Equal(keys, s.hiddenLabels) {
		return
	}
	s.hiddenLabels = keys
	s.refresh()
}

// Object is the scene's root object, to put in a window or an offscreen
// canvas. Its size is not managed: the objects are placed in screen
// coordinates relative to it.
func (s *Scene) Object() fyne.CanvasObject { return s.root }

// Layout is the layout the scene shows, or nil.
func (s *Scene) Layout() *layout.Layout { return s.lay }

// Palette is the scene's palette.
func (s *Scene) Palette() Palette { return s.pal }

// SetPalette changes the colours and redraws.
func (s *Scene) SetPalette(p Palette) {
	s.pal = p
	s.refresh()
}

// SetFont draws all text with font (a .ttf or .otf resource); nil uses the
// app theme's fonts with the system's fallbacks. Fyne does not fall back
// from a font set this way: characters it lacks are drawn as boxes. Measure
// the layout with Measure(font) to match.
func (s *Scene) SetFont(font fyne.Resource) {
	s.font = newTextFonts(font)
	s.restyle()
}

// SetTransparent leaves out the background, for a transparent export.
func (s *Scene) SetTransparent(t bool) {
	s.transparent = t
	s.refresh()
}

// SetBackdrop(false) leaves out the background and the lane fills (see
// Backdrop), for a caller that paints them itself underneath the scene.
func (s *Scene) SetBackdrop(draw bool) {
	s.noBackdrop = !draw
	s.refresh()
}

// SetSelection outlines the cards of the given steps.
func (s *Scene) SetSelection(stepIDs []string) {
	s.selection = func() []string { return stepIDs }
	s.refresh()
}

// selected is the set of steps outlined as selected.
func (s *Scene) selected() map[string]bool {
	if s.selection == nil {
		return nil
	}
	ids := s.selection()
	if len(ids) == 0 {
		return nil
	}
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// Update shows l, changing only the objects whose geometry or content
// differs from the previous layout.
func (s *Scene) Update(l *layout.Layout) {
	s.lay = l
	s.refresh()
}

// SetView sets the zoom and the screen position of the world origin:
// screen = world × zoom + offset. Text sizes and stroke widths scale with
// the zoom.
func (s *Scene) SetView(zoom float32, offset fyne.Position) {
	if zoom <= 0 {
		zoom = 1
	}
	s.v = view{zoom: zoom, off: offset}
	s.restyle()
}

// View returns the zoom and offset set by SetView.
func (s *Scene) View() (zoom float32, offset fyne.Position) { return s.v.zoom, s.v.off }

// SetViewport sets the visible screen area (from the scene's origin);
// objects outside it are hidden. A zero size turns culling off.
func (s *Scene) SetViewport(size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 {
		s.viewport = nil
	} else {
		s.viewport = &layout.Rect{W: size.Width, H: size.Height}
	}
	for _, l := range s.layers() {
		l.each(func(it *item) {
			if s.viewport == nil {
				it.obj.Show()
				return
			}
			cull(it, s.v, s.viewport)
		})
	}
}

// ScreenToWorld converts a screen position to world coordinates.
func (s *Scene) ScreenToWorld(p fyne.Position) layout.Point {
	return layout.Point{X: (p.X - s.v.off.X) / s.v.zoom, Y: (p.Y - s.v.off.Y) / s.v.zoom}
}

// WorldToScreen converts world coordinates to a screen position.
func (s *Scene) WorldToScreen(p layout.Point) fyne.Position { return s.v.pos(p.X, p.Y) }

func (s *Scene) layers() []*layer { return []*layer{s.back, s.flows, s.cards, s.curve, s.labels} }

// restyle re-applies every object under the current view and font.
func (s *Scene) restyle() {
	for _, l := range s.layers() {
		l.each(func(it *item) {
			apply(it.obj, &it.sp, s.v, s.font)
			cull(it, s.v, s.viewport)
		})
	}
}

// refresh builds the display list of the layout and reconciles the
// layers with it: the backdrop, title, phases, headers, lane titles, line
// labels and legend in the back layer, then the flows, the cards and the
// flow labels, each group keyed by its element.
func (s *Scene) refresh() {
	if s.lay == nil {
		return
	}
	s.font = newTextFonts(s.font.user)
	list := draw.Build(s.lay, &s.pal, draw.Options{
		Transparent: s.transparent, NoBackdrop: s.noBackdrop,
		Selected: s.selected(), Marks: s.marks, Dimmed: s.dimmed,
		HighlightFlows: s.highlight, Changes: s.changes,
	})
	type batch struct {
		keys  []string
		specs map[string][]spec
	}
	batches := map[*layer]*batch{}
	for _, ly := range s.layers() {
		batches[ly] = &batch{specs: make(map[string][]spec)}
	}
	for _, g := range list.Groups {
		if g.Elem.Kind == draw.ElemFlowLabel && s.hiddenLabels[layout.FlowKey{From: g.Elem.From, To: g.Elem.To}] {
			continue
		}
		ly := s.layerOf(g.Elem.Kind)
		bt := batches[ly]
		k := groupKey(g.Elem)
		prev, seen := bt.specs[k]
		if !seen {
			// Elements with one key (two phases of one name) share a group.
			bt.keys = append(bt.keys, k)
		}
		if prev == nil {
			prev = make([]spec, 0, len(g.Items))
		}
		bt.specs[k] = s.pictures(groupSpecs(prev, g))
	}
	for _, ly := range s.layers() {
		bt := batches[ly]
		ly.set(bt.keys, bt.specs, s.v, s.font, s.viewport)
	}
}

// layerOf is the layer that draws the groups of elements of kind k.
func (s *Scene) layerOf(k draw.ElemKind) *layer {
	switch k {
	case draw.ElemFlow:
		return s.flows
	case draw.ElemStep, draw.ElemGhost:
		return s.cards
	case draw.ElemEmotionCurve:
		return s.curve
	case draw.ElemFlowLabel, draw.ElemMove:
		return s.labels
	}
	return s.back
}

// groupKey names an element's group within its layer: a card by its step
// id, a flow and its label by their ends, the others by kind and id.
func groupKey(e draw.Element) string {
	switch e.Kind {
	case draw.ElemStep:
		return e.ID
	case draw.ElemFlow, draw.ElemFlowLabel:
		return e.From + "\x00" + e.To
	case draw.ElemBackdrop:
		return "backdrop"
	case draw.ElemTitle:
		return "title"
	case draw.ElemLegend:
		return "legend"
	case draw.ElemEmotionCurve:
		return "emotion"
	case draw.ElemPhase:
		return "phase\x00" + e.ID
	case draw.ElemColumn:
		return "column\x00" + e.ID
	case draw.ElemLane:
		return "lane\x00" + e.ID
	case draw.ElemLine:
		return "line\x00" + e.ID
	case draw.ElemGhost:
		return "ghost\x00" + e.ID
	case draw.ElemMove:
		return "move\x00" + e.ID
	case draw.ElemChanges:
		return "changes"
	}
	return "?\x00" + e.ID
}
