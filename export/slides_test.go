package export

import (
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"servicebp/blueprint/draw"
	"servicebp/internal/golden"
)

var keepSlides = os.Getenv("SERVICEBP_KEEP_SLIDES")

func TestWriteSlides(t *testing.T) {
	font := pinnedFont(t)
	tests := []struct {
		template string
		width    int
		theme    string
		names    []string
		w, h     int
	}{
		{"hotel", 0, "contrast", []string{"00-overview.png", "01-arrival.png", "02-stay.png", "03-departure.png"}, 1920, 1080},
		{"hotel", 1280, "dark", []string{"00-overview.png", "01-arrival.png", "02-stay.png", "03-departure.png"}, 1280, 720},
		{"shop", 0, "light", nil, 1920, 1080},
	}
	for _, tc := range tests {
		t.Run(tc.template+"-"+tc.theme, func(t *testing.T) {
			d := golden.Template(t, tc.template)
			dir := t.TempDir()
			if keepSlides != "" {
				dir = filepath.Join(keepSlides, tc.template+"-"+tc.theme)
			}
			pal, _ := draw.PaletteByName(tc.theme)
			paths, err := WriteSlides(dir, d, Options{Width: tc.width, Palette: pal, Font: font})
			if err != nil {
				t.Fatal(err)
			}
			if want := len(d.Phases()) + 1; len(paths) != want {
				t.Fatalf("%d slides, want %d", len(paths), want)
			}
			var names []string
			for _, p := range paths {
				names = append(names, filepath.Base(p))
				f, err := os.Open(p)
				if err != nil {
					t.Fatal(err)
				}
				cfg, err := png.DecodeConfig(f)
				f.Close()
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				if cfg.Width != tc.w || cfg.Height != tc.h {
					t.Errorf("%s is %d × %d, want %d × %d", p, cfg.Width, cfg.Height, tc.w, tc.h)
				}
			}
			if tc.names != nil && !slices.Equal(names, tc.names) {
				t.Errorf("files %v, want %v", names, tc.names)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != len(paths) {
				t.Errorf("the directory holds %d files, want %d (no temporary files left)", len(entries), len(paths))
			}
		})
	}
}
