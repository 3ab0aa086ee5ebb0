package canvas

import (
	"fmt"
	"image/color"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/blueprint/present"
	"servicebp/internal/golden"
)

// presentWindow shows a presenter on the template in a test window of
// w × h, focused and with the pinned font.
func presentWindow(t *testing.T, name string, w, h float32) (*Presenter, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	p := NewPresenter(golden.Template(t, name))
	p.SetFont(golden.Font(t))
	// The test driver runs fyne.Do on the caller's goroutine: a timer
	// started by a key must not tick on its own.
	p.TickEvery = -1
	t.Cleanup(p.Close)
	win := test.NewTempWindow(t, p)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	win.Canvas().Focus(p)
	return p, win
}

// presentKeys sends keys to the focused object of c; "+" before a key
// name holds Shift for it.
func presentKeys(c fyne.Canvas, keys ...fyne.KeyName) {
	for _, k := range keys {
		f := c.Focused()
		if f == nil {
			return
		}
		kb, _ := f.(desktop.Keyable)
		shift := len(k) > 1 && k[0] == '+'
		if shift {
			k = k[1:]
			if kb != nil {
				kb.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			}
		}
		f.TypedKey(&fyne.KeyEvent{Name: k})
		if shift && kb != nil {
			kb.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
	}
}

// presentCardPos is the screen position of the middle of step id's card.
func presentCardPos(t *testing.T, p *Presenter, id string) fyne.Position {
	t.Helper()
	r, ok := p.cam.l.CardRect(id)
	if !ok {
		t.Fatalf("card %s is not on screen (window %d–%d)", id, p.cam.first, p.cam.last)
	}
	return p.scene.WorldToScreen(r.Center())
}

func TestPresenterReadable(t *testing.T) {
	sizes := []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}, {Width: 2560, Height: 1440}, {Width: 1024, Height: 768}}
	for _, name := range []string{"hotel", "bank", "repair", "shop"} {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s-%gx%g", name, size.Width, size.Height), func(t *testing.T) {
				p, win := presentWindow(t, name, size.Width, size.Height)
				min := present.MinText * size.Height / present.Height
				if w := present.MinText * size.Width / present.Width; w < min {
					min = w
				}
				for i := range len(p.doc.Columns) {
					if i > 0 {
						presentKeys(win.Canvas(), fyne.KeyRight)
					}
					if p.Current() != i {
						t.Fatalf("after %d × Right the current column is %d", i, p.Current())
					}
					first, last := p.Window()
					if i < first || i > last {
						t.Fatalf("column %d is revealed but the screen shows %d–%d", i, first, last)
					}
					if got := p.CardTextSize(); got < min-0.01 && first != last {
						t.Errorf("column %d: card text is %.1f units, want ≥ %.1f", i, got, min)
					}
					l := p.cam.l
					z := p.Zoom()
					if a, b := p.cam.off, p.scene.WorldToScreen(layout.Point{X: l.Width, Y: l.Height}); a.X < -0.5 || a.Y < -0.5 || b.X > size.Width+0.5 || b.Y > size.Height-barHeight(size)+0.5 {
						t.Errorf("column %d: the blueprint (%v to %v at zoom %.2f) leaves the screen", i, a, b, z)
					}
				}
			})
		}
	}
}

