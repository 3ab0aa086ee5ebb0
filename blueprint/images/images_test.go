package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// photo returns a w × h test image: a gradient with a dark square in the
// top-left quarter, so that scaling and cropping show.
func photo(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{uint8(255 * x / w), uint8(255 * y / h), 160, 255}
			if x < w/4 && y < h/4 {
				c = color.NRGBA{20, 20, 20, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func pngBytes(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jpegBytes(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngBomb is a valid PNG header (signature and IHDR with its CRC) that
// claims a w × h RGBA image, followed by a tiny IDAT: a decompression
// bomb's shape, a few dozen bytes long.
func pngBomb(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		body := append([]byte(typ), data...)
		b.Write(body)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(body))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

// jpegBomb is a JPEG whose frame header claims w × h pixels.
func jpegBomb(t *testing.T, w, h uint16) []byte {
	data := jpegBytes(t, photo(16, 16))
	i := bytes.Index(data, []byte{0xff, 0xc0}) // baseline SOF0
	if i < 0 {
		t.Fatal("no SOF0 marker in the test JPEG")
	}
	binary.BigEndian.PutUint16(data[i+5:], h)
	binary.BigEndian.PutUint16(data[i+7:], w)
	return data
}

func write(t testing.TB, dir, name string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSetPresentPNGAndJPEG(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "photos/a.png", pngBytes(t, photo(1200, 800)))
	write(t, dir, "photos/收据.jpg", jpegBytes(t, photo(300, 400)))
	s := NewSet(dir)
	p, err := s.Picture("photos/a.png")
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != PNG || p.Width != 1200 || p.Height != 800 {
		t.Errorf("picture %v %d × %d", p.Format, p.Width, p.Height)
	}
	if b := p.Thumb.Bounds(); b.Dx() != ThumbSide || b.Dy() != 427 {
		t.Errorf("thumbnail is %v, want %d × 427", b, ThumbSide)
	}
	if c := p.Thumb.NRGBAAt(10, 10); c.R > 40 || c.G > 40 {
		t.Errorf("thumbnail lost the dark corner: %v", c)
	}
	again, _ := s.Picture("photos/a.png")
	if again != p {
		t.Error("the second use decoded the photo again")
	}
	j, err := s.Picture("photos/收据.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if j.Format != JPEG || j.Thumb.Bounds().Dx() != 300 {
		t.Errorf("small JPEG: %v, thumbnail %v (a small photo is not upscaled)", j.Format, j.Thumb.Bounds())
	}
	large, err := s.Large("photos/a.png")
	if err != nil || large.Bounds().Dx() != 1200 {
		t.Fatalf("large view: %v, %v", large.Bounds(), err)
	}
}

func TestSetProblems(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "text.png", []byte("this is not an image"))
	write(t, dir, "truncated.png", pngBytes(t, photo(64, 64))[:120])
	write(t, dir, "bomb.png", pngBomb(100_000, 100_000))
	write(t, dir, "wide.png", pngBomb(10_000, 5_001))
	write(t, dir, "bomb.jpg", jpegBomb(t, 65_000, 65_000))
	write(t, dir, "gif.png", []byte("GIF89a\x01\x00\x01\x00"))
	big := make([]byte, MaxFileBytes+1)
	copy(big, pngBytes(t, photo(8, 8)))
	write(t, dir, "big.png", big)
	outside := t.TempDir()
	write(t, outside, "secret.png", pngBytes(t, photo(8, 8)))
	if err := os.Symlink(filepath.Join(outside, "secret.png"), filepath.Join(dir, "link.png")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.png"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key, want string
		tooLarge  bool
	}{
		{"missing.png", "no such file", false},
		{"photos/missing.jpg", "no such file", false},
		{"text.png", "not a PNG or JPEG image", false},
		{"gif.png", "not a PNG or JPEG image", false},
		{"truncated.png", "unreadable png image", false},
		{"bomb.png", "100000 × 100000 px is 10000.0 Mpx, over the limit of 50 Mpx", true},
		{"wide.png", "10000 × 5001 px is 50.0 Mpx, over the limit of 50 Mpx", true},
		{"bomb.jpg", "65000 × 65000 px", true},
		{"big.png", "the file is 21.0 MB, over the limit of 20 MB", true},
		{"link.png", "cannot read", false},
		{"fifo.png", "not a regular file", false},
		{"../secret.png", "leaves the blueprint's folder", false},
		{"", "no image path", false},
	}
	s := NewSet(dir)
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			p, err := s.Picture(tt.key)
			if err == nil || p != nil {
				t.Fatalf("Picture(%q) = %v, %v; want an error", tt.key, p, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			if errors.Is(err, ErrTooLarge) != tt.tooLarge {
				t.Errorf("errors.Is(ErrTooLarge) = %v, want %v", !tt.tooLarge, tt.tooLarge)
			}
		})
	}
}

// TestBombCostsNothing checks that the size of a decompression bomb is
// refused from its header: no pixel buffer is allocated for it.
func TestBombCostsNothing(t *testing.T) {
	bomb := pngBomb(100_000, 100_000)
	if len(bomb) > 100 {
		t.Fatalf("the bomb is %d bytes", len(bomb))
	}
	allocs := testing.AllocsPerRun(10, func() {
		if _, _, err := Decode(bomb); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("Decode(bomb) = %v", err)
		}
	})
	// Reading the header allocates a few small buffers; decoding 10¹⁰
	// pixels would allocate 40 GB in one.
	var ms runtimeMem
	ms.read()
	before := ms.total
	for range 10 {
		_, _, _ = Decode(bomb)
	}
	ms.read()
	if grown := ms.total - before; grown > 1<<20 {
		t.Errorf("refusing the bomb 10 times allocated %d bytes", grown)
	}
	if allocs > 50 {
		t.Errorf("refusing the bomb made %v allocations", allocs)
	}
}

func TestDecodeTimeout(t *testing.T) {
	data := pngBytes(t, photo(400, 400))
	old := decodeTimeout
	decodeTimeout = time.Nanosecond
	// With the only decode slot taken, as by a decode still running, the
	// wait for it times out; a free slot could race the 1 ns timer.
	decoders <- struct{}{}
	_, _, err := Decode(data)
	<-decoders
	decodeTimeout = old
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("Decode with a 1ns bound and the slot taken = %v, want a timeout", err)
	}
	// Once the slot is free again, the next decode succeeds.
	if _, _, err := Decode(data); err != nil {
		t.Fatalf("Decode after a timeout: %v", err)
	}
}

func TestForgetReadsAgain(t *testing.T) {
	dir := t.TempDir()
	s := NewSet(dir)
	if _, err := s.Picture("a.png"); err == nil {
		t.Fatal("a missing photo was read")
	}
	write(t, dir, "a.png", pngBytes(t, photo(10, 10)))
	if _, err := s.Picture("a.png"); err == nil {
		t.Fatal("a problem was not remembered")
	}
	s.Forget("a.png")
	if _, err := s.Picture("a.png"); err != nil {
		t.Fatalf("after Forget: %v", err)
	}
}

func TestCover(t *testing.T) {
	tests := []struct {
		w, h       int
		boxW, boxH float32
		want       image.Rectangle
	}{
		{400, 100, 2, 1, image.Rect(100, 0, 300, 100)},
		{100, 400, 2, 1, image.Rect(0, 175, 100, 225)},
		{300, 150, 2, 1, image.Rect(0, 0, 300, 150)},
		{1, 1000, 1000, 1, image.Rect(0, 499, 1, 500)},
	}
	for _, tt := range tests {
		if got := Cover(tt.w, tt.h, tt.boxW, tt.boxH); got != tt.want {
			t.Errorf("Cover(%d, %d, %g, %g) = %v, want %v", tt.w, tt.h, tt.boxW, tt.boxH, got, tt.want)
		}
	}
}

func TestEncodedIsDeterministic(t *testing.T) {
	for _, f := range []Format{PNG, JPEG} {
		p := &Picture{Thumb: Downscale(photo(900, 600), ThumbSide), Format: f}
		a, fa, err := p.Encoded()
		if err != nil {
			t.Fatal(err)
		}
		b, _, _ := p.Encoded()
		if !bytes.Equal(a, b) || fa != f {
			t.Errorf("%s: two encodings differ, or format %s", f, fa)
		}
		if _, got, err := Config(a); err != nil || got.Width != ThumbSide {
			t.Errorf("%s: the embedded file reads back as %v, %v", f, got, err)
		}
	}
}

// runtimeMem reads the bytes allocated so far.
type runtimeMem struct{ total uint64 }

func (m *runtimeMem) read() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.total = ms.TotalAlloc
}

func TestPeekAndFetch(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.png", pngBytes(t, photo(40, 30)))
	s := NewSet(dir)
	if _, _, ok := s.Peek("a.png"); ok {
		t.Fatal("Peek reports a photo that was never read")
	}
	done := make(chan struct{})
	s.Fetch("a.png", func() { close(done) })
	s.Fetch("a.png", func() { t.Error("a second Fetch read the photo again") })
	<-done
	pic, err, ok := s.Peek("a.png")
	if !ok || err != nil || pic == nil || pic.Width != 40 {
		t.Fatalf("Peek after Fetch = %v, %v, %v", pic, err, ok)
	}
	s.Fetch("a.png", func() { t.Error("Fetch of a read photo read it again") })
	if _, err, ok := s.Peek("missing.png"); ok || err != nil {
		t.Fatal("Peek of an unread missing photo")
	}
	missing := make(chan struct{})
	s.Fetch("missing.png", func() { close(missing) })
	<-missing
	if _, err, ok := s.Peek("missing.png"); !ok || err == nil {
		t.Fatalf("Peek after a failed read = %v, %v", err, ok)
	}
}
