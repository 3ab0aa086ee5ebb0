package canvas

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"servicebp/blueprint/layout"
	"servicebp/blueprint/present/timer"
	"servicebp/internal/golden"
)

// fakeClock is a settable time for the timer tests.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// timerPresenter is a presenter on the hotel template at 1280 × 720 with
// its own timer on a fake clock and no ticks.
func timerPresenter(t *testing.T) (*Presenter, fyne.Window, *fakeClock) {
	t.Helper()
	p, win := presentWindow(t, "hotel", 1280, 720)
	c := &fakeClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	p.Clock = c.now
	p.TickEvery = -1
	return p, win, c
}

func typeRunes(p *Presenter, s string) {
	for _, r := range s {
		p.TypedRune(r)
	}
}

// cardsAboveBar fails when a card of the view reaches into the bar.
func cardsAboveBar(t *testing.T, p *Presenter) {
	t.Helper()
	top := p.size.Height - p.barHeight()
	for _, c := range p.cam.l.Cards {
		b := p.scene.WorldToScreen(layout.Point{X: c.Rect.X + c.Rect.W, Y: c.Rect.Y + c.Rect.H})
		if b.Y > top+0.5 {
			t.Errorf("card %s ends at y=%.1f, under the bar's top %.1f", c.StepID, b.Y, top)
		}
	}
}

func TestPresenterTimerStartPauseRing(t *testing.T) {
	p, win, c := timerPresenter(t)
	cv := win.Canvas()
	if p.TimerVisible() || p.TimerText() != "" {
		t.Fatalf("timer visible %v text %q before any key", p.TimerVisible(), p.TimerText())
	}
	zoom := p.Zoom()

	presentKeys(cv, fyne.KeyM)
	if !p.TimerVisible() || p.TimerText() != "Minutes: _" {
		t.Fatalf("after M: visible %v text %q, want the minutes prompt", p.TimerVisible(), p.TimerText())
	}
	typeRunes(p, "0x3") // a leading zero and a letter are ignored
	if p.TimerText() != "Minutes: 3_" {
		t.Fatalf("typed text %q, want \"Minutes: 3_\"", p.TimerText())
	}
	cur := p.Current()
	presentKeys(cv, fyne.KeyBackspace, fyne.KeyRight) // Right is swallowed while typing
	typeRunes(p, "2")
	presentKeys(cv, fyne.KeyReturn)
	if p.Current() != cur {
		t.Errorf("Right while typing minutes moved the reveal to %d", p.Current())
	}
	tm := p.Timer()
	if tm == nil || tm.State() != timer.Running || p.TimerText() != "2:00" {
		t.Fatalf("after M 2 Enter: timer %v text %q, want running 2:00", tm, p.TimerText())
	}
	// The bar grows to hold the digits and the blueprint shrinks above it.
	if p.barHeight() <= barHeight(p.size) || p.Zoom() >= zoom {
		t.Errorf("bar %.1f (plain %.1f), zoom %.3f (was %.3f): the bar did not make room", p.barHeight(), barHeight(p.size), p.Zoom(), zoom)
	}
	cardsAboveBar(t, p)
	if s := p.tb.digits.TextSize; s < p.size.Height*0.06 {
		t.Errorf("timer digits %.1f high on a %.0f screen, want at least 6%%", s, p.size.Height)
	}
	if pos := p.tb.digits.Position(); pos.X < p.size.Width*0.7 || pos.Y < p.size.Height-p.barHeight()-0.5 {
		t.Errorf("timer digits at %v, want in the bar's right end", pos)
	}

	c.t = c.t.Add(30 * time.Second)
	p.TickTimer()
	if p.TimerText() != "1:30" {
		t.Errorf("30 s later: %q, want 1:30", p.TimerText())
	}
	presentKeys(cv, fyne.KeyK)
	c.t = c.t.Add(time.Hour)
	p.TickTimer()
	if tm.State() != timer.Paused || p.TimerText() != "1:30" || !p.tb.pause[0].Visible() {
		t.Errorf("paused: %v %q, pause bars %v", tm.State(), p.TimerText(), p.tb.pause[0].Visible())
	}
	if p.tb.digits.Color != p.pal.Muted {
		t.Error("paused digits are not muted")
	}
	presentKeys(cv, fyne.KeyA, fyne.KeyK)
	if tm.State() != timer.Running || p.TimerText() != "2:30" || p.tb.pause[0].Visible() {
		t.Errorf("A then K: %v %q, pause bars %v", tm.State(), p.TimerText(), p.tb.pause[0].Visible())
	}

	rang := 0
	p.OnRing = func() { rang++ }
	c.t = c.t.Add(150 * time.Second)
	p.TickTimer()
	if tm.State() != timer.Ringing || p.TimerText() != "0:00" || !p.TimerFlashing() || rang != 1 {
		t.Fatalf("at zero: %v %q flashing %v rang %d", tm.State(), p.TimerText(), p.TimerFlashing(), rang)
	}
	if p.tb.flash.FillColor != p.pal.Fail || p.tb.flash.Size().Width != p.size.Width {
		t.Errorf("flash %v %v, want the whole bar in the fail colour", p.tb.flash.FillColor, p.tb.flash.Size())
	}
	golden.AssertImage(t, filepath.Join("testdata", "present-timer-ring.png"), cv.Capture())
	c.t = c.t.Add(600 * time.Millisecond)
	p.TickTimer()
	if p.TimerFlashing() || rang != 1 {
		t.Errorf("0.6 s after zero: flashing %v rang %d, want dark and one ring", p.TimerFlashing(), rang)
	}
	c.t = c.t.Add(400 * time.Millisecond)
	p.TickTimer()
	if !p.TimerFlashing() {
		t.Error("1 s after zero the flash is dark")
	}

	// Esc silences the alarm first, and only then leaves.
	exits := 0
	p.OnExit = func() { exits++ }
	presentKeys(cv, fyne.KeyEscape)
	if tm.State() != timer.Idle || p.TimerVisible() || exits != 0 {
		t.Fatalf("Esc while ringing: %v visible %v exits %d", tm.State(), p.TimerVisible(), exits)
	}
	if p.Zoom() != zoom {
		t.Errorf("zoom %.3f after the timer stopped, want %.3f again", p.Zoom(), zoom)
	}
	presentKeys(cv, fyne.KeyEscape)
	if exits != 1 {
		t.Errorf("Esc with no timer: %d exits, want 1", exits)
	}
}

