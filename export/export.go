// Package export renders blueprints to PNG images offscreen, with Fyne's
// software painter and the same layout and scene as the editor, so that an
// exported image looks like the screen. It needs no display.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/canvas"
)

// Scale limits and default.
const (
	MinScale     = 0.25
	MaxScale     = 8
	DefaultScale = 2
)

// Size limits of an output image, checked before anything is allocated.
const (
	MaxSide   = 16384
	MaxPixels = 268_000_000
)

// ErrTooLarge is wrapped by the error of an image over MaxSide or
// MaxPixels.
var ErrTooLarge = errors.New("image too large")

// Options say how to render.
type Options struct {
	// Scale multiplies the layout size; 0 means DefaultScale.
	Scale float32
	// Width, when > 0, overrides Scale with the scale that makes the image
	// that many pixels wide.
	Width int
	// Palette colours the drawing; the zero value means the light palette.
	Palette canvas.Palette
	// Transparent leaves the background transparent.
	Transparent bool
	// Font, when not nil, draws all text (a .ttf or .otf resource), with
	// Fyne's bundled font and then the system fonts as fallbacks for the
	// characters it lacks. It is installed as the current app's theme font
	// (see UseFont), so set it only in headless use. Nil keeps the theme's
	// fonts.
	Font fyne.Resource
	// Style overrides the layout style; nil means layout.DefaultStyle with
	// legend words in the document's language.
	Style *layout.Style
}

// Layout computes the layout of d as Render draws it.
func Layout(d *blueprint.Document, opt Options) *layout.Layout {
	st := layout.DefaultStyle()
	if opt.Style != nil {
		st = *opt.Style
	} else {
		st.Labels = layout.LabelsFor(d)
	}
	UseFont(opt.Font)
	return layout.Compute(d, st, canvas.Measure(nil))
}

// PickScale returns the scale for opt and a layout of width w: Width / w
// when Width is set, else Scale (DefaultScale when 0). It refuses scales
// outside MinScale–MaxScale.
func PickScale(opt Options, w float32) (float32, error) {
	s := opt.Scale
	if opt.Width > 0 {
		if w <= 0 {
			return 0, fmt.Errorf("the blueprint has no width")
		}
		s = float32(opt.Width) / w
		// Rounding must not make the image one pixel wider than asked.
		for s > 0 && math.Ceil(float64(w*s)) > float64(opt.Width) {
			s = math.Nextafter32(s, 0)
		}
	} else if s == 0 {
		s = DefaultScale
	}
	if s < MinScale || s > MaxScale || math.IsNaN(float64(s)) {
		if opt.Width > 0 {
			return 0, fmt.Errorf("width %d px needs scale %.3g, outside %g–%g (the blueprint is %g units wide)", opt.Width, s, float32(MinScale), float32(MaxScale), w)
		}
		return 0, fmt.Errorf("scale %g is outside %g–%g", s, float32(MinScale), float32(MaxScale))
	}
	return s, nil
}

// PixelSize is the size in pixels of layout l drawn at scale, refused with
// ErrTooLarge over the limits.
func PixelSize(l *layout.Layout, scale float32) (w, h int, err error) {
	fw := math.Ceil(float64(l.Width * scale))
	fh := math.Ceil(float64(l.Height * scale))
	if fw > MaxSide || fh > MaxSide || fw*fh > MaxPixels {
		return 0, 0, fmt.Errorf("%w: %.0f × %.0f px at scale %g (limits: %d px a side, %d Mpx); use a smaller --scale or --width", ErrTooLarge, fw, fh, scale, MaxSide, MaxPixels/1_000_000)
	}
	return int(fw), int(fh), nil
}

// Render draws d offscreen and returns the image.
func Render(d *blueprint.Document, opt Options) (image.Image, error) {
	return RenderLayout(Layout(d, opt), opt)
}

