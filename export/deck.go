package export

import (
	"bytes"
	"fmt"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/export/pdf"
)

// DeckPointsPerPixel maps slide pixels to PDF points: a 1920 × 1080
// slide is a 960 × 540 pt page (13.33 × 7.5 in, the 16:9 size of
// presentation programs).
const DeckPointsPerPixel = 0.5

// DeckPDF renders the slide deck of d (the overview, then one slide per
// phase, as WriteSlides draws them) as one PDF, a 16:9 page per slide,
// and ends it with the parking lot: a page listing the questions, ideas
// and actions, when d has any (more pages when they do not fit on one).
func DeckPDF(d *blueprint.Document, opt Options) ([]byte, error) {
	info, err := pdfInfo(d)
	if err != nil {
		return nil, err
	}
	eng, err := engineFor(opt.Font, opt.Lang)
	if err != nil {
		return nil, err
	}
	w := pdf.New(eng)
	for _, s := range SlideDeck(d) {
		sp, err := slidePicture(d, s, opt)
		if err != nil {
			return nil, err
		}
		k := float32(DeckPointsPerPixel)
		pw, ph := float32(sp.w)*k, float32(sp.h)*k
		page := pdf.Page{Width: pw, Height: ph}
		if !opt.Transparent && sp.bg.A != 0 {
			bg := &draw.List{Width: pw, Height: ph, Groups: []*draw.Group{{Elem: draw.Element{Kind: draw.ElemBackdrop},
				Items: []draw.Item{&draw.Rect{R: layout.Rect{W: pw, H: ph}, Fill: sp.bg}}}}}
			page.Layers = append(page.Layers, pdf.Layer{List: bg})
		}
		page.Layers = append(page.Layers, pdf.Layer{List: sp.list, Scale: sp.zoom * k, Offset: layout.Point{X: sp.off.X * k, Y: sp.off.Y * k}, Pictures: opt.Images})
		if err := w.AddPage(page); err != nil {
			return nil, err
		}
	}
	sw, sh, err := SlideSize(opt)
	if err != nil {
		return nil, err
	}
	pal := palette(opt)
	k := float32(DeckPointsPerPixel)
	for _, list := range questionPages(d, opt.Lang, sw, sh, &pal, eng.Measure()) {
		eng.ShapeList(list)
		pw, ph := float32(sw)*k, float32(sh)*k
		page := pdf.Page{Width: pw, Height: ph}
		if !opt.Transparent && pal.Background.A != 0 {
			bg := &draw.List{Width: pw, Height: ph, Groups: []*draw.Group{{Elem: draw.Element{Kind: draw.ElemBackdrop},
				Items: []draw.Item{&draw.Rect{R: layout.Rect{W: pw, H: ph}, Fill: pal.Background}}}}}
			page.Layers = append(page.Layers, pdf.Layer{List: bg})
		}
		page.Layers = append(page.Layers, pdf.Layer{List: list, Scale: k})
		if err := w.AddPage(page); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := w.Finish(&buf, info); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// WriteDeckPDF writes the PDF slide deck of d to path, atomically.
func WriteDeckPDF(path string, d *blueprint.Document, opt Options) error {
	if _, _, err := SlideSize(opt); err != nil {
		return err
	}
	data, err := DeckPDF(d, opt)
	if err != nil {
		return err
	}
	return writeFile(path, data, 0o644)
}
