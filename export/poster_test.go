package export

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"servicebp/internal/golden"
)

// pdfPages is the page count of a PDF, as pdfinfo reads it, and the size
// of its first page.
func pdfPages(t *testing.T, data []byte) (pages int, size string) {
	t.Helper()
	info := string(poppler(t, "pdfinfo", data))
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			fmt.Sscan(strings.TrimSpace(v), &pages)
		}
		if v, ok := strings.CutPrefix(line, "Page size:"); ok {
			size = strings.TrimSpace(v)
		}
	}
	return pages, size
}

// TestPosterTilesA4 tiles the hotel template onto A4: automatically (the
// fewest portrait sheets that print it at one point per unit, counted
// here from the rule), and 3 × 2 landscape. Every sheet is A4, and the
// labels name each row and column.
func TestPosterTilesA4(t *testing.T) {
	d := golden.Template(t, "hotel")
	a4, err := PaperByName("a4")
	if err != nil {
		t.Fatal(err)
	}
	font := pinnedFont(t)
	l := Layout(d, Options{Font: font})
	area := func(side float64) float64 { return side - 2*PosterMargin - PosterOverlap }
	wantCols := int(math.Ceil((float64(l.Width) - PosterOverlap) / area(float64(a4.W))))
	wantRows := int(math.Ceil((float64(l.Height) - PosterOverlap) / area(float64(a4.H))))
	if wantCols*wantRows < 4 {
		t.Fatalf("the hotel needs only %d × %d sheets: the test needs a larger blueprint", wantCols, wantRows)
	}
	for _, tc := range []struct {
		name       string
		poster     Poster
		cols, rows int
		size       string
	}{
		{"auto", Poster{Paper: a4, Tiles: true}, wantCols, wantRows, "595.276 x 841.89 pts (A4)"},
		{"3x2 landscape", Poster{Paper: a4, Tiles: true, Cols: 3, Rows: 2, Landscape: true}, 3, 2, "841.89 x 595.276 pts (A4)"},
		{"one sheet", Poster{Paper: a4, Landscape: true}, 1, 1, "841.89 x 595.276 pts (A4)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.poster
			data, err := PDF(d, Options{Font: font, Poster: &p})
			if err != nil {
				t.Fatal(err)
			}
			pages, size := pdfPages(t, data)
			if pages != tc.cols*tc.rows || size != tc.size {
				t.Errorf("%d pages of %s, want %d × %d of %s", pages, size, tc.cols, tc.rows, tc.size)
			}
			txt := string(poppler(t, "pdftotext", data, "-raw", "-enc", "UTF-8"))
			if tc.cols*tc.rows == 1 {
				if strings.Contains(txt, "row 1 of 1") {
					t.Error("a one-sheet poster has a tile label")
				}
				return
			}
			for _, want := range []string{
				fmt.Sprintf("%s — row 1 of %d / column 1 of %d", d.Title, tc.rows, tc.cols),
				fmt.Sprintf("row %d of %d / column %d of %d", tc.rows, tc.rows, tc.cols, tc.cols),
			} {
				if !strings.Contains(txt, want) {
					t.Errorf("no label %q", want)
				}
			}
			// Every card is printed, on one tile or another; a card across
			// the edge of a sheet is split between two (pdftotext drops
			// what is off the page), so its first and last words are
			// looked for.
			flat := squeeze(txt)
			for id, s := range cardTexts(t, d, Options{Font: font}) {
				w := strings.Fields(s)
				if !strings.Contains(flat, w[0]) || !strings.Contains(flat, w[len(w)-1]) {
					t.Errorf("card %s (%q) is on no tile", id, s)
				}
			}
		})
	}
}

