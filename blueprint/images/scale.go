package images

import (
	"image"

	xdraw "golang.org/x/image/draw"
)

// Downscale returns img as NRGBA with its longer side at most side
// pixels, keeping its aspect ratio; a smaller image keeps its size. The
// result depends only on the pixels, so exports stay deterministic.
func Downscale(img image.Image, side int) *image.NRGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if long := max(w, h); long > side {
		w = max(1, (w*side+long/2)/long)
		h = max(1, (h*side+long/2)/long)
	}
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	if w == b.Dx() && h == b.Dy() {
		xdraw.Draw(out, out.Bounds(), img, b.Min, xdraw.Src)
		return out
	}
	xdraw.CatmullRom.Scale(out, out.Bounds(), img, b, xdraw.Src, nil)
	return out
}

// Cover returns the part of an image w × h pixels that fills a box of
// aspect ratio boxW : boxH when scaled to it: the whole width or height,
// centred, the rest cropped.
func Cover(w, h int, boxW, boxH float32) image.Rectangle {
	if w <= 0 || h <= 0 || boxW <= 0 || boxH <= 0 {
		return image.Rect(0, 0, max(w, 0), max(h, 0))
	}
	box := float64(boxW) / float64(boxH)
	if float64(w)/float64(h) > box {
		cw := max(1, int(float64(h)*box+0.5))
		x := (w - cw) / 2
		return image.Rect(x, 0, x+cw, h)
	}
	ch := max(1, int(float64(w)/box+0.5))
	y := (h - ch) / 2
	return image.Rect(0, y, w, y+ch)
}

// Opaque reports whether every pixel of img is opaque.
func Opaque(img *image.NRGBA) bool {
	for y := 0; y < img.Rect.Dy(); y++ {
		row := img.Pix[y*img.Stride:][:4*img.Rect.Dx()]
		for i := 3; i < len(row); i += 4 {
			if row[i] != 0xff {
				return false
			}
		}
	}
	return true
}

// flatten paints the translucent pixels of img over white, in place, and
// returns it.
func flatten(img *image.NRGBA) *image.NRGBA {
	for i := 0; i+3 < len(img.Pix); i += 4 {
		a := uint32(img.Pix[i+3])
		if a == 0xff {
			continue
		}
		for c := range 3 {
			img.Pix[i+c] = uint8((uint32(img.Pix[i+c])*a + 0xff*(0xff-a) + 127) / 0xff)
		}
		img.Pix[i+3] = 0xff
	}
	return img
}
