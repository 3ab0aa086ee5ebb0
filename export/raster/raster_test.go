package raster

import (
	"image"
	"image/color"
	"testing"

	xdraw "servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/export/text"
)

var (
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	black = color.NRGBA{0, 0, 0, 0xff}
	red   = color.NRGBA{0xd0, 0x20, 0x20, 0xff}
	blue  = color.NRGBA{0x20, 0x40, 0xd0, 0xff}
)

// sample is a list with one of each kind of item, in world units.
func sample() *xdraw.List {
	pt := func(x, y float32) layout.Point { return layout.Point{X: x, Y: y} }
	return &xdraw.List{Width: 200, Height: 120, Groups: []*xdraw.Group{
		{Elem: xdraw.Element{Kind: xdraw.ElemBackdrop}, Items: []xdraw.Item{
			&xdraw.Rect{R: layout.Rect{W: 200, H: 120}, Fill: white},
		}},
		{Elem: xdraw.Element{Kind: xdraw.ElemStep, ID: "s1"}, Items: []xdraw.Item{
			&xdraw.Rect{R: layout.Rect{X: 10, Y: 10, W: 80, H: 40}, Fill: blue, Stroke: black, Width: 2, Radius: 8},
			&xdraw.Rect{R: layout.Rect{X: 10, Y: 60, W: 30, H: 20}, Fill: red, Radius: 6, Corners: xdraw.LeftCorners},
			&xdraw.Text{Line: layout.TextLine{Text: "Hig", Pos: pt(20, 20), W: 40, H: 20, Size: 16}, Color: white},
		}},
		{Elem: xdraw.Element{Kind: xdraw.ElemFlow, From: "s1", To: "s2"}, Items: []xdraw.Item{
			&xdraw.Path{Points: []layout.Point{pt(100, 30), pt(150, 30), pt(150, 100)}, Stroke: black, Width: 2},
			&xdraw.Path{Points: []layout.Point{pt(145, 100), pt(155, 100), pt(150, 110)}, Closed: true, Fill: black},
			&xdraw.Path{Points: []layout.Point{pt(0, 90), pt(100, 90)}, Stroke: red, Width: 2, Dash: []float32{6, 4}},
			&xdraw.Circle{Center: pt(180, 20), Radius: 8, Fill: red, Stroke: black, Width: 1},
		}},
	}}
}

func engine(t testing.TB) *text.Engine {
	e, err := text.New(text.Config{NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// paintAll paints l at scale in bands of the given height.
func paintAll(l *xdraw.List, e *text.Engine, scale float32, band int) *image.NRGBA {
	w, h := int(l.Width*scale), int(l.Height*scale)
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	p := New(l, e, scale)
	for y := 0; y < h; y += band {
		p.Paint(out.SubImage(image.Rect(0, y, w, min(y+band, h))).(*image.NRGBA))
	}
	return out
}

func TestBandsMatchWhole(t *testing.T) {
	e := engine(t)
	whole := paintAll(sample(), e, 2, 1<<20)
	for _, band := range []int{1, 7, 64} {
		got := paintAll(sample(), e, 2, band)
		// A shape cut by a band is rasterized from another origin, which
		// may round a coverage the other way: one level at most.
		if d, n := diff(got, whole); d > 1 {
			t.Errorf("bands of %d rows differ from one band by up to %d in %d channels", band, d, n)
		}
	}
}

// diff is the largest difference of a channel between a and b, and the
// number of channels that differ.
func diff(a, b *image.NRGBA) (most, n int) {
	for i := range a.Pix {
		d := int(a.Pix[i]) - int(b.Pix[i])
		if d != 0 {
			n++
			most = max(most, d, -d)
		}
	}
	return most, n
}

func TestShapes(t *testing.T) {
	img := paintAll(sample(), engine(t), 2, 16)
	at := func(x, y float32) color.NRGBA { return img.NRGBAAt(int(x*2), int(y*2)) }
	cases := []struct {
		name string
		x, y float32
		want color.NRGBA
	}{
		{"background", 195, 115, white},
		{"card fill", 60, 45, blue},
		{"card stroke, top edge", 50, 10, black},
		{"card's rounded corner is cut", 10.5, 10.5, white},
		{"left corners rounded", 10.5, 60.5, white},
		{"right corners square", 39.8, 60.2, red},
		{"flow line", 125, 30, black},
		{"miter join fills the corner", 150.8, 29.2, black},
		{"butt cap ends at the point", 99.5, 30, white},
		{"arrowhead", 150, 103, black},
		{"dash on", 3, 90, red},
		{"dash off", 8, 90, white},
		{"second dash on", 13, 90, red},
		{"circle centre", 180, 20, red},
		{"circle outside", 188.5, 12, white},
	}
	for _, c := range cases {
		if got := at(c.x, c.y); got != c.want {
			t.Errorf("%s at (%v, %v) = %v, want %v", c.name, c.x, c.y, got, c.want)
		}
	}
	// The text is white ink on the blue card: some pixels of its box turn
	// white, and the descender of g reaches below the baseline.
	ink := 0
	for y := 40; y < 80; y++ {
		for x := 40; x < 120; x++ {
			if img.NRGBAAt(x, y) == white {
				ink++
			}
		}
	}
	if ink < 100 || ink > 1500 {
		t.Errorf("%d white pixels of text, want some hundreds", ink)
	}
}

func TestTransparentStaysTransparent(t *testing.T) {
	l := sample()
	l.Groups = l.Groups[1:] // no background
	img := paintAll(l, engine(t), 1, 32)
	if a := img.NRGBAAt(195, 115).A; a != 0 {
		t.Errorf("uncovered pixel has alpha %d", a)
	}
	if c := img.NRGBAAt(60, 45); c != blue {
		t.Errorf("card on transparency = %v", c)
	}
}

func TestOffImageItemsAreSkipped(t *testing.T) {
	l := &xdraw.List{Width: 10, Height: 10, Groups: []*xdraw.Group{{Items: []xdraw.Item{
		&xdraw.Rect{R: layout.Rect{X: -1e6, Y: -1e6, W: 1e3, H: 1e3}, Fill: red},
		&xdraw.Path{Points: []layout.Point{{X: 5, Y: 5}}, Stroke: red, Width: 1},
		&xdraw.Path{Points: []layout.Point{{X: 5, Y: 5}, {X: 5, Y: 5}}, Stroke: red, Width: 1, Dash: []float32{0, 0}},
		&xdraw.Circle{Center: layout.Point{X: 5, Y: 5}, Radius: 0, Fill: red},
	}}}}
	img := paintAll(l, engine(t), 1, 4)
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 0 {
			t.Fatalf("pixel %d painted", i/4)
		}
	}
}
