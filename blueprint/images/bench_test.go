package images

import (
	"testing"
)

// BenchmarkPicture12Mpx reads, decodes and downscales a 4000 × 3000 JPEG
// photo (a phone camera's) into its thumbnail, as the first use of a photo
// does.
func BenchmarkPicture12Mpx(b *testing.B) {
	dir := b.TempDir()
	data := jpegBytes(b, photo(4000, 3000))
	write(b, dir, "p.jpg", data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s := NewSet(dir)
		if _, err := s.Picture("p.jpg"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRefuseBomb refuses a PNG that claims 100,000 × 100,000 pixels.
func BenchmarkRefuseBomb(b *testing.B) {
	bomb := pngBomb(100_000, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Decode(bomb); err == nil {
			b.Fatal("the bomb was decoded")
		}
	}
}
