package text

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"

	"github.com/go-text/typesetting/font/opentype/tables"

	"servicebp/blueprint/layout"
)

// The bundled fonts are static TrueType fonts. go-text parses every glyph
// of a font's glyf table when it loads the font, which is most of the
// cost of loading one, while shaping needs only each glyph's bounding box
// and an export draws a few dozen glyphs. So the bundled fonts are loaded
// for shaping from a view of the file whose glyf table holds the glyph
// boxes alone (and whose post table of glyph names is hidden), and glyf
// below decodes the outlines of just the glyphs drawn, straight from the
// embedded bytes, as go-text would (TestGlyfMatchesGoText compares every
// glyph, TestShapingWithoutOutlines the runs).

// shapingView returns a reader of font file data for shaping: its glyf
// table has each glyph's header (its bounding box) with no contours, and
// its post table is hidden. The other tables are read from data in place.
// g is the font's glyf.
func shapingView(data []byte, g *glyf) (*overlay, error) {
	dir, err := tableDirectory(data)
	if err != nil {
		return nil, err
	}
	short := binary.BigEndian.Uint16(dir["head"][50:]) == 0
	// Each drawn glyph becomes its 10-byte header with no contours and an
	// empty instruction array: 12 bytes.
	var boxes, loca []byte
	put := func(off int) {
		if short {
			loca = binary.BigEndian.AppendUint16(loca, uint16(off/2))
		} else {
			loca = binary.BigEndian.AppendUint32(loca, uint32(off))
		}
	}
	for gid := range g.nglyf {
		put(len(boxes))
		start, end := g.loca[gid], g.loca[gid+1]
		if start == end {
			continue
		}
		if end-start < 10 {
			return nil, errors.New("damaged glyf table")
		}
		boxes = append(boxes, 0, 0)
		boxes = append(boxes, g.glyf[start+2:start+10]...)
		boxes = append(boxes, 0, 0)
	}
	put(len(boxes))
	if short && len(boxes) > 0x1fffe {
		return nil, errors.New("glyph boxes overflow a short loca table")
	}
	o := &overlay{data: data, tailAt: int64(len(data)+3) &^ 3}
	n := int(binary.BigEndian.Uint16(data[4:])) // tableDirectory checked it
	o.head = bytes.Clone(data[:12+16*n])
	for i := range n {
		rec := o.head[12+16*i:]
		var tab []byte
		switch string(rec[:4]) {
		case "post":
			rec[0] = '_' // an unknown tag: not loaded
			continue
		case "glyf":
			tab = boxes
		case "loca":
			tab = loca
		default:
			continue
		}
		at := o.tailAt + int64(len(o.tail))
		binary.BigEndian.PutUint32(rec[8:], uint32(at))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(tab)))
		o.tail = append(o.tail, tab...)
		for len(o.tail)%4 != 0 {
			o.tail = append(o.tail, 0)
		}
	}
	return o, nil
}

// tableDirectory maps the tags of a single-font file to their tables.
func tableDirectory(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("font file too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("font table directory cut short")
	}
	tabs := make(map[string][]byte, n)
	for i := range n {
		rec := data[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(data)) {
			return nil, errors.New("font table out of the file")
		}
		tabs[string(rec[:4])] = data[off : off+size]
	}
	return tabs, nil
}

// overlay reads data with its first bytes replaced by head and tail
// appended at tailAt (zeros between): an opentype.Resource.
type overlay struct {
	head, data, tail []byte
	tailAt           int64
	off              int64
}

func (o *overlay) size() int64 { return o.tailAt + int64(len(o.tail)) }

func (o *overlay) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	n := 0
	for n < len(b) && off < o.size() {
		var k int
		switch {
		case off < int64(len(o.head)):
			k = copy(b[n:], o.head[off:])
		case off < int64(len(o.data)):
			k = copy(b[n:], o.data[off:])
		case off < o.tailAt:
			k = copy(b[n:], make([]byte, o.tailAt-off))
		default:
			k = copy(b[n:], o.tail[off-o.tailAt:])
		}
		n += k
		off += int64(k)
	}
	if n < len(b) {
		return n, io.EOF
	}
	return n, nil
}

