package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"servicebp/internal/golden"
)

func TestExportPerPhase(t *testing.T) {
	exportFont := golden.FontFile(t)
	hotel := lintTemplatePath("hotel")
	tests := []struct {
		name  string
		args  []string
		code  int
		files []string
		w, h  int
		err   string
	}{
		{"default size", []string{"--theme", "contrast"}, ExitOK,
			[]string{"00-overview.png", "01-arrival.png", "02-stay.png", "03-departure.png"}, 1920, 1080, ""},
		{"width", []string{"--width", "960"}, ExitOK,
			[]string{"00-overview.png", "01-arrival.png", "02-stay.png", "03-departure.png"}, 960, 540, ""},
		{"scale refused", []string{"--scale", "2"}, ExitUsage, nil, 0, 0, "--per-phase takes --width"},
		{"width too small", []string{"--width", "100"}, ExitFailure, nil, 0, 0, "slide width 100 px"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "slides")
			args := append([]string{hotel, "--per-phase", "-o", dir, "--font", exportFont}, tc.args...)
			code, stdout, stderr := runExportCLI(t, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.err) {
				t.Errorf("stderr %q does not mention %q", stderr, tc.err)
			}
			if tc.files == nil {
				if _, err := os.Stat(dir); err == nil && len(dirNames(t, dir)) > 0 {
					t.Errorf("a failed export left files: %v", dirNames(t, dir))
				}
				return
			}
			if got := dirNames(t, dir); !slices.Equal(got, tc.files) {
				t.Fatalf("files %v, want %v", got, tc.files)
			}
			if lines := strings.Fields(stdout); len(lines) != len(tc.files) {
				t.Errorf("stdout lists %d files, want %d: %q", len(lines), len(tc.files), stdout)
			}
			for _, f := range tc.files {
				if w, h := pngSize(t, filepath.Join(dir, f)); w != tc.w || h != tc.h {
					t.Errorf("%s is %d × %d, want %d × %d", f, w, h, tc.w, tc.h)
				}
			}
		})
	}
}