// RenderLayout draws a computed layout offscreen. It checks the size
// before allocating the image.
func RenderLayout(l *layout.Layout, opt Options) (image.Image, error) {
	var out *image.NRGBA
	err := renderLayout(l, opt, bands{
		next: func(full, rows image.Rectangle) *image.NRGBA {
			if out == nil {
				out = image.NewNRGBA(full)
			}
			return out.SubImage(rows).(*image.NRGBA)
		},
		done: func(*image.NRGBA) {},
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// bands is where renderLayout draws: next returns the transparent image
// to draw the given rows of the full image into, with those rows as its
// bounds; done receives it when it is finished.
type bands struct {
	next func(full, rows image.Rectangle) *image.NRGBA
	done func(img *image.NRGBA)
}

// renderLayout draws l band by band, top to bottom, into the images dst
// gives.
func renderLayout(l *layout.Layout, opt Options, dst bands) error {
	scale, err := PickScale(opt, l.Width)
	if err != nil {
		return err
	}
	w, h, err := PixelSize(l, scale)
	if err != nil {
		return err
	}
	pal := palette(opt)
	UseFont(opt.Font)
	full := image.Rect(0, 0, w, h)
	r := newPieceRenderer(l, pal, scale, full)
	defer r.done()
	// The plain rectangles under the drawing (background, lane bands, grid
	// lines) are painted directly, under the scene drawn without them:
	// filling large areas through the software painter is several times
	// slower.
	bd := canvas.Backdrop(l, &pal, opt.Transparent)
	if !opt.Transparent {
		// The background covers the last pixel row and column whole, even
		// where the layout size times the scale ends inside them.
		bd[0].Rect = layout.Rect{W: float32(w)/scale + 1, H: float32(h)/scale + 1}
	}
	for y0 := 0; y0 < h; y0 += bandHeight {
		rows := dst.next(full, image.Rect(0, y0, w, min(y0+bandHeight, h)))
		r.paintBand(rows)
		for i := len(bd) - 1; i >= 0; i-- {
			paint(rows, bd[i].Rect, scale, bd[i].Color)
		}
		dst.done(rows)
	}
	return nil
}

// palette is opt's palette, the light one by default.
func palette(opt Options) canvas.Palette {
	if opt.Palette.Lanes == nil {
		return canvas.LightPalette()
	}
	return opt.Palette
}

// paint draws r, in world units, at scale onto img with colour c, under
// what img already shows (as if r had been drawn first), anti-aliasing its
// edges: partly covered pixels get a share of the colour.
func paint(img *image.NRGBA, r layout.Rect, scale float32, c color.NRGBA) {
	b := img.Bounds()
	x0 := max(float64(r.X*scale), float64(b.Min.X))
	y0 := max(float64(r.Y*scale), float64(b.Min.Y))
	x1 := min(float64(r.Right()*scale), float64(b.Max.X))
	y1 := min(float64(r.Bottom()*scale), float64(b.Max.Y))
	if x0 >= x1 || y0 >= y1 {
		return
	}
	ix0, iy0 := int(math.Floor(x0)), int(math.Floor(y0))
	ix1, iy1 := int(math.Ceil(x1)), int(math.Ceil(y1))
	cover := func(i int, lo, hi float64) float64 { return min(float64(i+1), hi) - max(float64(i), lo) }
	for y := iy0; y < iy1; y++ {
		cy := cover(y, y0, y1)
		row := img.Pix[img.PixOffset(b.Min.X, y):]
		for x := ix0; x < ix1; x++ {
			p := row[4*(x-b.Min.X):]
			switch p[3] {
			case 0xff:
				continue // hidden under the drawing
			case 0:
				if cy >= 1 && c.A == 0xff && cover(x, x0, x1) >= 1 {
					p[0], p[1], p[2], p[3] = c.R, c.G, c.B, 0xff
					continue
				}
			}
			ca := uint32(float64(c.A)*cover(x, x0, x1)*cy + 0.5)
			compose(p, p[0], p[1], p[2], uint32(p[3]), c.R, c.G, c.B, ca)
		}
	}
}

// PNG renders d and encodes it as PNG.
func PNG(d *blueprint.Document, opt Options) ([]byte, error) {
	if err := checkSize(d, opt); err != nil {
		return nil, err
	}
	return PNGLayout(Layout(d, opt), opt)
}

// PNGLayout renders a computed layout and encodes it as PNG. Each band of
// rows is encoded, on another goroutine, as soon as it is drawn; only a few
// bands are held in memory, never the whole image.
func PNGLayout(l *layout.Layout, opt Options) ([]byte, error) {
	scale, err := PickScale(opt, l.Width)
	if err != nil {
		return nil, err
	}
	w, h, err := PixelSize(l, scale)
	if err != nil {
		return nil, err
	}
	pal := palette(opt)
	var buf bytes.Buffer
	enc, err := newPNGWriter(&buf, w, h, !opt.Transparent && pal.Background.A == 0xff)
	if err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	var (
		encErr  error                        // the encoder's; read after encoded is closed
		free    = make(chan *image.NRGBA, 3) // band buffers not in use
		pending = make(chan *image.NRGBA, 3) // drawn bands to encode
		encoded = make(chan struct{})
	)
	for range cap(free) {
		free <- nil
	}
	go func() {
		defer close(encoded)
		for rows := range pending {
			if encErr == nil {
				encErr = enc.WriteRows(rows)
			}
			free <- rows
		}
		if encErr == nil {
			encErr = enc.Close()
		}
	}()
	err = func() error {
		// Closed however drawing ends, so that the encoder always stops.
		defer func() {
			close(pending)
			<-encoded
		}()
		return renderLayout(l, opt, bands{
			next: func(_, rows image.Rectangle) *image.NRGBA { return reuse(<-free, rows) },
			done: func(rows *image.NRGBA) { pending <- rows },
		})
	}()
	if err != nil {
		return nil, err
	}
	if encErr != nil {
		return nil, fmt.Errorf("encode png: %w", encErr)
	}
	return buf.Bytes(), nil
}

// reuse returns img, or a new image when img is nil or too small,
// cleared and with bounds r.
func reuse(img *image.NRGBA, r image.Rectangle) *image.NRGBA {
	n := 4 * r.Dx() * r.Dy()
	if img == nil || cap(img.Pix) < n {
		return image.NewNRGBA(r)
	}
	img.Pix = img.Pix[:n]
	clear(img.Pix)
	img.Stride, img.Rect = 4*r.Dx(), r
	return img
}

// encode encodes a whole image as PNG.
func encode(img image.Image) ([]byte, error) {
	n, ok := img.(*image.NRGBA)
	if !ok {
		b := img.Bounds()
		n = image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(n, n.Bounds(), img, b.Min, draw.Src)
	}
	var buf bytes.Buffer
	enc, err := newPNGWriter(&buf, n.Bounds().Dx(), n.Bounds().Dy(), n.Opaque())
	if err == nil {
		err = enc.WriteRows(n)
	}
	if err == nil {
		err = enc.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	return buf.Bytes(), nil
}

// WriteFile renders d to a PNG file at path, atomically: a failed export
// leaves no partial file.
func WriteFile(path string, d *blueprint.Document, opt Options) error {
	data, err := PNG(d, opt)
	if err != nil {
		return err
	}
	return writeFile(path, data, 0o644)
}

// writeFile writes every export file; tests replace it to fail a write.
var writeFile = blueprint.WriteFileAtomic
