package pdf

import (
	"fmt"
	"strings"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/images"
)

// image paints the photo of im, scaled to cover its box and clipped to
// it. Each picture is one image XObject, however many times it is drawn.
func (p *painter) image(im *draw.Image) {
	if p.pics == nil || im.R.W <= 0 || im.R.H <= 0 {
		return
	}
	pic, err := p.pics.Picture(im.Key)
	if err != nil || pic == nil {
		return
	}
	n, ok := p.d.images[pic]
	if !ok {
		n = len(p.d.pics) + 1
		p.d.images[pic] = n
		p.d.pics = append(p.d.pics, pic)
	}
	tw, th := pic.Thumb.Rect.Dx(), pic.Thumb.Rect.Dy()
	crop := images.Cover(tw, th, im.R.W, im.R.H)
	k := im.R.W / float32(crop.Dx())
	x, y := im.R.X-float32(crop.Min.X)*k, im.R.Y-float32(crop.Min.Y)*k
	w, h := float32(tw)*k, float32(th)*k
	// Images take the fill alpha: paint them opaque.
	p.setAlpha(alphaPair{0xff, p.alpha.stroke})
	// Image space has y up; the page's world has y down.
	p.printf("q\n%s %s %s %s re W n\n%s 0 0 %s %s %s cm\n/Im%d Do\nQ\n",
		num(im.R.X), num(im.R.Y), num(im.R.W), num(im.R.H),
		num4(w), num4(-h), num4(x), num4(y+h), n)
}

// writeImages writes the image XObjects and returns their entries for the
// resource dictionary.
func (d *doc) writeImages(f *file) ([]string, error) {
	var out []string
	for i, pic := range d.pics {
		n := f.reserve()
		tw, th := pic.Thumb.Rect.Dx(), pic.Thumb.Rect.Dy()
		dict := fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8", tw, th)
		data, format, err := pic.Encoded()
		if err != nil {
			return nil, err
		}
		if format == images.JPEG {
			f.raw(n, "<< /Length "+fmt.Sprint(len(data))+" /Filter /DCTDecode"+dict+" >>", data)
		} else if err := f.stream(n, dict, rgbRows(pic)); err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprintf("/Im%d %d 0 R", i+1, n))
	}
	return out, nil
}

// rgbRows is the thumbnail of pic as 8-bit RGB samples, row by row (the
// thumbnail is opaque).
func rgbRows(pic *images.Picture) []byte {
	img := pic.Thumb
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out := make([]byte, 0, 3*w*h)
	for y := range h {
		row := img.Pix[y*img.Stride:][:4*w]
		for x := 0; x < len(row); x += 4 {
			out = append(out, row[x], row[x+1], row[x+2])
		}
	}
	return out
}

// xobjects is the /XObject entry of the resource dictionary, or "" when
// there are no images.
func xobjects(entries []string) string {
	if len(entries) == 0 {
		return ""
	}
	return " /XObject << " + strings.Join(entries, " ") + " >>"
}
