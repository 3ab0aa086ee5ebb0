package canvas

import (
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
	"servicebp/blueprint/present"
	"servicebp/blueprint/present/timer"
)

// Presenter shows a blueprint to a room: fitted to the screen with large
// type, revealed column by column and phase by phase, with a spotlight on
// one step's vertical slice and a slim progress bar. When the whole
// blueprint does not fit at a readable size, it shows the current phase,
// or a page of its columns, with the lane headers beside them, and moves
// on as the reveal advances.
//
// After the last column comes the overview: the whole blueprint fitted
// to the screen, as the exported deck ends.
//
// Keys: Right, Space and PageDown reveal the next column and Shift with
// them the next phase, and past the last one show the overview; Left and
// PageUp go back (Shift: a phase); Home and End jump to the start and to
// the overview; Up and Down move the spotlight
// through the current column; T cycles the contrast, dark and light
// themes; N switches the annotations layer (fail text, recovery and
// wait on the cards); M, then a number of minutes and Enter, starts a countdown (five
// minutes with no number), K pauses and resumes it, A adds a minute and X
// stops it; P calls OnPresenterView; Esc stops a ringing timer, else
// clears the spotlight, or else calls OnExit. Tapping a card
// spotlights it; tapping it again, or tapping elsewhere, clears it.
// A spotlit card's photo is shown large beside it (see SetPictures).
type Presenter struct {
	widget.BaseWidget

	// OnExit runs when Esc is pressed with no spotlight.
	OnExit func()
	// OnChanged runs after the reveal, the spotlight, the theme or the
	// timer's place changed.
	OnChanged func()
	// OnTypedRune, when set, gets the characters typed in the
	// presentation.
	OnTypedRune func(r rune)
	// OnTimer runs after each redraw of a running, paused or ringing timer.
	OnTimer func()
	// OnRing runs once when the timer reaches zero: the editor sounds the
	// alarm there.
	OnRing func()
	// OnPresenterView runs when P is pressed: the editor opens or closes
	// the presenter view.
	OnPresenterView func()
	// Clock is the time of the presenter's own timer (see SetTimer); nil
	// is time.Now. Set it before the first timer key.
	Clock func() time.Time
	// TickEvery is how often a running timer is redrawn; 0 is TimerTick
	// and a negative value never, for tests that call TickTimer.
	TickEvery time.Duration

	doc    *blueprint.Document
	reveal *present.Reveal
	spot   *present.Spotlight
	pal    Palette
	style  layout.Style
	// noCurve leaves out the emotion curve (see SetEmotionCurve).
	noCurve bool
	// annotations writes fail text, recovery and wait on the cards (see
	// SetAnnotations).
	annotations bool
	// lang is the language of the drawing's labels (see SetLanguage).
	lang  i18n.Lang
	font  fyne.Resource
	shift bool
	// overview shows the whole blueprint after the last column (see
	// Overview).
	overview bool

	scene  *Scene
	cache  map[windowKey]*layout.Layout
	cam    camera
	size   fyne.Size
	bg     *fcanvas.Rectangle
	veil   *fcanvas.Rectangle
	bar    *progressBar
	photo  *photoView
	root   *fyne.Container
	shownL *layout.Layout

	timer      *timer.Timer
	tb         *timerBadge
	entering   bool   // M was pressed: minutes are being typed
	minutes    string // the digits typed after M
	timerShown bool   // the bar was last laid out with the timer
	ticking    bool
	done       chan struct{}  // closed by Close
	tickers    sync.WaitGroup // the running tick goroutine
}

var (
	_ fyne.Widget     = (*Presenter)(nil)
	_ fyne.Tappable   = (*Presenter)(nil)
	_ fyne.Focusable  = (*Presenter)(nil)
	_ desktop.Keyable = (*Presenter)(nil)
)

// NewPresenter returns a presenter on d in the high-contrast projector
// palette, with the first column revealed and its labels in the UI
// language.
func NewPresenter(d *blueprint.Document) *Presenter {
	p := &Presenter{pal: ContrastPalette(), lang: UILanguage(), done: make(chan struct{})}
	p.scene = NewScene(p.pal)
	p.bg = fcanvas.NewRectangle(p.pal.Background)
	p.veil = fcanvas.NewRectangle(color.Transparent)
	p.bar = newProgressBar()
	p.tb = newTimerBadge()
	p.photo = newPhotoView()
	// The veil lies under the flow labels, which are shown or hidden
	// whole (see hideLabels), never cut by its edge.
	p.scene.SetUnderLabels(p.veil)
	objs := append([]fyne.CanvasObject{p.bg, p.scene.Object()}, p.photo.objects()...)
	objs = append(objs, p.tb.back()...)
	objs = append(append(objs, p.bar.objects()...), p.tb.front()...)
	p.root = container.NewWithoutLayout(objs...)
	p.ExtendBaseWidget(p)
	p.SetDocument(d)
	return p
}

