package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"servicebp/internal/golden"
)

// TestExportPhotoWarnings checks that export reads photos from the
// blueprint's folder, embeds the one it can show, and warns, with the
// step's FILE:LINE:COL, about the ones it cannot, exiting 0 even with
// --strict.
func TestExportPhotoWarnings(t *testing.T) {
	dir := t.TempDir()
	golden.WritePhoto(t, filepath.Join(dir, "photos", "receipt.jpg"), 320, 240)
	big := make([]byte, 21<<20)
	copy(big, "\x89PNG\r\n\x1a\n")
	if err := os.WriteFile(filepath.Join(dir, "big.png"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	bp := filepath.Join(dir, "cafe.yaml")
	src := "servicebp: 1\nsteps:\n  - id: pay\n    lane: customer\n    column: c\n    image: photos/receipt.jpg\n" +
		"  - id: menu\n    lane: evidence\n    column: c\n    image: big.png\n" +
		"  - id: sign\n    lane: evidence\n    column: c\n    image: photos/sign.jpg\n"
	if err := os.WriteFile(bp, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"png", "svg", "pdf"} {
		out := filepath.Join(dir, "cafe."+ext)
		code, _, stderr := runExportCLI(t, bp, "-o", out, "--strict")
		if code != ExitOK {
			t.Fatalf("%s: exit %d\n%s", ext, code, stderr)
		}
		want := []string{
			bp + `:7:5: step "menu": image big.png: image too large: the file is 22.0 MB, over the limit of 20 MB; the card shows a placeholder`,
			bp + `:11:5: step "sign": image photos/sign.jpg: no such file; the card shows a placeholder`,
		}
		for _, w := range want {
			if !strings.Contains(stderr, "servicebp export: warning: "+w+"\n") {
				t.Errorf("%s: stderr lacks %q:\n%s", ext, w, stderr)
			}
		}
		if n := strings.Count(stderr, "warning: "); n != 2 {
			t.Errorf("%s: %d warnings, want 2:\n%s", ext, n, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		switch ext {
		case "svg":
			if strings.Count(string(data), "data:image/jpeg;base64,") != 1 {
				t.Error("the SVG does not embed the receipt once")
			}
		case "pdf":
			if strings.Count(string(data), "/Subtype /Image") != 1 {
				t.Error("the PDF does not hold the receipt once")
			}
		}
	}
}
