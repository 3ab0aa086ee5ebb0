package export

import (
	"encoding/binary"
	"image"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint/layout"
	"servicebp/canvas"
)

// bandHeight is the height in pixels of the horizontal bands the image is
// finished in, top to bottom. A finished band can be encoded while the
// next one is drawn.
var bandHeight = 256

// piecePad is how far, in pixels, a piece's canvas reaches past its
// bounds, for anti-aliasing.
const piecePad = 1

// pieceRenderer paints the scene of a layout (without its backdrop) into
// an image. Each piece of the scene (a card's body, a line of text, a
// badge, a flow segment) is painted by Fyne's software canvas on a canvas
// just the size of the piece, and laid over the image in drawing order;
// equal pieces, such as the bodies of cards of one size, are painted once.
// Painting one canvas the size of the whole image would cost time for
// every pixel, empty or not: the software canvas composes its whole area
// twice per capture.
//
// Fyne's caches are not safe for concurrent use, so the pieces are painted
// one after the other.
type pieceRenderer struct {
	scale  float32
	c      test.WindowlessCanvas
	pieces []pieceKey        // each piece, placed in its own canvas
	rects  []image.Rectangle // pixel rectangle of each piece, clipped
	imgs   []*image.NRGBA    // painted pieces still needed by later bands
	uses   map[pieceKey]int  // how many pieces still to lay have each key
	cache  map[pieceKey]*image.NRGBA
}

// pieceKey is a piece moved to the origin of its canvas, with the
// canvas's pixel size: pieces with equal keys paint the same image.
type pieceKey struct {
	p    canvas.Piece
	w, h int
}

// newPieceRenderer prepares the pieces of l's scene for an image of the
// given bounds.
func newPieceRenderer(l *layout.Layout, pal canvas.Palette, scale float32, bounds image.Rectangle) *pieceRenderer {
	sc := canvas.NewScene(pal)
	sc.SetBackdrop(false)
	sc.Update(l)
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetScale(scale)
	pieces := sc.Pieces()
	r := &pieceRenderer{scale: scale, c: c,
		pieces: make([]pieceKey, len(pieces)),
		rects:  make([]image.Rectangle, len(pieces)),
		imgs:   make([]*image.NRGBA, len(pieces)),
		uses:   make(map[pieceKey]int, len(pieces)),
		cache:  make(map[pieceKey]*image.NRGBA),
	}
	aligned := alignedScale(scale)
	for i, p := range pieces {
		if aligned {
			// Each piece can start on a whole unit and pixel of its own,
			// and rounds exactly as in the whole scene: no need to share
			// its card's origin, which makes canvases larger and equal
			// badges of different cards unequal.
			p.Anchor = layout.Point{X: p.Bounds.X, Y: p.Bounds.Y}
		}
		pr := pieceRect(p, scale).Intersect(bounds)
		k := pieceKey{p.Translate(-float32(pr.Min.X)/scale, -float32(pr.Min.Y)/scale), pr.Dx(), pr.Dy()}
		r.rects[i], r.pieces[i] = pr, k
		if !pr.Empty() {
			r.uses[k]++
		}
	}
	return r
}

// paintBand lays the pieces, in drawing order, over dst: a band of rows
// of the image, which its bounds locate. A piece is painted once, when the
// first band reaches it, and kept until its last band is done.
func (r *pieceRenderer) paintBand(dst *image.NRGBA) {
	band := dst.Bounds()
	for i, pr := range r.rects {
		if pr.Empty() || !pr.Overlaps(band) {
			continue
		}
		img := r.imgs[i]
		if img == nil {
			img = r.image(r.pieces[i])
			r.imgs[i] = img
		}
		if img != nil {
			over(dst, pr.Intersect(band), img, pr.Min)
		}
		if pr.Max.Y <= band.Max.Y {
			r.imgs[i] = nil
		}
	}
}

// done releases the canvas.
func (r *pieceRenderer) done() { r.c.SetContent(nil) }

// image returns the painted image of the piece k, painting it unless an
// equal piece was painted before and kept for it.
func (r *pieceRenderer) image(k pieceKey) *image.NRGBA {
	img, ok := r.cache[k]
	if !ok {
		r.c.SetContent(k.p.Object())
		r.c.Resize(fyne.NewSize(float32(k.w)/r.scale, float32(k.h)/r.scale))
		img, _ = r.c.Capture().(*image.NRGBA)
	}
	r.uses[k]--
	switch {
	case r.uses[k] <= 0:
		delete(r.cache, k)
		delete(r.uses, k)
	case !ok:
		r.cache[k] = img
	}
	return img
}

