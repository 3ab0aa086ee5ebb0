package canvas

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/internal/golden"
)

// TestPresenterAnnotations checks that the spotlit card shows its
// annotations, and the A key: it shows the annotations layer (the fail
// text and recovery on every card), keeps the spotlight, and a second A
// hides it again.
func TestPresenterAnnotations(t *testing.T) {
	p, win := presentWindow(t, "hotel", 1920, 1080)
	c := win.Canvas()
	presentKeys(c, fyne.KeyRight, fyne.KeyRight)
	annotations := func(id string) string {
		card := p.cam.l.Card(id)
		if card == nil {
			t.Fatalf("no card %s on the slide", id)
		}
		var out []string
		for _, a := range card.Annotations {
			out = append(out, a.Line.Text)
		}
		return strings.Join(out, " ")
	}
	if got := annotations("register"); got != "" {
		t.Fatalf("annotations before A: %q", got)
	}
	// The spotlight shows the spotlit step's annotations, layer or not.
	test.TapCanvas(c, presentCardPos(t, p, "register"))
	if got := annotations("register"); got != "Wait point 10m" || annotations("desk-check-in") != "" {
		t.Errorf("spotlit register shows %q, desk-check-in %q; want register's wait only", got, annotations("desk-check-in"))
	}
	presentKeys(c, fyne.KeyN)
	if !p.Annotations() {
		t.Fatal("A did not switch the annotations on")
	}
	if got := annotations("desk-check-in"); !strings.Contains(got, "Room not ready") || !strings.Contains(got, "→ Offer lounge") {
		t.Errorf("desk-check-in's annotations = %q, want its fail text and recovery", got)
	}
	if got := annotations("register"); got != "Wait point 10m" {
		t.Errorf("register's annotations = %q, want its wait", got)
	}
	if s := p.Spotlight(); s == nil || s.Seed != "register" {
		t.Errorf("the spotlight is %v after A, want register", s)
	}
	if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" {
		writeShot(t, dir+"/present-annotations.png", c)
	}
	presentKeys(c, fyne.KeyN)
	if p.Annotations() || annotations("desk-check-in") != "" || annotations("register") == "" {
		t.Error("a second A left the annotations on, or took the spotlit card's")
	}
}

// writeShot saves what c shows as a PNG at path, for a person to look at.
func writeShot(t *testing.T, path string, c fyne.Canvas) {
	t.Helper()
	golden.WritePNG(t, path, c.Capture())
}
