package text

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/fontscan"
)

// systemFonts is the system's fonts in the order they are tried as
// fallbacks, with the ones loaded so far.
type systemFonts struct {
	prints []fontscan.Footprint
	loaded map[fontscan.Location]*face // nil: failed to load
	err    error                       // from scanning, reported by Missing
}

// preferred ranks font families for fallback: the CJK families first, so
// that Chinese text gets a CJK font rather than whichever font happens to
// have a few Han characters; then everything else by file path. The SC
// face draws Han characters in the mainland's glyph forms.
var preferred = []string{"noto sans cjk sc", "noto sans cjk tc", "noto sans cjk jp", "noto sans cjk kr", "droid sans fallback", "noto sans", "dejavu sans"}

// preferredTraditional is the order for Traditional Chinese labels: the TC
// face first, whose glyph forms follow the Taiwan standard (過, 說, 述 are
// drawn differently by the SC face).
var preferredTraditional = []string{"noto sans cjk tc", "noto sans cjk hk", "noto sans cjk sc", "noto sans cjk jp", "noto sans cjk kr", "droid sans fallback", "noto sans", "dejavu sans"}

func rank(preferred []string, fp *fontscan.Footprint) int {
	fam := strings.ToLower(fp.Family)
	for i, p := range preferred {
		if fam == p || strings.ReplaceAll(fam, " ", "") == strings.ReplaceAll(p, " ", "") {
			return i
		}
	}
	return len(preferred)
}

// loadSystem scans the system fonts once, keeping regular upright faces,
// sorted deterministically.
func (e *Engine) loadSystem() *systemFonts {
	if e.system != nil {
		return e.system
	}
	sf := &systemFonts{loaded: map[fontscan.Location]*face{}}
	e.system = sf
	if e.noSystem {
		return sf
	}
	prints, err := fontscan.SystemFonts(quietLogger{}, "")
	if err != nil {
		sf.err = fmt.Errorf("scan system fonts: %w", err)
		return sf
	}
	for _, fp := range prints {
		a := fp.Aspect
		if (a.Style == 0 || a.Style == font.StyleNormal) && (a.Weight == 0 || a.Weight == font.WeightNormal) {
			sf.prints = append(sf.prints, fp)
		}
	}
	order := preferred
	if e.traditional {
		order = preferredTraditional
	}
	slices.SortStableFunc(sf.prints, func(a, b fontscan.Footprint) int {
		return cmp.Or(cmp.Compare(rank(order, &a), rank(order, &b)),
			cmp.Compare(a.Location.File, b.Location.File),
			cmp.Compare(a.Location.Index, b.Location.Index),
			cmp.Compare(a.Location.Instance, b.Location.Instance))
	})
	return sf
}

// systemFace returns the first system font that draws r, or nil.
func (e *Engine) systemFace(r rune) *face {
	sf := e.loadSystem()
	for i := range sf.prints {
		fp := &sf.prints[i]
		if !fp.Runes.Contains(r) {
			continue
		}
		fc, seen := sf.loaded[fp.Location]
		if !seen {
			// A font that fails to load is skipped for the next one that
			// has r: fallback fonts are best effort.
			fc = e.loadLocation(fp.Location)
			sf.loaded[fp.Location] = fc
		}
		if fc != nil {
			if _, ok := fc.face.NominalGlyph(r); ok {
				return fc
			}
		}
	}
	return nil
}

// loadLocation loads one face of a font file, or returns nil. The parser
// reads the tables it needs from the file, rather than from a copy of the
// whole file in memory: a CJK collection is about 20 MB, and the copy
// doubled what loading it cost.
func (e *Engine) loadLocation(loc fontscan.Location) *face {
	file, err := os.Open(loc.File)
	if err != nil {
		return nil
	}
	defer file.Close()
	f, err := parseFont(nil, func(*bytes.Reader) (*font.Font, error) {
		lds, err := ot.NewLoaders(file)
		if err != nil {
			return nil, err
		}
		if int(loc.Index) >= len(lds) {
			return nil, fmt.Errorf("no font %d in the collection", loc.Index)
		}
		return font.NewFont(lds[loc.Index])
	})
	if err != nil {
		return nil
	}
	name := fmt.Sprintf("%s#%d", loc.File, loc.Index)
	fc := &face{name: name, face: f, upem: float32(f.Upem())}
	e.byName[name] = fc
	return fc
}

type quietLogger struct{}

func (quietLogger) Printf(string, ...any) {}

// Missing returns, sorted, the distinct printable characters of texts that
// no font of the engine draws (neither the user's, nor the bundled, nor a
// system font); the error says that the system fonts could not be scanned.
func (e *Engine) Missing(texts []string) ([]rune, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	seen := map[rune]bool{}
	var out []rune
	var scanned bool
	for _, s := range texts {
		for _, r := range s {
			if seen[r] || unicode.IsSpace(r) || unicode.IsControl(r) || !unicode.IsGraphic(r) {
				continue
			}
			seen[r] = true
			if e.covered(e.regular, r) || e.covered(e.bold, r) {
				continue
			}
			scanned = true
			if e.systemFace(r) == nil {
				out = append(out, r)
			}
		}
	}
	slices.Sort(out)
	if scanned && e.system.err != nil {
		return out, e.system.err
	}
	return out, nil
}

func (e *Engine) covered(chain []*face, r rune) bool {
	for _, fc := range chain {
		if _, ok := fc.face.NominalGlyph(r); ok {
			return true
		}
	}
	return false
}
