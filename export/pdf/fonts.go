package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"unicode"

	"servicebp/blueprint/draw"
	"servicebp/export/text"
)

// glyphRef is one glyph of one face.
type glyphRef struct {
	face string
	id   uint32
}

// glyphSlot is where a glyph lives in the document's fonts: subset number
// and character code, with its advance in units of the font size.
type glyphSlot struct {
	font  int
	code  uint8
	width float32
}

// subsetSize is the number of codes of a Type 3 font.
const subsetSize = 256

// subset is one Type 3 font: up to 256 glyphs of one face, coded in the
// order they are first drawn.
type subset struct {
	face   string
	glyphs []uint32  // glyph id by code
	widths []float32 // advance by code, in units of the font size
	text   []string  // the characters each code stands for, "" when none
}

// slotsOf returns the slot of every glyph of run r, which shapes s,
// giving a slot to the glyphs drawn for the first time.
func (d *doc) slotsOf(s string, r *draw.Run) []glyphSlot {
	out := make([]glyphSlot, len(r.Glyphs))
	for i, g := range r.Glyphs {
		face := ""
		if int(g.Face) < len(r.Faces) {
			face = r.Faces[g.Face]
		}
		ref := glyphRef{face, g.ID}
		chars := clusterText(s, r, i)
		sl, ok := d.glyphs[ref]
		if !ok {
			sl = d.add(ref)
		}
		if sub := d.fonts[sl.font]; sub.text[sl.code] == "" {
			sub.text[sl.code] = chars
		}
		out[i] = sl
	}
	return out
}

// add gives glyph ref a code in the last subset of its face, or in a new
// subset when that one is full.
func (d *doc) add(ref glyphRef) glyphSlot {
	if d.faces == nil {
		d.faces = map[string][]*subset{}
	}
	subs := d.faces[ref.face]
	var sub *subset
	n := 0
	if len(subs) > 0 && len(subs[len(subs)-1].glyphs) < subsetSize {
		sub = subs[len(subs)-1]
		for i, f := range d.fonts {
			if f == sub {
				n = i
			}
		}
	} else {
		sub = &subset{face: ref.face}
		n = len(d.fonts)
		d.fonts = append(d.fonts, sub)
		d.faces[ref.face] = append(subs, sub)
	}
	sl := glyphSlot{font: n, code: uint8(len(sub.glyphs)), width: d.eng.Advance(ref.face, ref.id)}
	sub.glyphs = append(sub.glyphs, ref.id)
	sub.widths = append(sub.widths, sl.width)
	sub.text = append(sub.text, "")
	d.glyphs[ref] = sl
	return sl
}

// clusterText is the part of s that glyph i of r draws: its cluster's
// characters for the first glyph of a cluster, "" for the others.
func clusterText(s string, r *draw.Run, i int) string {
	c := r.Glyphs[i].Cluster
	if c < 0 || c >= len(s) {
		return ""
	}
	if i > 0 && r.Glyphs[i-1].Cluster == c {
		return ""
	}
	end := len(s)
	for j := i + 1; j < len(r.Glyphs); j++ {
		if n := r.Glyphs[j].Cluster; n > c {
			end = min(n, len(s))
			break
		}
	}
	return s[c:end]
}

// baseName is the font's PDF name: a subset tag derived from the glyphs
// it holds, "+", and the face's name.
func (sub *subset) baseName() string {
	h := sha256.New()
	h.Write([]byte(sub.face))
	var b [4]byte
	for _, g := range sub.glyphs {
		binary.BigEndian.PutUint32(b[:], g)
		h.Write(b[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag) + "+" + faceName(sub.face)
}

// faceName turns an engine face name ("NotoSans-Bold", "user:x.ttf",
// "/usr/share/fonts/…/NotoSansCJK-Regular.ttc#2") into a PDF name.
func faceName(face string) string {
	face = strings.TrimPrefix(face, "user:")
	idx := ""
	if i := strings.LastIndexByte(face, '#'); i >= 0 {
		idx, face = face[i+1:], face[:i]
	}
	face = filepath.Base(face)
	face = strings.TrimSuffix(face, filepath.Ext(face))
	if idx != "" && idx != "0" {
		face += "-" + idx
	}
	out := strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return r
		}
		return -1
	}, face)
	if out == "" {
		return "Font"
	}
	return out
}