// pieceRect is the pixel rectangle of the canvas for piece p at scale:
// from its anchor to its bounds' far corner, and piecePad more on each
// side.
func pieceRect(p canvas.Piece, scale float32) image.Rectangle {
	r := p.Bounds
	return image.Rect(pieceStart(p.Anchor.X, scale), pieceStart(p.Anchor.Y, scale),
		int(math.Ceil(float64(r.Right()*scale)))+piecePad, int(math.Ceil(float64(r.Bottom()*scale)))+piecePad)
}

// alignedScale reports whether, at scale, a whole world unit falls on a
// whole pixel at least every eighth unit (1, 2, 1.5, 1.25, 0.25 …), so
// that pieceStart always finds such an origin.
func alignedScale(scale float32) bool {
	s := float64(scale)
	for q := 1.0; q <= 8; q++ {
		if px := q * s; px == math.Trunc(px) {
			return true
		}
	}
	return false
}

// pieceStart is the pixel where a piece's canvas starts for a piece
// starting at world coordinate v: piecePad pixels or more before v, and
// where the scale allows (1, 2, 1.5, 1.25, …) at a whole world unit on a
// whole pixel. Moving a piece by whole units changes none of its float32
// coordinates' rounding, so it paints as it would in the whole scene.
func pieceStart(v, scale float32) int {
	n := int(math.Floor(float64(v*scale))) - piecePad
	s := float64(scale)
	o := math.Floor(float64(n) / s)
	for k := range 8 {
		if px := (o - float64(k)) * s; px == math.Trunc(px) {
			return int(px)
		}
	}
	return n
}

// over lays the part of src (non-premultiplied, its top-left corner at
// at) that falls in rectangle r over dst.
func over(dst *image.NRGBA, r image.Rectangle, src *image.NRGBA, at image.Point) {
	sb := src.Bounds()
	r = r.Intersect(dst.Bounds()).Intersect(sb.Sub(sb.Min).Add(at))
	if r.Empty() {
		return
	}
	n := 4 * r.Dx()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		d := dst.Pix[dst.PixOffset(r.Min.X, y):][:n]
		s := src.Pix[src.PixOffset(sb.Min.X+r.Min.X-at.X, sb.Min.Y+y-at.Y):][:n]
		// Two pixels at a time: most pixels of a piece are either
		// transparent (around text) or opaque (card bodies).
		const alphas = 0xff000000_ff000000
		for ; len(s) >= 8 && len(d) >= 8; d, s = d[8:], s[8:] {
			switch v := binary.LittleEndian.Uint64(s); v & alphas {
			case 0:
			case alphas:
				binary.LittleEndian.PutUint64(d, v)
			default:
				overPixel(d[:4], s[:4])
				overPixel(d[4:8], s[4:8])
			}
		}
		if len(s) >= 4 && len(d) >= 4 {
			overPixel(d[:4], s[:4])
		}
	}
}

// overPixel lays the pixel s over the pixel d, both non-premultiplied.
func overPixel(d, s []uint8) {
	d, s = d[:4], s[:4]
	switch sa := uint32(s[3]); {
	case sa == 0:
	case sa == 0xff || d[3] == 0:
		d[0], d[1], d[2], d[3] = s[0], s[1], s[2], s[3]
	case d[3] == 0xff:
		// Over an opaque pixel (text on a card): the result is opaque,
		// and the division is by a constant.
		da := 0xff - sa
		d[0] = uint8((uint32(s[0])*sa + uint32(d[0])*da + 0x7f) / 0xff)
		d[1] = uint8((uint32(s[1])*sa + uint32(d[1])*da + 0x7f) / 0xff)
		d[2] = uint8((uint32(s[2])*sa + uint32(d[2])*da + 0x7f) / 0xff)
	default:
		compose(d, s[0], s[1], s[2], sa, d[0], d[1], d[2], uint32(d[3]))
	}
}

// compose sets the pixel p to the colour t with alpha ta laid over the
// colour b with alpha ba (alphas 0–255, colours non-premultiplied).
func compose(p []uint8, tr, tg, tb uint8, ta uint32, br, bg, bb uint8, ba uint32) {
	ba = ba * (0xff - ta) / 0xff // what shows of b through t
	oa := ta + ba
	if oa == 0 {
		return
	}
	p[0] = uint8((uint32(tr)*ta + uint32(br)*ba + oa/2) / oa)
	p[1] = uint8((uint32(tg)*ta + uint32(bg)*ba + oa/2) / oa)
	p[2] = uint8((uint32(tb)*ta + uint32(bb)*ba + oa/2) / oa)
	p[3] = uint8(oa)
}
