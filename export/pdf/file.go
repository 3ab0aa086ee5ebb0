package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
)

// compression is the fixed zlib level of every stream: a fixed level (and
// Go's deterministic compressor) keeps the bytes the same on every run.
const compression = zlib.BestSpeed

// file assembles the objects of a PDF file and its cross-reference table.
type file struct {
	b    bytes.Buffer
	offs []int        // byte offset of object n+1
	zw   *zlib.Writer // reused: a compressor costs a megabyte to make
	z    bytes.Buffer
}

// reserve returns the number of a new object, to be written later.
func (f *file) reserve() int {
	f.offs = append(f.offs, -1)
	return len(f.offs)
}

// obj writes object n with the dictionary or value body.
func (f *file) obj(n int, body string) {
	f.offs[n-1] = f.b.Len()
	fmt.Fprintf(&f.b, "%d 0 obj\n%s\nendobj\n", n, body)
}

// stream writes object n as a Flate-compressed stream of data, with the
// extra dictionary entries dict.
func (f *file) stream(n int, dict string, data []byte) error {
	z := &f.z
	z.Reset()
	if f.zw == nil {
		zw, err := zlib.NewWriterLevel(z, compression)
		if err != nil {
			return err
		}
		f.zw = zw
	} else {
		f.zw.Reset(z)
	}
	zw := f.zw
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	f.offs[n-1] = f.b.Len()
	fmt.Fprintf(&f.b, "%d 0 obj\n<< /Length %d /Filter /FlateDecode%s >>\nstream\n", n, z.Len(), dict)
	f.b.Write(z.Bytes())
	f.b.WriteString("\nendstream\nendobj\n")
	return nil
}

// raw writes object n as a stream of data as it is (already encoded, as
// a JPEG is for /DCTDecode), with the dictionary dict.
func (f *file) raw(n int, dict string, data []byte) {
	f.offs[n-1] = f.b.Len()
	fmt.Fprintf(&f.b, "%d 0 obj\n%s\nstream\n", n, dict)
	f.b.Write(data)
	f.b.WriteString("\nendstream\nendobj\n")
}

// Finish writes the document: the catalog, the page tree, one resource
// dictionary shared by every page (fonts and graphics states), the fonts
// with their glyph procedures and Unicode maps, the Info dictionary, and
// the cross-reference table, with an /ID derived from the content.
func (d *doc) Finish(w io.Writer, info Info) error {
	if len(d.pages) == 0 {
		return fmt.Errorf("pdf: no pages")
	}
	f := &file{}
	f.b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	catalog, pages, res, inf := f.reserve(), f.reserve(), f.reserve(), f.reserve()
	f.obj(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))

	var kids []string
	for _, pg := range d.pages {
		pn, cn := f.reserve(), f.reserve()
		kids = append(kids, fmt.Sprintf("%d 0 R", pn))
		f.obj(pn, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %d 0 R /Contents %d 0 R >>",
			pages, num(pg.w), num(pg.h), res, cn))
		if err := f.stream(cn, "", pg.content); err != nil {
			return err
		}
	}
	f.obj(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(d.pages)))

	var fonts []string
	for i, sub := range d.fonts {
		n, err := d.writeFont(f, sub)
		if err != nil {
			return err
		}
		fonts = append(fonts, fmt.Sprintf("/F%d %d 0 R", i+1, n))
	}
	var states []string
	for i, a := range d.order {
		states = append(states, fmt.Sprintf("/GS%d << /Type /ExtGState /ca %s /CA %s >>", i+1, num4(float32(a.fill)/0xff), num4(float32(a.stroke)/0xff)))
	}
	xobj, err := d.writeImages(f)
	if err != nil {
		return err
	}
	procs := "/PDF /Text"
	if len(xobj) > 0 {
		procs += " /ImageC"
	}
	f.obj(res, fmt.Sprintf("<< /ProcSet [%s] /Font << %s >> /ExtGState << %s >>%s >>", procs, strings.Join(fonts, " "), strings.Join(states, " "), xobjects(xobj)))

	infoDict := "<< /Producer (servicebp)"
	if info.Title != "" {
		infoDict += " /Title " + textString(info.Title)
	}
	if info.Created != nil {
		t := info.Created.UTC().Format("20060102150405")
		infoDict += " /CreationDate (D:" + t + "Z) /ModDate (D:" + t + "Z)"
	}
	f.obj(inf, infoDict+" >>")

	sum := sha256.Sum256(f.b.Bytes())
	id := fmt.Sprintf("<%x>", sum[:16])
	xref := f.b.Len()
	fmt.Fprintf(&f.b, "xref\n0 %d\n0000000000 65535 f \n", len(f.offs)+1)
	for _, o := range f.offs {
		fmt.Fprintf(&f.b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&f.b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [%s %s] >>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offs)+1, catalog, inf, id, id, xref)
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(f.b.Bytes()); err != nil {
		return err
	}
	return bw.Flush()
}