func TestPresenterKeys(t *testing.T) {
	// hotel: Arrival 0–2, Stay 3–7, Departure 8–9.
	tests := []struct {
		name string
		keys []fyne.KeyName
		want int
	}{
		{"start", nil, 0},
		{"right, space and page down", []fyne.KeyName{fyne.KeyRight, fyne.KeySpace, fyne.KeyPageDown}, 3},
		{"left and page up", []fyne.KeyName{fyne.KeyEnd, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyPageUp}, 7},
		{"shift right completes the phase", []fyne.KeyName{"+" + fyne.KeyRight}, 2},
		{"shift space reveals the next phase", []fyne.KeyName{"+" + fyne.KeyRight, "+" + fyne.KeySpace}, 7},
		{"shift page down", []fyne.KeyName{"+" + fyne.KeyPageDown, "+" + fyne.KeyPageDown, "+" + fyne.KeyPageDown}, 9},
		{"shift left hides the phase", []fyne.KeyName{fyne.KeyEnd, "+" + fyne.KeyLeft, "+" + fyne.KeyLeft}, 7},
		{"shift page up", []fyne.KeyName{fyne.KeyEnd, "+" + fyne.KeyPageUp, "+" + fyne.KeyPageUp, "+" + fyne.KeyPageUp}, 2},
		{"shift is released", []fyne.KeyName{"+" + fyne.KeyRight, fyne.KeyRight}, 3},
		{"home and end", []fyne.KeyName{fyne.KeyEnd, fyne.KeyHome}, 0},
		{"end", []fyne.KeyName{fyne.KeyEnd}, 9},
		{"stops at the ends", []fyne.KeyName{fyne.KeyLeft, fyne.KeyEnd, fyne.KeyRight, fyne.KeySpace}, 9},
		{"other keys do nothing", []fyne.KeyName{fyne.KeyA, fyne.KeyReturn, fyne.KeyTab}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, win := presentWindow(t, "hotel", 1920, 1080)
			exits := 0
			p.OnExit = func() { exits++ }
			presentKeys(win.Canvas(), tc.keys...)
			if p.Current() != tc.want {
				t.Errorf("current column %d, want %d", p.Current(), tc.want)
			}
			first, last := p.Window()
			if tc.want < first || tc.want > last {
				t.Errorf("the screen shows columns %d–%d, not the current %d", first, last, tc.want)
			}
			if exits != 0 {
				t.Errorf("OnExit ran %d times", exits)
			}
		})
	}
}

func TestPresenterSpotlight(t *testing.T) {
	p, win := presentWindow(t, "hotel", 1920, 1080)
	// Without the emotion curve the whole Arrival phase fits the screen,
	// so that its unrevealed third column is on screen, under the veil.
	p.SetEmotionCurve(false)
	c := win.Canvas()
	exits, changes := 0, 0
	p.OnExit = func() { exits++ }
	p.OnChanged = func() { changes++ }

	// A card in a column not revealed yet cannot be spotlit.
	presentKeys(c, fyne.KeyRight)
	test.TapCanvas(c, presentCardPos(t, p, "desk-check-in"))
	if p.Spotlight() != nil {
		t.Fatalf("tapping a hidden card spotlit %s", p.Spotlight().Seed)
	}

	presentKeys(c, fyne.KeyRight)
	test.TapCanvas(c, presentCardPos(t, p, "desk-check-in"))
	s := p.Spotlight()
	if s == nil || s.Seed != "desk-check-in" {
		t.Fatalf("tapping the card gave spotlight %v", s)
	}
	for _, id := range []string{"register", "assign-room", "pms", "linen", "ev-desk"} {
		if !s.Contains(id) {
			t.Errorf("the slice lacks %s", id)
		}
	}
	if !p.scene.dimmed["greet"] || p.scene.dimmed["assign-room"] || !p.scene.selected()["desk-check-in"] {
		t.Errorf("the scene does not dim outside the slice: greet %v, assign-room %v, seed selected %v",
			p.scene.dimmed["greet"], p.scene.dimmed["assign-room"], p.scene.selected()["desk-check-in"])
	}

	// Down and Up walk the cards of the current column, top to bottom.
	for _, step := range []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.KeyDown, "clean-room"}, {fyne.KeyDown, "assign-room"}, {fyne.KeyUp, "clean-room"},
		{fyne.KeyUp, "desk-check-in"}, {fyne.KeyUp, "register"}, {fyne.KeyUp, "ev-desk"}, {fyne.KeyUp, "ev-desk"},
	} {
		presentKeys(c, step.key)
		if got := p.Spotlight(); got == nil || got.Seed != step.want {
			t.Fatalf("after %s the spotlight is on %v, want %s", step.key, got, step.want)
		}
	}

	// Tapping the spotlit card again clears it; Esc clears, then exits.
	test.TapCanvas(c, presentCardPos(t, p, "ev-desk"))
	if p.Spotlight() != nil {
		t.Errorf("tapping the spotlit card kept the spotlight")
	}
	presentKeys(c, fyne.KeyDown)
	if got := p.Spotlight(); got == nil || got.Seed != "ev-desk" {
		t.Fatalf("Down with no spotlight gave %v, want the top card", got)
	}
	presentKeys(c, fyne.KeyEscape)
	if p.Spotlight() != nil || exits != 0 {
		t.Fatalf("Esc: spotlight %v, exits %d", p.Spotlight(), exits)
	}
	if len(p.scene.dimmed) != 0 || len(p.scene.selected()) != 0 {
		t.Errorf("cleared spotlight leaves %d dimmed and %d selected", len(p.scene.dimmed), len(p.scene.selected()))
	}
	presentKeys(c, fyne.KeyEscape)
	if exits != 1 {
		t.Errorf("Esc without spotlight ran OnExit %d times, want 1", exits)
	}

	// Hiding the spotlit step's column clears the spotlight.
	p.SetSpotlight("pms")
	presentKeys(c, fyne.KeyLeft)
	if p.Spotlight() != nil {
		t.Errorf("the spotlight stayed on a hidden column")
	}
	if changes == 0 {
		t.Errorf("OnChanged never ran")
	}
}

