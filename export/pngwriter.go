package export

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"io"
)

// pngWriter streams an image to PNG a band of rows at a time, so that
// encoding can run while later rows are still being drawn. It uses one
// fixed row filter, Up (each byte minus the one above it): on drawings
// like ours, with large flat areas, it compresses within a few percent of
// the standard encoder's per-row choice among all five filters, at a
// fraction of its cost.
type pngWriter struct {
	bw     *bufio.Writer
	idat   *chunkWriter
	z      *zlib.Writer
	width  int
	height int
	rows   int // rows written so far
	bpp    int // bytes per pixel: 3 for RGB, 4 for RGBA
	prev   []byte
	cur    []byte
	out    []byte
	err    error
}

// pngSignature starts every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// newPNGWriter writes the PNG header of a w × h image to dst. Opaque
// images are written as RGB, others as RGBA (non-premultiplied, as PNG
// requires).
func newPNGWriter(dst io.Writer, w, h int, opaque bool) (*pngWriter, error) {
	p := &pngWriter{bw: bufio.NewWriterSize(dst, 1<<16), width: w, height: h, bpp: 4}
	colorType := byte(6) // RGBA
	if opaque {
		p.bpp, colorType = 3, 2 // RGB
	}
	if _, err := p.bw.WriteString(pngSignature); err != nil {
		return nil, err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8 // bits per channel
	ihdr[9] = colorType
	if err := writeChunk(p.bw, "IHDR", ihdr[:]); err != nil {
		return nil, err
	}
	p.idat = &chunkWriter{w: p.bw, buf: make([]byte, 0, 1<<16)}
	z, err := zlib.NewWriterLevel(p.idat, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	p.z = z
	n := 1 + p.bpp*w
	p.prev, p.cur, p.out = make([]byte, n), make([]byte, n), make([]byte, n)
	return p, nil
}

// WriteRows encodes the rows of img, a band of the image as wide as it,
// as the next rows of the image.
func (p *pngWriter) WriteRows(img *image.NRGBA) error {
	if p.err != nil {
		return p.err
	}
	b := img.Bounds()
	if b.Dx() != p.width || p.rows+b.Dy() > p.height {
		return errors.New("png: rows do not fit the image")
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		src := img.Pix[img.PixOffset(b.Min.X, y):][:4*p.width]
		cur := p.cur[1:]
		if p.bpp == 4 {
			copy(cur, src)
		} else {
			packRGB(cur, src)
		}
		up(p.out, p.cur, p.prev)
		if _, err := p.z.Write(p.out); err != nil {
			p.err = err
			return err
		}
		p.prev, p.cur = p.cur, p.prev
	}
	p.rows += b.Dy()
	return nil
}

// Close finishes the image data and the file; all rows must have been
// written.
func (p *pngWriter) Close() error {
	if p.err != nil {
		return p.err
	}
	if p.rows != p.height {
		return errors.New("png: image incomplete")
	}
	if err := p.z.Close(); err != nil {
		return err
	}
	if err := p.idat.flush(); err != nil {
		return err
	}
	if err := writeChunk(p.bw, "IEND", nil); err != nil {
		return err
	}
	return p.bw.Flush()
}

// up writes to out the Up-filtered row cur (filter byte first), with prev
// the previous unfiltered row (all zero for the first row). cur and prev
// start with a filter byte slot. It subtracts eight bytes at a time.
func up(out, cur, prev []byte) {
	out[0] = 2
	o, c, p := out[1:], cur[1:], prev[1:len(cur)]
	o = o[:len(c)]
	i := 0
	for ; i+8 <= len(c); i += 8 {
		binary.LittleEndian.PutUint64(o[i:], sub8(binary.LittleEndian.Uint64(c[i:]), binary.LittleEndian.Uint64(p[i:])))
	}
	for ; i < len(c); i++ {
		o[i] = c[i] - p[i]
	}
}

// sub8 subtracts the eight bytes of b from those of a, each modulo 256,
// with no borrow between bytes.
func sub8(a, b uint64) uint64 {
	const high = 0x8080808080808080
	return ((a | high) - (b &^ high)) ^ ((a ^ ^b) & high)
}

// packRGB copies the RGB bytes of the RGBA pixels of src to dst, which is
// three quarters as long: four pixels at a time.
func packRGB(dst, src []byte) {
	i, j := 0, 0
	for ; i+16 <= len(src) && j+12 <= len(dst); i, j = i+16, j+12 {
		p := binary.LittleEndian.Uint64(src[i:])   // pixels 0 and 1
		q := binary.LittleEndian.Uint64(src[i+8:]) // pixels 2 and 3
		p = p&0xffffff | (p>>8)&0xffffff000000
		q = q&0xffffff | (q>>8)&0xffffff000000
		binary.LittleEndian.PutUint64(dst[j:], p|q<<48)
		binary.LittleEndian.PutUint32(dst[j+8:], uint32(q>>16))
	}
	for ; i+4 <= len(src) && j+3 <= len(dst); i, j = i+4, j+3 {
		dst[j], dst[j+1], dst[j+2] = src[i], src[i+1], src[i+2]
	}
}

// chunkWriter cuts the zlib stream into IDAT chunks.
type chunkWriter struct {
	w   io.Writer
	buf []byte
}

func (c *chunkWriter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		k := min(len(b), cap(c.buf)-len(c.buf))
		c.buf = append(c.buf, b[:k]...)
		b = b[k:]
		if len(c.buf) == cap(c.buf) {
			if err := c.flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, "IDAT", c.buf)
	c.buf = c.buf[:0]
	return err
}

// writeChunk writes one PNG chunk: length, type, data and CRC.
func writeChunk(w io.Writer, typ string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], typ)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, b := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
