package gui

import (
	"fmt"
	"image/color"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/present/timer"
	"servicebp/canvas"
)

// timerTextSize is the size of the countdown in the status bar: large
// enough to read across a room from a projected editor.
const timerTextSize = 30

// timerView is the workshop countdown in the editor's status bar: large
// digits on a strip that flashes in red when the timer rings. The editor
// owns the timer and lends it to its presentations.
type timerView struct {
	e       *Editor
	t       *timer.Timer
	digits  *fcanvas.Text
	flash   *fcanvas.Rectangle
	box     *fyne.Container
	lit     bool // the alarm's flash is on
	ticking bool
	// presenting redraws the open presentation's timer on every tick.
	presenting func()
}

// shareTimer gives the presentation p the editor's timer, redrawn by the
// editor's ticks, and the presenter view on P.
func (e *Editor) shareTimer(p *canvas.Presenter) *presenterViewToggle {
	p.TickEvery = -1
	p.SetTimer(e.Timer())
	p.OnRing = e.ring
	p.OnChanged = e.timerView.changed
	e.timerView.presenting = p.TickTimer
	return attachPresenterView(e.app, p)
}

func newTimerView(e *Editor) *timerView {
	v := &timerView{e: e, t: timer.New(e.opts.Clock)}
	v.digits = &fcanvas.Text{TextSize: timerTextSize, TextStyle: fyne.TextStyle{Bold: true}}
	v.flash = fcanvas.NewRectangle(color.Transparent)
	v.flash.CornerRadius = 4
	v.box = container.NewStack(v.flash, container.NewPadded(v.digits))
	v.box.Hide()
	return v
}

// object is the countdown's place in the status bar.
func (v *timerView) object() fyne.CanvasObject { return v.box }

// Timer is the editor's workshop timer, shared with its presentations.
func (e *Editor) Timer() *timer.Timer { return e.timerView.t }

// TimerText is the countdown as the status bar shows it, "" when idle.
func (e *Editor) TimerText() string {
	if !e.timerView.box.Visible() {
		return ""
	}
	return e.timerView.digits.Text
}

// TimerFlashing reports whether the status bar's alarm flash is lit.
func (e *Editor) TimerFlashing() bool { return e.timerView.lit }

// timerMenu is View > Timer.
func timerMenu(e *Editor) *fyne.MenuItem {
	m := fyne.NewMenuItem(lang.L("Timer"), nil)
	m.ChildMenu = fyne.NewMenu("")
	for _, id := range []string{"timer-start", "timer-pause", "timer-more", "timer-stop"} {
		if a := e.action(id); a != nil {
			m.ChildMenu.Items = append(m.ChildMenu.Items, menuItem(a))
		}
	}
	return m
}

// askTimer asks for the minutes of a countdown: a preset button starts it
// at once, or minutes typed and Start.
func (e *Editor) askTimer() {
	entry := widget.NewEntry()
	entry.SetPlaceHolder(strconv.Itoa(canvas.DefaultTimerMinutes))
	var q *question
	presets := container.NewGridWithColumns(len(timer.Presets))
	for _, m := range timer.Presets {
		presets.Add(widget.NewButton(lang.L("{{.Minutes}} min", map[string]any{"Minutes": m}), func() {
			e.closeQuestion(q)
			e.StartTimer(m)
		}))
	}
	start := func() {
		text := strings.TrimSpace(entry.Text)
		if text == "" {
			text = strconv.Itoa(canvas.DefaultTimerMinutes)
		}
		m, err := strconv.Atoi(text)
		if err == nil {
			err = e.Timer().Start(m)
		}
		if err != nil {
			e.showError(fmt.Errorf("%s: %q", lang.L("Not a number of minutes from 1 to 999"), text))
			return
		}
		e.timerView.changed()
	}
	entry.OnSubmitted = func(string) {
		if q != nil && q.def != nil {
			q.def.OnTapped()
		}
	}
	form := container.NewVBox(presets, widget.NewForm(widget.NewFormItem(lang.L("Minutes"), entry)))
	q = e.askWith(lang.L("Start timer"), "", form,
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Start"), importance: widget.HighImportance, action: start})
	e.win.Canvas().Focus(entry)
}

// StartTimer starts a countdown of minutes (see timer.Timer.Start).
func (e *Editor) StartTimer(minutes int) error {
	if err := e.Timer().Start(minutes); err != nil {
		return err
	}
	e.timerView.changed()
	return nil
}

// do runs a timer action and redraws when it changed anything.
func (v *timerView) do(f func() bool) {
	if f() {
		v.changed()
	}
}

// changed redraws the countdown and keeps the ticks going.
func (v *timerView) changed() {
	v.startTicking()
	v.tick()
}

// tick redraws the countdown, the presentation's and the presenter view,
// and sounds the alarm when the timer has just reached zero.
func (v *timerView) tick() {
	if v.t.TakeRing() {
		v.e.ring()
	}
	state := v.t.State()
	shown := v.box.Visible()
	if state == timer.Idle {
		v.lit = false
		v.box.Hide()
	} else {
		v.digits.Text = v.t.Text()
		v.digits.Color = theme.Color(theme.ColorNameForeground)
		v.flash.FillColor = color.Transparent
		v.lit = state == timer.Ringing && v.t.Flash()
		switch {
		case state == timer.Paused:
			v.digits.Text = lang.L("Paused") + " " + v.digits.Text
			v.digits.Color = theme.Color(theme.ColorNameDisabled)
		case v.lit:
			v.flash.FillColor = theme.Color(theme.ColorNameError)
			v.digits.Color = theme.Color(theme.ColorNameForegroundOnError)
		case state == timer.Ringing:
			v.digits.Color = theme.Color(theme.ColorNameError)
		}
		v.box.Show()
		v.flash.Refresh()
		v.digits.Refresh()
	}
	// The status bar grows and shrinks with the timer: lay it out again.
	if shown != v.box.Visible() && v.e.win.Content() != nil {
		v.e.win.Content().Refresh()
	}
	if v.presenting != nil {
		v.presenting()
	}
}

// Tick redraws the timer as its clock now stands; the editor calls it
// every canvas.TimerTick while the timer runs, and tests after moving
// their clock.
func (e *Editor) Tick() { e.timerView.tick() }

// startTicking starts the ticks unless Options.TimerTick is negative or
// they already run; they stop when the timer is idle.
func (v *timerView) startTicking() {
	every := v.e.opts.TimerTick
	if every < 0 || v.ticking || v.t.State() == timer.Idle {
		return
	}
	v.ticking = true
	go func() {
		tk := time.NewTicker(every)
		defer tk.Stop()
		for range tk.C {
			stop := false
			var wg sync.WaitGroup
			wg.Add(1)
			fyne.Do(func() {
				defer wg.Done()
				v.tick()
				if v.t.State() == timer.Idle {
					v.ticking, stop = false, true
				}
			})
			wg.Wait()
			if stop {
				return
			}
		}
	}()
}

// ring sounds the alarm: the terminal bell when servicebp runs in a
// terminal, and a notice in the status bar. The flash is drawn by tick.
func (e *Editor) ring() {
	bell()
	e.notify(lang.L("Time is up"))
}

// bell rings the terminal bell when standard error is a terminal; there
// is no sound otherwise (Fyne has no audio, and servicebp adds no audio
// library).
func bell() {
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		if _, err := os.Stderr.WriteString("\a"); err != nil {
			fyne.LogError("servicebp: ringing the terminal bell", err)
		}
	}
}
