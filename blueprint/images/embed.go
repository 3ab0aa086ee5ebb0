package images

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
)

// JPEGQuality is the quality of the JPEG thumbnails that SVG and PDF
// exports embed.
const JPEGQuality = 85

// Encoded returns the thumbnail of p as the bytes of a file to embed, and
// its format: a JPEG photo's thumbnail as JPEG (smaller, and photos lose
// nothing that shows), a PNG's as PNG (it may be a screenshot, or have
// transparency). The same picture always gives the same bytes.
func (p *Picture) Encoded() ([]byte, Format, error) {
	var buf bytes.Buffer
	if p.Format == JPEG && Opaque(p.Thumb) {
		if err := jpeg.Encode(&buf, p.Thumb, &jpeg.Options{Quality: JPEGQuality}); err != nil {
			return nil, "", fmt.Errorf("encode jpeg: %w", err)
		}
		return buf.Bytes(), JPEG, nil
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	var img image.Image = p.Thumb
	if err := enc.Encode(&buf, img); err != nil {
		return nil, "", fmt.Errorf("encode png: %w", err)
	}
	return buf.Bytes(), PNG, nil
}

// MIME is the media type of format f.
func (f Format) MIME() string {
	if f == JPEG {
		return "image/jpeg"
	}
	return "image/png"
}
