package export

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/export/pdf"
)

// Paper is a sheet size, in points, portrait.
type Paper struct {
	Name string
	W, H float32
}

// mm is one millimetre in points.
const mm = 72 / 25.4

// Papers are the sheet sizes of posters: ISO A0–A4, US letter and tabloid.
var Papers = []Paper{
	{"A0", 841 * mm, 1189 * mm},
	{"A1", 594 * mm, 841 * mm},
	{"A2", 420 * mm, 594 * mm},
	{"A3", 297 * mm, 420 * mm},
	{"A4", 210 * mm, 297 * mm},
	{"letter", 612, 792},
	{"tabloid", 792, 1224},
}

// PaperNames is the list of paper names for messages and help.
func PaperNames() string {
	names := make([]string, len(Papers))
	for i, p := range Papers {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// PaperByName returns the paper called name (any case), or an error
// naming the papers.
func PaperByName(name string) (Paper, error) {
	for _, p := range Papers {
		if strings.EqualFold(p.Name, name) {
			return p, nil
		}
	}
	return Paper{}, fmt.Errorf("unknown paper %q; the papers are %s", name, PaperNames())
}

// Poster says how to print a blueprint as a poster PDF.
type Poster struct {
	Paper     Paper
	Landscape bool
	// Tiles splits the poster over several sheets: Cols × Rows of them,
	// or, when both are 0, as many as print it at ReadableScale.
	Tiles      bool
	Cols, Rows int
}

// Poster geometry, in points.
const (
	// PosterMargin is the white edge of every sheet, which holds the crop
	// and alignment marks and the label: 12 mm, wider than the edge an
	// office printer cannot print.
	PosterMargin = 12 * mm
	// PosterOverlap is the strip of picture that two neighbouring tiles
	// both print, so that one can be glued over the other: 10 mm.
	PosterOverlap = 10 * mm
	// ReadableScale is the points per layout unit of an automatic tiling:
	// the blueprint at the size the editor shows it at 100%, so that
	// card text prints at about 12 pt.
	ReadableScale = 1
	// MaxTiles limits the sheets of a tiled poster.
	MaxTiles = 400
)

// ParseTiles reads a tiling "COLSxROWS" (such as 3x2), each from 1 to
// 20, or "auto" (or "" or "true") for the automatic count.
func ParseTiles(s string) (cols, rows int, err error) {
	switch strings.ToLower(s) {
	case "", "auto", "true":
		return 0, 0, nil
	}
	c, r, ok := strings.Cut(strings.ToLower(s), "x")
	if ok {
		cols, err = strconv.Atoi(c)
		if err == nil {
			rows, err = strconv.Atoi(r)
		}
	}
	if !ok || err != nil || cols < 1 || rows < 1 || cols > 20 || rows > 20 {
		return 0, 0, fmt.Errorf("tiles %q: give COLSxROWS, such as 3x2, each from 1 to 20, or auto", s)
	}
	return cols, rows, nil
}

// sheet is the page size of p.
func (p *Poster) sheet() (w, h float32) {
	w, h = p.Paper.W, p.Paper.H
	if p.Landscape {
		w, h = h, w
	}
	return w, h
}

// Tiling returns the columns and rows of sheets p prints a w × h layout
// on, and the scale (points per unit) it prints at. An untiled poster is
// one sheet with the whole blueprint scaled to fit inside the margins;
// an automatic tiling is the fewest sheets that print it at
// ReadableScale or larger.
func (p *Poster) Tiling(w, h float32) (cols, rows int, scale float32, err error) {
	pw, ph := p.sheet()
	aw, ah := pw-2*PosterMargin, ph-2*PosterMargin
	if w <= 0 || h <= 0 {
		return 0, 0, 0, fmt.Errorf("the blueprint has no size")
	}
	cols, rows = 1, 1
	if p.Tiles {
		cols, rows = p.Cols, p.Rows
		if cols == 0 || rows == 0 {
			step := func(n, area float32) int {
				return max(1, int(math.Ceil(float64((n*ReadableScale-PosterOverlap)/(area-PosterOverlap)-1e-4))))
			}
			cols, rows = step(w, aw), step(h, ah)
		}
		if cols*rows > MaxTiles {
			return 0, 0, 0, fmt.Errorf("the poster needs %d × %d = %d sheets of %s, over the limit of %d; choose a larger --paper or give --tiles COLSxROWS", cols, rows, cols*rows, p.Paper.Name, MaxTiles)
		}
	}
	mw := float32(cols)*(aw-PosterOverlap) + PosterOverlap
	mh := float32(rows)*(ah-PosterOverlap) + PosterOverlap
	if cols == 1 {
		mw = aw
	}
	if rows == 1 {
		mh = ah
	}
	scale = min(mw/w, mh/h)
	return cols, rows, scale, nil
}

// posterPDF writes the poster of layout l of d.
func posterPDF(l *layout.Layout, d *blueprint.Document, opt Options, info pdf.Info) ([]byte, error) {
	p := opt.Poster
	cols, rows, scale, err := p.Tiling(l.Width, l.Height)
	if err != nil {
		return nil, err
	}
	eng, err := engineFor(opt.Font, opt.Lang)
	if err != nil {
		return nil, err
	}
	dl, err := List(l, opt)
	if err != nil {
		return nil, err
	}
	pw, ph := p.sheet()
	aw, ah := pw-2*PosterMargin, ph-2*PosterMargin
	// The mosaic of the areas inside the margins, overlaps counted once,
	// with the picture centred in it.
	stepX, stepY := aw-PosterOverlap, ah-PosterOverlap
	mw, mh := float32(cols)*stepX+PosterOverlap, float32(rows)*stepY+PosterOverlap
	if cols == 1 {
		mw = aw
	}
	if rows == 1 {
		mh = ah
	}
	ox, oy := (mw-l.Width*scale)/2, (mh-l.Height*scale)/2
	w := pdf.New(eng)
	for r := range rows {
		for c := range cols {
			x0, y0 := float32(c)*stepX, float32(r)*stepY
			page := pdf.Page{Width: pw, Height: ph, Layers: []pdf.Layer{{
				List:     dl,
				Scale:    scale,
				Offset:   layout.Point{X: PosterMargin - x0 + ox, Y: PosterMargin - y0 + oy},
				Clip:     layout.Rect{X: PosterMargin, Y: PosterMargin, W: aw, H: ah},
				Pictures: opt.Images,
			}}}
			if p.Tiles {
				page.Layers = append(page.Layers, pdf.Layer{List: tileMarks(d.Title, pw, ph, r, c, rows, cols)})
			}
			if err := w.AddPage(page); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if err := w.Finish(&buf, info); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// markColor is the colour of the crop marks and labels.
var markColor = color.NRGBA{0x40, 0x40, 0x40, 0xff}

// tileMarks is what a tile prints in its margins, in page points: crop
// marks at the corners of the picture area, alignment marks where the
// neighbours' edges go (a tick in both margins and a cross in the
// picture's overlap strip), and the label "Title — row R of ROWS /
// column C of COLS".
func tileMarks(title string, pw, ph float32, r, c, rows, cols int) *draw.List {
	m := float32(PosterMargin)
	x1, y1, x2, y2 := m, m, pw-m, ph-m
	var items []draw.Item
	line := func(ax, ay, bx, by float32) {
		items = append(items, &draw.Path{Points: []layout.Point{{X: ax, Y: ay}, {X: bx, Y: by}}, Stroke: markColor, Width: 0.5})
	}
	const gap, long = 2, 8
	for _, x := range []float32{x1, x2} {
		line(x, y1-gap, x, y1-gap-long)
		line(x, y2+gap, x, y2+gap+long)
	}
	for _, y := range []float32{y1, y2} {
		line(x1-gap, y, x1-gap-long, y)
		line(x2+gap, y, x2+gap+long, y)
	}
	// Where the next tile's picture begins: its left edge on this tile's
	// right overlap, its top edge on this tile's bottom overlap.
	if c+1 < cols {
		x := x2 - PosterOverlap
		line(x, y1-gap, x, y1-gap-long)
		line(x, y2+gap, x, y2+gap+long)
		line(x, y1+4, x, y1+10)
		line(x, y2-4, x, y2-10)
	}
	if r+1 < rows {
		y := y2 - PosterOverlap
		line(x1-gap, y, x1-gap-long, y)
		line(x2+gap, y, x2+gap+long, y)
		line(x1+4, y, x1+10, y)
		line(x2-4, y, x2-10, y)
	}
	label := fmt.Sprintf("row %d of %d / column %d of %d", r+1, rows, c+1, cols)
	if title != "" {
		label = title + " — " + label
	}
	const size = 7
	items = append(items, &draw.Text{Line: layout.TextLine{Text: label, Pos: layout.Point{X: x1 + 3*gap + long, Y: y2 + gap + 1}, W: pw - 2*m, H: size * 1.4, Size: size}, Color: markColor})
	return &draw.List{Width: pw, Height: ph, Groups: []*draw.Group{{Elem: draw.Element{Kind: draw.ElemBackdrop}, Items: items}}}
}
