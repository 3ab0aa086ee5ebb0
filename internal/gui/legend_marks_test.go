package gui

import (
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint/layout"
	"servicebp/internal/golden"
)

// markLegend lists the legend entries of the board's layout that explain
// finding markers, with their labels.
func markLegend(e *Editor) (kinds []layout.LegendKind, labels []string) {
	lg := e.ui.board.Layout().Legend
	if lg == nil {
		return nil, nil
	}
	for _, it := range lg.Items {
		switch it.Kind {
		case layout.LegendMarkError, layout.LegendMarkWarning, layout.LegendMarkInfo:
			kinds, labels = append(kinds, it.Kind), append(labels, it.Label.Text)
		}
	}
	return kinds, labels
}

// TestLegendExplainsFindingMarkers: the board's legend has an entry for
// each colour of finding marker its cards carry, and loses it when the
// markers go.
func TestLegendExplainsFindingMarkers(t *testing.T) {
	e, _ := liveEditor(t, "coffee.yaml")
	kinds, labels := markLegend(e)
	if !slices.Equal(kinds, []layout.LegendKind{layout.LegendMarkWarning}) || labels[0] != "Finding: warning" {
		t.Errorf("coffee.yaml, with warnings only: legend %v %q", kinds, labels)
	}

	e, _ = liveEditor(t, "conflicted.yaml")
	kinds, _ = markLegend(e)
	if !slices.Equal(kinds, []layout.LegendKind{layout.LegendMarkError, layout.LegendMarkWarning}) {
		t.Errorf("conflicted.yaml, with errors and warnings: legend %v", kinds)
	}
	if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" {
		e.win.Resize(fyne.NewSize(1280, 800))
		e.ui.board.ZoomToFit()
		golden.WritePNG(t, dir+"/legend-findings.png", e.win.Canvas().Capture())
	}
	e.ui.board.SetMarks(nil)
	if kinds, _ := markLegend(e); kinds != nil {
		t.Errorf("no markers, but the legend explains %v", kinds)
	}
}
