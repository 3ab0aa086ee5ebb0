package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/present/timer"
)

// workshopYAML is a blueprint with speaker notes in two phases.
const workshopYAML = `servicebp: 1
title: Coffee workshop
columns:
  - {id: order, name: Order, phase: Buy}
  - {id: pay, name: Pay, phase: Buy}
  - {id: drink, name: Drink, phase: Enjoy}
steps:
  - id: ask
    lane: customer
    column: order
    text: Order a flat white
    notes: Ask the room how long they queue.
  - id: take-order
    lane: frontstage
    column: order
    text: Barista takes the order
    notes: The barista repeats the name.
  - id: tap-card
    lane: customer
    column: pay
    text: Tap card
    notes: Contactless limit surprises.
  - id: enjoy
    lane: customer
    column: drink
    text: Enjoy the coffee
    notes: 咖啡的温度是关键时刻。
flows:
  - {from: ask, to: take-order}
`

// timerEditor is an editor on file (a testdata fixture, or the workshop
// blueprint when "") whose timer reads the returned clock and never ticks
// by itself.
func timerEditor(t *testing.T, file string) (*Editor, *time.Time) {
	t.Helper()
	a := test.NewTempApp(t)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	path := copyFixture(t, file)
	if file == "" {
		path = filepath.Join(t.TempDir(), "workshop.yaml")
		if err := os.WriteFile(path, []byte(workshopYAML), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := NewEditor(a, Options{CacheDir: t.TempDir(), AutosaveDelay: time.Hour, WatchInterval: -1, NoticeTime: -1,
		AnalysisDelay: -1, TimerTick: -1, Clock: func() time.Time { return now }})
	e.Start(path)
	t.Cleanup(func() {
		e.auto.stop()
		e.watch.stop()
	})
	return e, &now
}

// timerItem is the View > Timer item labelled label.
func timerItem(t *testing.T, e *Editor, label string) *fyne.MenuItem {
	t.Helper()
	timerMenu := presentMenuItem(t, e, lang.L("Timer"))
	for _, it := range timerMenu.ChildMenu.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no View > Timer > %s", label)
	return nil
}

// dialogButton finds the button labelled label in the open dialog.
func dialogButton(t *testing.T, e *Editor, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	for _, o := range e.win.Canvas().Overlays().List() {
		walkObjects(o, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == label && found == nil {
				found = b
			}
		})
	}
	if found == nil {
		t.Fatalf("no button %q in the open dialog", label)
	}
	return found
}

// walkObjects calls f on o and everything under it.
func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			walkObjects(k, f)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(c).Objects() {
			walkObjects(k, f)
		}
	}
}

func TestEditorTimerFromTheMenu(t *testing.T) {
	e, now := timerEditor(t, "coffee.yaml")
	if e.TimerText() != "" || e.timerView.box.Visible() {
		t.Fatalf("status bar timer %q before a start", e.TimerText())
	}
	timerItem(t, e, lang.L("Start timer…")).Action()
	test.Tap(dialogButton(t, e, lang.L("{{.Minutes}} min", map[string]any{"Minutes": 3})))
	if e.TimerText() != "3:00" || e.question != nil {
		t.Fatalf("after the 3 min preset: %q, dialog open %v", e.TimerText(), e.question != nil)
	}
	if e.timerView.digits.TextSize < 24 {
		t.Errorf("status bar digits %.0f high, want large", e.timerView.digits.TextSize)
	}
	*now = now.Add(time.Minute)
	e.Tick()
	if e.TimerText() != "2:00" {
		t.Errorf("a minute later: %q, want 2:00", e.TimerText())
	}
	timerItem(t, e, lang.L("Pause or resume timer")).Action()
	*now = now.Add(time.Hour)
	e.Tick()
	if e.Timer().State() != timer.Paused || e.TimerText() != lang.L("Paused")+" 2:00" {
		t.Errorf("paused: %v %q", e.Timer().State(), e.TimerText())
	}
	timerItem(t, e, lang.L("Add a minute")).Action()
	timerItem(t, e, lang.L("Pause or resume timer")).Action()
	if e.Timer().State() != timer.Running || e.TimerText() != "3:00" {
		t.Errorf("+1 minute and resumed: %v %q", e.Timer().State(), e.TimerText())
	}
	*now = now.Add(3 * time.Minute)
	e.Tick()
	if e.Timer().State() != timer.Ringing || !e.TimerFlashing() || e.ui.notice.Text != lang.L("Time is up") {
		t.Errorf("at zero: %v flashing %v notice %q", e.Timer().State(), e.TimerFlashing(), e.ui.notice.Text)
	}
	*now = now.Add(600 * time.Millisecond)
	e.Tick()
	if e.TimerFlashing() {
		t.Error("the flash is still lit 0.6 s after zero")
	}
	timerItem(t, e, lang.L("Stop timer")).Action()
	if e.TimerText() != "" || e.TimerFlashing() || e.timerView.box.Visible() {
		t.Errorf("stopped: %q flashing %v", e.TimerText(), e.TimerFlashing())
	}
}

func TestEditorTimerTypedMinutes(t *testing.T) {
	e, _ := timerEditor(t, "coffee.yaml")
	timerItem(t, e, lang.L("Start timer…")).Action()
	entry, ok := e.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("the focus is on %T, want the minutes entry", e.win.Canvas().Focused())
	}
	test.Type(entry, "abc")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.Timer().State() != timer.Idle {
		t.Fatalf("minutes \"abc\" started the timer: %v", e.Timer().State())
	}
	if !dialogHas(e, lang.L("Not a number of minutes from 1 to 999")) {
		t.Error("no error for minutes \"abc\"")
	}
	timerItem(t, e, lang.L("Start timer…")).Action()
	entry = e.win.Canvas().Focused().(*widget.Entry)
	test.Type(entry, "12")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.TimerText() != "12:00" {
		t.Errorf("minutes 12 and Enter: %q, want 12:00", e.TimerText())
	}
	// Start with nothing typed takes the default.
	timerItem(t, e, lang.L("Start timer…")).Action()
	test.Tap(dialogButton(t, e, lang.L("Start")))
	if e.TimerText() != "5:00" {
		t.Errorf("Start with no minutes: %q, want 5:00", e.TimerText())
	}
}

