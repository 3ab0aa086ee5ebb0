package draw

import (
	"image/color"
	"testing"

	"servicebp/blueprint/layout"
)

// TestBuildChanges marks every kind of change on the coffee blueprint and
// checks each mark: the card outlines and tags, a laid-out removed card
// drawn as a ghost in the card's place, a placed ghost, the move arrow,
// the flow colours and dash, and the panel painted last.
func TestBuildChanges(t *testing.T) {
	l0, _ := build(t, coffee(), Options{})
	p := LightPalette()
	take := l0.Card("take").Rect
	tag := Tag{Kind: ChangeEdited, Rect: layout.Rect{X: take.X + 10, Y: take.Bottom() - 7, W: 40, H: 14}, Label: layout.TextLine{Text: "text", Pos: layout.Point{X: take.X + 15, Y: take.Bottom() - 6}, W: 24, H: 12, Size: 10}}
	from := layout.Point{X: 20, Y: 20}
	ch := &Changes{
		Steps: map[string]StepChange{
			"ask":  {Kind: ChangeAdded},
			"take": {Kind: ChangeEdited, Tags: []Tag{tag}},
			"card": {Kind: ChangeMoved, From: &from},
			"sip":  {Kind: ChangeRemoved},
		},
		Flows:  map[layout.FlowKey]ChangeKind{{From: "ask", To: "take"}: ChangeAdded, {From: "ask", To: "card"}: ChangeRemoved},
		Ghosts: []Ghost{{StepID: "gone", Rect: layout.Rect{X: 300, Y: 300, W: 100, H: 40}, Tag: Tag{Kind: ChangeRemoved, Rect: layout.Rect{X: 310, Y: 333, W: 40, H: 14}}}},
		Panel:  &ChangePanel{Rect: layout.Rect{X: 0, Y: l0.Height, W: 200, H: 60}, Key: []PanelEntry{{Kind: ChangeMoved, Sample: layout.Rect{X: 10, Y: l0.Height + 10, W: 26, H: 14}}}},
	}
	_, list := build(t, coffee(), Options{Changes: ch})
	gs := groups(list)
	body := func(id string) *Rect {
		g := gs[Element{Kind: ElemStep, ID: id}]
		if g == nil {
			t.Fatalf("no group for card %s", id)
		}
		return g.Items[1].(*Rect)
	}
	for id, want := range map[string]color.NRGBA{"ask": p.Added, "take": p.Edited, "card": p.Moved} {
		if b := body(id); b.Stroke != want || b.Width != changeStroke {
			t.Errorf("card %s outlined %v × %g, want %v × %g", id, b.Stroke, b.Width, want, changeStroke)
		}
	}
	_, plain := build(t, coffee(), Options{})
	unmarked := groups(plain)[Element{Kind: ElemStep, ID: "take"}]
	if n, was := count[*Text](gs[Element{Kind: ElemStep, ID: "take"}]), count[*Text](unmarked); n != was+1 {
		t.Errorf("edited card has %d texts, want its %d and the tag's", n, was)
	}
	// The removed card is a ghost in its place: dashed, in the removed colour.
	sip := gs[Element{Kind: ElemStep, ID: "sip"}]
	if dashed := dashedPaths(sip, p.Removed); dashed != 1 {
		t.Errorf("removed card has %d dashed outlines", dashed)
	}
	if g := gs[Element{Kind: ElemGhost, ID: "gone"}]; g == nil || dashedPaths(g, p.Removed) != 1 || count[*Text](g) != 1 {
		t.Errorf("placed ghost: %+v", g)
	}
	mv := gs[Element{Kind: ElemMove, ID: "card"}]
	if mv == nil || count[*Circle](mv) != 1 || dashedPaths(mv, p.Moved) != 1 {
		t.Fatalf("move arrow: %+v", mv)
	}
	if c := mv.Items[0].(*Circle); c.Center != from {
		t.Errorf("move ring at %v, want %v", c.Center, from)
	}
	flow := func(from, to string) *Path {
		return gs[Element{Kind: ElemFlow, From: from, To: to}].Items[0].(*Path)
	}
	if f := flow("ask", "take"); f.Stroke != p.Added || f.Dash != nil {
		t.Errorf("added flow %v dash %v", f.Stroke, f.Dash)
	}
	if f := flow("ask", "card"); f.Stroke != p.Removed || f.Dash == nil {
		t.Errorf("removed flow %v dash %v", f.Stroke, f.Dash)
	}
	if last := list.Groups[len(list.Groups)-1]; last.Elem.Kind != ElemChanges {
		t.Errorf("last group is %v, want the panel", last.Elem)
	}
	// Without Changes nothing of it is drawn.
	for _, g := range plain.Groups {
		if g.Elem.Kind >= ElemGhost {
			t.Errorf("unmarked picture has group %v", g.Elem)
		}
	}
}

func dashedPaths(g *Group, c color.NRGBA) (n int) {
	for _, it := range g.Items {
		if p, ok := it.(*Path); ok && p.Stroke == c && len(p.Dash) > 0 {
			n++
		}
	}
	return n
}

// TestOnColor picks dark text on light fills and white on dark ones, for
// every change colour of every palette.
func TestOnColor(t *testing.T) {
	dark := color.NRGBA{0x11, 0x18, 0x27, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	if OnColor(color.NRGBA{0xfb, 0xbf, 0x24, 0xff}) != dark || OnColor(color.NRGBA{0xdc, 0x26, 0x26, 0xff}) != white {
		t.Error("amber should take dark text and red white text")
	}
	for _, name := range PaletteNames {
		p, _ := PaletteByName(name)
		for _, k := range []ChangeKind{ChangeAdded, ChangeEdited, ChangeMoved, ChangeRemoved} {
			c := ChangeColor(&p, k)
			if c.A != 0xff || c == p.CardEdge {
				t.Errorf("%s: change %d has colour %v", name, k, c)
			}
			if contrast(c, OnColor(c)) < 3 {
				t.Errorf("%s: change %d: tag text contrast %.2f", name, k, contrast(c, OnColor(c)))
			}
			if contrast(c, p.Background) < 1.9 {
				t.Errorf("%s: change %d: contrast with the background %.2f", name, k, contrast(c, p.Background))
			}
		}
	}
}

func contrast(a, b color.NRGBA) float64 {
	l := func(c color.NRGBA) float64 {
		return 0.2126*srgbLinear(c.R) + 0.7152*srgbLinear(c.G) + 0.0722*srgbLinear(c.B) + 0.05
	}
	x, y := l(a), l(b)
	if x < y {
		x, y = y, x
	}
	return x / y
}
