package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/golden"
)

// TestAnnotationsToggle checks View > Annotations: off by default; on, the
// board writes the fail text and recovery on the card, the choice is
// remembered, the Export… dialog starts with it, and the export grows to
// hold the annotations.
func TestAnnotationsToggle(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	s := *e.Doc().Step("enjoy")
	s.Fail, s.Recovery = "Coffee is cold", "Make a fresh cup"
	if !e.apply(blueprint.EditStep("enjoy", s)) {
		t.Fatal("edit refused")
	}
	board := e.ui.board
	if n := len(board.Layout().Card("enjoy").Annotations); n != 0 {
		t.Fatalf("annotations shown by default: %d lines", n)
	}
	exportHeight := func(s exportSettings) int {
		path := filepath.Join(t.TempDir(), "x.png")
		if !e.exportPNG(path, s) {
			t.Fatal("export failed")
		}
		return golden.ReadPNG(t, path).Bounds().Dy()
	}
	plain := exportHeight(exportSettings{Scale: 1, Theme: "light"})
	it := viewItem(t, e, "Annotations")
	if it.Checked {
		t.Error("View > Annotations is checked by default")
	}
	it.Action()
	var got []string
	for _, a := range board.Layout().Card("enjoy").Annotations {
		got = append(got, a.Line.Text)
	}
	if j := strings.Join(got, " "); j != "Fail point: Coffee is cold → Make a fresh cup" {
		t.Errorf("board annotations = %q", got)
	}
	if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" {
		e.win.Resize(fyne.NewSize(1280, 800))
		golden.WritePNG(t, dir+"/board-annotations.png", e.win.Canvas().Capture())
	}
	if !it.Checked || !e.annotations() {
		t.Errorf("after switching on: checked %v, preference %v", it.Checked, e.annotations())
	}
	f, _ := e.newExportForm(e.exportSettings(), true)
	if !f.annotations.Checked || !f.settings().Annotations {
		t.Error("the Export… dialog does not start with the board's annotations")
	}
	if h := exportHeight(f.settings()); h <= plain {
		t.Errorf("export with annotations is %d px high, without %d: the cards must grow", h, plain)
	}
	it.Action()
	if len(board.Layout().Card("enjoy").Annotations) != 0 || e.annotations() {
		t.Error("switching off leaves the annotations")
	}
}
