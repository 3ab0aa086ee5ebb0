package canvas

import (
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/internal/golden"
)

// checkSlides steps p through every slide up to the overview and checks
// each: a flow label is drawn only when both its ends are revealed, and
// then above the veil, so that a label across the veil's edge is wholly
// shown or wholly veiled, never cut; and no label hangs off the board. It
// returns how many labels crossed the veil's edge. It checks every label
// of the slide's layout, those veiled included.
func checkSlides(t *testing.T, name string, p *Presenter, win fyne.Window) (straddled int) {
	t.Helper()
	objs := p.scene.root.Objects
	if u, lb := slices.Index(objs, fyne.CanvasObject(p.scene.under)), slices.Index(objs, fyne.CanvasObject(p.scene.labels.box)); u < 0 || lb < u || !slices.Contains(p.scene.under.Objects, fyne.CanvasObject(p.veil)) {
		t.Fatalf("%s: the veil is not under the flow labels (under at %d, labels at %d)", name, u, lb)
	}
	for slide := 0; !p.Overview(); slide++ {
		l := p.cam.l
		revealed := func(id string) bool {
			s := p.doc.Step(id)
			return s != nil && p.reveal.Revealed(p.doc.ColumnIndex(s.Column))
		}
		for _, f := range l.Flows {
			if f.Label == nil {
				continue
			}
			r := f.Label.Rect()
			// On the board where there is room, else beside its flow
			// within the picture: never cut off by the slide's edge.
			if r.X < l.Grid.X || r.Right() > l.Width {
				t.Errorf("%s, slide %d: label %q at %v is outside the board %v and the picture's width %g", name, slide, f.Label.Text, r, l.Grid, l.Width)
			}
			a, z := p.scene.WorldToScreen(layout.Point{X: r.X, Y: r.Y}), p.scene.WorldToScreen(layout.Point{X: r.Right(), Y: r.Bottom()})
			if a.X < 0 || a.Y < 0 || z.X > p.size.Width || z.Y > p.size.Height {
				t.Errorf("%s, slide %d: label %q at %v–%v is off the screen %v", name, slide, f.Label.Text, a, z, p.size)
			}
			_, drawn := p.scene.labels.groups[groupKey(draw.Element{Kind: draw.ElemFlowLabel, From: f.Key.From, To: f.Key.To})]
			both := revealed(f.Key.From) && revealed(f.Key.To)
			if drawn != both {
				t.Errorf("%s, slide %d: label %q drawn %v, both ends revealed %v", name, slide, f.Label.Text, drawn, both)
			}
			if p.veil.Visible() {
				a := p.scene.WorldToScreen(layout.Point{X: r.X, Y: r.Y})
				z := p.scene.WorldToScreen(layout.Point{X: r.Right(), Y: r.Bottom()})
				if x := p.veil.Position().X; a.X < x && z.X > x {
					straddled++
				}
			}
		}
		presentKeys(win.Canvas(), fyne.KeyRight)
	}
	return straddled
}

// TestPresenterLabelsWhole checks the labels of the hotel slides on two
// screens, and of a blueprint whose labels sit across column edges.
func TestPresenterLabelsWhole(t *testing.T) {
	for _, sz := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}} {
		p, win := presentWindow(t, "hotel", sz.Width, sz.Height)
		checkSlides(t, "hotel", p, win)
	}
	// A flow from one column to a card lower in the next runs down the
	// gutter between them, where the column edge, and so the veil's edge,
	// runs through its label.
	d := blueprint.New("商品", blueprint.EnglishNames)
	d.Columns = []blueprint.Column{{ID: "a", Name: "浏览"}, {ID: "b", Name: "比较"}, {ID: "c", Name: "下单"}}
	d.Steps = []blueprint.Step{
		{ID: "look", Lane: "customer", Column: "a", Text: "查看商品"},
		{ID: "spec", Lane: "backstage", Column: "b", Text: "整理参数"},
		{ID: "buy", Lane: "customer", Column: "c", Text: "下单"},
	}
	d.Flows = []blueprint.Flow{{From: "look", To: "spec", Label: "商品参数"}, {From: "spec", To: "buy", Label: "价格"}}
	test.NewTempApp(t)
	p := NewPresenter(d)
	p.SetFont(golden.Font(t))
	win := test.NewTempWindow(t, p)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(1280, 720))
	win.Canvas().Focus(p)
	presentKeys(win.Canvas(), fyne.KeyRight)
	if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" {
		writeShot(t, dir+"/present-veil.png", win.Canvas())
	}
	p.Home()
	if n := checkSlides(t, "商品", p, win); n == 0 {
		t.Error("no label crossed the veil's edge: the blueprint does not test what it is for")
	}
}
