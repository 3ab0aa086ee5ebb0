package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/diff"
	"servicebp/canvas"
	"servicebp/export"
	"servicebp/internal/golden"
)

// The two versions of the picture tests: an edited, an added, a moved and
// a removed card, added, removed and relabelled flows, and Chinese text.
var (
	picOld = filepath.Join("..", "..", "blueprint", "diff", "testdata", "picture", "old.yaml")
	picNew = filepath.Join("..", "..", "blueprint", "diff", "testdata", "picture", "new.yaml")
)

func runDiffCLI(t *testing.T, args ...string) (code int, stdout []byte, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(append([]string{"diff"}, args...), Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}, nil)
	return code, out.Bytes(), errOut.String()
}

func parseFile(t *testing.T, path string) *blueprint.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := blueprint.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDiffPictureGolden compares the picture of the fixture's changes,
// on the light and the dark palette, with its golden image.
func TestDiffPictureGolden(t *testing.T) {
	font, err := export.LoadFont(golden.FontFile(t))
	if err != nil {
		t.Fatal(err)
	}
	oldDoc, newDoc := parseFile(t, picOld), parseFile(t, picNew)
	changes := diff.Compare(oldDoc, newDoc)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			pal, _ := canvas.PaletteByName(theme)
			data, err := diffPictureData(oldDoc, newDoc, changes, phaseOrder(newDoc), export.FormatPNG, export.Options{Palette: pal, Font: font, Scale: 1})
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			golden.AssertImage(t, filepath.Join("testdata", "diff", "picture-"+theme+".png"), img)
		})
	}
}

// TestDiffPictureCLI runs diff --png and --svg: the picture is written,
// the report still prints, the exit codes are diff's, and wrong uses are
// refused with exit 2 and nothing written.
func TestDiffPictureCLI(t *testing.T) {
	fontPath := golden.FontFile(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "changes.png")
	code, stdout, stderr := runDiffCLI(t, "--png", out, "--font", fontPath, picOld, picNew)
	if code != diffChanged {
		t.Fatalf("exit %d, want %d: %s", code, diffChanged, stderr)
	}
	if !strings.Contains(string(stdout), `- step pay "Take payment"`) || !strings.Contains(string(stdout), "12 changes") {
		t.Errorf("the text report is missing from stdout:\n%s", stdout)
	}
	if w, h := pngSize(t, out); w < 1000 || h < 1000 {
		t.Errorf("picture is %d × %d px", w, h)
	}

	// The picture to standard output replaces the report.
	code, stdout, stderr = runDiffCLI(t, "--svg", "-", "--theme", "dark", picOld, picNew)
	if code != diffChanged {
		t.Fatalf("--svg -: exit %d: %s", code, stderr)
	}
	if !bytes.HasPrefix(bytes.TrimSpace(stdout), []byte("<")) || !bytes.Contains(stdout, []byte("<svg")) || bytes.Contains(stdout, []byte("12 changes")) {
		t.Errorf("--svg - wrote %.200q", stdout)
	}

	// No changes: exit 0, and the picture is still drawn.
	same := filepath.Join(dir, "same.png")
	if code, _, stderr := runDiffCLI(t, "--png", same, picNew, picNew); code != diffSame {
		t.Errorf("same file: exit %d: %s", code, stderr)
	} else if _, err := os.Stat(same); err != nil {
		t.Errorf("same file: %v", err)
	}

	input := filepath.Join(dir, "new.yaml")
	src, err := os.ReadFile(picNew)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(input, src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"both", []string{"--png", filepath.Join(dir, "a.png"), "--svg", filepath.Join(dir, "a.svg"), picOld, picNew}, "not both"},
		{"overwrite", []string{"--png", input, picOld, input}, "is the input"},
		{"git", []string{"--png", filepath.Join(dir, "g.png"), "--git-external", "p", picOld, ".", ".", picNew, ".", "."}, "--git-external"},
		{"theme", []string{"--png", filepath.Join(dir, "t.png"), "--theme", "sepia", picOld, picNew}, "sepia"},
		{"scale", []string{"--png", filepath.Join(dir, "s.png"), "--scale", "100", picOld, picNew}, "--scale must be between"},
		{"invalid", []string{"--png", filepath.Join(dir, "i.png"), picOld, filepath.Join(dir, "missing.yaml")}, "missing.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runDiffCLI(t, tc.args...)
			if code != diffTrouble || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d naming %q", code, stderr, diffTrouble, tc.want)
			}
		})
	}
	if got, err := os.ReadFile(input); err != nil || !bytes.Equal(got, src) {
		t.Errorf("the input was changed: %v", err)
	}
	for _, name := range []string{"a.png", "a.svg", "g.png", "t.png", "s.png", "i.png"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s was written", name)
		}
	}
}
