// Package text is the one text engine of every export: it loads the fonts
// (the user's, the bundled Noto Sans, then system fonts for what they
// lack), shapes text into the display list's glyph runs with per-glyph
// font fallback, measures text for the layout with the same shaping, and
// gives glyph outlines to the painters. It has no Fyne in it.
package text

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"servicebp/assets"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
)

// face is one loaded font, named as the runs name it.
type face struct {
	name string
	face *font.Face
	upem float32
	glyf *glyf // the outlines, when face was loaded without them (see glyf.go)
}

// Engine loads fonts, shapes text and serves glyph outlines. It is safe
// for concurrent use. Its font choice is deterministic: the user's font,
// then the bundled Noto Sans (bold for bold text), then the system fonts
// in a fixed order (see fallback.go).
type Engine struct {
	mu       sync.Mutex
	regular  []*face // the chain tried first for regular text
	bold     []*face // and for bold text
	byName   map[string]*face
	system   *systemFonts // loaded on the first character the chains lack
	noSystem bool
	// traditional tries the Traditional Chinese CJK face first.
	traditional bool
	runs        map[runKey]*draw.Run
	heights     map[runKey]float32 // line heights by size and weight
	outlines    map[glyphKey]Outline
	shaper      shaping.HarfbuzzShaper
}

type runKey struct {
	text string
	size float32
	bold bool
}

type glyphKey struct {
	face string
	id   uint32
}

// Config says which fonts an Engine uses.
type Config struct {
	// Font, when not nil, is the contents of a .ttf or .otf file that
	// draws all text, regular and bold; FontName names it in errors.
	Font     []byte
	FontName string
	// NoSystemFonts skips the system fallbacks: characters the user's and
	// the bundled fonts lack are drawn as the primary font's missing-glyph
	// box.
	NoSystemFonts bool
	// Traditional tries the Traditional Chinese system face (Noto Sans CJK
	// TC) before the Simplified one, for Han characters the user's and the
	// bundled fonts lack: set it when the labels are in zh-Hant, so that
	// Traditional text is drawn in Taiwan's glyph forms.
	Traditional bool
}

// New returns an engine with the fonts of cfg.
func New(cfg Config) (*Engine, error) {
	e := &Engine{
		byName:   map[string]*face{},
		runs:     map[runKey]*draw.Run{},
		heights:  map[runKey]float32{},
		outlines: map[glyphKey]Outline{},
		noSystem: cfg.NoSystemFonts,

		traditional: cfg.Traditional,
	}
	reg, err := e.addBundled("NotoSans-Regular", assets.NotoSansRegular)
	if err != nil {
		return nil, err
	}
	bold, err := e.addBundled("NotoSans-Bold", assets.NotoSansBold)
	if err != nil {
		return nil, err
	}
	e.regular = []*face{reg}
	e.bold = []*face{bold, reg}
	if cfg.Font != nil {
		name := cfg.FontName
		if name == "" {
			name = "font"
		}
		user, err := e.add("user:"+filepath.Base(name), cfg.Font)
		if err != nil {
			return nil, err
		}
		e.regular = append([]*face{user}, e.regular...)
		e.bold = append([]*face{user}, e.bold...)
	}
	return e, nil
}

// add parses a single-font file and registers it under name.
func (e *Engine) add(name string, data []byte) (*face, error) {
	f, err := parseFont(bytes.NewReader(data), func(r *bytes.Reader) (*font.Font, error) {
		ld, err := ot.NewLoader(r)
		if err != nil {
			return nil, err
		}
		return font.NewFont(ld)
	})
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	fc := &face{name: name, face: f, upem: float32(f.Upem())}
	e.byName[name] = fc
	return fc, nil
}

// addBundled registers a bundled font, loaded for shaping without its
// outlines, which glyf decodes glyph by glyph (see glyf.go).
func (e *Engine) addBundled(name string, data []byte) (*face, error) {
	g, err := newGlyf(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	view, err := shapingView(data, g)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	f, err := parseFont(nil, func(*bytes.Reader) (*font.Font, error) {
		ld, err := ot.NewLoader(view)
		if err != nil {
			return nil, err
		}
		return font.NewFont(ld)
	})
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	fc := &face{name: name, face: f, upem: float32(f.Upem()), glyf: g}
	e.byName[name] = fc
	return fc, nil
}

// parseFont runs parse on r, turning a panic of the font parser (go-text
// panics on some damaged files, such as a truncated glyf table) into an
// error, and returns a face of the font.
func parseFont(r *bytes.Reader, parse func(*bytes.Reader) (*font.Font, error)) (f *font.Face, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("damaged font file: %v", p)
		}
	}()
	ft, err := parse(r)
	if err != nil {
		return nil, err
	}
	return font.NewFace(ft), nil
}

// ReadFont reads a .ttf or .otf file for Config.Font, refusing font
// collections and files that are not OpenType fonts with a character map.
// It reads only the table directory: the engine parses the font, once.
func ReadFont(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("font %s: not a valid font: %w", path, err)
	}
	for _, tag := range []string{"cmap", "head", "hhea", "hmtx", "maxp"} {
		if !ld.HasTable(ot.MustNewTag(tag)) {
			return nil, fmt.Errorf("font %s: not a valid font: it has no %s table", path, tag)
		}
	}
	return data, nil
}

