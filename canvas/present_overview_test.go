package canvas

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
)

// TestPresenterOverview checks the overview slide at the end: past the
// last column (and with End) the whole blueprint is fitted to the screen,
// every column revealed and nothing veiled, the bar says "Overview"; Left
// goes back to the last column's slide and Home to the start.
func TestPresenterOverview(t *testing.T) {
	tests := []struct {
		name string
		keys []fyne.KeyName
	}{
		{"end", []fyne.KeyName{fyne.KeyEnd}},
		{"right past the last column", []fyne.KeyName{"+" + fyne.KeyRight, "+" + fyne.KeyRight, "+" + fyne.KeyRight, fyne.KeyRight}},
		{"shift right past the last phase", []fyne.KeyName{"+" + fyne.KeyRight, "+" + fyne.KeyRight, "+" + fyne.KeyRight, "+" + fyne.KeyRight}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, win := presentWindow(t, "hotel", 1280, 720)
			c := win.Canvas()
			presentKeys(c, fyne.KeyEnd, fyne.KeyLeft)
			if first, last := p.Window(); p.Overview() || first == 0 && last == 9 {
				t.Fatalf("the last column's slide shows columns %d–%d, overview %v: want the last phase alone at 1280 × 720", first, last, p.Overview())
			}
			p.Home()
			presentKeys(c, tc.keys...)
			if !p.Overview() {
				t.Fatal("no overview")
			}
			if first, last := p.Window(); first != 0 || last != 9 || p.Current() != 9 {
				t.Errorf("the overview shows columns %d–%d with %d revealed, want 0–9 and 9", first, last, p.Current())
			}
			if p.veil.Visible() {
				t.Error("the overview is veiled")
			}
			if p.bar.phase.Text != "Overview" || p.bar.column.Text != "" {
				t.Errorf("bar %q %q, want Overview", p.bar.phase.Text, p.bar.column.Text)
			}
			if l := p.cam.l; l.Width*p.Zoom() > 1280+0.5 || l.Height*p.Zoom() > 720 {
				t.Errorf("the overview is %g × %g on a 1280 × 720 screen", l.Width*p.Zoom(), l.Height*p.Zoom())
			}
			if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" && tc.name == "end" {
				writeShot(t, dir+"/present-overview.png", c)
			}
			presentKeys(c, fyne.KeyRight, fyne.KeyEnd)
			if !p.Overview() || p.Current() != 9 {
				t.Error("Right or End on the overview left it")
			}
			presentKeys(c, fyne.KeyLeft)
			if first, last := p.Window(); p.Overview() || p.Current() != 9 || first == 0 && last == 9 {
				t.Errorf("Left from the overview: overview %v, current %d, columns %d–%d", p.Overview(), p.Current(), first, last)
			}
			presentKeys(c, fyne.KeyEnd, fyne.KeyHome)
			if p.Overview() || p.Current() != 0 {
				t.Errorf("Home from the overview: overview %v, current %d", p.Overview(), p.Current())
			}
		})
	}
}
