// Package images reads the photos that steps carry (the image key of a
// step): PNG and JPEG files next to the blueprint. It checks their size
// before it reads them and their header before it decodes them, bounds
// decoding in time and memory, downscales each photo once into a
// thumbnail and keeps it in a cache. It imports no Fyne: the board, the
// presentation and every export share it.
package images

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"time"
)

// The limits on a photo. Both are checked before the image is decoded:
// the bytes from the file's size, the pixels from the image's header, so
// that a decompression bomb (a small file that claims a huge image) costs
// nothing.
const (
	// MaxFileBytes is the largest photo file read: 20 MB.
	MaxFileBytes = 20 << 20
	// MaxPixels is the most pixels a photo may have: 50 megapixels.
	MaxPixels = 50_000_000
)

// decodeTimeout bounds the time one decode may take; a decode that takes
// longer is abandoned (its goroutine finishes on its own, holding the
// decoder slot so that memory stays bounded). Tests shorten it.
var decodeTimeout = 15 * time.Second

// decoders is the number of full-size decodes that may run at once: each
// may hold up to MaxPixels × 4 bytes.
var decoders = make(chan struct{}, 1)

// ErrTooLarge is wrapped by the error of a photo over MaxFileBytes or
// MaxPixels.
var ErrTooLarge = errors.New("image too large")

// ErrFormat is wrapped by the error of a file that is not a PNG or JPEG
// image.
var ErrFormat = errors.New("not a PNG or JPEG image")

// Format is the encoding of a photo file.
type Format string

// The formats read.
const (
	PNG  Format = "png"
	JPEG Format = "jpeg"
)

// sniff returns the format of data from its first bytes.
func sniff(data []byte) (Format, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, nil
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		return JPEG, nil
	}
	return "", ErrFormat
}

// Config checks the header of a photo: its format, and that its pixel
// count is within MaxPixels. It decodes no pixels.
func Config(data []byte) (Format, image.Config, error) {
	if len(data) > MaxFileBytes {
		return "", image.Config{}, fmt.Errorf("%w: the file is %.1f MB, over the limit of %d MB", ErrTooLarge, float64(len(data))/1e6, MaxFileBytes>>20)
	}
	f, err := sniff(data)
	if err != nil {
		return "", image.Config{}, err
	}
	var cfg image.Config
	switch f {
	case PNG:
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	case JPEG:
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	}
	if err != nil {
		return "", image.Config{}, fmt.Errorf("unreadable %s header: %w", f, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return "", image.Config{}, fmt.Errorf("the %s image has no pixels (%d × %d)", f, cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxPixels {
		return "", image.Config{}, fmt.Errorf("%w: %d × %d px is %.1f Mpx, over the limit of %d Mpx", ErrTooLarge, cfg.Width, cfg.Height, float64(px)/1e6, MaxPixels/1_000_000)
	}
	return f, cfg, nil
}

// Decode decodes a PNG or JPEG photo after checking it with Config. Only
// one decode runs at a time, and one that takes longer than the decode
// timeout is given up with an error.
func Decode(data []byte) (image.Image, Format, error) {
	f, _, err := Config(data)
	if err != nil {
		return nil, "", err
	}
	type result struct {
		img image.Image
		err error
	}
	deadline := time.NewTimer(decodeTimeout)
	defer deadline.Stop()
	select {
	case decoders <- struct{}{}:
	case <-deadline.C:
		return nil, "", fmt.Errorf("timed out waiting to decode the %s image", f)
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-decoders }()
		var r result
		defer func() {
			// The standard decoders should not panic; if one does, the
			// photo is unreadable, not the program broken.
			if p := recover(); p != nil {
				r = result{err: fmt.Errorf("the %s decoder failed: %v", f, p)}
			}
			done <- r
		}()
		var rd io.Reader = bytes.NewReader(data)
		switch f {
		case PNG:
			r.img, r.err = png.Decode(rd)
		case JPEG:
			r.img, r.err = jpeg.Decode(rd)
		}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, "", fmt.Errorf("unreadable %s image: %w", f, r.err)
		}
		return r.img, f, nil
	case <-deadline.C:
		return nil, "", fmt.Errorf("decoding the %s image took longer than %v", f, decodeTimeout)
	}
}