func TestPresenterTimerKeys(t *testing.T) {
	p, win, c := timerPresenter(t)
	cv := win.Canvas()
	presentKeys(cv, fyne.KeyM, fyne.KeyReturn)
	if p.TimerText() != "5:00" {
		t.Fatalf("M Enter: %q, want the default 5:00", p.TimerText())
	}
	presentKeys(cv, fyne.KeyX)
	if p.TimerVisible() {
		t.Fatal("X did not stop the timer")
	}
	presentKeys(cv, fyne.KeyA) // A with no timer: nothing
	if p.TimerVisible() {
		t.Fatalf("A with no timer showed %q", p.TimerText())
	}
	presentKeys(cv, fyne.KeyM)
	typeRunes(p, "1")
	presentKeys(cv, fyne.KeyReturn)
	presentKeys(cv, fyne.KeyM)
	typeRunes(p, "25")
	presentKeys(cv, fyne.KeyEscape) // cancels the prompt, keeps the timer
	if p.TimerText() != "1:00" {
		t.Fatalf("M 25 Esc: %q, want the running 1:00", p.TimerText())
	}
	presentKeys(cv, fyne.KeyM)
	typeRunes(p, "99999") // at most three digits
	presentKeys(cv, fyne.KeyReturn)
	if p.TimerText() != "16:39:00" {
		t.Fatalf("M 999 Enter: %q, want 16:39:00", p.TimerText())
	}
	// A timer shared with the editor shows its state at once.
	shared := timer.New(c.now)
	_ = shared.Start(10)
	p.SetTimer(shared)
	if p.TimerText() != "10:00" {
		t.Errorf("shared timer: %q, want 10:00", p.TimerText())
	}
	views := 0
	p.OnPresenterView = func() { views++ }
	presentKeys(cv, fyne.KeyP)
	if views != 1 {
		t.Errorf("P called OnPresenterView %d times", views)
	}
}

func TestPresenterTimerTicks(t *testing.T) {
	p, _ := presentWindow(t, "hotel", 640, 360)
	p.TickEvery = time.Millisecond
	tm := timer.New(nil)
	_ = tm.Start(1)
	// The test driver runs fyne.Do on the ticking goroutine, so the first
	// tick closes the presenter and this goroutine touches nothing until
	// the ticks have stopped.
	ticks := make(chan string, 1)
	p.OnTimer = func() {
		p.Close()
		select {
		case ticks <- p.TimerText():
		default:
		}
	}
	p.SetTimer(tm)
	select {
	case text := <-ticks:
		if text != "1:00" && text != "0:59" {
			t.Errorf("the tick drew %q, want the minute just started", text)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a running timer was not redrawn by the ticks")
	}
	p.tickers.Wait()
	p.Close() // twice is harmless
}
