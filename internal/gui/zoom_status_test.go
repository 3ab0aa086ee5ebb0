package gui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestStatusBarShowsZoom: the status bar says the board's zoom, and
// follows Zoom in and Fit.
func TestStatusBarShowsZoom(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.win.Resize(fyne.NewSize(1400, 900))
	b := e.ui.board
	if got := e.ui.zoom.Text; got != "Zoom 100%" {
		t.Errorf("opened: status shows %q, want %q", got, "Zoom 100%")
	}
	b.ZoomIn()
	if got := e.ui.zoom.Text; got != "Zoom 125%" {
		t.Errorf("after Zoom in: status shows %q, want %q", got, "Zoom 125%")
	}
	b.ZoomToFit()
	if got, want := e.ui.zoom.Text, zoomText(b.Zoom()); got != want || b.Zoom() == 1.25 {
		t.Errorf("after Fit (zoom %g): status shows %q, want %q", b.Zoom(), got, want)
	}
}
