package canvas

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/blueprint/layout"
)

func newSceneForTest(t *testing.T, d *blueprint.Document) (*Scene, *layout.Layout) {
	t.Helper()
	test.NewTempApp(t)
	s := NewScene(LightPalette())
	l := layout.Compute(d, layout.DefaultStyle(), Measure(nil))
	s.Update(l)
	return s, l
}

// sceneCardObjects returns the objects of the step's card group.
func sceneCardObjects(s *Scene, id string) []fyne.CanvasObject {
	g := s.cards.groups[id]
	if g == nil {
		return nil
	}
	var out []fyne.CanvasObject
	for _, it := range g.items {
		out = append(out, it.obj)
	}
	return out
}

func TestSceneBuild(t *testing.T) {
	s, l := newSceneForTest(t, boardDoc())
	if n := len(s.cards.groups); n != len(l.Cards) {
		t.Errorf("%d card groups, want %d", n, len(l.Cards))
	}
	if n := len(s.flows.groups); n != 2 {
		t.Errorf("%d flow groups, want 2", n)
	}
	// The labels layer holds the flow label, the curve layer the emotion
	// curve.
	if n := len(s.labels.groups); n != 1 || len(s.curve.groups) != 1 || s.curve.groups["emotion"] == nil || l.Emotion == nil {
		t.Errorf("%d groups in the labels layer and %d in the curve's, want a flow label and the emotion curve", n, len(s.curve.groups))
	}
	// The card text is drawn as Fyne text at the card's position.
	found := false
	for _, o := range sceneCardObjects(s, "take") {
		if tx, ok := o.(*fcanvas.Text); ok && tx.Text == "Barista takes the order" {
			found = true
			c := l.Card("take")
			if tx.Position().X != c.Lines[0].Pos.X || tx.TextSize != c.Lines[0].Size {
				t.Errorf("text at %v size %v, want %v size %v", tx.Position(), tx.TextSize, c.Lines[0].Pos, c.Lines[0].Size)
			}
		}
	}
	if !found {
		t.Error("no text object for the card text")
	}
	// Two-way flow has two arrowheads.
	heads := 0
	for _, it := range s.flows.groups["ask\x00card"].items {
		if _, ok := it.obj.(*fcanvas.Polygon); ok {
			heads++
		}
	}
	if heads != 2 {
		t.Errorf("two-way flow has %d heads, want 2", heads)
	}
}

func TestSceneUpdateInPlace(t *testing.T) {
	d := boardDoc()
	s, _ := newSceneForTest(t, d)
	before := map[string][]fyne.CanvasObject{}
	for _, id := range []string{"ask", "take", "card", "sip"} {
		before[id] = sceneCardObjects(s, id)
	}
	static := s.back.groups["backdrop"].items[0].obj

	// Edit one card's text, delete another, add a new one.
	d2 := d.Clone()
	d2.Step("card").Text = "Pay by phone"
	d2.Steps = append(d2.Steps[:3], blueprint.Step{ID: "tip", Lane: "customer", Column: "drink", Text: "Leave a tip"})
	l2 := layout.Compute(d2, layout.DefaultStyle(), Measure(nil))
	s.Update(l2)

	for _, id := range []string{"ask", "take", "card"} {
		after := sceneCardObjects(s, id)
		if len(after) != len(before[id]) {
			t.Errorf("card %s has %d objects, had %d", id, len(after), len(before[id]))
			continue
		}
		for i := range after {
			if after[i] != before[id][i] {
				t.Errorf("card %s object %d was replaced, not updated", id, i)
			}
		}
	}
	if sceneCardObjects(s, "sip") != nil {
		t.Error("the deleted card is still in the scene")
	}
	if sceneCardObjects(s, "tip") == nil {
		t.Error("the new card is not in the scene")
	}
	if s.back.groups["backdrop"].items[0].obj != static {
		t.Error("the background was recreated")
	}
	text := ""
	for _, o := range sceneCardObjects(s, "card") {
		if tx, ok := o.(*fcanvas.Text); ok {
			text += tx.Text
		}
	}
	if text != "Pay by phone" {
		t.Errorf("edited card shows %q", text)
	}
	// The card layer holds exactly the current cards' objects.
	want := 0
	for _, g := range s.cards.groups {
		want += len(g.items)
	}
	if got := len(s.cards.box.Objects); got != want {
		t.Errorf("card layer holds %d objects, groups hold %d", got, want)
	}
}