func (o *overlay) Read(b []byte) (int, error) {
	n, err := o.ReadAt(b, o.off)
	o.off += int64(n)
	return n, err
}

func (o *overlay) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		offset += o.off
	case io.SeekEnd:
		offset += o.size()
	}
	if offset < 0 {
		return 0, errors.New("negative position")
	}
	o.off = offset
	return offset, nil
}

// glyf decodes glyph outlines from a static TrueType font's tables.
type glyf struct {
	glyf  []byte
	loca  []uint32
	lsb   []int16 // left side bearings by glyph, from hmtx
	nglyf int
}

// newGlyf reads the tables glyf needs from font file data. Fonts with
// variations are refused: their outlines need the deltas of gvar.
func newGlyf(data []byte) (*glyf, error) {
	tabs, err := tableDirectory(data)
	if err != nil {
		return nil, err
	}
	if _, ok := tabs["gvar"]; ok {
		return nil, errors.New("a variable font")
	}
	head, maxp, hhea, hmtx := tabs["head"], tabs["maxp"], tabs["hhea"], tabs["hmtx"]
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 || tabs["glyf"] == nil {
		return nil, errors.New("not a TrueType font")
	}
	ng := int(binary.BigEndian.Uint16(maxp[4:]))
	loca, err := tables.ParseLoca(tabs["loca"], ng, binary.BigEndian.Uint16(head[50:]) == 1)
	if err != nil {
		return nil, err
	}
	for i := 1; i < len(loca); i++ {
		if loca[i] < loca[i-1] || int(loca[i]) > len(tabs["glyf"]) {
			return nil, errors.New("damaged loca table")
		}
	}
	nm := int(binary.BigEndian.Uint16(hhea[34:]))
	if nm == 0 || nm > ng || len(hmtx) < 4*nm+2*(ng-nm) {
		return nil, errors.New("damaged hmtx table")
	}
	lsb := make([]int16, ng)
	for i := range ng {
		if i < nm {
			lsb[i] = int16(binary.BigEndian.Uint16(hmtx[4*i+2:]))
		} else {
			lsb[i] = int16(binary.BigEndian.Uint16(hmtx[4*nm+2*(i-nm):]))
		}
	}
	return &glyf{glyf: tabs["glyf"], loca: loca, lsb: lsb, nglyf: ng}, nil
}

// point is one contour point of a glyph, in font units, y up.
type point struct {
	x, y    float32
	on, end bool // on the curve; last of its contour
}

// maxNesting bounds composite glyphs, against malicious fonts.
const maxNesting = 20

// outline returns glyph gid's outline in units of the font size.
func (g *glyf) outline(gid uint32, upem float32) Outline {
	if int(gid) >= g.nglyf {
		return nil
	}
	var pts []point
	left, _ := g.points(tables.GlyphID(gid), 0, map[tables.GlyphID]bool{}, &pts)
	// As rasterisers do: shift by the left side bearing, so that the
	// glyph's xMin is its bearing.
	for i := range pts {
		pts[i].x -= left
	}
	return segments(pts, 1/upem)
}

