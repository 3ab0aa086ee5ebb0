package export

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
	"servicebp/export/text"
)

// Font is a font file's contents, for Options.Font.
type Font struct {
	Name string // the file's base name
	Data []byte
}

// LoadFont reads a .ttf or .otf font file for Options.Font. Font
// collections (.ttc) are refused: the editor cannot use them as its font,
// and an export should look like the editor.
func LoadFont(path string) (*Font, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".ttf", ".otf":
	case ".ttc", ".otc":
		return nil, fmt.Errorf("font %s: font collections (%s) are not supported; pass a .ttf or .otf file", path, ext)
	default:
		return nil, fmt.Errorf("font %s: not a .ttf or .otf file", path)
	}
	data, err := text.ReadFont(path)
	if err != nil {
		return nil, err
	}
	f := &Font{Name: filepath.Base(path), Data: data}
	// Parsed now, once, into the engine the export will draw with, so that
	// a broken font is refused here.
	if _, err := engineFor(f, i18n.English); err != nil {
		if inner := errors.Unwrap(err); inner != nil {
			err = inner // without the engine's name for the font
		}
		return nil, fmt.Errorf("font %s: not a valid font: %w", path, err)
	}
	return f, nil
}

// Texts returns every string of d that an export with opt draws, the
// labels in opt.Lang included.
func Texts(d *blueprint.Document, opt Options) []string {
	lb := labels(opt)
	if opt.Style != nil {
		lb = opt.Style.Labels
	}
	out := []string{d.Title, d.Description, lb.Fail, lb.Wait, lb.Moment, lb.Emotion, lb.Flow, lb.TwoWay, "W 0123456789smhdw+-" + layout.Ellipsis}
	for _, l := range d.Lanes {
		out = append(out, lb.LaneName(l))
	}
	for _, l := range d.Lines {
		out = append(out, lb.LineName(l))
	}
	for _, c := range d.Columns {
		out = append(out, c.Name, c.Phase)
	}
	for _, s := range d.Steps {
		out = append(out, s.Text, s.Owner)
		if opt.Annotations || opt.Style != nil && opt.Style.Annotations {
			out = append(out, "→: ,", s.Fail, s.Recovery)
			out = append(out, s.Waiting...)
		}
	}
	for _, f := range d.Flows {
		out = append(out, f.Label)
	}
	return out
}

// Missing returns, sorted, the characters of the texts an export of d with
// opt draws that no available font can draw: neither opt.Font (when not
// nil), nor the bundled Noto Sans, nor the system fonts the exports fall
// back to.
func Missing(d *blueprint.Document, opt Options) ([]rune, error) {
	eng, err := engineFor(opt.Font, opt.Lang)
	if err != nil {
		return nil, err
	}
	return eng.Missing(Texts(d, opt))
}

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

// engines holds one text engine per font and CJK preference, so that the
// layout and the painters of one export shape with the same engine and its
// caches.
var engines struct {
	sync.Mutex
	m map[engineKey]*text.Engine
}

// engineKey names an engine: its font and whether it tries the
// Traditional Chinese face first.
type engineKey struct {
	font        *Font
	traditional bool
}

// engineFor returns the engine that draws with f (nil: the bundled fonts)
// the labels in l: for zh-Hant it falls back to the Traditional Chinese
// face first.
func engineFor(f *Font, l i18n.Lang) (*text.Engine, error) {
	engines.Lock()
	defer engines.Unlock()
	key := engineKey{f, l == i18n.Traditional}
	if e, ok := engines.m[key]; ok {
		return e, nil
	}
	cfg := text.Config{Traditional: key.traditional}
	if f != nil {
		cfg.Font, cfg.FontName = f.Data, f.Name
	}
	e, err := text.New(cfg)
	if err != nil {
		return nil, err
	}
	if engines.m == nil {
		engines.m = map[engineKey]*text.Engine{}
	}
	engines.m[key] = e
	return e, nil
}

// defaultEngine is the engine of the bundled fonts, which always load.
func defaultEngine() *text.Engine {
	e, err := engineFor(nil, i18n.English)
	if err != nil {
		panic(fmt.Sprintf("the bundled fonts do not load: %v", err))
	}
	return e
}
