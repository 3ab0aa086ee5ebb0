package export

import (
	"bytes"
	"fmt"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/export/svg"
)

// SVG renders d as an SVG document: the same picture as the PNG, with
// text as glyph outlines (so it needs no fonts to view) and as invisible,
// searchable text. The scale sets its width and height in pixels.
func SVG(d *blueprint.Document, opt Options) ([]byte, error) {
	return SVGLayout(Layout(d, opt), d, opt)
}

// SVGLayout renders a computed layout of d as SVG.
func SVGLayout(l *layout.Layout, d *blueprint.Document, opt Options) ([]byte, error) {
	scale, err := PickScale(opt, l.Width)
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
	var buf bytes.Buffer
	if err := svg.Write(&buf, dl, eng, svg.Options{Scale: scale, Title: d.Title, Desc: d.Description, Pictures: opt.Images}); err != nil {
		return nil, fmt.Errorf("write svg: %w", err)
	}
	return buf.Bytes(), nil
}
