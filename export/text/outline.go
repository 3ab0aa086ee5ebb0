package text

import (
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
)

// SegOp is the kind of one outline segment.
type SegOp uint8

// The segment kinds; a segment has 1, 1, 2 or 3 points.
const (
	MoveTo SegOp = iota
	LineTo
	QuadTo
	CubeTo
)

// Seg is one segment of a glyph outline.
type Seg struct {
	Op  SegOp
	Pts [3]layout.Point
}

// Outline is a glyph's contours in units of the font size (multiply by the
// size to get world units), relative to the pen position on the baseline,
// with y growing downwards like the rest of the picture. Contours are
// closed implicitly; fill them with the non-zero rule.
type Outline []Seg

// N is the number of points segment s uses.
func (s Seg) N() int {
	switch s.Op {
	case QuadTo:
		return 2
	case CubeTo:
		return 3
	}
	return 1
}

// Outline returns the outline of glyph id of the named face (a name from
// a Run's Faces). It is empty for a blank glyph, an unknown face, or a
// glyph drawn as a bitmap or in colour only.
func (e *Engine) Outline(faceName string, id uint32) Outline {
	e.mu.Lock()
	defer e.mu.Unlock()
	k := glyphKey{faceName, id}
	if o, ok := e.outlines[k]; ok {
		return o
	}
	var out Outline
	if fc := e.byName[faceName]; fc != nil && fc.glyf != nil {
		out = fc.glyf.outline(id, fc.upem)
	} else if fc != nil {
		if g, ok := fc.face.GlyphData(font.GID(id)).(font.GlyphOutline); ok {
			s := 1 / fc.upem
			out = make(Outline, len(g.Segments))
			for i, sg := range g.Segments {
				out[i].Op = SegOp(sg.Op)
				for j, p := range sg.ArgsSlice() {
					out[i].Pts[j] = layout.Point{X: p.X * s, Y: -p.Y * s}
				}
			}
		}
	}
	e.outlines[k] = out
	return out
}

// GlyphOutline is the outline of glyph g of run r.
func (e *Engine) GlyphOutline(r *draw.Run, g draw.Glyph) Outline {
	if int(g.Face) >= len(r.Faces) {
		return nil
	}
	return e.Outline(r.Faces[g.Face], g.ID)
}

// The segment kinds mirror go-text's.
var _ = [1]struct{}{}[int(ot.SegmentOpCubeTo)-int(CubeTo)]

// Advance returns the horizontal advance of glyph id of the named face, in
// units of the font size, or 0 for an unknown face.
func (e *Engine) Advance(faceName string, id uint32) float32 {
	e.mu.Lock()
	defer e.mu.Unlock()
	fc := e.byName[faceName]
	if fc == nil {
		return 0
	}
	return fc.face.HorizontalAdvance(font.GID(id)) / fc.upem
}
