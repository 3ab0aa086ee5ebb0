// Package svg writes a display list as an SVG 1.1 document: shapes as SVG
// shapes, text as glyph outlines (each glyph defined once and reused), so
// that it looks the same on a machine without the fonts, with the text
// itself in an invisible layer for search, selection and screen readers,
// and an id on the group of every step, flow, lane, line, column and
// phase. The output is byte-identical for the same list.
package svg

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/images"
	"servicebp/export/text"
)

// Options say how to write.
type Options struct {
	// Scale multiplies the world size to give the width and height of the
	// document (the viewBox stays in world units); 0 means 1.
	Scale float32
	// Title, when not empty, is the document's <title>, and Desc its
	// <desc>.
	Title, Desc string
	// Pictures gives the photos of the list's Image items, embedded as
	// data: URIs; nil (or a photo it cannot give) leaves their
	// placeholders showing.
	Pictures images.Source
}

// unitsPerEm is the size of the em square the glyph definitions are drawn
// in: large enough that rounding their points to 0.1 is invisible.
const unitsPerEm = 1000

// Write writes l as SVG to w. Texts without a run are shaped with eng,
// which also gives the glyph outlines.
func Write(w io.Writer, l *draw.List, eng *text.Engine, opt Options) error {
	eng.ShapeList(l)
	scale := opt.Scale
	if scale <= 0 {
		scale = 1
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	s := &writer{w: bw, eng: eng, scale: scale, glyphIDs: map[glyphRef]string{}, ids: map[string]bool{}, pics: opt.Pictures, uris: map[*images.Picture]string{}}
	s.printf(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="%s" height="%s" viewBox="0 0 %s %s">`+"\n",
		num(l.Width*scale), num(l.Height*scale), num(l.Width), num(l.Height))
	if opt.Title != "" {
		s.printf("<title>%s</title>\n", escape(opt.Title))
	}
	if opt.Desc != "" {
		s.printf("<desc>%s</desc>\n", escape(opt.Desc))
	}
	s.defs(l)
	for _, g := range l.Groups {
		s.group(g)
	}
	s.printf("</svg>\n")
	if s.err != nil {
		return s.err
	}
	return bw.Flush()
}

type glyphRef struct {
	face string
	id   uint32
}

// writer holds the state of one Write; the first error stops the output.
type writer struct {
	w        *bufio.Writer
	eng      *text.Engine
	scale    float32
	err      error
	glyphIDs map[glyphRef]string // the <defs> id of every drawn glyph
	ids      map[string]bool     // the element ids given so far
	pics     images.Source
	uris     map[*images.Picture]string // the data: URI of every embedded photo
}

func (s *writer) printf(format string, a ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, a...)
	}
}

func (s *writer) str(v string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(v)
	}
}

// defs defines every glyph the list draws, once, in the order they are
// first drawn, so that the ids do not depend on map order.
func (s *writer) defs(l *draw.List) {
	var b strings.Builder
	n := 0
	for _, t := range l.Texts() {
		if t.Run == nil {
			continue
		}
		for _, g := range t.Run.Glyphs {
			ref := glyphRef{t.Run.Faces[g.Face], g.ID}
			if _, ok := s.glyphIDs[ref]; ok {
				continue
			}
			o := s.eng.GlyphOutline(t.Run, g)
			if len(o) == 0 {
				s.glyphIDs[ref] = "" // blank: nothing to draw
				continue
			}
			n++
			id := fmt.Sprintf("g%d", n)
			s.glyphIDs[ref] = id
			b.WriteString(`<path id="`)
			b.WriteString(id)
			b.WriteString(`" d="`)
			outlinePath(&b, o)
			b.WriteString("\"/>\n")
		}
	}
	if n > 0 {
		s.str("<defs>\n")
		s.str(b.String())
		s.str("</defs>\n")
	}
}

// outlinePath writes o, scaled to the em square, as path data.
func outlinePath(b *strings.Builder, o text.Outline) {
	open := false
	for _, sg := range o {
		switch sg.Op {
		case text.MoveTo:
			if open {
				b.WriteString("Z")
			}
			b.WriteString("M")
			open = true
		case text.LineTo:
			b.WriteString("L")
		case text.QuadTo:
			b.WriteString("Q")
		case text.CubeTo:
			b.WriteString("C")
		}
		for i := range sg.N() {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(num1(sg.Pts[i].X * unitsPerEm))
			b.WriteByte(' ')
			b.WriteString(num1(sg.Pts[i].Y * unitsPerEm))
		}
	}
	if open {
		b.WriteString("Z")
	}
}

// group writes one group with its id, and a title for what it names.
func (s *writer) group(g *draw.Group) {
	id := s.uniqueID(elementID(g.Elem))
	s.printf(`<g id="%s" class="%s">`+"\n", id, kindName(g.Elem.Kind))
	if title := groupTitle(g); title != "" {
		s.printf("<title>%s</title>\n", escape(title))
	}
	for _, it := range g.Items {
		switch it := it.(type) {
		case *draw.Rect:
			s.rect(it)
		case *draw.Path:
			s.path(it)
		case *draw.Circle:
			s.printf(`<circle cx="%s" cy="%s" r="%s"%s/>`+"\n", num(it.Center.X), num(it.Center.Y), num(it.Radius), paint(it.Fill, it.Stroke, it.Width))
		case *draw.Text:
			s.text(it)
		case *draw.Image:
			s.image(it)
		}
	}
	s.str("</g>\n")
}

