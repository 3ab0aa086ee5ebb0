package canvas

import (
	"image/color"
	"testing"

	fcanvas "fyne.io/fyne/v2/canvas"

	"servicebp/blueprint/draw"
)

// markDot returns the finding marker of the step's card, or nil.
func markDot(s *Scene, id string) *fcanvas.Circle {
	objs := sceneCardObjects(s, id)
	if len(objs) == 0 {
		return nil
	}
	c, _ := objs[len(objs)-1].(*fcanvas.Circle)
	return c
}

func TestSceneMarks(t *testing.T) {
	p := LightPalette()
	tests := []struct {
		name string
		mark Mark
		want color.NRGBA
	}{
		{"error", MarkError, p.Fail},
		{"warning", MarkWarning, p.Wait},
		{"info", MarkInfo, draw.MarkInfoColor},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, l := newSceneForTest(t, boardDoc())
			if markDot(s, "sip") != nil {
				t.Fatal("a new scene marks a card")
			}
			body := sceneCardObjects(s, "sip")[1]
			s.SetMarks(map[string]Mark{"sip": tc.mark})
			dot := markDot(s, "sip")
			if dot == nil {
				t.Fatal("marked card has no marker")
			}
			if dot.FillColor != tc.want {
				t.Errorf("marker colour %v, want %v", dot.FillColor, tc.want)
			}
			r, _ := l.CardRect("sip")
			x, y := (dot.Position1.X+dot.Position2.X)/2, (dot.Position1.Y+dot.Position2.Y)/2
			if x < r.Right()-draw.MarkRadius || x > r.Right() || y < r.Bottom()-draw.MarkRadius || y > r.Bottom() {
				t.Errorf("marker centre %v,%v is not on the bottom right corner of %+v", x, y, r)
			}
			if sceneCardObjects(s, "sip")[1] != body {
				t.Error("marking the card recreated its body")
			}
			if markDot(s, "ask") != nil {
				t.Error("an unmarked card has a marker")
			}
			s.SetMarks(nil)
			if markDot(s, "sip") != nil {
				t.Error("clearing the marks leaves the marker")
			}
		})
	}
}

func TestSceneMarksCopied(t *testing.T) {
	s, _ := newSceneForTest(t, boardDoc())
	m := map[string]Mark{"ask": MarkWarning}
	s.SetMarks(m)
	m["ask"] = MarkError
	if got := s.Marks()["ask"]; got != MarkWarning {
		t.Errorf("changing the caller's map changed the scene's mark to %v", got)
	}
	if dot := markDot(s, "ask"); dot == nil || dot.FillColor != LightPalette().Wait {
		t.Error("the marker does not follow the marks set")
	}
}