// SetDocument shows d, keeping the reveal position where d still has the
// column and the spotlight when d still has its step.
func (p *Presenter) SetDocument(d *blueprint.Document) {
	if d == nil {
		d = &blueprint.Document{}
	}
	p.doc = d
	if p.reveal == nil {
		p.reveal = present.NewReveal(d)
	} else {
		p.reveal.SetDocument(d)
	}
	p.overview = p.overview && len(d.Columns) > 0 && p.reveal.Current() == len(d.Columns)-1
	if p.spot != nil {
		p.spot = present.NewSpotlight(d, p.spot.Seed)
		p.dropHiddenSpotlight()
	}
	p.style = present.Style(p.lang)
	p.style.NoEmotionCurve = p.noCurve
	p.style.Annotations = p.annotations
	p.cache = nil
	p.cam = camera{}
	p.update()
}

// SetLanguage draws the labels the presentation adds (the emotion band's
// title, the lanes and lines that keep their default names) in l.
func (p *Presenter) SetLanguage(l i18n.Lang) {
	if !l.Valid() || l == p.lang {
		return
	}
	p.lang = l
	p.SetDocument(p.doc)
}

// SetEmotionCurve shows or hides the emotion curve under the customer
// lane.
func (p *Presenter) SetEmotionCurve(on bool) {
	if p.noCurve == !on {
		return
	}
	p.noCurve = !on
	p.SetDocument(p.doc)
}

