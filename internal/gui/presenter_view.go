package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/present"
	"servicebp/blueprint/present/timer"
	"servicebp/canvas"
)

// presenterView is the facilitator's second window during a presentation:
// where the room is, the notes of the steps on screen (or of the spotlit
// slice), what comes next, the timer and the keys. Fyne v2.7 cannot place
// a window on a chosen monitor, so it opens as a normal window that the
// facilitator drags to the laptop screen; the presentation stays
// fullscreen.
type presenterView struct {
	p      *canvas.Presenter
	win    fyne.Window
	where  *widget.Label
	clock  *fcanvas.Text
	head   *fyne.Container
	notes  *fyne.Container
	next   *widget.Label
	keys   *widget.Label
	onShut func()
}

// newPresenterView opens the presenter view of p in a new window of a.
// onClosed runs when the window closes, by P or by the window manager.
func newPresenterView(a fyne.App, p *canvas.Presenter, onClosed func()) *presenterView {
	v := &presenterView{p: p, onShut: onClosed}
	v.win = a.NewWindow(lang.L("Presenter view") + " — servicebp")
	v.where = widget.NewLabel("")
	v.where.Truncation = fyne.TextTruncateEllipsis
	v.where.TextStyle = fyne.TextStyle{Bold: true}
	v.where.SizeName = theme.SizeNameSubHeadingText
	v.clock = &fcanvas.Text{TextSize: 56, TextStyle: fyne.TextStyle{Bold: true}}
	v.notes = container.NewVBox()
	// Labels at the top and bottom of a border get no width to wrap in:
	// they truncate, and the keys come one short line each.
	v.next = widget.NewLabel("")
	v.next.Truncation = fyne.TextTruncateEllipsis
	v.next.TextStyle = fyne.TextStyle{Bold: true}
	v.keys = widget.NewLabel(presentKeysText())
	v.keys.Importance = widget.LowImportance
	v.head = container.NewBorder(nil, nil, nil, v.clock, v.where)
	head := v.head
	foot := container.NewVBox(widget.NewSeparator(), v.next, widget.NewSeparator(), v.keys)
	v.win.SetContent(container.NewBorder(head, foot, nil, nil, container.NewVScroll(v.notes)))
	v.win.Resize(fyne.NewSize(720, 560))
	v.win.SetOnClosed(func() {
		if v.onShut != nil {
			v.onShut()
		}
	})
	// Keys typed here drive the presentation, so the facilitator can stay
	// on the laptop screen.
	v.win.Canvas().SetOnTypedKey(p.TypedKey)
	v.win.Canvas().SetOnTypedRune(p.TypedRune)
	v.refresh()
	v.win.Show()
	return v
}

// presentKeysText lists the presentation's keys for the presenter view.
func presentKeysText() string {
	return strings.Join([]string{
		lang.L("→ Space: next column · Shift: next phase · ←: back"),
		lang.L("↑ ↓ or click: spotlight · Esc: clear, then leave"),
		lang.L("M, minutes, Enter: timer · K: pause · A: +1 minute · X: stop"),
		lang.L("+ / −: add or remove a vote on the spotlit card"),
		lang.L("T: theme · P: close this view"),
	}, "\n")
}

// refresh shows the presentation as it is now.
func (v *presenterView) refresh() {
	p := v.p
	d := p.Document()
	r := p.Reveal()
	if cur := r.Current(); cur >= 0 {
		c := d.Columns[cur]
		where := firstLine(c.Name)
		if c.Phase != "" {
			where = firstLine(c.Phase) + " · " + where
		}
		v.where.SetText(fmt.Sprintf("%s   %d / %d", where, cur+1, len(d.Columns)))
	} else {
		v.where.SetText(lang.L("No columns"))
	}
	v.refreshTimer()

	notes := present.SlideNotes(d, &r, p.Spotlight())
	var objs []fyne.CanvasObject
	for _, n := range notes {
		title := widget.NewLabel(firstLine(n.Text))
		title.TextStyle = fyne.TextStyle{Bold: true}
		title.Truncation = fyne.TextTruncateEllipsis
		body := widget.NewLabel(n.Notes)
		body.Wrapping = fyne.TextWrapWord
		objs = append(objs, title, body)
	}
	if len(objs) == 0 {
		none := widget.NewLabel(lang.L("No notes on this slide"))
		none.Importance = widget.LowImportance
		objs = append(objs, none)
	}
	v.notes.Objects = objs
	v.notes.Refresh()

	if c, ok := present.NextColumn(d, &r); ok {
		name := firstLine(c.Name)
		if c.Phase != "" && c.Phase != d.Columns[r.Current()].Phase {
			name = lang.L("{{.Column}} (new phase: {{.Phase}})", map[string]any{"Column": name, "Phase": firstLine(c.Phase)})
		}
		v.next.SetText(lang.L("Next: {{.Column}}", map[string]any{"Column": name}))
	} else {
		v.next.SetText(lang.L("Next: the end of the blueprint"))
	}
}

// refreshTimer shows the timer's time, or nothing when it is idle.
func (v *presenterView) refreshTimer() {
	t := v.p.Timer()
	text := ""
	v.clock.Color = theme.Color(theme.ColorNameForeground)
	if t != nil {
		text = t.Text()
		switch t.State() {
		case timer.Paused:
			text = lang.L("Paused") + " " + text
			v.clock.Color = theme.Color(theme.ColorNameDisabled)
		case timer.Ringing:
			v.clock.Color = theme.Color(theme.ColorNameError)
		}
	}
	if v.clock.Text != text {
		v.clock.Text = text
		v.head.Refresh() // the clock's width changes with its text
	}
	v.clock.Refresh()
}

// close closes the window; onClosed runs.
func (v *presenterView) close() { v.win.Close() }

// firstLine is s up to its first line break.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// presenterViewToggle opens and closes the presenter view of a
// presentation with P, and keeps it in step with the presentation.
type presenterViewToggle struct {
	a fyne.App
	p *canvas.Presenter
	v *presenterView
}

// attachPresenterView makes P toggle the presenter view of p, and chains
// p's OnChanged and OnTimer to redraw it; set those callbacks before.
func attachPresenterView(a fyne.App, p *canvas.Presenter) *presenterViewToggle {
	t := &presenterViewToggle{a: a, p: p}
	p.OnPresenterView = t.toggle
	changed, ticked := p.OnChanged, p.OnTimer
	p.OnChanged = func() {
		if changed != nil {
			changed()
		}
		if t.v != nil {
			t.v.refresh()
		}
	}
	p.OnTimer = func() {
		if ticked != nil {
			ticked()
		}
		if t.v != nil {
			t.v.refreshTimer()
		}
	}
	return t
}

// toggle opens the presenter view, or closes the open one.
func (t *presenterViewToggle) toggle() {
	if t.v != nil {
		t.v.close()
		return
	}
	t.v = newPresenterView(t.a, t.p, func() { t.v = nil })
}

// close closes the presenter view if it is open.
func (t *presenterViewToggle) close() {
	if t.v != nil {
		t.v.close()
	}
}
