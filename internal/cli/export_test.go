package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/internal/golden"
)

func runExportCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(append([]string{"export"}, args...), Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}, nil)
	return code, out.String(), errOut.String()
}

func pngSize(t *testing.T, path string) (int, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cfg.Width, cfg.Height
}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestExportTemplates(t *testing.T) {
	exportFont := golden.FontFile(t)
	dir := t.TempDir()
	for _, name := range lintTemplates {
		t.Run(name, func(t *testing.T) {
			one := filepath.Join(dir, name+"-1.png")
			two := filepath.Join(dir, name+"-2.png")
			if code, _, stderr := runExportCLI(t, lintTemplatePath(name), "-o", one, "--scale", "1", "--font", exportFont); code != ExitOK {
				t.Fatalf("scale 1: exit %d: %s", code, stderr)
			}
			if code, _, stderr := runExportCLI(t, "--font", exportFont, "-o", two, lintTemplatePath(name)); code != ExitOK {
				t.Fatalf("default scale: exit %d: %s", code, stderr)
			}
			w1, h1 := pngSize(t, one)
			w2, h2 := pngSize(t, two)
			if w2 != 2*w1 || h2 != 2*h1 {
				t.Errorf("default scale gives %d × %d, scale 1 gives %d × %d", w2, h2, w1, h1)
			}
		})
	}
}