// TestPosterOneSheetFits checks that a one-sheet poster scales the whole
// blueprint into the margins of the sheet, whichever side binds.
func TestPosterOneSheetFits(t *testing.T) {
	for _, name := range []string{"A0", "A3", "letter", "tabloid"} {
		paper, err := PaperByName(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, land := range []bool{false, true} {
			p := Poster{Paper: paper, Landscape: land}
			cols, rows, scale, err := p.Tiling(2477, 957)
			if err != nil {
				t.Fatal(err)
			}
			w, h := p.sheet()
			fitsW := 2477*scale <= w-2*PosterMargin+0.01
			fitsH := 957*scale <= h-2*PosterMargin+0.01
			binds := math.Abs(float64(2477*scale-(w-2*PosterMargin))) < 0.01 || math.Abs(float64(957*scale-(h-2*PosterMargin))) < 0.01
			if cols != 1 || rows != 1 || !fitsW || !fitsH || !binds {
				t.Errorf("%s landscape %v: %d × %d sheets at scale %g", name, land, cols, rows, scale)
			}
		}
	}
}

func TestParseTiles(t *testing.T) {
	for in, want := range map[string][2]int{"": {0, 0}, "auto": {0, 0}, "3x2": {3, 2}, "1X4": {1, 4}} {
		c, r, err := ParseTiles(in)
		if err != nil || c != want[0] || r != want[1] {
			t.Errorf("ParseTiles(%q) = %d, %d, %v", in, c, r, err)
		}
	}
	for _, in := range []string{"3", "0x2", "3x", "x2", "21x1", "axb", "-1x2"} {
		if _, _, err := ParseTiles(in); err == nil || !strings.Contains(err.Error(), "COLSxROWS") {
			t.Errorf("ParseTiles(%q): %v", in, err)
		}
	}
	if _, err := PaperByName("B5"); err == nil || !strings.Contains(err.Error(), "A0, A1, A2, A3, A4, letter, tabloid") {
		t.Errorf("unknown paper: %v", err)
	}
}

// TestPosterTooManySheets refuses an automatic tiling over MaxTiles.
func TestPosterTooManySheets(t *testing.T) {
	a4, _ := PaperByName("A4")
	p := Poster{Paper: a4, Tiles: true}
	if _, _, _, err := p.Tiling(60000, 20000); err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Errorf("a 60,000-unit blueprint on A4: %v", err)
	}
}

// TestPosterRefusedForImages checks that PNG and SVG refuse a poster and
// write nothing.
func TestPosterRefusedForImages(t *testing.T) {
	d := golden.Template(t, "hotel")
	a4, _ := PaperByName("A4")
	for _, f := range []Format{FormatPNG, FormatSVG} {
		path := t.TempDir() + "/x." + string(f)
		err := WriteAs(path, f, d, Options{Poster: &Poster{Paper: a4}})
		if err == nil || !strings.Contains(err.Error(), "PDF only") {
			t.Errorf("%s poster: %v", f, err)
		}
	}
}

// TestDeckPDF writes the slide deck as one PDF: the overview and one
// 16:9 page per phase, each page with its phase's columns.
func TestDeckPDF(t *testing.T) {
	d := golden.Template(t, "hotel")
	data, err := DeckPDF(d, Options{Font: pinnedFont(t)})
	if err != nil {
		t.Fatal(err)
	}
	phases := d.Phases()
	pages, size := pdfPages(t, data)
	if pages != len(phases)+1 || size != "960 x 540 pts" {
		t.Errorf("%d pages of %s, want %d of 960 x 540 pts", pages, size, len(phases)+1)
	}
	for i, p := range phases {
		n := fmt.Sprint(i + 2)
		txt := string(poppler(t, "pdftotext", data, "-f", n, "-l", n, "-enc", "UTF-8"))
		if !strings.Contains(txt, d.Columns[p.First].Name) || !strings.Contains(txt, p.Name) {
			t.Errorf("page %s lacks phase %q's first column %q:\n%s", n, p.Name, d.Columns[p.First].Name, txt)
		}
		if p.Last+1 < len(d.Columns) && strings.Contains(txt, d.Columns[p.Last+1].Name) {
			t.Errorf("page %s shows the next phase's column %q", n, d.Columns[p.Last+1].Name)
		}
	}
	again, err := DeckPDF(d, Options{Font: pinnedFont(t)})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Error("two PDF decks differ")
	}
}
