package export

import (
	"bytes"
	"fmt"
	"image"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/export/raster"
)

// bandHeight is the largest height in pixels of the horizontal bands the
// image is painted in, top to bottom. A finished band is encoded while the
// next one is painted; only a few bands are in memory at once.
var bandHeight = 256

// bandBytes bounds the pixels of one band: wide images get lower bands,
// so that memory stays bounded whatever the width.
const bandBytes = 8 << 20

// bandRows is the height of the bands of an image w pixels wide.
func bandRows(w int) int {
	return max(min(bandHeight, bandBytes/(4*max(w, 1))), 8)
}

// Render draws d offscreen and returns the image.
func Render(d *blueprint.Document, opt Options) (image.Image, error) {
	return RenderLayout(Layout(d, opt), opt)
}

// RenderLayout draws a computed layout offscreen into one image. It checks
// the size before allocating the image.
func RenderLayout(l *layout.Layout, opt Options) (image.Image, error) {
	var out *image.NRGBA
	err := paintLayout(l, opt, bands{
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

// bands is where paintLayout draws: next returns the transparent image to
// draw the given rows of the full image into, with those rows as its
// bounds; done receives it when it is finished.
type bands struct {
	next func(full, rows image.Rectangle) *image.NRGBA
	done func(img *image.NRGBA)
}

// paintLayout paints l's display list band by band, top to bottom, into
// the images dst gives.
func paintLayout(l *layout.Layout, opt Options, dst bands) error {
	scale, err := PickScale(opt, l.Width)
	if err != nil {
		return err
	}
	w, h, err := PixelSize(l, scale)
	if err != nil {
		return err
	}
	eng, err := engineFor(opt.Font, opt.Lang)
	if err != nil {
		return err
	}
	// The background is filled band by band, over the last pixel row and
	// column whole (the layout size times the scale may end inside them),
	// and the list is painted without it.
	bg := palette(opt).Background
	lopt := opt
	lopt.Transparent = true
	dl, err := List(l, lopt)
	if err != nil {
		return err
	}
	p := raster.New(dl, eng, scale)
	p.SetPictures(opt.Images)
	full := image.Rect(0, 0, w, h)
	band := bandRows(w)
	for y0 := 0; y0 < h; y0 += band {
		rows := dst.next(full, image.Rect(0, y0, w, min(y0+band, h)))
		if !opt.Transparent && bg.A != 0 {
			fillRows(rows, bg.R, bg.G, bg.B, bg.A)
		}
		p.Paint(rows)
		dst.done(rows)
	}
	return nil
}

// fillRows sets every pixel of img to one colour.
func fillRows(img *image.NRGBA, r, g, b, a uint8) {
	w := img.Bounds().Dx()
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		row := img.Pix[img.PixOffset(img.Bounds().Min.X, y):][:4*w]
		if len(row) == 0 {
			continue
		}
		row[0], row[1], row[2], row[3] = r, g, b, a
		for n := 4; n < len(row); n *= 2 {
			copy(row[n:], row[:n])
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
// rows is encoded, on another goroutine, as soon as it is painted; only a
// few bands are held in memory, never the whole image.
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
		pending = make(chan *image.NRGBA, 3) // painted bands to encode
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
		// Closed however painting ends, so that the encoder always stops.
		defer func() {
			close(pending)
			<-encoded
		}()
		return paintLayout(l, opt, bands{
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
func encode(img *image.NRGBA) ([]byte, error) {
	var buf bytes.Buffer
	enc, err := newPNGWriter(&buf, img.Bounds().Dx(), img.Bounds().Dy(), img.Opaque())
	if err == nil {
		err = enc.WriteRows(img)
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
