package draw

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"servicebp/assets"
	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/blueprint/layout"
)

// measure is a monospace measure: every character is 0.6 of the size wide.
func measure(text string, size float32, bold bool) (float32, float32) {
	return float32(utf8.RuneCountInString(text)) * size * 0.6, size * 1.3
}

// coffee is a small blueprint with every kind of annotation, a labelled
// flow, a two-way flow and a phase.
func coffee() *blueprint.Document {
	d := blueprint.New("Coffee", blueprint.EnglishNames)
	d.Columns = []blueprint.Column{{ID: "order", Phase: "Buy"}, {ID: "pay", Phase: "Buy"}, {ID: "drink", Name: "Drink"}}
	d.Steps = []blueprint.Step{
		{ID: "ask", Lane: "customer", Column: "order", Text: "Order a flat white", Wait: 3 * blueprint.Minute},
		{ID: "take", Lane: "frontstage", Column: "order", Text: "Barista takes the order", Fail: "Wrong milk", Owner: "Barista"},
		{ID: "card", Lane: "customer", Column: "pay", Text: "Pay by card", Moment: true},
		{ID: "sip", Lane: "customer", Column: "drink", Text: "Drink", Emotion: 2},
	}
	d.Flows = []blueprint.Flow{{From: "ask", To: "take", Label: "order"}, {From: "ask", To: "card", TwoWay: true}}
	return d
}

func build(t *testing.T, d *blueprint.Document, opt Options) (*layout.Layout, *List) {
	t.Helper()
	l := layout.Compute(d, layout.DefaultStyle(), measure)
	p := LightPalette()
	return l, Build(l, &p, opt)
}

// groups returns the groups of l by element.
func groups(l *List) map[Element]*Group {
	out := make(map[Element]*Group, len(l.Groups))
	for _, g := range l.Groups {
		out[g.Elem] = g
	}
	return out
}

func count[T Item](g *Group) (n int) {
	for _, it := range g.Items {
		if _, ok := it.(T); ok {
			n++
		}
	}
	return n
}

// TestBuildTemplates builds every template: each card, flow, lane title,
// line, phase and header has its group, element ids are unique, and every
// item lies inside the picture.
func TestBuildTemplates(t *testing.T) {
	for _, name := range assets.TemplateNames() {
		t.Run(name, func(t *testing.T) {
			src, err := assets.Template(name)
			if err != nil {
				t.Fatal(err)
			}
			d, err := blueprint.Parse(name+".yaml", src)
			if err != nil {
				t.Fatal(err)
			}
			l, list := build(t, d, Options{})
			if list.Width != l.Width || list.Height != l.Height {
				t.Errorf("list %g × %g, layout %g × %g", list.Width, list.Height, l.Width, l.Height)
			}
			seen := map[Element]bool{}
			for _, g := range list.Groups {
				if seen[g.Elem] {
					t.Errorf("element %+v has two groups", g.Elem)
				}
				seen[g.Elem] = true
				if len(g.Items) == 0 {
					t.Errorf("element %+v has an empty group", g.Elem)
				}
			}
			want := []Element{{Kind: ElemBackdrop}, {Kind: ElemLegend}}
			if l.Title != nil {
				want = append(want, Element{Kind: ElemTitle})
			}
			for _, c := range l.Cards {
				want = append(want, Element{Kind: ElemStep, ID: c.StepID})
			}
			for _, r := range l.Flows {
				want = append(want, Element{Kind: ElemFlow, From: r.Key.From, To: r.Key.To})
				if r.Label != nil {
					want = append(want, Element{Kind: ElemFlowLabel, From: r.Key.From, To: r.Key.To})
				}
			}
			for _, m := range l.Lines {
				want = append(want, Element{Kind: ElemLine, ID: m.ID})
			}
			for _, ph := range l.Phases {
				want = append(want, Element{Kind: ElemPhase, ID: ph.Name})
			}
			for _, c := range l.Columns {
				if c.Header != nil {
					want = append(want, Element{Kind: ElemColumn, ID: c.ID})
				}
			}
			for _, e := range want {
				if !seen[e] {
					t.Errorf("no group for %+v", e)
				}
			}
			if len(l.Cards) == 0 {
				t.Fatal("the template has no cards")
			}
			pic := layout.Rect{W: list.Width, H: list.Height}.Inset(-HeadRadius)
			list.Each(func(g *Group, it Item) {
				if b := it.Bounds(); !pic.Intersects(b) || b.X < pic.X || b.Y < pic.Y || b.Right() > pic.Right() || b.Bottom() > pic.Bottom() {
					t.Errorf("%+v: item %T at %+v outside the picture %+v", g.Elem, it, b, pic)
				}
			})
			if n := len(list.Texts()); n < len(l.Cards) {
				t.Errorf("%d texts for %d cards", n, len(l.Cards))
			}
		})
	}
}

