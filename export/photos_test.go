package export

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/images"
	"servicebp/internal/golden"
)

// photoBlueprint is a blueprint with a JPEG photo, a PNG photo, a missing
// one and a decompression bomb, in a new folder.
func photoBlueprint(t *testing.T) (*blueprint.Document, string) {
	t.Helper()
	dir := t.TempDir()
	golden.WritePhoto(t, filepath.Join(dir, "photos", "receipt.jpg"), 480, 360)
	golden.WritePhoto(t, filepath.Join(dir, "images", "menu.png"), 200, 300)
	// A PNG header that claims 100,000 × 100,000 pixels.
	ihdr := []byte("IHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x06\x00\x00\x00")
	bomb := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d"), ihdr...)
	bomb = binary.BigEndian.AppendUint32(bomb, crc32.ChecksumIEEE(ihdr))
	if err := os.WriteFile(filepath.Join(dir, "bomb.png"), bomb, 0o644); err != nil {
		t.Fatal(err)
	}
	src := `servicebp: 1
title: Photos on cards
columns:
  - {id: order, phase: Buy}
  - {id: pay, phase: Buy}
steps:
  - id: menu
    lane: evidence
    column: order
    text: Menu board
    image: images/menu.png
  - id: order
    lane: customer
    column: order
    text: Order a flat white
    image: bomb.png
  - id: pay
    lane: customer
    column: pay
    text: Pay by card and keep the receipt
    fail: Card declined
    owner: Barista
    image: photos/receipt.jpg
  - id: take
    lane: frontstage
    column: order
    text: 收银员接单
    image: photos/missing.jpg
flows:
  - {from: order, to: pay}
`
	d, err := blueprint.Parse("photos.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d, dir
}

// TestPhotosGolden paints the photos on their cards: the receipt and the
// menu cropped to cover their thumbnails, the missing photo and the bomb
// as placeholders.
func TestPhotosGolden(t *testing.T) {
	d, dir := photoBlueprint(t)
	font := pinnedFont(t)
	set := images.NewSet(dir)
	img, err := Render(d, Options{Scale: 1, Font: font, Images: set})
	if err != nil {
		t.Fatal(err)
	}
	golden.AssertImage(t, filepath.Join("testdata", "photos.png"), img)
	probs := images.Problems(d, set)
	if len(probs) != 2 || probs[0].Step != "order" || probs[1].Step != "take" {
		t.Fatalf("problems %+v, want the bomb and the missing photo", probs)
	}
	if m := probs[0].Message("photos.yaml"); !strings.Contains(m, "photos.yaml:12:5: step \"order\": image bomb.png: image too large: 100000 × 100000 px") {
		t.Errorf("bomb warning %q", m)
	}
	if m := probs[1].Message("photos.yaml"); !strings.Contains(m, "image photos/missing.jpg: no such file; the card shows a placeholder") {
		t.Errorf("missing warning %q", m)
	}
	// Without a picture source every card shows its placeholder; the
	// photos change the picture.
	plain, err := Render(d, Options{Scale: 1, Font: font})
	if err != nil {
		t.Fatal(err)
	}
	if golden.Diff(plain, img) == "" {
		t.Error("the photos did not change the picture")
	}
	// The receipt's thumbnail shows the white slip in its middle.
	card := cardRect(t, d, "pay")
	mid := img.(*image.NRGBA).NRGBAAt(card.Min.X+card.Dx()/2, card.Min.Y+card.Dy()/2)
	if mid.R < 200 || mid.G < 200 || mid.B < 200 {
		t.Errorf("the middle of the receipt's thumbnail is %v, want the white slip", mid)
	}
}

// cardRect is the thumbnail box of step id at scale 1, shrunk by two
// pixels.
func cardRect(t *testing.T, d *blueprint.Document, id string) image.Rectangle {
	t.Helper()
	l := Layout(d, Options{Font: pinnedFont(t)})
	for _, c := range l.Cards {
		if c.StepID == id {
			r := c.Thumb
			return image.Rect(int(r.X)+2, int(r.Y)+2, int(r.Right())-2, int(r.Bottom())-2)
		}
	}
	t.Fatalf("no card %q", id)
	return image.Rectangle{}
}

var dataURI = regexp.MustCompile(`xlink:href="data:(image/(?:png|jpeg));base64,([A-Za-z0-9+/=]+)"`)

// TestPhotosSVG checks that the SVG embeds each photo that can be shown as
// a data: URI (the JPEG as JPEG, the PNG as PNG), covering its box, and
// that two exports are byte-identical.
func TestPhotosSVG(t *testing.T) {
	d, dir := photoBlueprint(t)
	opt := Options{Scale: 1, Images: images.NewSet(dir)}
	a, err := SVG(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Images = images.NewSet(dir)
	b, err := SVG(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two SVG exports of the same photos differ")
	}
	m := dataURI.FindAllStringSubmatch(string(a), -1)
	if len(m) != 2 {
		t.Fatalf("%d embedded images, want 2 (the missing photo and the bomb are placeholders)", len(m))
	}
	types := map[string]bool{}
	for _, u := range m {
		types[u[1]] = true
		data, err := base64.StdEncoding.DecodeString(u[2])
		if err != nil {
			t.Fatal(err)
		}
		if _, cfg, err := images.Config(data); err != nil || cfg.Width == 0 {
			t.Errorf("embedded %s does not decode: %v", u[1], err)
		}
	}
	if !types["image/jpeg"] || !types["image/png"] {
		t.Errorf("embedded types %v, want a JPEG and a PNG", types)
	}
	if !strings.Contains(string(a), `preserveAspectRatio="xMidYMid slice"`) {
		t.Error("the photos do not cover their boxes")
	}
	out := filepath.Join(t.TempDir(), "photos.svg")
	if err := os.WriteFile(out, a, 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := exec.Command("xmllint", "--noout", out).CombinedOutput(); err != nil {
		t.Fatalf("xmllint: %v\n%s", err, res)
	}
}

// TestPhotosPDF checks that the PDF holds one image XObject per photo
// shown (the JPEG as DCT, the PNG as Flate), that poppler sees them, and
// that two exports are byte-identical.
func TestPhotosPDF(t *testing.T) {
	d, dir := photoBlueprint(t)
	opt := Options{Images: images.NewSet(dir)}
	a, err := PDF(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Images = images.NewSet(dir)
	b, err := PDF(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two PDF exports of the same photos differ")
	}
	s := string(a)
	if n := strings.Count(s, "/Subtype /Image"); n != 2 {
		t.Errorf("%d image XObjects, want 2", n)
	}
	if !strings.Contains(s, "/Filter /DCTDecode") {
		t.Error("the JPEG photo is not embedded as DCT")
	}
	out := filepath.Join(t.TempDir(), "photos.pdf")
	if err := os.WriteFile(out, a, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command("pdfimages", "-list", out).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfimages: %v\n%s", err, res)
	}
	list := string(res)
	if !strings.Contains(list, " jpeg ") || !strings.Contains(list, " image ") || strings.Count(list, "\n") != 4 {
		t.Errorf("pdfimages -list:\n%s", list)
	}
}
