package golden

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Photo is a w × h test photo, the same on every machine: a receipt (a
// white slip with grey lines of print and a red stamp) on a wooden table,
// with detail in every part so that scaling and cropping show.
func Photo(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	px, py, pw, ph := w*3/10, h/10, w*4/10, h*8/10
	for y := range h {
		for x := range w {
			grain := uint8((x*7 + (y/3)*13) % 23)
			c := color.NRGBA{150 + grain, 100 + grain/2, 60, 255}
			if x >= px && x < px+pw && y >= py && y < py+ph {
				c = color.NRGBA{250, 248, 240, 255}
				ly := (y - py) * 12 / ph
				if ly >= 1 && ly <= 9 && (y-py)%(ph/12) < ph/40+1 && x > px+pw/10 && x < px+pw*(6+ly%3)/10 {
					c = color.NRGBA{90, 90, 100, 255}
				}
				dx, dy := x-(px+pw*3/4), y-(py+ph*4/5)
				if r := min(pw, ph) / 6; dx*dx+dy*dy < r*r && dx*dx+dy*dy > r*r*2/3 {
					c = color.NRGBA{200, 40, 40, 255}
				}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// WritePhoto writes Photo(w, h) to path, as JPEG or PNG after the
// extension, making its folder.
func WritePhoto(t testing.TB, path string, w, h int) {
	t.Helper()
	var buf bytes.Buffer
	var err error
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".jpg" || ext == ".jpeg" {
		err = jpeg.Encode(&buf, Photo(w, h), &jpeg.Options{Quality: 90})
	} else {
		err = png.Encode(&buf, Photo(w, h))
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