// groupTitle is the accessible name of a step's or flow's group: its texts
// joined, so that a screen reader reads the card.
func groupTitle(g *draw.Group) string {
	if g.Elem.Kind != draw.ElemStep && g.Elem.Kind != draw.ElemFlow {
		return ""
	}
	var parts []string
	for _, it := range g.Items {
		if t, ok := it.(*draw.Text); ok && strings.TrimSpace(t.Line.Text) != "" {
			parts = append(parts, t.Line.Text)
		}
	}
	if len(parts) == 0 && g.Elem.Kind == draw.ElemFlow {
		return g.Elem.From + " → " + g.Elem.To
	}
	return strings.Join(parts, " ")
}

func (s *writer) rect(r *draw.Rect) {
	p := paint(r.Fill, r.Stroke, r.Width)
	if p == ` fill="none"` {
		return
	}
	switch {
	case r.Radius <= 0:
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s"%s/>`+"\n", num(r.R.X), num(r.R.Y), num(r.R.W), num(r.R.H), p)
	case r.Corners == draw.LeftCorners:
		rad := min(r.Radius, r.R.W/2, r.R.H/2)
		x, y, x2, y2 := r.R.X, r.R.Y, r.R.Right(), r.R.Bottom()
		s.printf(`<path d="M%s %sH%sV%sH%sA%s %s 0 0 1 %s %sV%sA%s %s 0 0 1 %s %sZ"%s/>`+"\n",
			num(x+rad), num(y), num(x2), num(y2), num(x+rad),
			num(rad), num(rad), num(x), num(y2-rad),
			num(y+rad), num(rad), num(rad), num(x+rad), num(y), p)
	default:
		rad := min(r.Radius, r.R.W/2, r.R.H/2)
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" rx="%s"%s/>`+"\n", num(r.R.X), num(r.R.Y), num(r.R.W), num(r.R.H), num(rad), p)
	}
}

func (s *writer) path(p *draw.Path) {
	if len(p.Points) < 2 {
		return
	}
	attrs := paint(p.Fill, p.Stroke, p.Width)
	if p.Stroke.A != 0 && len(p.Dash) > 0 {
		ds := make([]string, len(p.Dash))
		for i, d := range p.Dash {
			ds[i] = num(d)
		}
		attrs += ` stroke-dasharray="` + strings.Join(ds, " ") + `"`
	}
	var b strings.Builder
	for i, q := range p.Points {
		if i == 0 {
			b.WriteString("M")
		} else {
			b.WriteString("L")
		}
		b.WriteString(num(q.X))
		b.WriteByte(' ')
		b.WriteString(num(q.Y))
	}
	if p.Closed {
		b.WriteString("Z")
	}
	s.printf(`<path d="%s"%s/>`+"\n", b.String(), attrs)
}

// text draws t's glyphs in one group scaled to the em square, then its
// string, invisible, over them for search and selection.
func (s *writer) text(t *draw.Text) {
	r := t.Run
	if r == nil || t.Color.A == 0 || t.Line.Size <= 0 || strings.TrimSpace(t.Line.Text) == "" {
		return
	}
	k := t.Line.Size / unitsPerEm
	// The baseline falls on a whole pixel at the document's size, as in
	// the PNG export, so that the two match when the SVG is shown at 1:1.
	base := t.Line.Pos.Y + float32(math.Ceil(float64(r.Ascent*s.scale)))/s.scale
	s.printf(`<g transform="matrix(%s 0 0 %s %s %s)"%s>`, num4(k), num4(k), num(t.Line.Pos.X), num(base), fill(t.Color))
	for _, g := range r.Glyphs {
		id := s.glyphIDs[glyphRef{r.Faces[g.Face], g.ID}]
		if id == "" {
			continue
		}
		s.printf(`<use xlink:href="#%s" x="%s"`, id, num1(g.X/k))
		if g.Y != 0 {
			s.printf(` y="%s"`, num1(g.Y/k))
		}
		s.str("/>")
	}
	s.str("</g>\n")
	s.printf(`<text x="%s" y="%s" font-family="sans-serif" font-size="%s"`, num(t.Line.Pos.X), num(base), num(t.Line.Size))
	if t.Line.Bold {
		s.str(` font-weight="bold"`)
	}
	if r.Advance > 0 {
		s.printf(` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(r.Advance))
	}
	s.printf(` fill-opacity="0">%s</text>`+"\n", escape(t.Line.Text))
}

// paint is the fill and stroke attributes of a shape.
func paint(f, st color.NRGBA, width float32) string {
	out := ` fill="none"`
	if f.A != 0 {
		out = fill(f)
	}
	if st.A != 0 && width > 0 {
		out += ` stroke="` + hex(st) + `" stroke-width="` + num(width) + `"`
		if st.A != 0xff {
			out += ` stroke-opacity="` + num4(float32(st.A)/0xff) + `"`
		}
	}
	return out
}

func fill(c color.NRGBA) string {
	out := ` fill="` + hex(c) + `"`
	if c.A != 0xff {
		out += ` fill-opacity="` + num4(float32(c.A)/0xff) + `"`
	}
	return out
}

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