// glyphProc is the Type 3 glyph procedure of glyph id of face: its
// advance and box (d1, so that it takes the text's colour) and its
// outline, in a 1000-unit em with y growing upwards.
func glyphProc(eng *text.Engine, face string, id uint32, width float32) (proc []byte, box [4]float64) {
	o := eng.Outline(face, id)
	var b strings.Builder
	box = [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	pt := func(x, y float32) (float32, float32) {
		px, py := x*1000, -y*1000
		box[0], box[1] = math.Min(box[0], float64(px)), math.Min(box[1], float64(py))
		box[2], box[3] = math.Max(box[2], float64(px)), math.Max(box[3], float64(py))
		return px, py
	}
	var cur struct{ x, y float32 }
	open := false
	for _, sg := range o {
		switch sg.Op {
		case text.MoveTo:
			if open {
				b.WriteString("h\n")
			}
			x, y := pt(sg.Pts[0].X, sg.Pts[0].Y)
			fmt.Fprintf(&b, "%s %s m\n", num1(x), num1(y))
			cur.x, cur.y, open = x, y, true
		case text.LineTo:
			x, y := pt(sg.Pts[0].X, sg.Pts[0].Y)
			fmt.Fprintf(&b, "%s %s l\n", num1(x), num1(y))
			cur.x, cur.y = x, y
		case text.QuadTo:
			qx, qy := pt(sg.Pts[0].X, sg.Pts[0].Y)
			x, y := pt(sg.Pts[1].X, sg.Pts[1].Y)
			// The quadratic as a cubic.
			c1x, c1y := cur.x+2*(qx-cur.x)/3, cur.y+2*(qy-cur.y)/3
			c2x, c2y := x+2*(qx-x)/3, y+2*(qy-y)/3
			fmt.Fprintf(&b, "%s %s %s %s %s %s c\n", num1(c1x), num1(c1y), num1(c2x), num1(c2y), num1(x), num1(y))
			cur.x, cur.y = x, y
		case text.CubeTo:
			x1, y1 := pt(sg.Pts[0].X, sg.Pts[0].Y)
			x2, y2 := pt(sg.Pts[1].X, sg.Pts[1].Y)
			x, y := pt(sg.Pts[2].X, sg.Pts[2].Y)
			fmt.Fprintf(&b, "%s %s %s %s %s %s c\n", num1(x1), num1(y1), num1(x2), num1(y2), num1(x), num1(y))
			cur.x, cur.y = x, y
		}
	}
	if open {
		b.WriteString("h f\n")
	}
	if len(o) == 0 {
		box = [4]float64{}
	} else {
		box = [4]float64{math.Floor(box[0]), math.Floor(box[1]), math.Ceil(box[2]), math.Ceil(box[3])}
	}
	head := fmt.Sprintf("%s 0 %s %s %s %s d1\n", num1(width*1000), fbox(box[0]), fbox(box[1]), fbox(box[2]), fbox(box[3]))
	return []byte(head + b.String()), box
}

func fbox(v float64) string { return num(float32(v)) }

// toUnicode is the /ToUnicode CMap of sub: every code that stands for
// characters, mapped to them.
func (sub *subset) toUnicode() []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<00> <ff>\nendcodespacerange\n")
	var lines []string
	for code, s := range sub.text {
		if s == "" {
			continue
		}
		var u strings.Builder
		for _, r := range s {
			if r > 0xffff {
				r -= 0x10000
				fmt.Fprintf(&u, "%04X%04X", 0xd800+(r>>10), 0xdc00+(r&0x3ff))
			} else {
				fmt.Fprintf(&u, "%04X", r)
			}
		}
		lines = append(lines, fmt.Sprintf("<%02X> <%s>\n", code, u.String()))
	}
	for len(lines) > 0 {
		n := min(len(lines), 100) // a bfchar block holds at most 100 entries
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, l := range lines[:n] {
			b.WriteString(l)
		}
		b.WriteString("endbfchar\n")
		lines = lines[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