// SetAnnotations shows or hides the annotations layer: each fail point's
// text and recovery and each wait on its card.
func (p *Presenter) SetAnnotations(on bool) {
	if p.annotations == on {
		return
	}
	p.annotations = on
	p.SetDocument(p.doc)
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

// Annotations reports whether the annotations layer is shown.
func (p *Presenter) Annotations() bool { return p.annotations }

// EmotionCurve reports whether the emotion curve is drawn.
func (p *Presenter) EmotionCurve() bool { return !p.noCurve }

// Document is the blueprint shown.
func (p *Presenter) Document() *blueprint.Document { return p.doc }

// SetFont draws all text with font (a .ttf or .otf resource); nil uses the
// app theme's fonts. Tests pin a font this way.
func (p *Presenter) SetFont(font fyne.Resource) {
	p.font = font
	p.scene.SetFont(font)
	p.bar.font = font
	p.cache = nil
	p.cam = camera{}
	p.update()
}

// Current is the index of the last revealed column (-1 with no columns).
func (p *Presenter) Current() int { return p.reveal.Current() }

// Reveal returns a copy of the reveal state, to read.
func (p *Presenter) Reveal() present.Reveal { return *p.reveal }

// Spotlight is the current spotlight, or nil.
func (p *Presenter) Spotlight() *present.Spotlight { return p.spot }

// Palette is the palette in use.
func (p *Presenter) Palette() Palette { return p.pal }

// Zoom is the current zoom from world units to screen units.
func (p *Presenter) Zoom() float32 { return p.cam.zoom }

// Window returns the indexes of the first and last columns on screen.
func (p *Presenter) Window() (first, last int) { return p.cam.first, p.cam.last }

// CardTextSize is the size on screen of card text, in units.
func (p *Presenter) CardTextSize() float32 { return p.style.TextSize * p.cam.zoom }

// Overview reports whether the overview slide is shown: the whole
// blueprint, every column revealed, fitted to the screen.
func (p *Presenter) Overview() bool { return p.overview }

// Next reveals the next column; past the last one it shows the overview.
func (p *Presenter) Next() { p.move(p.forward(p.reveal.Next)) }

// Prev hides the last revealed column; from the overview it goes back to
// the last column's slide.
func (p *Presenter) Prev() { p.move(p.back(p.reveal.Prev)) }

// NextPhase reveals the rest of the current phase, or the next phase;
// past the last one it shows the overview.
func (p *Presenter) NextPhase() { p.move(p.forward(p.reveal.NextPhase)) }

// PrevPhase hides the current phase; from the overview it goes back to
// the last phase's slide.
func (p *Presenter) PrevPhase() { p.move(p.back(p.reveal.PrevPhase)) }

// Home goes back to the first column.
func (p *Presenter) Home() {
	p.move(func() bool {
		was := p.overview
		p.overview = false
		return p.reveal.Home() || was
	})
}

// End reveals every column and shows the overview.
func (p *Presenter) End() {
	p.move(func() bool {
		if p.reveal.Columns() == 0 || p.overview {
			return false
		}
		p.reveal.End()
		p.overview = true
		return true
	})
}

// forward is step f of the reveal, or the overview when f reveals nothing
// more at the last column.
func (p *Presenter) forward(f func() bool) func() bool {
	return func() bool {
		if p.overview {
			return false
		}
		if f() {
			return true
		}
		if n := p.reveal.Columns(); n > 0 && p.reveal.Current() == n-1 {
			p.overview = true
			return true
		}
		return false
	}
}

// back is step f of the reveal, or, from the overview, the slide of the
// last column with nothing hidden.
func (p *Presenter) back(f func() bool) func() bool {
	return func() bool {
		if p.overview {
			p.overview = false
			return true
		}
		return f()
	}
}

func (p *Presenter) move(f func() bool) {
	if !f() {
		return
	}
	p.dropHiddenSpotlight()
	p.changed()
}

// dropHiddenSpotlight clears the spotlight when its step is gone or in a
// column that is not revealed.
func (p *Presenter) dropHiddenSpotlight() {
	if p.spot != nil {
		if s := p.doc.Step(p.spot.Seed); s == nil || !p.reveal.Revealed(p.doc.ColumnIndex(s.Column)) {
			p.spot = nil
		}
	}
}

// SetSpotlight spotlights the vertical slice of step id; an unknown id
// clears the spotlight.
func (p *Presenter) SetSpotlight(id string) {
	p.spot = present.NewSpotlight(p.doc, id)
	p.changed()
}

// ClearSpotlight removes the spotlight.
func (p *Presenter) ClearSpotlight() {
	if p.spot == nil {
		return
	}
	p.spot = nil
	p.changed()
}

// SetPalette changes the colours.
func (p *Presenter) SetPalette(pal Palette) {
	p.pal = pal
	p.scene.SetPalette(pal)
	p.changed()
}

// CycleTheme switches contrast → dark → light → contrast.
func (p *Presenter) CycleTheme() {
	next := map[string]func() Palette{"contrast": DarkPalette, "dark": LightPalette}[p.pal.Name]
	if next == nil {
		next = ContrastPalette
	}
	p.SetPalette(next())
}

func (p *Presenter) changed() {
	p.update()
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

// CreateRenderer is part of fyne.Widget.
func (p *Presenter) CreateRenderer() fyne.WidgetRenderer { return &presenterRenderer{p: p} }

// MinSize is small: the presenter fills whatever it is given.
func (p *Presenter) MinSize() fyne.Size { return fyne.NewSize(320, 180) }

// update brings the camera, the scene, the veil and the progress bar in
// line with the state and the size.
func (p *Presenter) update() {
	size := p.size
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	p.bg.FillColor = p.pal.Background
	p.bg.Resize(size)
	p.bg.Refresh()

	cam := p.chooseCamera(size, p.barHeight())
	if cam.l != p.shownL {
		p.scene.Update(cam.l)
		p.shownL = cam.l
	}
	p.cam = cam
	p.scene.SetView(cam.zoom, cam.off)
	p.scene.SetViewport(size)

	var dim, sel []string
	if p.spot != nil {
		for _, s := range p.doc.Steps {
			if !p.spot.Contains(s.ID) {
				dim = append(dim, s.ID)
			}
		}
		sel = []string{p.spot.Seed}
	}
	p.scene.SetDimmed(dim)
	p.scene.SetSelection(sel)
	p.scene.SetHiddenLabels(p.hiddenLabels())
	p.placeVeil()
	p.tb.update(p, size)
	p.placePhoto()
	p.bar.update(p, size)
}

// hiddenLabels are the flows with an end in a column not revealed yet:
// their labels are veiled whole, as the labels of the revealed flows are
// drawn whole above the veil.
func (p *Presenter) hiddenLabels() map[layout.FlowKey]bool {
	var out map[layout.FlowKey]bool
	revealed := func(id string) bool {
		s := p.doc.Step(id)
		return s != nil && p.reveal.Revealed(p.doc.ColumnIndex(s.Column))
	}
	for _, f := range p.doc.Flows {
		if f.Label != "" && (!revealed(f.From) || !revealed(f.To)) {
			if out == nil {
				out = make(map[layout.FlowKey]bool)
			}
			out[layout.FlowKey{From: f.From, To: f.To}] = true
		}
	}
	return out
}

// placeVeil covers the unrevealed columns of the window with a nearly
// opaque sheet of the background colour.
func (p *Presenter) placeVeil() {
	l, cam := p.cam.l, p.cam
	u := p.reveal.Current() + 1 - cam.first
	if l == nil || u < 0 || u >= len(l.Columns) {
		p.veil.Hide()
		return
	}
	// The phase band stays visible, as a map of what is to come.
	col := l.Columns[u].Rect
	top := col.Y
	if len(l.Phases) > 0 {
		top = l.Phases[0].Rect.Y + p.style.PhaseHeight
	}
	// It runs to the screen's right edge and down to the progress bar, to
	// cover flow labels that stick out of the grid.
	a := p.scene.WorldToScreen(layout.Point{X: col.X, Y: top})
	z := fyne.NewPos(p.size.Width, p.size.Height-p.barHeight())
	bg := p.pal.Background
	p.veil.FillColor = color.NRGBA{R: bg.R, G: bg.G, B: bg.B, A: 0xeb}
	p.veil.Move(a)
	p.veil.Resize(fyne.NewSize(z.X-a.X, z.Y-a.Y))
	p.veil.Show()
	p.veil.Refresh()
}

type presenterRenderer struct{ p *Presenter }

func (r *presenterRenderer) Layout(size fyne.Size) {
	r.p.root.Resize(size)
	if size != r.p.size {
		r.p.size = size
		r.p.cam = camera{}
		r.p.update()
	}
}

func (r *presenterRenderer) MinSize() fyne.Size { return r.p.MinSize() }

func (r *presenterRenderer) Refresh() {
	r.p.update()
	r.p.root.Refresh()
}

func (r *presenterRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.root} }

func (r *presenterRenderer) Destroy() {}
