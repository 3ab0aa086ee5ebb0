// Package export writes blueprints to files, headless: PNG images painted
// band by band by the raster painter, SVG documents, and PDFs (one page,
// posters on paper sheets, slide decks), all from the display list the
// editor's board shows, with text shaped by one text
// engine (export/text), so that the files look like the screen and like
// each other. It changes no global state and needs no display.
package export

import (
	"errors"
	"fmt"
	"math"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/images"
	"servicebp/blueprint/layout"
)

// Scale limits and default.
const (
	MinScale     = 0.25
	MaxScale     = 8
	DefaultScale = 2
)

// MaxPixels limits the pixels of an output image, checked before anything
// is drawn. The sides have no limit of their own below PNG's (2³¹−1).
const MaxPixels = 268_000_000

// maxSide is PNG's own limit on a side.
const maxSide = math.MaxInt32

// ErrTooLarge is wrapped by the error of an image over MaxPixels.
var ErrTooLarge = errors.New("image too large")

// Options say how to render.
type Options struct {
	// Scale multiplies the layout size; 0 means DefaultScale.
	Scale float32
	// Width, when > 0, overrides Scale with the scale that makes the image
	// that many pixels wide.
	Width int
	// Palette colours the drawing; the zero value means the light palette.
	Palette draw.Palette
	// Transparent leaves the background transparent.
	Transparent bool
	// Font, when not nil, draws all text, with the bundled Noto Sans and
	// then the system fonts as fallbacks for the characters it lacks.
	Font *Font
	// Style overrides the layout style; nil means layout.DefaultStyle with
	// its labels in Lang.
	Style *layout.Style
	// Lang is the language of the labels the drawing adds: the legend, the
	// emotion band's title and the lanes and lines that keep their
	// default names. The zero value means English.
	Lang i18n.Lang
	// NoEmotionCurve leaves out the emotion curve, whatever the style.
	NoEmotionCurve bool
	// Annotations writes the fail text, recovery and wait on each card
	// (the annotations layer), whatever the style.
	Annotations bool
	// Poster, when not nil, makes the PDF export a poster of that paper
	// (PDF only; the other formats refuse it).
	Poster *Poster
	// Changes, when not nil, marks the changes of a diff on the picture
	// (see draw.Changes and diff.Marks); its geometry belongs to the
	// layout that is drawn.
	Changes *draw.Changes
	// Images gives the photos of the steps' image paths (an *images.Set
	// of the blueprint's folder); nil draws every photo's placeholder.
	// ImageProblems lists the photos it cannot give.
	Images images.Source
}

// Layout computes the layout of d as the exports draw it, measuring text
// with the export text engine.
func Layout(d *blueprint.Document, opt Options) *layout.Layout {
	st := Style(d, opt)
	eng, err := engineFor(opt.Font, opt.Lang)
	if err != nil {
		// The font was checked when it was loaded; should it still fail,
		// lay out with the bundled fonts, and let the painters report it.
		eng = defaultEngine()
	}
	return layout.Compute(d, st, eng.Measure())
}

// labels are the layout labels in opt.Lang.
func labels(opt Options) layout.Labels {
	if opt.Lang == "" {
		return layout.EnglishLabels
	}
	return layout.LabelsIn(opt.Lang)
}

// Style is the layout style the exports use for d under opt: the default
// style with its labels in opt.Lang, unless opt.Style replaces it.
func Style(d *blueprint.Document, opt Options) layout.Style {
	st := layout.DefaultStyle()
	if opt.Style != nil {
		st = *opt.Style
	} else {
		st.Labels = labels(opt)
	}
	st.NoEmotionCurve = st.NoEmotionCurve || opt.NoEmotionCurve
	st.Annotations = st.Annotations || opt.Annotations
	return st
}

// Measure is the text measure of the exports under opt: the one Layout
// lays out with, for geometry added to a layout (see diff.Marks).
func Measure(opt Options) layout.Measure {
	eng, err := engineFor(opt.Font, opt.Lang)
	if err != nil {
		eng = defaultEngine()
	}
	return eng.Measure()
}

// PickScale returns the scale for opt and a layout of width w: Width / w
// when Width is set, else Scale (DefaultScale when 0). It refuses scales
// outside MinScale–MaxScale.
func PickScale(opt Options, w float32) (float32, error) {
	s := opt.Scale
	if opt.Width > 0 {
		if w <= 0 {
			return 0, fmt.Errorf("the blueprint has no width")
		}
		s = float32(opt.Width) / w
		// Rounding must not make the image one pixel wider than asked.
		for s > 0 && math.Ceil(float64(w*s)) > float64(opt.Width) {
			s = math.Nextafter32(s, 0)
		}
	} else if s == 0 {
		s = DefaultScale
	}
	if s < MinScale || s > MaxScale || math.IsNaN(float64(s)) {
		if opt.Width > 0 {
			return 0, fmt.Errorf("width %d px needs scale %.3g, outside %g–%g (the blueprint is %g units wide)", opt.Width, s, float32(MinScale), float32(MaxScale), w)
		}
		return 0, fmt.Errorf("scale %g is outside %g–%g", s, float32(MinScale), float32(MaxScale))
	}
	return s, nil
}

// PixelSize is the size in pixels of layout l drawn at scale, refused with
// ErrTooLarge over MaxPixels.
func PixelSize(l *layout.Layout, scale float32) (w, h int, err error) {
	fw := math.Ceil(float64(l.Width * scale))
	fh := math.Ceil(float64(l.Height * scale))
	if fw > maxSide || fh > maxSide || fw*fh > MaxPixels {
		return 0, 0, fmt.Errorf("%w: %.0f × %.0f px (%.0f Mpx) at scale %g is over the limit of %d Mpx; use a smaller --scale or --width, or export SVG", ErrTooLarge, fw, fh, fw*fh/1e6, scale, MaxPixels/1_000_000)
	}
	return int(fw), int(fh), nil
}

// palette is opt's palette, the light one by default.
func palette(opt Options) draw.Palette {
	if opt.Palette.Lanes == nil {
		return draw.LightPalette()
	}
	return opt.Palette
}

// List builds the display list of layout l for opt, with its texts shaped
// by the engine of opt's font.
func List(l *layout.Layout, opt Options) (*draw.List, error) {
	eng, err := engineFor(opt.Font, opt.Lang)
	if err != nil {
		return nil, err
	}
	pal := palette(opt)
	dl := draw.Build(l, &pal, draw.Options{Transparent: opt.Transparent, Changes: opt.Changes})
	eng.ShapeList(dl)
	return dl, nil
}

// writeFile writes every export file; tests replace it to fail a write.
var writeFile = blueprint.WriteFileAtomic
