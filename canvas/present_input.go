package canvas

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TypedKey handles the presentation keys (see Presenter).
func (p *Presenter) TypedKey(ev *fyne.KeyEvent) {
	if p.timerKey(ev) {
		return
	}
	switch ev.Name {
	case fyne.KeyRight, fyne.KeySpace, fyne.KeyPageDown:
		if p.shift {
			p.NextPhase()
		} else {
			p.Next()
		}
	case fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyBackspace:
		if p.shift {
			p.PrevPhase()
		} else {
			p.Prev()
		}
	case fyne.KeyHome:
		p.Home()
	case fyne.KeyEnd:
		p.End()
	case fyne.KeyDown:
		p.stepSpotlight(1)
	case fyne.KeyUp:
		p.stepSpotlight(-1)
	case fyne.KeyT:
		p.CycleTheme()
	case fyne.KeyP:
		if p.OnPresenterView != nil {
			p.OnPresenterView()
		}
	case fyne.KeyN:
		p.SetAnnotations(!p.annotations)
	case fyne.KeyEscape:
		if p.spot != nil {
			p.ClearSpotlight()
		} else if p.OnExit != nil {
			p.OnExit()
		}
	}
}

// TypedRune takes the minutes typed after M (see timerKey); other
// characters go to OnTypedRune, when it is set (the editor's vote and
// question keys).
func (p *Presenter) TypedRune(r rune) {
	if p.entering {
		p.timerRune(r)
		return
	}
	if p.OnTypedRune != nil {
		p.OnTypedRune(r)
	}
}

// KeyDown tracks the Shift keys, which turn a column step into a phase
// step.
func (p *Presenter) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		p.shift = true
	}
}

// KeyUp tracks the Shift keys.
func (p *Presenter) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		p.shift = false
	}
}

// FocusGained is part of fyne.Focusable.
func (p *Presenter) FocusGained() {}

// FocusLost forgets a held Shift key.
func (p *Presenter) FocusLost() { p.shift = false }

// Tapped spotlights the revealed card under the pointer; tapping the
// spotlit card again, or anything else, clears the spotlight.
func (p *Presenter) Tapped(ev *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p)
	}
	id := p.cardAt(ev.Position)
	if id == "" || (p.spot != nil && p.spot.Seed == id) {
		p.ClearSpotlight()
		return
	}
	p.SetSpotlight(id)
}

// cardAt is the id of the revealed card at pos, or "".
func (p *Presenter) cardAt(pos fyne.Position) string {
	l := p.cam.l
	if l == nil {
		return ""
	}
	id, ok := l.CardAt(p.scene.ScreenToWorld(pos))
	if !ok {
		return ""
	}
	s := p.doc.Step(id)
	if s == nil || !p.reveal.Revealed(p.doc.ColumnIndex(s.Column)) {
		return ""
	}
	return id
}

// stepSpotlight moves the spotlight by delta through the cards of the
// current column, top to bottom; with no spotlight in that column, Down
// starts at the top card and Up at the bottom one.
func (p *Presenter) stepSpotlight(delta int) {
	cur := p.reveal.Current()
	if cur < 0 || p.cam.l == nil {
		return
	}
	col := p.doc.Columns[cur].ID
	var ids []string
	for _, c := range p.cam.l.Cards {
		if c.Column == col {
			ids = append(ids, c.StepID)
		}
	}
	if len(ids) == 0 {
		return
	}
	i := -1
	if p.spot != nil {
		for j, id := range ids {
			if id == p.spot.Seed {
				i = j
			}
		}
	}
	switch {
	case i < 0 && delta > 0:
		i = 0
	case i < 0:
		i = len(ids) - 1
	default:
		i = max(0, min(len(ids)-1, i+delta))
	}
	p.SetSpotlight(ids[i])
}
