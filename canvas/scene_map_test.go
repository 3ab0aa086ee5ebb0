package canvas

import (
	"image/color"
	"math"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
)

// TestItemSpecs maps list items to Fyne object specs: rectangles keep
// their corners, dashed paths become one line per dash, regular closed
// paths one polygon with the right rotation, other closed paths their
// outline.
func TestItemSpecs(t *testing.T) {
	ink := color.NRGBA{A: 0xff}
	tri := func(dir layout.Point) *draw.Path {
		// An equilateral triangle with its tip at 10,10 pointing along dir.
		cx, cy := 10-float64(dir.X)*4.5, 10-float64(dir.Y)*4.5
		a := math.Atan2(float64(dir.Y), float64(dir.X))
		p := &draw.Path{Closed: true, Fill: ink, Points: []layout.Point{{X: 10, Y: 10}}}
		for i := 1; i < 3; i++ {
			t := a + 2*math.Pi*float64(i)/3
			p.Points = append(p.Points, layout.Point{X: float32(cx + 4.5*math.Cos(t)), Y: float32(cy + 4.5*math.Sin(t))})
		}
		return p
	}
	tests := []struct {
		name  string
		item  draw.Item
		shape shape
		n     int
		angle float32
	}{
		{"rect", &draw.Rect{R: layout.Rect{W: 10, H: 5}, Fill: ink, Radius: 2, Corners: draw.LeftCorners}, shapeRect, 1, 0},
		{"text", &draw.Text{Line: layout.TextLine{Text: "hi", Size: 12, W: 10, H: 14}, Color: ink}, shapeText, 1, 0},
		{"circle", &draw.Circle{Center: layout.Point{X: 5, Y: 5}, Radius: 5, Fill: ink}, shapeCircle, 1, 0},
		{"polyline", &draw.Path{Points: []layout.Point{{X: 0, Y: 0}, {X: 10, Y: 0}, {X: 10, Y: 10}}, Stroke: ink, Width: 1}, shapeLine, 2, 0},
		{"dashed", &draw.Path{Points: []layout.Point{{X: 0, Y: 0}, {X: 100, Y: 0}}, Stroke: ink, Width: 1, Dash: draw.DashPattern(blueprint.StyleDashed)}, shapeLine, 7, 0},
		{"head right", tri(layout.Point{X: 1}), shapePoly, 1, 90},
		{"head down", tri(layout.Point{Y: 1}), shapePoly, 1, 180},
		{"head left", tri(layout.Point{X: -1}), shapePoly, 1, -90},
		{"head up", tri(layout.Point{Y: -1}), shapePoly, 1, 0},
		{"diamond", &draw.Path{Closed: true, Fill: ink, Points: []layout.Point{{X: 5, Y: 0}, {X: 10, Y: 5}, {X: 5, Y: 10}, {X: 0, Y: 5}}}, shapePoly, 1, 0},
		{"irregular", &draw.Path{Closed: true, Fill: ink, Points: []layout.Point{{X: 0, Y: 0}, {X: 10, Y: 0}, {X: 0, Y: 3}}}, shapeLine, 3, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			specs := itemSpecs(nil, tc.item)
			if len(specs) != tc.n {
				t.Fatalf("%d specs, want %d", len(specs), tc.n)
			}
			for _, sp := range specs {
				if sp.shape != tc.shape {
					t.Fatalf("shape %v, want %v", sp.shape, tc.shape)
				}
			}
			sp := specs[0]
			switch tc.shape {
			case shapePoly:
				n := uint(len(tc.item.(*draw.Path).Points))
				if sp.sides != n || sp.angle != tc.angle {
					t.Errorf("polygon of %d sides at %g°, want %d at %g°", sp.sides, sp.angle, n, tc.angle)
				}
				var cx, cy float32
				for _, q := range tc.item.(*draw.Path).Points {
					cx, cy = cx+q.X/float32(n), cy+q.Y/float32(n)
				}
				if c := sp.r.Center(); sp.r.W != sp.r.H || abs(c.X-cx) > 0.01 || abs(c.Y-cy) > 0.01 {
					t.Errorf("polygon box %+v is not the square around the centre %g,%g", sp.r, cx, cy)
				}
			case shapeRect:
				if sp.corners != draw.LeftCorners || sp.radius != 2 {
					t.Errorf("rect corners %v radius %g", sp.corners, sp.radius)
				}
			}
		})
	}
}

// TestSceneDrawsList checks that the scene shows exactly the display
// list: as many card, flow and label groups as the list has.
func TestSceneDrawsList(t *testing.T) {
	s, l := newSceneForTest(t, boardDoc())
	p := s.Palette()
	list := draw.Build(l, &p, draw.Options{})
	want := map[*layer]int{}
	for _, g := range list.Groups {
		want[s.layerOf(g.Elem.Kind)]++
	}
	for ly, n := range want {
		if len(ly.groups) != n {
			t.Errorf("a layer has %d groups, the list %d", len(ly.groups), n)
		}
	}
	specs := 0
	for _, g := range list.Groups {
		specs += len(groupSpecs(nil, g))
	}
	objs := 0
	for _, ly := range s.layers() {
		objs += len(ly.box.Objects)
	}
	if objs != specs {
		t.Errorf("the scene holds %d objects, the list maps to %d", objs, specs)
	}
}
