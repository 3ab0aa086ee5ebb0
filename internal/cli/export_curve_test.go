package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportNoEmotionCurve exports the hotel, whose customer steps have
// emotions, with and without the curve: the band is a group of the SVG,
// and leaving it out makes the PNG shorter by the band, not narrower.
func TestExportNoEmotionCurve(t *testing.T) {
	dir := t.TempDir()
	hotel := lintTemplatePath("hotel")
	with, without := filepath.Join(dir, "with.png"), filepath.Join(dir, "without.png")
	for _, tc := range []struct {
		out  string
		args []string
	}{{with, nil}, {without, []string{"--no-emotion-curve"}}} {
		if code, _, errOut := runExportCLI(t, append([]string{hotel, "-o", tc.out, "--scale", "1"}, tc.args...)...); code != ExitOK {
			t.Fatalf("export %v: exit %d: %s", tc.args, code, errOut)
		}
	}
	w1, h1 := pngSize(t, with)
	w2, h2 := pngSize(t, without)
	if w1 != w2 || h2 >= h1 || h1-h2 > 100 {
		t.Errorf("with the curve %d×%d, without %d×%d", w1, h1, w2, h2)
	}
	for _, tc := range []struct {
		args []string
		want bool
	}{{nil, true}, {[]string{"--no-emotion-curve"}, false}} {
		out := filepath.Join(dir, "hotel.svg")
		if code, _, errOut := runExportCLI(t, append([]string{hotel, "-o", out}, tc.args...)...); code != ExitOK {
			t.Fatalf("export svg %v: exit %d: %s", tc.args, code, errOut)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(data), `id="emotion-curve"`); got != tc.want {
			t.Errorf("svg %v: has the emotion curve group %v, want %v", tc.args, got, tc.want)
		}
	}
}