// TestBuildFlows checks the flows: one polyline ending short of each head,
// a closed triangle per head, and the label on a plate above the cards.
func TestBuildFlows(t *testing.T) {
	l, list := build(t, coffee(), Options{})
	g := groups(list)
	tests := []struct {
		from, to string
		heads    int
		label    bool
	}{
		{"ask", "take", 1, true},
		{"ask", "card", 2, false},
	}
	for _, tc := range tests {
		t.Run(tc.from+"-"+tc.to, func(t *testing.T) {
			fg := g[Element{Kind: ElemFlow, From: tc.from, To: tc.to}]
			if fg == nil {
				t.Fatal("no flow group")
			}
			var r *layout.Route
			for i := range l.Flows {
				if l.Flows[i].Key == (layout.FlowKey{From: tc.from, To: tc.to}) {
					r = &l.Flows[i]
				}
			}
			var line *Path
			heads := 0
			for _, it := range fg.Items {
				p, ok := it.(*Path)
				if !ok {
					t.Fatalf("flow item %T, want paths only", it)
				}
				if p.Closed {
					heads++
					if len(p.Points) != 3 || p.Fill.A == 0 {
						t.Errorf("arrowhead %+v is not a filled triangle", p)
					}
					continue
				}
				line = p
			}
			if heads != tc.heads {
				t.Errorf("%d heads, want %d", heads, tc.heads)
			}
			if line == nil || len(line.Points) != len(r.Points) || line.Dash != nil {
				t.Fatalf("flow line %+v for route %v", line, r.Points)
			}
			end, tip := line.Points[len(line.Points)-1], r.Points[len(r.Points)-1]
			if d := abs(end.X-tip.X) + abs(end.Y-tip.Y); d < HeadBack-0.01 && d != 0 {
				t.Errorf("line ends %g before the tip, want %g", d, HeadBack)
			}
			for _, h := range r.Heads {
				found := false
				for _, it := range fg.Items {
					if p, ok := it.(*Path); ok && p.Closed && p.Points[0] == h.Tip {
						found = true
					}
				}
				if !found {
					t.Errorf("no arrowhead with its tip at %v", h.Tip)
				}
			}
			lg, ok := g[Element{Kind: ElemFlowLabel, From: tc.from, To: tc.to}]
			if ok != tc.label {
				t.Fatalf("label group %v, want %v", ok, tc.label)
			}
			if ok && (count[*Rect](lg) != 1 || count[*Text](lg) != 1) {
				t.Errorf("label group %+v is not a plate and its text", lg.Items)
			}
		})
	}
	// Labels paint after every card.
	lastCard, firstLabel := -1, len(list.Groups)
	for i, gr := range list.Groups {
		switch gr.Elem.Kind {
		case ElemStep:
			lastCard = i
		case ElemFlowLabel:
			firstLabel = min(firstLabel, i)
		}
	}
	if firstLabel < lastCard {
		t.Errorf("a flow label (group %d) paints before a card (group %d)", firstLabel, lastCard)
	}
}