func TestSceneView(t *testing.T) {
	s, l := newSceneForTest(t, boardDoc())
	s.SetView(2, fyne.NewPos(10, 20))
	c := l.Card("ask")
	body := sceneCardObjects(s, "ask")[1].(*fcanvas.Rectangle)
	wantPos := fyne.NewPos(c.Rect.X*2+10, c.Rect.Y*2+20)
	if body.Position() != wantPos || body.Size() != fyne.NewSize(c.Rect.W*2, c.Rect.H*2) {
		t.Errorf("card at %v size %v, want %v size %v", body.Position(), body.Size(), wantPos, fyne.NewSize(c.Rect.W*2, c.Rect.H*2))
	}
	if body.StrokeWidth != LightPalette().CardStroke*2 {
		t.Errorf("stroke %v, want doubled", body.StrokeWidth)
	}
	for _, o := range sceneCardObjects(s, "ask") {
		if tx, ok := o.(*fcanvas.Text); ok && tx.TextSize != layout.DefaultStyle().TextSize*2 && tx.TextSize != layout.DefaultStyle().SmallSize*2 {
			t.Errorf("text size %v not scaled", tx.TextSize)
		}
	}
	p := s.ScreenToWorld(s.WorldToScreen(layout.Point{X: 33, Y: 44}))
	if p != (layout.Point{X: 33, Y: 44}) {
		t.Errorf("round trip gives %v", p)
	}
}

func TestSceneCulling(t *testing.T) {
	s, l := newSceneForTest(t, boardDoc())
	// Show only the first column's area.
	first := l.Columns[0].Rect
	s.SetViewport(fyne.NewSize(first.Right(), l.Height))
	for _, id := range []string{"ask", "take"} {
		for _, o := range sceneCardObjects(s, id) {
			if !o.Visible() {
				t.Errorf("card %s in the viewport is hidden", id)
			}
		}
	}
	for _, o := range sceneCardObjects(s, "sip") {
		if o.Visible() {
			t.Error("card sip outside the viewport is visible")
		}
	}
	// Scrolling the view brings it back.
	s.SetView(1, fyne.NewPos(-l.Columns[2].Rect.X, 0))
	for _, o := range sceneCardObjects(s, "sip") {
		if !o.Visible() {
			t.Error("card sip scrolled into view is hidden")
		}
	}
	s.SetViewport(fyne.Size{})
	for _, o := range sceneCardObjects(s, "ask") {
		if !o.Visible() {
			t.Error("culling off, but a card is hidden")
		}
	}
}

func TestSelectionAndPalette(t *testing.T) {
	s, _ := newSceneForTest(t, boardDoc())
	body := sceneCardObjects(s, "sip")[1].(*fcanvas.Rectangle)
	s.SetSelection([]string{"sip"})
	if body.StrokeColor != LightPalette().Selection {
		t.Errorf("selected card stroke %v", body.StrokeColor)
	}
	s.SetSelection(nil)
	if body.StrokeColor == LightPalette().Selection {
		t.Error("deselected card keeps the selection stroke")
	}
	s.SetPalette(DarkPalette())
	if body.FillColor != DarkPalette().Card {
		t.Errorf("dark card fill %v", body.FillColor)
	}
	if sceneCardObjects(s, "sip")[1] != body {
		t.Error("changing the palette recreated the card")
	}
}

