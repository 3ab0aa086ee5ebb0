package canvas

import (
	"image/color"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint/present/timer"
)

// DefaultTimerMinutes is the countdown that M then Enter starts when no
// minutes are typed.
const DefaultTimerMinutes = 5

// TimerTick is how often a running or ringing timer is redrawn; the alarm
// flashes at twice a second, so it is a quarter of a second.
const TimerTick = 250 * time.Millisecond

// timerBarHeight is the height of the progress bar while a timer shows:
// tall enough for digits that read from the back of a room. The camera
// fits the blueprint above it, so the timer never covers a card.
func timerBarHeight(size fyne.Size) float32 { return max(barHeight(size), size.Height*0.1) }

// timerBadge is the countdown at the right end of the progress bar: large
// digits, two bars when paused, the minutes being typed after M, and the
// whole bar flashing in the fail colour when the timer rings.
type timerBadge struct {
	flash  *fcanvas.Rectangle
	digits *fcanvas.Text
	pause  [2]*fcanvas.Rectangle
	width  float32
}

func newTimerBadge() *timerBadge {
	b := &timerBadge{
		flash:  fcanvas.NewRectangle(color.Transparent),
		digits: &fcanvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
	}
	b.pause[0], b.pause[1] = fcanvas.NewRectangle(nil), fcanvas.NewRectangle(nil)
	return b
}

// back is drawn under the progress bar's text, front over the scene.
func (b *timerBadge) back() []fyne.CanvasObject { return []fyne.CanvasObject{b.flash} }

func (b *timerBadge) front() []fyne.CanvasObject {
	return []fyne.CanvasObject{b.digits, b.pause[0], b.pause[1]}
}

// SetTimer shows and drives t (nil: none); the editor passes its own, so
// that a countdown started there goes on in the presentation.
func (p *Presenter) SetTimer(t *timer.Timer) {
	p.timer = t
	p.update()
	p.startTicking()
}

// Timer is the timer shown, or nil.
func (p *Presenter) Timer() *timer.Timer { return p.timer }

// TimerVisible reports whether the timer takes room in the bar: while it
// counts down, is paused or rings, or while minutes are typed.
func (p *Presenter) TimerVisible() bool {
	return p.entering || (p.timer != nil && p.timer.State() != timer.Idle)
}

// TimerText is the text of the timer badge: the time left, or the
// minutes being typed.
func (p *Presenter) TimerText() string { return p.tb.digits.Text }

// TimerFlashing reports whether the alarm's flash is lit.
func (p *Presenter) TimerFlashing() bool { return p.tb.flash.Visible() }

// barHeight is the height of the progress bar now.
func (p *Presenter) barHeight() float32 {
	if p.TimerVisible() {
		return timerBarHeight(p.size)
	}
	return barHeight(p.size)
}

// ensureTimer makes the presenter's own timer when none was given.
func (p *Presenter) ensureTimer() *timer.Timer {
	if p.timer == nil {
		p.timer = timer.New(p.Clock)
	}
	return p.timer
}

// timerKey handles the timer keys: M types minutes (digits, Backspace,
// Enter to start, Esc to cancel), K pauses and resumes, A adds a minute,
// X stops, and Esc stops a ringing alarm. It reports whether it used the
// key.
func (p *Presenter) timerKey(ev *fyne.KeyEvent) bool {
	if p.entering {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			p.entering = false
			m := DefaultTimerMinutes
			if p.minutes != "" {
				m, _ = strconv.Atoi(p.minutes)
			}
			if err := p.ensureTimer().Start(m); err != nil {
				p.entering, p.minutes = true, ""
			}
		case fyne.KeyEscape:
			p.entering = false
		case fyne.KeyBackspace:
			if p.minutes != "" {
				p.minutes = p.minutes[:len(p.minutes)-1]
			}
		default:
			// Digits arrive as runes; other keys are swallowed while typing.
		}
		p.timerChanged()
		return true
	}
	t := p.ensureTimer()
	switch ev.Name {
	case fyne.KeyM:
		p.entering, p.minutes = true, ""
	case fyne.KeyK:
		if !t.TogglePause() {
			return true
		}
	case fyne.KeyA:
		if !t.AddMinute() {
			return true
		}
	case fyne.KeyX:
		if !t.Stop() {
			return true
		}
	case fyne.KeyEscape:
		if t.State() != timer.Ringing {
			return false
		}
		t.Stop()
	default:
		return false
	}
	p.timerChanged()
	return true
}

// timerRune takes the digits of the minutes after M.
func (p *Presenter) timerRune(r rune) {
	if !p.entering || r < '0' || r > '9' || len(p.minutes) >= len(strconv.Itoa(timer.MaxMinutes)) {
		return
	}
	if p.minutes == "" && r == '0' {
		return
	}
	p.minutes += string(r)
	p.timerChanged()
}