// Shape turns one line of text at size (world units) into a run. Runs are
// remembered: shaping the same text again returns the same *Run, which
// callers must not change.
func (e *Engine) Shape(s string, size float32, bold bool) *draw.Run {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.shape(s, size, bold)
}

func (e *Engine) shape(s string, size float32, bold bool) *draw.Run {
	k := runKey{s, size, bold}
	if r, ok := e.runs[k]; ok {
		return r
	}
	chain := e.regular
	if bold {
		chain = e.bold
	}
	prim := chain[0]
	run := &draw.Run{}
	sp := e.shaper.Shape(shaping.Input{Text: []rune{' '}, RunEnd: 1, Direction: di.DirectionLTR,
		Face: prim.face, Size: fixed.Int26_6(size * 64)})
	run.Ascent = fromFixed(sp.LineBounds.Ascent)
	run.Descent = -fromFixed(sp.LineBounds.Descent)
	runes := []rune(s)
	offs := make([]int, len(runes)+1) // the byte offset of each rune
	for i, r := range runes {
		offs[i+1] = offs[i] + utf8.RuneLen(r)
	}
	faceIndex := map[string]uint16{}
	var x float32
	for start := 0; start < len(runes); {
		fc := e.resolve(chain, runes[start])
		sc := language.LookupScript(runes[start])
		end := start + 1
		for end < len(runes) {
			r := runes[end]
			if e.resolve(chain, r) != fc {
				break
			}
			if rs := language.LookupScript(r); rs != sc && rs != language.Common && rs != language.Inherited {
				if sc != language.Common && sc != language.Inherited {
					break
				}
				sc = rs
			}
			end++
		}
		fi, ok := faceIndex[fc.name]
		if !ok {
			fi = uint16(len(run.Faces))
			faceIndex[fc.name] = fi
			run.Faces = append(run.Faces, fc.name)
		}
		out := e.shaper.Shape(shaping.Input{
			Text: runes, RunStart: start, RunEnd: end,
			Direction: di.DirectionLTR,
			Face:      fc.face,
			Size:      fixed.Int26_6(size * 64),
			Script:    sc,
		})
		for _, g := range out.Glyphs {
			run.Glyphs = append(run.Glyphs, draw.Glyph{
				Face:    fi,
				ID:      uint32(g.GlyphID),
				X:       x + fromFixed(g.XOffset),
				Y:       fromFixed(-g.YOffset),
				Cluster: offs[min(max(g.TextIndex(), 0), len(runes))],
			})
			x += fromFixed(g.Advance)
		}
		start = end
	}
	run.Advance = x
	if len(e.runs) >= maxCachedRuns {
		// A long editor session shapes ever new texts: start the cache
		// afresh rather than let it grow without bound.
		clear(e.runs)
	}
	e.runs[k] = run
	return run
}

// maxCachedRuns bounds the shaped texts an Engine keeps: far more than
// any blueprint holds, so one export never shapes a text twice.
const maxCachedRuns = 200_000

func fromFixed(v fixed.Int26_6) float32 { return float32(v) / 64 }

// resolve picks the face that draws r: the first of chain that has it,
// else the first system font that has it, else chain's first (which
// draws its missing-glyph box).
func (e *Engine) resolve(chain []*face, r rune) *face {
	for _, fc := range chain {
		if _, ok := fc.face.NominalGlyph(r); ok {
			return fc
		}
	}
	if isIgnorable(r) {
		return chain[0]
	}
	if fc := e.systemFace(r); fc != nil {
		return fc
	}
	return chain[0]
}

// isIgnorable says whether r needs no glyph of its own (controls, joiners,
// variation selectors), so that it never loads a fallback.
func isIgnorable(r rune) bool {
	return r < 0x20 || (r >= 0x200b && r <= 0x200f) || (r >= 0xfe00 && r <= 0xfe0f) || r == 0xfeff
}

// Measure returns a layout.Measure that measures with the same shaping as
// Shape: the run's advance, and the primary font's line height (ascent,
// descent and line gap).
func (e *Engine) Measure() layout.Measure {
	return func(s string, size float32, bold bool) (float32, float32) {
		e.mu.Lock()
		defer e.mu.Unlock()
		r := e.shape(s, size, bold)
		return r.Advance, e.lineHeight(size, bold)
	}
}

func (e *Engine) lineHeight(size float32, bold bool) float32 {
	k := runKey{size: size, bold: bold}
	if h, ok := e.heights[k]; ok {
		return h
	}
	prim := e.regular[0]
	if bold {
		prim = e.bold[0]
	}
	// The line bounds of a shaped space: the same metrics as the editor's
	// text measure, so the export's layout is the screen's.
	out := e.shaper.Shape(shaping.Input{Text: []rune{' '}, RunEnd: 1, Direction: di.DirectionLTR,
		Face: prim.face, Size: fixed.Int26_6(size * 64)})
	h := fromFixed(out.LineBounds.LineThickness())
	e.heights[k] = h
	return h
}

// ShapeList shapes every text of l that has no run yet.
func (e *Engine) ShapeList(l *draw.List) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, t := range l.Texts() {
		if t.Run == nil {
			t.Run = e.shape(t.Line.Text, t.Line.Size, t.Line.Bold)
		}
	}
}