func TestPaletteByName(t *testing.T) {
	for _, name := range PaletteNames {
		t.Run(name, func(t *testing.T) {
			p, ok := PaletteByName(name)
			if !ok || p.Name != name {
				t.Fatalf("PaletteByName(%q) = %q, %v", name, p.Name, ok)
			}
			for _, k := range blueprint.LaneKinds {
				if p.Lane(k).Fill.A != 0xff || p.Lane(k).Accent.A != 0xff {
					t.Errorf("lane kind %s has no opaque colours", k)
				}
			}
		})
	}
	if _, ok := PaletteByName("pink"); ok {
		t.Error("PaletteByName(pink) succeeded")
	}
}

func TestBackdrop(t *testing.T) {
	s, l := newSceneForTest(t, boardDoc())
	p := LightPalette()
	bd := Backdrop(l, &p, false)
	if bd[0].Rect != (layout.Rect{W: l.Width, H: l.Height}) || bd[0].Color != p.Background {
		t.Errorf("first backdrop shape %+v is not the background", bd[0])
	}
	if got := Backdrop(l, &p, true); len(got) != len(bd)-1 || got[0].Color == p.Background {
		t.Error("a transparent backdrop still has the background")
	}
	lines := 0
	for _, f := range bd {
		if f.Line {
			lines++
			if f.Rect.W != 1 && f.Rect.H != 1 && f.Rect.W != p.LineStroke && f.Rect.H != p.LineStroke {
				t.Errorf("line %+v is not one stroke wide", f)
			}
		}
	}
	if lines < 10 {
		t.Errorf("%d line strokes, want the grid and the dashed boundary lines", lines)
	}
	// The scene draws the same strokes, one line object per dash.
	strokes := 0
	for _, it := range s.back.groups["backdrop"].items {
		if it.sp.shape == shapeLine {
			strokes++
		}
	}
	if strokes != lines {
		t.Errorf("the scene's backdrop has %d line objects, Backdrop %d strokes", strokes, lines)
	}
	s.SetBackdrop(false)
	if g := s.back.groups["backdrop"]; g != nil {
		t.Errorf("without the backdrop the scene still has %d backdrop objects", len(g.items))
	}
	if s.back.groups["title"] == nil {
		t.Error("without the backdrop the title went too")
	}
}

// TestSceneRandomUpdates applies a sequence of differently sized and
// edited blueprints to one scene: the layers always hold exactly the
// objects of the current groups, and every card and flow has a group.
func TestSceneRandomUpdates(t *testing.T) {
	test.NewTempApp(t)
	s := NewScene(LightPalette())
	s.SetViewport(fyne.NewSize(800, 600))
	m := Measure(nil)
	r := rand.New(rand.NewPCG(7, 9))
	for n := range 25 {
		d := bpgen.Generate(1 + r.IntN(60))
		for range r.IntN(10) {
			i := r.IntN(len(d.Steps))
			d.Steps = append(d.Steps[:i], d.Steps[i+1:]...)
		}
		if r.IntN(3) == 0 {
			d.Steps[0].Text = fmt.Sprintf("edit %d", n)
		}
		l := layout.Compute(d, layout.DefaultStyle(), m)
		s.Update(l)
		s.SetView(0.5+r.Float32()*2, fyne.NewPos(-r.Float32()*500, -r.Float32()*300))
		if len(s.cards.groups) != len(l.Cards) || len(s.flows.groups) != len(l.Flows) {
			t.Fatalf("update %d: %d card groups for %d cards, %d flow groups for %d flows", n, len(s.cards.groups), len(l.Cards), len(s.flows.groups), len(l.Flows))
		}
		for name, ly := range map[string]*layer{"back": s.back, "flows": s.flows, "cards": s.cards, "curve": s.curve, "labels": s.labels} {
			want := 0
			for _, g := range ly.groups {
				want += len(g.items)
			}
			if got := len(ly.box.Objects); got != want {
				t.Fatalf("update %d: layer %s holds %d objects, its groups %d", n, name, got, want)
			}
		}
	}
}