// timerChanged redraws after a timer key and keeps the ticks going.
func (p *Presenter) timerChanged() {
	p.startTicking()
	p.cam = camera{} // the bar's height may have changed
	p.changed()
}

// TickTimer redraws the timer and sounds the alarm (OnRing) when it has
// just reached zero. The presenter calls it every TimerTick while the
// timer runs; tests call it after moving their clock.
func (p *Presenter) TickTimer() {
	if p.timer != nil && p.timer.TakeRing() && p.OnRing != nil {
		p.OnRing()
	}
	visible := p.TimerVisible()
	if visible != p.timerShown {
		p.cam = camera{}
		p.update()
		if p.OnChanged != nil {
			p.OnChanged()
		}
		return
	}
	p.tb.update(p, p.size)
	if p.OnTimer != nil {
		p.OnTimer()
	}
}

// startTicking starts the ticks that redraw a running timer, unless
// TickEvery is negative or they already run. They stop when the timer is
// idle or the presenter is closed (see Close).
func (p *Presenter) startTicking() {
	if p.TickEvery < 0 || p.timer == nil || p.ticking || p.timer.State() == timer.Idle {
		return
	}
	every := p.TickEvery
	if every == 0 {
		every = TimerTick
	}
	p.ticking = true
	done := p.done
	p.tickers.Add(1)
	go func() {
		defer p.tickers.Done()
		tk := time.NewTicker(every)
		defer tk.Stop()
		for {
			select {
			case <-done:
				return
			case <-tk.C:
			}
			// A tick and Close may be ready together: Close wins.
			select {
			case <-done:
				return
			default:
			}
			stop := false
			var wg sync.WaitGroup
			wg.Add(1)
			fyne.Do(func() {
				defer wg.Done()
				p.TickTimer()
				if p.timer == nil || p.timer.State() == timer.Idle {
					p.ticking, stop = false, true
				}
			})
			wg.Wait()
			if stop {
				return
			}
		}
	}()
}

// Close stops the presenter's ticks; call it when its window closes.
func (p *Presenter) Close() {
	select {
	case <-p.done:
	default:
		close(p.done)
	}
}

// update places the badge at the right end of the bar on a screen of
// size, and sets width to the room it takes there.
func (b *timerBadge) update(p *Presenter, size fyne.Size) {
	p.timerShown = p.TimerVisible()
	objs := append(b.back(), b.front()...)
	if !p.timerShown || size.Width <= 0 {
		b.width = 0
		for _, o := range objs {
			o.Hide()
		}
		return
	}
	pal := &p.pal
	h := timerBarHeight(size)
	y := size.Height - h
	pad := size.Height * 0.015
	state := timer.Idle
	if p.timer != nil {
		state = p.timer.State()
	}
	text := ""
	switch {
	case p.entering:
		text = lang.L("Minutes: {{.Minutes}}_", map[string]any{"Minutes": p.minutes})
	default:
		text = p.timer.Text()
	}
	lit := state == timer.Ringing && p.timer.Flash()
	b.digits.Text = text
	// Bold for the back of the room; the fonts' digits are of one width,
	// so the countdown does not jiggle.
	b.digits.FontSource = newTextFonts(p.font).of(text)
	b.digits.TextSize = h * 0.72
	b.digits.Color = pal.Text
	switch {
	case lit:
		b.digits.Color = pal.BadgeText
	case state == timer.Paused || p.entering:
		b.digits.Color = pal.Muted
	case state == timer.Ringing:
		b.digits.Color = pal.Fail
	}
	ds := b.digits.MinSize()
	x := size.Width - pad - ds.Width
	b.digits.Move(fyne.NewPos(x, y+(h-ds.Height)/2))
	b.width = ds.Width + pad
	if state == timer.Paused && !p.entering {
		bh, bw := h*0.5, h*0.12
		for i, r := range b.pause {
			r.FillColor = pal.Muted
			r.Move(fyne.NewPos(x-pad-bw*float32(3-2*i), y+(h-bh)/2))
			r.Resize(fyne.NewSize(bw, bh))
			r.Show()
			r.Refresh()
		}
		b.width += pad + bw*3
	} else {
		b.pause[0].Hide()
		b.pause[1].Hide()
	}
	b.flash.FillColor = pal.Fail
	b.flash.Move(fyne.NewPos(0, y))
	b.flash.Resize(fyne.NewSize(size.Width, h))
	if lit {
		b.flash.Show()
	} else {
		b.flash.Hide()
	}
	b.digits.Show()
	b.flash.Refresh()
	b.digits.Refresh()
}