// TestBuildLines checks that each boundary line carries its style's dash
// pattern, and a solid one none.
func TestBuildLines(t *testing.T) {
	styles := []blueprint.LineStyle{blueprint.StyleSolid, blueprint.StyleDashed, blueprint.StyleDashDot, blueprint.StyleDotted}
	for _, st := range styles {
		t.Run(string(st), func(t *testing.T) {
			d := coffee()
			for i := range d.Lines {
				d.Lines[i].Style = st
			}
			l, list := build(t, d, Options{})
			bd := groups(list)[Element{Kind: ElemBackdrop}]
			want := DashPattern(st)
			n := 0
			for _, it := range bd.Items {
				p, ok := it.(*Path)
				if !ok || p.Stroke != LightPalette().Line {
					continue
				}
				n++
				if !reflect.DeepEqual(p.Dash, want) {
					t.Errorf("line dash %v, want %v", p.Dash, want)
				}
				if len(p.Points) != 2 {
					t.Errorf("line of %d points, want one straight stroke", len(p.Points))
				}
			}
			if n != len(l.Lines) || n == 0 {
				t.Errorf("%d boundary strokes for %d lines", n, len(l.Lines))
			}
		})
	}
}

// TestBuildOptions checks what each option changes: the selection and the
// marks change only their card's group, dimming the card and its flows,
// and the backdrop options only the backdrop.
func TestBuildOptions(t *testing.T) {
	d := coffee()
	_, plain := build(t, d, Options{})
	tests := []struct {
		name    string
		opt     Options
		changed []Element
		check   func(t *testing.T, g map[Element]*Group)
	}{
		{"selected", Options{Selected: map[string]bool{"sip": true}}, []Element{{Kind: ElemStep, ID: "sip"}},
			func(t *testing.T, g map[Element]*Group) {
				if body := g[Element{Kind: ElemStep, ID: "sip"}].Items[1].(*Rect); body.Stroke != LightPalette().Selection {
					t.Errorf("selected card stroke %v", body.Stroke)
				}
			}},
		{"marked", Options{Marks: map[string]Mark{"take": MarkError}}, []Element{{Kind: ElemStep, ID: "take"}},
			func(t *testing.T, g map[Element]*Group) {
				cg := g[Element{Kind: ElemStep, ID: "take"}]
				if c, ok := cg.Items[len(cg.Items)-1].(*Circle); !ok || c.Fill != LightPalette().Fail || c.Radius != MarkRadius {
					t.Errorf("marked card ends with %+v, want the error dot", cg.Items[len(cg.Items)-1])
				}
			}},
		{"no mark", Options{Marks: map[string]Mark{"take": MarkNone}}, nil, nil},
		{"dimmed", Options{Dimmed: map[string]bool{"card": true}},
			[]Element{{Kind: ElemFlow, From: "ask", To: "card"}, {Kind: ElemStep, ID: "card"}}, nil},
		{"transparent", Options{Transparent: true}, []Element{{Kind: ElemBackdrop}},
			func(t *testing.T, g map[Element]*Group) {
				if r, ok := g[Element{Kind: ElemBackdrop}].Items[0].(*Rect); ok && r.Fill == LightPalette().Background {
					t.Error("a transparent backdrop starts with the background")
				}
			}},
		{"no backdrop", Options{NoBackdrop: true}, []Element{{Kind: ElemBackdrop}},
			func(t *testing.T, g map[Element]*Group) {
				if g[Element{Kind: ElemBackdrop}] != nil {
					t.Error("the backdrop is still drawn")
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, list := build(t, d, tc.opt)
			g := groups(list)
			var changed []Element
			for _, gr := range plain.Groups {
				if !reflect.DeepEqual(gr, g[gr.Elem]) {
					changed = append(changed, gr.Elem)
				}
			}
			if !reflect.DeepEqual(changed, tc.changed) {
				t.Errorf("changed groups %+v, want %+v", changed, tc.changed)
			}
			if tc.check != nil {
				tc.check(t, g)
			}
		})
	}
}

// TestBuildCard checks a card's group: shadow, body, lane stripe, the
// text lines, then a pill and label per badge and the moment diamond.
func TestBuildCard(t *testing.T) {
	l, list := build(t, coffee(), Options{})
	g := groups(list)
	for _, c := range l.Cards {
		cg := g[Element{Kind: ElemStep, ID: c.StepID}]
		if len(cg.Items) < 3+len(c.Lines) {
			t.Fatalf("card %s has %d items", c.StepID, len(cg.Items))
		}
		if body, ok := cg.Items[1].(*Rect); !ok || body.R != c.Rect || body.Radius != CardRadius {
			t.Errorf("card %s body %+v, want its rectangle", c.StepID, cg.Items[1])
		}
		if st, ok := cg.Items[2].(*Rect); !ok || st.Corners != LeftCorners {
			t.Errorf("card %s stripe %+v", c.StepID, cg.Items[2])
		}
		texts := count[*Text](cg)
		want := len(c.Lines)
		for _, b := range c.Badges {
			if b.Kind != layout.BadgeMoment {
				want++
			}
		}
		if texts != want {
			t.Errorf("card %s has %d texts, want %d", c.StepID, texts, want)
		}
		if c.Moment {
			diamonds := 0
			for _, it := range cg.Items {
				if p, ok := it.(*Path); ok && p.Closed && len(p.Points) == 4 {
					diamonds++
				}
			}
			if diamonds != 1 {
				t.Errorf("moment card %s has %d diamonds", c.StepID, diamonds)
			}
		}
	}
}

// TestDashes walks dashed paths: the dashes lie on the path, are no
// longer than the pattern allows, and cover the "on" share of it.
func TestDashes(t *testing.T) {
	tests := []struct {
		name     string
		pts      []layout.Point
		dash     []float32
		min, max int
	}{
		{"solid", []layout.Point{{X: 0, Y: 5}, {X: 100, Y: 5}}, nil, 1, 1},
		{"solid corner", []layout.Point{{X: 0, Y: 5}, {X: 100, Y: 5}, {X: 100, Y: 50}}, nil, 2, 2},
		{"dashed", []layout.Point{{X: 0, Y: 5}, {X: 100, Y: 5}}, DashPattern(blueprint.StyleDashed), 6, 8},
		{"dash-dot", []layout.Point{{X: 0, Y: 5}, {X: 100, Y: 5}}, DashPattern(blueprint.StyleDashDot), 8, 12},
		{"dotted", []layout.Point{{X: 0, Y: 5}, {X: 100, Y: 5}}, DashPattern(blueprint.StyleDotted), 15, 18},
		{"backwards", []layout.Point{{X: 100, Y: 5}, {X: 0, Y: 5}}, DashPattern(blueprint.StyleDashed), 6, 8},
		{"corner", []layout.Point{{X: 0, Y: 0}, {X: 10, Y: 0}, {X: 10, Y: 20}}, []float32{4, 4}, 4, 5},
		{"diagonal", []layout.Point{{X: 0, Y: 0}, {X: 30, Y: 40}}, []float32{10, 10}, 3, 3},
		{"zero pattern", []layout.Point{{X: 0, Y: 0}, {X: 30, Y: 0}}, []float32{0, 0}, 1, 1},
		{"negative gap", []layout.Point{{X: 0, Y: 0}, {X: 30, Y: 0}}, []float32{5, -1}, 1, 30},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &Path{Points: tc.pts, Dash: tc.dash, Stroke: LightPalette().Line, Width: 1}
			box := p.Bounds()
			var on float32
			n := 0
			p.Dashes(func(a, b layout.Point) {
				n++
				for _, q := range []layout.Point{a, b} {
					if !box.Contains(q) && q.X != box.Right() && q.Y != box.Bottom() {
						t.Errorf("dash end %v outside the path's box %+v", q, box)
					}
				}
				l := abs(b.X-a.X) + abs(b.Y-a.Y)
				if tc.name == "diagonal" {
					l = 10
				}
				if len(tc.dash) > 0 && l > tc.dash[0]+0.001 && tc.dash[0] > 0 {
					t.Errorf("dash %v–%v longer than %g", a, b, tc.dash[0])
				}
				on += l
			})
			if n < tc.min || n > tc.max {
				t.Errorf("%d dashes, want %d–%d", n, tc.min, tc.max)
			}
			if on == 0 {
				t.Error("nothing drawn")
			}
		})
	}
}

// BenchmarkBuild500 builds the display list of a 500-step blueprint.
func BenchmarkBuild500(b *testing.B) {
	l := layout.Compute(bpgen.Generate(500), layout.DefaultStyle(), measure)
	p := LightPalette()
	b.ReportAllocs()
	for b.Loop() {
		Build(l, &p, Options{})
	}
}
