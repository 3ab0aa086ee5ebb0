package export

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/export/pdf"
)

// PDF renders d as a one-page vector PDF: the same picture as the PNG,
// one point per layout unit (scaled down when a side would pass
// MaxPageSide), with text as real, selectable text in embedded subset
// fonts. Options.Poster makes a poster instead: the blueprint fitted to
// one sheet, or tiled over several.
func PDF(d *blueprint.Document, opt Options) ([]byte, error) {
	info, err := pdfInfo(d)
	if err != nil {
		return nil, err
	}
	l := Layout(d, opt)
	if opt.Poster != nil {
		return posterPDF(l, d, opt, info)
	}
	eng, err := engineFor(opt.Font, opt.Lang)
	if err != nil {
		return nil, err
	}
	dl, err := List(l, opt)
	if err != nil {
		return nil, err
	}
	scale := PDFScale(l)
	w := pdf.New(eng)
	page := pdf.Page{Width: dl.Width * scale, Height: dl.Height * scale, Layers: []pdf.Layer{{List: dl, Scale: scale, Pictures: opt.Images}}}
	if err := w.AddPage(page); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := w.Finish(&buf, info); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// MaxPageSide is the largest side of a PDF page, in points (200 inches,
// the limit of Acrobat and of PDF 1.7's implementation notes).
const MaxPageSide = 14400

// PDFScale is the points per layout unit of a one-page PDF of l: 1, or
// less when that would make a side longer than MaxPageSide.
func PDFScale(l *layout.Layout) float32 {
	s := float32(1)
	if side := max(l.Width, l.Height); side > MaxPageSide {
		s = MaxPageSide / side
	}
	return s
}

// pdfInfo is the Info dictionary of d's PDF: its title, and the time of
// SOURCE_DATE_EPOCH (seconds since 1970, UTC) when it is set.
func pdfInfo(d *blueprint.Document) (pdf.Info, error) {
	info := pdf.Info{Title: d.Title}
	t, ok, err := sourceDate()
	if ok {
		info.Created = &t
	}
	return info, err
}

// sourceDate reads SOURCE_DATE_EPOCH (reproducible-builds.org): the
// creation time of reproducible output. An unset or malformed value means
// no date; a malformed one is an error, as the specification asks.
func sourceDate() (time.Time, bool, error) {
	v := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH"))
	if v == "" {
		return time.Time{}, false, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 || n > 253402300799 {
		return time.Time{}, false, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds since 1970", v)
	}
	return time.Unix(n, 0).UTC(), true, nil
}
