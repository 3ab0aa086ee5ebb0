package images

import (
	"errors"
	"fmt"
	"image"
	"io"
	"io/fs"
	"os"
	"path"
	"sync"
	"sync/atomic"

	"servicebp/blueprint"
)

// Picture is a photo decoded and downscaled for drawing. Thumb keeps the
// photo's aspect ratio; painters crop it to fill their box (see Cover).
type Picture struct {
	// Thumb is the photo downscaled so that its longer side is at most
	// ThumbSide pixels (never upscaled), opaque: a transparent photo is
	// shown on white, as on paper.
	Thumb *image.NRGBA
	// Format is the format of the file: JPEG photos are embedded in SVG
	// and PDF as JPEG, PNG ones as PNG.
	Format Format
	// Width and Height are the size of the original image in pixels.
	Width, Height int
}

// ThumbSide is the longest side, in pixels, of a thumbnail: sharp on a
// card at the largest export scale most people use, and small in an SVG
// or a PDF.
const ThumbSide = 640

// LargeSide is the longest side, in pixels, of the large view of a photo
// (the presentation's spotlight).
const LargeSide = 1600

// Set is the photos of one blueprint, read from the folder its image
// paths are relative to. Each photo is read and downscaled once, on first
// use, and kept; a photo that cannot be read is remembered as a problem
// and not tried again until Forget. A Set is safe for concurrent use.
type Set struct {
	dir string
	mu  sync.Mutex
	pic map[string]*entry
	// large keeps the last few large views; they are bigger than thumbnails.
	large     map[string]*image.NRGBA
	largeKeys []string
}

type entry struct {
	once     sync.Once
	pic      *Picture
	err      error
	done     atomic.Bool // pic and err are set
	fetching atomic.Bool // a Fetch is reading it
}

// maxLarge is how many large views a Set keeps.
const maxLarge = 3

// NewSet returns the set of the photos under dir, the folder of the
// blueprint file ("" means the working directory).
func NewSet(dir string) *Set {
	if dir == "" {
		dir = "."
	}
	return &Set{dir: dir, pic: map[string]*entry{}, large: map[string]*image.NRGBA{}}
}

// Dir is the folder the set reads from.
func (s *Set) Dir() string { return s.dir }

// Picture returns the photo at key, a step's image path, reading it on
// first use. The error says why a photo cannot be shown (missing,
// unreadable, too large); the card then shows a placeholder.
func (s *Set) Picture(key string) (*Picture, error) {
	if s == nil {
		return nil, errors.New("no folder to read images from")
	}
	e := s.entry(key)
	e.once.Do(func() {
		e.pic, e.err = s.load(key)
		e.done.Store(true)
	})
	return e.pic, e.err
}

// entry returns the entry of key, made when missing.
func (s *Set) entry(key string) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.pic[key]
	if e == nil {
		e = &entry{}
		s.pic[key] = e
	}
	return e
}

// Peek returns the photo at key when it has been read (ok), without
// reading it: for a view that must not wait for a decode.
func (s *Set) Peek(key string) (pic *Picture, err error, ok bool) {
	e := s.entry(key)
	if !e.done.Load() {
		return nil, nil, false
	}
	return e.pic, e.err, true
}

// Fetch reads the photo at key on another goroutine, unless it is read
// or being read, and then calls done (on that goroutine).
func (s *Set) Fetch(key string, done func()) {
	e := s.entry(key)
	if e.done.Load() || !e.fetching.CompareAndSwap(false, true) {
		return
	}
	go func() {
		_, _ = s.Picture(key)
		done()
	}()
}

// Forget drops what the set knows of key (every key when key is ""), so
// that the next use reads the file again: after the editor copies in a
// new photo, or a file on disk changes.
func (s *Set) Forget(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if key == "" {
		s.pic = map[string]*entry{}
		s.large = map[string]*image.NRGBA{}
		s.largeKeys = nil
		return
	}
	delete(s.pic, key)
	delete(s.large, key)
}

// load reads, checks, decodes and downscales the photo at key.
func (s *Set) load(key string) (*Picture, error) {
	img, f, err := s.decode(key)
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	return &Picture{Thumb: flatten(Downscale(img, ThumbSide)), Format: f, Width: b.Dx(), Height: b.Dy()}, nil
}

// Large returns the photo at key downscaled to at most LargeSide pixels,
// for a view that shows it big. It decodes the file again (a set keeps
// only thumbnails and the last few large views).
func (s *Set) Large(key string) (*image.NRGBA, error) {
	if _, err := s.Picture(key); err != nil {
		return nil, err
	}
	s.mu.Lock()
	img := s.large[key]
	s.mu.Unlock()
	if img != nil {
		return img, nil
	}
	full, _, err := s.decode(key)
	if err != nil {
		return nil, err
	}
	img = flatten(Downscale(full, LargeSide))
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.large[key]; !ok {
		s.largeKeys = append(s.largeKeys, key)
	}
	s.large[key] = img
	for len(s.largeKeys) > maxLarge {
		delete(s.large, s.largeKeys[0])
		s.largeKeys = s.largeKeys[1:]
	}
	return img, nil
}

// decode reads the file at key and decodes it.
func (s *Set) decode(key string) (image.Image, Format, error) {
	data, err := s.read(key)
	if err != nil {
		return nil, "", err
	}
	return Decode(data)
}

// read reads the file at key, refusing a path the file format refuses, a
// path that leaves the folder through a link, anything but a regular
// file, and a file over MaxFileBytes, before reading it.
func (s *Set) read(key string) ([]byte, error) {
	if key == "" {
		return nil, errors.New("no image path")
	}
	if err := blueprint.CheckImagePath(key); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		return nil, fmt.Errorf("cannot open the folder %s: %w", s.dir, err)
	}
	defer root.Close()
	name := path.Clean(key)
	info, err := root.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("no such file")
	case err != nil:
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	case !info.Mode().IsRegular():
		return nil, errors.New("not a regular file")
	case info.Size() > MaxFileBytes:
		return nil, fmt.Errorf("%w: the file is %.1f MB, over the limit of %d MB", ErrTooLarge, float64(info.Size())/1e6, MaxFileBytes>>20)
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	defer f.Close()
	// The file may grow between Stat and the read.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	return data, nil
}

// unwrapPath drops the path of a *fs.PathError, which the caller names
// already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Source gives the pictures of a display list's Image items by key; *Set
// is one. Painters ask it while they paint, and paint nothing (leaving the
// placeholder) for a key it has no picture for.
type Source interface {
	Picture(key string) (*Picture, error)
}

var _ Source = (*Set)(nil)

// LargeOf returns the large view of the photo at key from src: src's own
// Large when it has one (as *Set does), else its thumbnail.
func LargeOf(src Source, key string) (*image.NRGBA, error) {
	if l, ok := src.(interface {
		Large(key string) (*image.NRGBA, error)
	}); ok {
		return l.Large(key)
	}
	p, err := src.Picture(key)
	if err != nil {
		return nil, err
	}
	return p.Thumb, nil
}