// dialogHas reports whether an open overlay shows text in a label.
func dialogHas(e *Editor, text string) bool {
	found := false
	for _, o := range e.win.Canvas().Overlays().List() {
		walkObjects(o, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, text) {
				found = true
			}
		})
	}
	return found
}

func TestEditorTimerSharedWithThePresentation(t *testing.T) {
	e, now := timerEditor(t, "coffee.yaml")
	if err := e.StartTimer(10); err != nil {
		t.Fatal(err)
	}
	p := e.Present()
	if p.Timer() != e.Timer() || p.TimerText() != "10:00" {
		t.Fatalf("presentation timer %q, want the editor's 10:00", p.TimerText())
	}
	*now = now.Add(4 * time.Minute)
	e.Tick()
	if p.TimerText() != "6:00" || e.TimerText() != "6:00" {
		t.Errorf("editor tick: presentation %q, status bar %q, want 6:00", p.TimerText(), e.TimerText())
	}
	// A key in the presentation shows in the editor.
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyK})
	if e.TimerText() != lang.L("Paused")+" 6:00" {
		t.Errorf("K in the presentation: status bar %q", e.TimerText())
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyX})
	if e.TimerText() != "" || p.TimerVisible() {
		t.Errorf("X in the presentation: status bar %q, presentation visible %v", e.TimerText(), p.TimerVisible())
	}
	presentWindows(e)[0].Close()
	if e.timerView.presenting != nil {
		t.Error("the closed presentation is still redrawn by the editor's ticks")
	}
}

// presenterViewWindow is the open presenter view, or nil.
func presenterViewWindow(e *Editor) fyne.Window {
	for _, w := range e.app.Driver().AllWindows() {
		if w.Title() == lang.L("Presenter view")+" — servicebp" {
			return w
		}
	}
	return nil
}

// viewLabels are the texts of the labels in w.
func viewLabels(w fyne.Window) string {
	var b strings.Builder
	walkObjects(w.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

func TestPresenterViewFollowsThePresentation(t *testing.T) {
	e, now := timerEditor(t, "")
	p := e.Present()
	if presenterViewWindow(e) != nil {
		t.Fatal("a presenter view opened before P")
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyP})
	w := presenterViewWindow(e)
	if w == nil {
		t.Fatal("P opened no presenter view")
	}
	type slide struct {
		key       fyne.KeyName
		has, lack []string
	}
	for i, s := range []slide{
		{"", []string{"Buy · Order   1 / 3", "Ask the room how long they queue.", "The barista repeats the name.", "Next: Pay"},
			[]string{"Contactless"}},
		{fyne.KeyRight, []string{"Buy · Pay   2 / 3", "Ask the room", "Contactless limit surprises.", "Next: Drink (new phase: Enjoy)"}, nil},
		{fyne.KeyRight, []string{"Enjoy · Drink   3 / 3", "咖啡的温度是关键时刻。", "Next: the end of the blueprint"},
			[]string{"Ask the room", "Contactless"}},
		{fyne.KeyLeft, []string{"Buy · Pay   2 / 3"}, []string{"咖啡"}},
		{fyne.KeyUp, []string{"Contactless limit surprises."}, []string{"Ask the room"}}, // the spotlight on the card of column Pay
	} {
		if s.key != "" {
			p.TypedKey(&fyne.KeyEvent{Name: s.key})
		}
		text := viewLabels(w)
		for _, h := range s.has {
			if !strings.Contains(text, h) {
				t.Errorf("slide %d: the presenter view lacks %q in:\n%s", i, h, text)
			}
		}
		for _, l := range s.lack {
			if strings.Contains(text, l) {
				t.Errorf("slide %d: the presenter view shows %q in:\n%s", i, l, text)
			}
		}
	}
	for _, k := range []string{"M, minutes, Enter", "+ / −"} {
		if !strings.Contains(viewLabels(w), k) {
			t.Errorf("the presenter view does not list the keys %q", k)
		}
	}
	// The timer, started from the presenter view's own keys.
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyM})
	w.Canvas().OnTypedRune()('2')
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	view := findText(w.Content())
	if p.TimerText() != "2:00" || view.Text != "2:00" {
		t.Fatalf("M 2 Enter in the presenter view: presentation %q, view %q", p.TimerText(), view.Text)
	}
	*now = now.Add(45 * time.Second)
	e.Tick()
	if view.Text != "1:15" {
		t.Errorf("45 s later the presenter view shows %q, want 1:15", view.Text)
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyP})
	if presenterViewWindow(e) != nil {
		t.Error("a second P left the presenter view open")
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyP})
	if presenterViewWindow(e) == nil {
		t.Fatal("a third P opened no presenter view")
	}
	presentWindows(e)[0].Close()
	if presenterViewWindow(e) != nil {
		t.Error("closing the presentation left the presenter view open")
	}
}

// findText is the presenter view's clock under o: its one large text.
func findText(o fyne.CanvasObject) *fcanvas.Text {
	var found *fcanvas.Text
	walkObjects(o, func(o fyne.CanvasObject) {
		if t, ok := o.(*fcanvas.Text); ok && t.TextSize >= 40 && found == nil {
			found = t
		}
	})
	return found
}