func TestExportOptions(t *testing.T) {
	exportFont := golden.FontFile(t)
	dir := t.TempDir()
	hotel := lintTemplatePath("hotel")
	tests := []struct {
		name  string
		args  []string
		width int
	}{
		{"width", []string{"--width", "1200"}, 1200},
		{"dark", []string{"--theme", "dark", "--scale", "0.5"}, 0},
		{"contrast transparent", []string{"--theme=contrast", "--transparent", "--scale", "0.5"}, 0},
		{"long output flag", []string{"--scale", "0.25"}, 0},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, tt.name+".png")
			args := append([]string{hotel, "--font", exportFont}, tt.args...)
			if i == len(tests)-1 {
				args = append(args, "--output", out)
			} else {
				args = append(args, "-o", out)
			}
			code, stdout, stderr := runExportCLI(t, args...)
			if code != ExitOK || stdout != "" || stderr != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			if w, _ := pngSize(t, out); tt.width > 0 && w != tt.width {
				t.Errorf("width %d, want %d", w, tt.width)
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	invalid := filepath.Join(dir, "invalid.yaml")
	if err := os.WriteFile(invalid, []byte("servicebp: 1\nsteps:\n  - id: a\n    lane: nowhere\n    column: c\n    txt: hi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noFont := filepath.Join(dir, "hieroglyph.yaml")
	if err := os.WriteFile(noFont, []byte("servicebp: 1\nsteps:\n  - id: a\n    lane: customer\n    column: c\n    text: \"\U00013000\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	hotel := lintTemplatePath("hotel")
	// 200 columns: over the pixel limit at scale 4 (exports at scale 1
	// and 2 are tested in the export package).
	wide := filepath.Join(dir, "wide.yaml")
	wideData, err := blueprint.Marshal(bpgen.Generate(1000))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(wide, wideData, 0o644); err != nil {
		t.Fatal(err)
	}
	// Half a font: its table directory is whole, its glyphs cut short.
	fontData, err := os.ReadFile(golden.FontFile(t))
	if err != nil {
		t.Fatal(err)
	}
	halfFont := filepath.Join(dir, "half.ttf")
	if err := os.WriteFile(halfFont, fontData[:len(fontData)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.png")
	_, _, validateErr := runLintCLI(t, "", "validate", invalid)

	tests := []struct {
		name       string
		args       []string
		code       int
		stderr     string // a substring of stderr
		wantOutput bool
	}{
		{"invalid input", []string{invalid, "-o", out}, ExitFailure, validateErr, false},
		{"missing input", []string{filepath.Join(dir, "nope.yaml"), "-o", out}, ExitFailure, "nope.yaml", false},
		{"missing folder", []string{hotel, "-o", filepath.Join(dir, "no", "x.png"), "--scale", "0.25"}, ExitFailure, "no such file", false},
		{"folder is a file", []string{hotel, "-o", filepath.Join(invalid, "x.png"), "--scale", "0.25"}, ExitFailure, "not a directory", false},
		{"output is a folder", []string{hotel, "-o", readOnly, "--format", "png", "--scale", "0.25"}, ExitFailure, "not a regular file", false},
		{"oversize", []string{wide, "-o", out, "--scale", "4"}, ExitFailure, "too large", false},
		{"oversize width", []string{wide, "-o", out, "--width", "200000"}, ExitFailure, "too large", false},
		{"unknown extension", []string{hotel, "-o", filepath.Join(dir, "out.bmp")}, ExitUsage, "the formats are png, svg, pdf", false},
		{"no extension", []string{hotel, "-o", filepath.Join(dir, "out")}, ExitUsage, "--format", false},
		{"unknown --format", []string{hotel, "-o", out, "--format", "bmp"}, ExitUsage, "the formats are png, svg, pdf", false},
		{"--per-phase is png or pdf", []string{hotel, "-o", dir, "--per-phase", "--format", "svg"}, ExitUsage, "--format must be png or pdf", false},
		{"poster as png", []string{hotel, "-o", out, "--paper", "A4"}, ExitUsage, "PDF posters, not PNG", false},
		{"poster as svg", []string{hotel, "-o", out, "--format", "svg", "--paper", "A4", "--tiles"}, ExitUsage, "PDF posters, not SVG", false},
		{"tiles without paper", []string{hotel, "-o", out, "--tiles"}, ExitUsage, "go with --paper", false},
		{"landscape without paper", []string{hotel, "-o", out, "--landscape"}, ExitUsage, "go with --paper", false},
		{"unknown paper", []string{hotel, "-o", out, "--format", "pdf", "--paper", "B5"}, ExitUsage, "the papers are A0, A1, A2, A3, A4, letter, tabloid", false},
		{"bad tiles", []string{hotel, "-o", out, "--format", "pdf", "--paper", "A4", "--tiles=0x3"}, ExitUsage, "COLSxROWS", false},
		{"poster and slides", []string{hotel, "-o", out, "--format", "pdf", "--paper", "A4", "--per-phase"}, ExitUsage, "does not go with --per-phase", false},
		{"no output", []string{hotel}, ExitUsage, "-o OUT.png", false},
		{"no input", []string{"-o", out}, ExitUsage, "one blueprint FILE", false},
		{"two inputs", []string{hotel, hotel, "-o", out}, ExitUsage, "one blueprint FILE", false},
		{"scale out of range", []string{hotel, "-o", out, "--scale", "9"}, ExitUsage, "--scale must be", false},
		{"scale not a number", []string{hotel, "-o", out, "--scale", "big"}, ExitUsage, "invalid value", false},
		{"scale and width", []string{hotel, "-o", out, "--scale", "1", "--width", "800"}, ExitUsage, "not both", false},
		{"negative width", []string{hotel, "-o", out, "--width", "-5"}, ExitUsage, "positive", false},
		{"unknown theme", []string{hotel, "-o", out, "--theme", "pink"}, ExitUsage, "unknown --theme", false},
		{"unknown flag", []string{hotel, "-o", out, "--colour"}, ExitUsage, "not defined", false},
		{"font collection", []string{hotel, "-o", out, "--font", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"}, ExitFailure, ".ttf or .otf", false},
		{"damaged font", []string{hotel, "-o", out, "--font", halfFont}, ExitFailure, "not a valid font: damaged font file", false},
		{"uncovered characters, strict", []string{noFont, "-o", out, "--strict"}, ExitFailure, "U+13000", false},
		{"uncovered characters warn", []string{noFont, "-o", out, "--scale", "0.25"}, ExitOK, "warning: 1 character(s) have no font", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(out)
			code, _, stderr := runExportCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderr)
			}
			_, err := os.Stat(out)
			if exists := err == nil; exists != tt.wantOutput {
				t.Errorf("output exists: %v, want %v", exists, tt.wantOutput)
			}
		})
	}
	if os.Geteuid() != 0 {
		code, _, stderr := runExportCLI(t, hotel, "-o", filepath.Join(readOnly, "x.png"), "--scale", "0.25")
		if code != ExitFailure || !strings.Contains(stderr, "permission denied") {
			t.Errorf("read-only folder: exit %d, stderr %q", code, stderr)
		}
	}
	// Nothing but the inputs and the read-only folder is left behind: no
	// temporary files from the failed writes.
	if err := os.Remove(out); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(dirNames(t, dir), " "); got != "half.ttf hieroglyph.yaml invalid.yaml ro wide.yaml" {
		t.Errorf("folder holds %s", got)
	}
	if got := dirNames(t, readOnly); len(got) != 0 {
		t.Errorf("read-only folder holds %v", got)
	}
}

// TestExportFormats checks that the extension picks the format, that
// --format overrides it, and that a refused format writes nothing.
func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	hotel := lintTemplatePath("hotel")
	exportFont := golden.FontFile(t)
	isSVG := func(data []byte) bool {
		return bytes.HasPrefix(data, []byte("<?xml")) && bytes.Contains(data, []byte("<svg xmlns=\"http://www.w3.org/2000/svg\""))
	}
	isPNG := func(data []byte) bool { return bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) }
	isPDF := func(data []byte) bool {
		return bytes.HasPrefix(data, []byte("%PDF-1.7\n")) && bytes.HasSuffix(data, []byte("%%EOF\n"))
	}
	for _, tc := range []struct {
		name string
		args []string
		out  string
		want func([]byte) bool
	}{
		{"svg by extension", nil, "a.svg", isSVG},
		{"SVG in capitals", nil, "b.SVG", isSVG},
		{"png by extension", nil, "c.png", isPNG},
		{"--format svg over .png", []string{"--format", "svg"}, "d.png", isSVG},
		{"--format png with no extension", []string{"--format", "PNG"}, "e", isPNG},
		{"pdf by extension", nil, "f.pdf", isPDF},
		{"--format pdf over .svg", []string{"--format", "pdf"}, "g.svg", isPDF},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.out)
			args := append([]string{hotel, "-o", out, "--scale", "0.5", "--font", exportFont}, tc.args...)
			if code, _, stderr := runExportCLI(t, args...); code != ExitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !tc.want(data) {
				t.Errorf("%s holds %q...", tc.out, data[:min(len(data), 40)])
			}
		})
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 7 {
		t.Errorf("%d files in the folder, want the 7 outputs and no temp files", len(entries))
	}
}

// TestExportPDFPosterAndDeck writes a tiled A4 poster (--tiles alone and
// --tiles COLSxROWS as a separate argument) and the slide deck as one
// PDF, and counts their pages.
func TestExportPDFPosterAndDeck(t *testing.T) {
	dir := t.TempDir()
	hotel := lintTemplatePath("hotel")
	font := golden.FontFile(t)
	pages := func(path string) int {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Fatalf("%s is not a PDF", path)
		}
		return bytes.Count(data, []byte("/Type /Page "))
	}
	for _, tc := range []struct {
		name  string
		args  []string
		pages int
	}{
		{"one sheet", []string{"--paper", "a3", "--landscape"}, 1},
		{"tiles 3x2", []string{"--paper", "A4", "--tiles", "3x2"}, 6},
		{"tiles auto", []string{"--paper", "A4", "--tiles"}, 10}, // 5 × 2 portrait sheets at 1 pt per unit
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".pdf")
			args := append([]string{hotel, "-o", out, "--font", font}, tc.args...)
			if code, _, stderr := runExportCLI(t, args...); code != ExitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if n := pages(out); n != tc.pages {
				t.Errorf("%d pages, want %d", n, tc.pages)
			}
		})
	}
	deck := filepath.Join(dir, "deck.pdf")
	code, stdout, stderr := runExportCLI(t, hotel, "--per-phase", "-o", deck, "--font", font)
	if code != ExitOK || stderr != "" || stdout != deck+"\n" {
		t.Fatalf("deck: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	doc, err := blueprint.Load(hotel)
	if err != nil {
		t.Fatal(err)
	}
	if n, want := pages(deck), len(doc.Phases())+1; n != want {
		t.Errorf("the deck has %d pages, want %d: the overview and one per phase", n, want)
	}
}

// TestExportAnnotations checks --annotations: the fail text, the recovery
// and the wait are written on the cards of the SVG, and only with the flag.
func TestExportAnnotations(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join("..", "..", "assets", "templates", "hotel.yaml")
	for _, on := range []bool{false, true} {
		out := filepath.Join(dir, "out.svg")
		args := []string{in, "-o", out}
		if on {
			args = append(args, "--annotations")
		}
		if code, _, stderr := runExportCLI(t, args...); code != ExitOK {
			t.Fatalf("export %v: exit %d: %s", args, code, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Fail point: Room not ready", "→ Offer lounge and a drink voucher", "Wait point 10m"} {
			if got := strings.Contains(string(b), want); got != on {
				t.Errorf("annotations %v: SVG has %q = %v", on, want, got)
			}
		}
	}
}
