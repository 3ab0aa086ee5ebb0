// Package pdf writes display lists as vector PDF pages. Shapes are PDF
// path operators with RGB colours (alpha through ExtGState), photos are
// image XObjects (JPEG as DCT, PNG as Flate-compressed RGB), and text is
// real PDF text in Type 3 fonts whose glyph procedures are the text
// engine's outlines: each glyph used is defined once, in subsets of at most
// 256 glyphs, with a /ToUnicode map so that the text can be selected,
// searched and extracted, Chinese included, on a machine with no fonts.
// The output is byte-identical for the same pages and Info.
//
// The exports use the Writer interface, so that another PDF library could
// replace this writer without changing them.
package pdf

import (
	"io"
	"time"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/images"
	"servicebp/blueprint/layout"
	"servicebp/export/text"
)

// Writer builds a PDF document page by page and writes it out once.
type Writer interface {
	// AddPage paints a page; its lists must not change until Finish.
	AddPage(p Page) error
	// Finish writes the document, with info in its Info dictionary, to w.
	Finish(w io.Writer, info Info) error
}

// Page is one page, Width × Height points, with y growing downwards from
// the top-left corner like the display list's world.
type Page struct {
	Width, Height float32
	// Layers are painted in order, each over the ones before.
	Layers []Layer
}

// Layer is a display list painted on a page: world point (x, y) falls at
// page point (Offset.X + x·Scale, Offset.Y + y·Scale), and when Clip has an
// area, only the part inside Clip (page points) is painted.
type Layer struct {
	List   *draw.List
	Scale  float32 // 0 means 1
	Offset layout.Point
	Clip   layout.Rect
	// Pictures gives the photos of the list's Image items; nil (or a
	// photo it cannot give) leaves their placeholders showing.
	Pictures images.Source
}

// Info is the document's metadata.
type Info struct {
	// Title is the /Title of the Info dictionary, left out when empty.
	Title string
	// Created, when not nil, is the /CreationDate (and /ModDate). No
	// wall-clock time is ever written, so that the output is reproducible.
	Created *time.Time
}

// New returns the Writer of this package: texts without a run are shaped
// with eng, which also gives the glyph outlines and advances.
func New(eng *text.Engine) Writer {
	return &doc{eng: eng, glyphs: map[glyphRef]glyphSlot{}, states: map[alphaPair]int{}, images: map[*images.Picture]int{}}
}

// Write writes one page of l, l.Width × l.Height world units at scale
// points per unit, to w: the common single-page case.
func Write(w io.Writer, l *draw.List, eng *text.Engine, scale float32, info Info) error {
	if scale <= 0 {
		scale = 1
	}
	d := New(eng)
	pg := Page{Width: l.Width * scale, Height: l.Height * scale, Layers: []Layer{{List: l, Scale: scale}}}
	if err := d.AddPage(pg); err != nil {
		return err
	}
	return d.Finish(w, info)
}