// writeFont writes the Type 3 font of sub and returns its object number.
func (d *doc) writeFont(f *file, sub *subset) (int, error) {
	n := f.reserve()
	procs := make([]string, len(sub.glyphs))
	diffs := make([]string, len(sub.glyphs))
	widths := make([]string, len(sub.glyphs))
	bbox := [4]float64{}
	for code, g := range sub.glyphs {
		proc, box := glyphProc(d.eng, sub.face, g, sub.widths[code])
		pn := f.reserve()
		if err := f.stream(pn, "", proc); err != nil {
			return 0, err
		}
		procs[code] = fmt.Sprintf("/g%d %d 0 R", code, pn)
		diffs[code] = fmt.Sprintf("/g%d", code)
		widths[code] = num1(sub.widths[code] * 1000)
		if box != [4]float64{} {
			if bbox == [4]float64{} {
				bbox = box
			}
			bbox = [4]float64{math.Min(bbox[0], box[0]), math.Min(bbox[1], box[1]), math.Max(bbox[2], box[2]), math.Max(bbox[3], box[3])}
		}
	}
	tu := f.reserve()
	if err := f.stream(tu, "", sub.toUnicode()); err != nil {
		return 0, err
	}
	name := sub.baseName()
	f.obj(n, fmt.Sprintf("<< /Type /Font /Subtype /Type3 /BaseFont /%s /FontBBox [%s %s %s %s] /FontMatrix [0.001 0 0 0.001 0 0]"+
		" /CharProcs << %s >> /Encoding << /Type /Encoding /Differences [0 %s] >> /FirstChar 0 /LastChar %d /Widths [%s]"+
		" /ToUnicode %d 0 R /Resources << >> >>",
		name, fbox(bbox[0]), fbox(bbox[1]), fbox(bbox[2]), fbox(bbox[3]),
		strings.Join(procs, " "), strings.Join(diffs, " "), len(sub.glyphs)-1, strings.Join(widths, " "), tu))
	return n, nil
}

// textString is s as a PDF text string: UTF-16BE with a byte-order mark,
// in hex, so that any character is kept.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// num formats a coordinate with at most 3 decimals: fixed, so that the
// output is the same on every run and machine, and never "-0".
func num(v float32) string { return round(v, 1000) }

// num1 formats a glyph-space coordinate with at most 1 decimal.
func num1(v float32) string { return round(v, 10) }

// num4 formats a scale, a colour component or an alpha with at most 4
// decimals.
func num4(v float32) string { return round(v, 10000) }

// round formats v rounded to a multiple of 1/k (k a power of ten) with
// no trailing zeros: fixed-point integer formatting, which is several
// times faster than strconv's float formatting and gives the same text.
func round(v float32, k int64) string {
	f := math.Round(float64(v) * float64(k))
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e15 {
		return "0"
	}
	n := int64(f)
	var buf [32]byte
	b := buf[:0]
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/k, 10)
	if frac := n % k; frac != 0 {
		b = append(b, '.')
		for d := k / 10; d > 0 && frac != 0; d /= 10 {
			b = append(b, byte('0'+frac/d))
			frac %= d
		}
	}
	return string(b)
}