// points appends glyph gid's contour points to out and returns its left
// phantom point's x (xMin minus the left side bearing), as go-text and
// HarfBuzz compute them for a font without variations; ok is false when
// the nesting is too deep.
func (g *glyf) points(gid tables.GlyphID, depth int, seen map[tables.GlyphID]bool, out *[]point) (left float32, ok bool) {
	if depth > maxNesting || int(gid) >= g.nglyf {
		return 0, false
	}
	start, end := g.loca[gid], g.loca[gid+1]
	if start == end {
		return -float32(g.lsb[gid]), true
	}
	gl, _, err := tables.ParseGlyph(g.glyf[start:end])
	if err != nil {
		return 0, true // drawn as nothing, as go-text does with a glyph it cannot parse
	}
	left = float32(gl.XMin - g.lsb[gid])
	switch data := gl.Data.(type) {
	case tables.SimpleGlyph:
		base := len(*out)
		for _, p := range data.Points {
			*out = append(*out, point{x: float32(p.X), y: float32(p.Y), on: p.Flag&1 != 0})
		}
		for _, e := range data.EndPtsOfContours {
			if int(e) < len(*out)-base {
				(*out)[base+int(e)].end = true
			}
		}
	case tables.CompositeGlyph:
		for _, part := range data.Glyphs {
			if seen[part.GlyphIndex] {
				continue
			}
			seen[part.GlyphIndex] = true
			var comp []point
			cl, ok := g.points(part.GlyphIndex, depth+1, seen, &comp)
			delete(seen, part.GlyphIndex)
			if !ok {
				return left, false
			}
			if part.HasUseMyMetrics() {
				left = cl
			}
			transform(&part, comp)
			if part.IsAnchored() {
				p1, p2 := part.ArgsAsIndices()
				if p1 < len(*out) && p2 < len(comp) {
					tx, ty := (*out)[p1].x-comp[p2].x, (*out)[p1].y-comp[p2].y
					for i := range comp {
						comp[i].x += tx
						comp[i].y += ty
					}
				}
			}
			*out = append(*out, comp...)
		}
	}
	return left, true
}

// transform applies a composite part's scale and offset to its points.
func transform(c *tables.CompositeGlyphPart, pts []point) {
	var tx, ty float32
	if !c.IsAnchored() {
		a1, a2 := c.ArgsAsTranslation()
		tx, ty = float32(a1), float32(a2)
	}
	m := c.Scale
	if tx == 0 && ty == 0 && m == [4]float32{1, 0, 0, 1} {
		return
	}
	scaled := c.IsScaledOffsets()
	for i := range pts {
		p := &pts[i]
		if scaled {
			p.x, p.y = p.x+tx, p.y+ty
		}
		p.x, p.y = p.x*m[0]+p.y*m[2], p.x*m[1]+p.y*m[3]
		if !scaled {
			p.x, p.y = p.x+tx, p.y+ty
		}
	}
}

// segments turns TrueType contour points (quadratic, with implied
// on-curve points between two off-curve ones) into an outline scaled by
// s, with y down.
func segments(pts []point, s float32) Outline {
	if len(pts) == 0 {
		return nil
	}
	out := make(Outline, 0, len(pts)+2)
	pt := func(p point) layout.Point { return layout.Point{X: p.x * s, Y: -p.y * s} }
	mid := func(a, b point) point { return point{x: (a.x + b.x) / 2, y: (a.y + b.y) / 2} }
	seg := func(op SegOp, ps ...point) {
		sg := Seg{Op: op}
		for i, p := range ps {
			sg.Pts[i] = pt(p)
		}
		out = append(out, sg)
	}
	var (
		haveFirstOn, haveFirstOff, haveLastOff bool
		firstOn, firstOff, lastOff             point
	)
	for _, p := range pts {
		switch {
		case !haveFirstOn:
			switch {
			case p.on:
				firstOn, haveFirstOn = p, true
				seg(MoveTo, p)
			case !haveFirstOff:
				firstOff, haveFirstOff = p, true
				if !p.end {
					continue
				}
			default:
				firstOn, haveFirstOn = mid(firstOff, p), true
				lastOff, haveLastOff = p, true
				seg(MoveTo, firstOn)
			}
		case !haveLastOff:
			if !p.on {
				lastOff, haveLastOff = p, true
				if !p.end {
					continue
				}
			} else {
				seg(LineTo, p)
			}
		default:
			if !p.on {
				seg(QuadTo, lastOff, mid(lastOff, p))
				lastOff = p
			} else {
				seg(QuadTo, lastOff, p)
				haveLastOff = false
			}
		}
		if p.end {
			switch {
			case !haveFirstOff && !haveLastOff:
				seg(LineTo, firstOn)
			case !haveFirstOff && haveLastOff:
				seg(QuadTo, lastOff, firstOn)
			case haveFirstOff && !haveLastOff:
				seg(QuadTo, firstOff, firstOn)
			default:
				seg(QuadTo, lastOff, mid(lastOff, firstOff))
				seg(QuadTo, firstOff, firstOn)
			}
			haveFirstOn, haveFirstOff, haveLastOff = false, false, false
		}
	}
	return out
}
