package export

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

// LoadFont reads a .ttf or .otf font file for Options.Font. Font
// collections (.ttc) are refused: Fyne cannot draw them as a theme font.
func LoadFont(path string) (fyne.Resource, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".ttf", ".otf":
	case ".ttc", ".otc":
		return nil, fmt.Errorf("font %s: font collections (%s) are not supported; pass a .ttf or .otf file", path, ext)
	default:
		return nil, fmt.Errorf("font %s: not a .ttf or .otf file", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	if _, err := font.ParseTTF(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("font %s: not a valid font: %w", path, err)
	}
	return fyne.NewStaticResource(filepath.Base(path), data), nil
}

// Texts returns every string of d that an export draws.
func Texts(d *blueprint.Document) []string {
	lb := layout.LabelsFor(d)
	out := []string{d.Title, d.Description, lb.Fail, lb.Wait, lb.Moment, lb.Emotion, lb.Flow, lb.TwoWay, "W 0123456789smhdw+-" + layout.Ellipsis}
	for _, l := range d.Lanes {
		out = append(out, cmp.Or(l.Name, l.ID))
	}
	for _, l := range d.Lines {
		out = append(out, cmp.Or(l.Name, l.ID))
	}
	for _, c := range d.Columns {
		out = append(out, c.Name, c.Phase)
	}
	for _, s := range d.Steps {
		out = append(out, s.Text, s.Owner)
	}
	for _, f := range d.Flows {
		out = append(out, f.Label)
	}
	return out
}

// Missing returns, sorted, the characters of d's texts that no available
// font can draw: neither fnt (when not nil), nor Fyne's bundled fonts, nor
// the system fonts Fyne falls back to.
func Missing(d *blueprint.Document, fnt fyne.Resource) ([]rune, error) {
	covers, err := faceCoverage(fnt)
	if err != nil {
		return nil, err
	}
	texts := Texts(d)
	miss := missing(texts, covers)
	if len(miss) == 0 {
		return nil, nil // no need to scan the system fonts
	}
	system, err := fontscan.SystemFonts(quietLogger{}, "")
	if err != nil {
		return nil, fmt.Errorf("scan system fonts: %w", err)
	}
	return missing([]string{string(miss)}, func(r rune) bool {
		for i := range system {
			if system[i].Runes.Contains(r) {
				return true
			}
		}
		return false
	}), nil
}

// missing lists the distinct printable runes of texts that covers rejects.
func missing(texts []string, covers func(rune) bool) []rune {
	seen := map[rune]bool{}
	var out []rune
	for _, s := range texts {
		for _, r := range s {
			if seen[r] || unicode.IsSpace(r) || unicode.IsControl(r) || !unicode.IsGraphic(r) {
				continue
			}
			seen[r] = true
			if !covers(r) {
				out = append(out, r)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// faceCoverage reports the runes covered by fnt (when not nil) and Fyne's
// bundled fonts, without the system fonts.
func faceCoverage(fnt fyne.Resource) (func(rune) bool, error) {
	res := []fyne.Resource{theme.DefaultTextFont(), theme.DefaultTextBoldFont(), theme.DefaultEmojiFont()}
	if fnt != nil {
		res = append([]fyne.Resource{fnt}, res...)
	}
	var faces []*font.Face
	for _, r := range res {
		if r == nil {
			continue
		}
		f, err := font.ParseTTF(bytes.NewReader(r.Content()))
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", r.Name(), err)
		}
		faces = append(faces, f)
	}
	return func(r rune) bool {
		for _, f := range faces {
			if _, ok := f.NominalGlyph(r); ok {
				return true
			}
		}
		return false
	}, nil
}

type quietLogger struct{}

func (quietLogger) Printf(string, ...any) {}

// MissingMessage is the warning for characters no font can draw, naming
// them and the fix.
func MissingMessage(runes []rune, withFont bool) string {
	const show = 20
	var b strings.Builder
	for i, r := range runes {
		if i == show {
			fmt.Fprintf(&b, " and %d more", len(runes)-show)
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%c (U+%04X)", r, r)
	}
	fix := "install a font that has them (for Chinese, Japanese and Korean: fonts-noto-cjk) or pass --font FILE with a .ttf or .otf font that covers them"
	if withFont {
		fix = "pass a --font that covers them, or install a system font that has them (for Chinese, Japanese and Korean: fonts-noto-cjk)"
	}
	return fmt.Sprintf("%d character(s) have no font and would be drawn as boxes: %s; %s", len(runes), b.String(), fix)
}

// fontTheme is a theme that draws all text with one font.
type fontTheme struct {
	fyne.Theme
	font fyne.Resource
}

// Font returns the chosen font, except for monospace and symbols.
func (t *fontTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	return t.font
}

// UseFont makes f the current app's text font, through a theme that keeps
// the app's theme otherwise; glyphs that f lacks fall back to Fyne's
// bundled font and then to the system fonts. UseFont(nil) restores the
// theme that was current before. It changes the app theme, so the editor
// must not call it: it is for the headless export.
func UseFont(f fyne.Resource) {
	s := fyne.CurrentApp().Settings()
	cur, isFont := s.Theme().(*fontTheme)
	switch {
	case f == nil && !isFont, isFont && cur.font == f:
		return
	case f == nil:
		setTheme(s, cur.Theme)
	case isFont:
		setTheme(s, &fontTheme{Theme: cur.Theme, font: f})
	default:
		setTheme(s, &fontTheme{Theme: s.Theme(), font: f})
	}
}

// setTheme applies th. Settings apply a theme through the driver's thread
// check, which runs the change synchronously only off the main goroutine.
func setTheme(s fyne.Settings, th fyne.Theme) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.SetTheme(th)
	}()
	<-done
}