func TestPresenterTheme(t *testing.T) {
	p, win := presentWindow(t, "hotel", 1280, 720)
	var got []string
	for range 4 {
		got = append(got, p.Palette().Name)
		presentKeys(win.Canvas(), fyne.KeyT)
	}
	if want := "contrast dark light contrast"; fmt.Sprint(got) != "["+want+"]" {
		t.Errorf("themes %v, want %s", got, want)
	}
	if p.bg.FillColor != p.Palette().Background {
		t.Errorf("the letterbox is not in the theme's background")
	}
}

func TestPresenterDocument(t *testing.T) {
	p, win := presentWindow(t, "hotel", 1280, 720)
	presentKeys(win.Canvas(), fyne.KeyEnd)
	p.SetSpotlight("taxi")
	d := p.Document().Clone()
	d.Columns = d.Columns[:3]
	p.SetDocument(d)
	if p.Current() != 2 || p.Spotlight() != nil {
		t.Errorf("after cutting to 3 columns: current %d, spotlight %v", p.Current(), p.Spotlight())
	}
	p.SetDocument(nil)
	if p.Current() != -1 {
		t.Errorf("an empty document has current %d", p.Current())
	}
	presentKeys(win.Canvas(), fyne.KeyRight, fyne.KeyDown, fyne.KeyEnd)
	win.Canvas().Capture()
}

func TestPresenterGolden(t *testing.T) {
	t.Run("reveal", func(t *testing.T) {
		p, win := presentWindow(t, "hotel", 1280, 720)
		presentKeys(win.Canvas(), "+"+fyne.KeyRight, fyne.KeyRight)
		if p.Current() != 3 {
			t.Fatalf("current %d, want 3", p.Current())
		}
		golden.AssertImage(t, filepath.Join("testdata", "present-reveal.png"), win.Canvas().Capture())
	})
	t.Run("spotlight", func(t *testing.T) {
		p, win := presentWindow(t, "hotel", 1280, 720)
		presentKeys(win.Canvas(), fyne.KeyT, fyne.KeyEnd, fyne.KeyLeft)
		test.TapCanvas(win.Canvas(), presentCardPos(t, p, "desk-check-out"))
		if s := p.Spotlight(); s == nil || s.Seed != "desk-check-out" {
			t.Fatalf("spotlight %v", s)
		}
		golden.AssertImage(t, filepath.Join("testdata", "present-spotlight.png"), win.Canvas().Capture())
	})
}

