package export

import (
	"strings"
	"testing"

	"servicebp/internal/golden"
)

// TestVotesInEveryOutput checks that a voted card's badge reaches the SVG
// and the PDF: the pill in the votes colour, the sticker dot and the count
// as text (extractable from the PDF). The PNG is painted from the same
// display list (see TestPDFMatchesPNG).
func TestVotesInEveryOutput(t *testing.T) {
	d := golden.Template(t, "hotel")
	d.Steps[1].Votes = 417
	svg, err := SVG(d, Options{Font: pinnedFont(t)})
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	if n := strings.Count(s, `fill="#0369a1"`); n != 2 {
		t.Errorf("%d shapes in the votes colour, want 2 (the badge and the legend's sample)", n)
	}
	if !strings.Contains(s, ">417<") || !strings.Contains(s, ">Dot votes<") {
		t.Error("the SVG lacks the vote count or the legend entry")
	}
	pdf, err := PDF(d, Options{Font: pinnedFont(t)})
	if err != nil {
		t.Fatal(err)
	}
	txt := squeeze(string(poppler(t, "pdftotext", pdf, "-enc", "UTF-8")))
	if !strings.Contains(txt, "417") || !strings.Contains(txt, squeeze("Dot votes")) {
		t.Errorf("the PDF text lacks the vote count or the legend entry")
	}
}
