package export

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/blueprint/present"
	"servicebp/export/raster"
	"servicebp/export/text"
)

// Slide sizes: slides are 16:9, SlideWidth pixels wide unless the options
// ask for another width.
const (
	SlideWidth    = present.Width
	MinSlideWidth = 320
	MaxSlideWidth = 16384
)

// Slide is one picture of a slide deck.
type Slide struct {
	// Name is the file name: 00-overview.png, then 01-<phase>.png ...
	Name string
	// Phase is the phase shown, "" for the overview.
	Phase string
	// First and Last are the indexes of the columns shown.
	First, Last int
}

// SlideSize returns the pixel size of the slides for opt: Width (or
// SlideWidth) wide, 16:9.
func SlideSize(opt Options) (w, h int, err error) {
	w = opt.Width
	if w == 0 {
		w = SlideWidth
	}
	if w < MinSlideWidth || w > MaxSlideWidth {
		return 0, 0, fmt.Errorf("slide width %d px is outside %d–%d", w, MinSlideWidth, MaxSlideWidth)
	}
	return w, (w*9 + 8) / 16, nil
}

// SlideDeck lists the slides of d: the whole blueprint, then one slide per
// phase. Phases without a name are called phase-N.
func SlideDeck(d *blueprint.Document) []Slide {
	deck := []Slide{{Name: "00-overview.png", First: 0, Last: len(d.Columns) - 1}}
	for i, p := range d.Phases() {
		slug := blueprint.Slug(p.Name)
		if slug == "" {
			slug = "phase-" + strconv.Itoa(i+1)
		}
		deck = append(deck, Slide{Name: fmt.Sprintf("%02d-%s.png", i+1, slug), Phase: p.Name, First: p.First, Last: p.Last})
	}
	return deck
}

// RenderSlide draws the columns of s from d in the presentation style,
// fitted to the slide size and letterboxed with the palette's background.
// opt.Scale is not used.
func RenderSlide(d *blueprint.Document, s Slide, opt Options) (*image.NRGBA, error) {
	sp, err := slidePicture(d, s, opt)
	if err != nil {
		return nil, err
	}
	img := image.NewNRGBA(image.Rect(0, 0, sp.w, sp.h))
	if bg := sp.bg; !opt.Transparent && bg.A != 0 {
		fillRows(img, bg.R, bg.G, bg.B, bg.A)
	}
	p := raster.NewAt(sp.list, sp.eng, sp.zoom, sp.off)
	p.SetPictures(opt.Images)
	p.Paint(img)
	return img, nil
}

// slidePic is the picture of one slide: its display list, drawn at zoom
// pixels per unit with the world origin at pixel off, on a w × h slide of
// background bg.
type slidePic struct {
	list *draw.List
	eng  *text.Engine
	zoom float32
	off  layout.Point
	w, h int
	bg   color.NRGBA
}

// slidePicture lays out the columns of s from d in the presentation
// style and fits them to the slide size: what RenderSlide paints and each
// page of the PDF deck shows.
func slidePicture(d *blueprint.Document, s Slide, opt Options) (*slidePic, error) {
	w, h, err := SlideSize(opt)
	if err != nil {
		return nil, err
	}
	eng, err := engineFor(opt.Font, opt.Lang)
	if err != nil {
		return nil, err
	}
	pal := palette(opt)
	win := present.Window(d, s.First, s.Last)
	if s.Phase != "" || s.First > 0 {
		win.Description = ""
	}
	st := present.Style(opt.Lang)
	if opt.Style != nil {
		st = *opt.Style
	}
	st.Links = present.Links(d, s.First, s.Last)
	st.NoEmotionCurve = st.NoEmotionCurve || opt.NoEmotionCurve
	st.Annotations = st.Annotations || opt.Annotations
	l := layout.Compute(win, st, eng.Measure())

	sw, sh := float32(w), float32(h)
	margin := sh * 0.03
	_, hi := present.ZoomRange(st, sw, sh)
	zoom := present.FitZoom(l.Width, l.Height, sw-2*margin, sh-2*margin, hi)
	off := layout.Point{X: (sw - l.Width*zoom) / 2, Y: (sh - l.Height*zoom) / 2}
	dl := draw.Build(l, &pal, draw.Options{Transparent: true})
	eng.ShapeList(dl)
	return &slidePic{list: dl, eng: eng, zoom: zoom, off: off, w: w, h: h, bg: pal.Background}, nil
}

// WriteSlides renders the slide deck of d into dir (created when missing)
// and returns the paths written, in deck order. Every file is written
// atomically. When a slide fails and this call created dir, it removes
// the slides it wrote and the folders it made, and returns no paths: a
// failed export leaves no empty or partial deck behind. In a folder that
// existed, the slides written before the failure stay.
func WriteSlides(dir string, d *blueprint.Document, opt Options) (paths []string, err error) {
	if _, _, err := SlideSize(opt); err != nil {
		return nil, err
	}
	made, err := mkdirAll(dir)
	if err != nil {
		return nil, fmt.Errorf("slides: %w", err)
	}
	if len(made) > 0 {
		defer func() {
			if err != nil {
				err = undoSlides(err, paths, made)
				paths = nil
			}
		}()
	}
	for _, s := range SlideDeck(d) {
		img, err := RenderSlide(d, s, opt)
		if err != nil {
			return paths, err
		}
		data, err := encode(img)
		if err != nil {
			return paths, err
		}
		p := filepath.Join(dir, s.Name)
		if err := writeFile(p, data, 0o644); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// mkdirAll makes dir and its missing parents, and returns the folders it
// made, deepest first.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for p := filepath.Clean(dir); ; p = filepath.Dir(p) {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			break
		}
		missing = append(missing, p)
		if filepath.Dir(p) == p {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return missing, nil
}

// undoSlides removes the slides written and the folders made by a failed
// WriteSlides, adding to err what it could not remove.
func undoSlides(err error, paths, made []string) error {
	var left []error
	for _, p := range paths {
		if rerr := os.Remove(p); rerr != nil {
			left = append(left, rerr)
		}
	}
	for _, dir := range made {
		if rerr := os.Remove(dir); rerr != nil {
			left = append(left, rerr)
		}
	}
	if len(left) > 0 {
		return fmt.Errorf("%w; cleaning up: %w", err, errors.Join(left...))
	}
	return err
}