func TestPresenterBar(t *testing.T) {
	tests := []struct {
		name      string
		w, h      float32
		title     string
		keys      []fyne.KeyName
		phase     string
		column    string
		count     string
		showTitle bool
	}{
		{"wide screen", 1920, 1080, "", nil, "Arrival", "·  Arrive", "1 / 10", true},
		{"after a phase", 1920, 1080, "", []fyne.KeyName{"+" + fyne.KeyRight, fyne.KeyRight}, "Stay", "·  Go to room", "4 / 10", true},
		{"narrow screen, long title", 640, 480, "A very long title for a blueprint that a facilitator would never shorten, because the client named the service this way", nil, "Arrival", "·  Arrive", "1 / 10", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, win := presentWindow(t, "hotel", tc.w, tc.h)
			if tc.title != "" {
				d := p.Document().Clone()
				d.Title = tc.title
				p.SetDocument(d)
			}
			presentKeys(win.Canvas(), tc.keys...)
			b := p.bar
			if b.phase.Text != tc.phase || b.column.Text != tc.column || b.count.Text != tc.count {
				t.Errorf("bar %q %q %q, want %q %q %q", b.phase.Text, b.column.Text, b.count.Text, tc.phase, tc.column, tc.count)
			}
			if (b.title.Text != "") != tc.showTitle {
				t.Errorf("title %q shown: %v, want %v", b.title.Text, b.title.Text != "", tc.showTitle)
			}
			if want := tc.w * float32(p.Current()+1) / 10; b.fill.Size().Width < want-0.5 || b.fill.Size().Width > want+0.5 {
				t.Errorf("progress %g wide, want %g", b.fill.Size().Width, want)
			}
			if min := present.MinText * tc.h / present.Height / 2; b.count.TextSize < min {
				t.Errorf("bar text %g, want at least %g", b.count.TextSize, min)
			}
		})
	}
}

func TestSceneDimmed(t *testing.T) {
	s, _ := newSceneForTest(t, boardDoc())
	colours := func(group *group) []color.NRGBA {
		var out []color.NRGBA
		for _, it := range group.items {
			out = append(out, it.sp.fill, it.sp.stroke)
		}
		return out
	}
	ask, sip := colours(s.cards.groups["ask"]), colours(s.cards.groups["sip"])
	flow := colours(s.flows.groups["ask\x00take"])
	s.SetDimmed([]string{"ask"})
	bg := s.Palette().Background
	for i, c := range colours(s.cards.groups["ask"]) {
		// A transparent colour is not painted, faded or not.
		if c != draw.Fade(ask[i], bg) && (c.A != 0 || ask[i].A != 0) {
			t.Fatalf("dimmed card colour %d is %v, want %v", i, c, draw.Fade(ask[i], bg))
		}
	}
	if got := colours(s.cards.groups["sip"]); fmt.Sprint(got) != fmt.Sprint(sip) {
		t.Errorf("a card that is not dimmed changed")
	}
	if got := colours(s.flows.groups["ask\x00take"]); fmt.Sprint(got) == fmt.Sprint(flow) {
		t.Errorf("a flow from a dimmed card is not dimmed")
	}
	s.SetDimmed(nil)
	if got := colours(s.cards.groups["ask"]); fmt.Sprint(got) != fmt.Sprint(ask) {
		t.Errorf("clearing the dimming left %v, want %v", got, ask)
	}
	if c := draw.Fade(color.NRGBA{A: 0x80}, color.NRGBA{R: 255, G: 255, B: 255, A: 255}); c.A != 0x80 || c.R < 190 {
		t.Errorf("Fade(black) toward white = %v", c)
	}
}

func TestPresenterEmotionCurve(t *testing.T) {
	test.NewTempApp(t)
	d := blueprint.New("Curve", blueprint.EnglishNames)
	d.Columns = []blueprint.Column{{ID: "a"}, {ID: "b"}}
	d.Steps = []blueprint.Step{
		{ID: "x", Lane: "customer", Column: "a", Text: "Queue at the door", Emotion: -2},
		{ID: "y", Lane: "customer", Column: "b", Text: "Sit down", Emotion: 1},
	}
	p := NewPresenter(d)
	last := len(d.Columns) - 1
	if l := p.windowLayout(0, last); !p.EmotionCurve() || l.Emotion == nil || len(l.Emotion.Points) != 2 {
		t.Fatalf("curve on: %+v", l.Emotion)
	}
	p.SetEmotionCurve(false)
	if l := p.windowLayout(0, last); p.EmotionCurve() || l.Emotion != nil {
		t.Fatalf("curve off: %+v", l.Emotion)
	}
}
