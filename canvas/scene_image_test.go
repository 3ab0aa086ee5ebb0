package canvas

import (
	"path/filepath"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/images"
	"servicebp/blueprint/layout"
	"servicebp/internal/golden"
)

// photoDoc is boardDoc with a photo on "card" and a missing one on "take",
// and the folder of the photos.
func photoDoc(t *testing.T) (*blueprint.Document, *images.Set) {
	t.Helper()
	dir := t.TempDir()
	golden.WritePhoto(t, filepath.Join(dir, "photos", "receipt.jpg"), 400, 300)
	d := boardDoc()
	for i := range d.Steps {
		switch d.Steps[i].ID {
		case "card":
			d.Steps[i].Image = "photos/receipt.jpg"
		case "take":
			d.Steps[i].Image = "photos/missing.jpg"
		}
	}
	return d, images.NewSet(dir)
}

// sceneImages returns the Fyne images of the scene's cards, by step id.
func sceneImages(s *Scene) map[string][]*fcanvas.Image {
	out := map[string][]*fcanvas.Image{}
	for id, g := range s.cards.groups {
		for _, it := range g.items {
			if im, ok := it.obj.(*fcanvas.Image); ok {
				out[id] = append(out[id], im)
			}
		}
	}
	return out
}

// TestBoardPhotos checks that the board draws a card's photo as a Fyne
// image of its thumbnail in the card's thumbnail box, a missing photo as
// the placeholder alone, and matches the golden image.
func TestBoardPhotos(t *testing.T) {
	d, set := photoDoc(t)
	b, w := goldenBoard(t, d)
	if got := sceneImages(b.Scene()); len(got) != 0 {
		t.Fatalf("images drawn with no picture source: %v", got)
	}
	b.Scene().SetPictures(set)
	got := sceneImages(b.Scene())
	if len(got) != 1 || len(got["card"]) != 1 {
		t.Fatalf("images %v, want one, on card", got)
	}
	pic, err := set.Picture("photos/receipt.jpg")
	if err != nil {
		t.Fatal(err)
	}
	im := got["card"][0]
	if im.Image != pic.Thumb || im.FillMode != fcanvas.ImageFillCover {
		t.Errorf("the image shows %p (fill %v), want the thumbnail %p covering its box", im.Image, im.FillMode, pic.Thumb)
	}
	box := b.lay.Card("card").Thumb
	if p := b.toScreen(layout.Point{X: box.X, Y: box.Y}); im.Position() != p || im.Size().Width != box.W {
		t.Errorf("image at %v size %v, want %v width %g", im.Position(), im.Size(), p, box.W)
	}
	golden.AssertImage(t, filepath.Join("testdata", "board_photos.png"), w.Canvas().Capture())
	// Removing the photo (undoably) removes the image and shrinks the card.
	tall := b.lay.Card("card").Rect.H
	if err := b.store.Apply(blueprint.SetStepImage("card", "")); err != nil {
		t.Fatal(err)
	}
	if got := sceneImages(b.Scene()); len(got) != 0 {
		t.Errorf("images after removing the photo: %v", got)
	}
	if b.lay.Card("card").Rect.H >= tall {
		t.Error("the card did not shrink without its photo")
	}
}

// TestPresenterSpotlightPhoto checks that spotlighting a card with a photo
// shows the photo large, on the half of the screen away from the card, and
// that clearing the spotlight hides it.
func TestPresenterSpotlightPhoto(t *testing.T) {
	d, set := photoDoc(t)
	test.NewTempApp(t)
	p := NewPresenter(d)
	p.SetFont(golden.Font(t))
	win := test.NewTempWindow(t, p)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(1280, 720))
	win.Canvas().Focus(p)
	p.SetPictures(set)
	presentKeys(win.Canvas(), fyne.KeyEnd)
	if got := p.SpotlightPhoto(); got != "" {
		t.Fatalf("photo %q shown with no spotlight", got)
	}
	p.SetSpotlight("ask")
	if got := p.SpotlightPhoto(); got != "" {
		t.Errorf("photo %q shown for a step without one", got)
	}
	p.SetSpotlight("card")
	if got := p.SpotlightPhoto(); got != "photos/receipt.jpg" {
		t.Fatalf("spotlight photo %q, want the receipt", got)
	}
	card := presentCardPos(t, p, "card")
	mid := p.photo.img.Position().X + p.photo.img.Size().Width/2
	if (card.X < 640) == (mid < 640) {
		t.Errorf("the photo (centre x %g) is on the card's half (x %g)", mid, card.X)
	}
	if p.photo.img.Size().Height < 400 {
		t.Errorf("the large photo is %v, not large", p.photo.img.Size())
	}
	golden.AssertImage(t, filepath.Join("testdata", "present-photo.png"), win.Canvas().Capture())
	p.ClearSpotlight()
	if p.SpotlightPhoto() != "" || p.photo.img.Visible() {
		t.Error("the photo stays after the spotlight is cleared")
	}
}

// signalling is an images.Set that says when a background read and the
// redraw it asks for are over. It runs the redraws one at a time, as the
// app's fyne.Do does on its one goroutine (the test driver's runs them
// where they are called).
type signalling struct {
	*images.Set
	mu   *sync.Mutex
	done chan struct{}
}

func (s signalling) Fetch(key string, done func()) {
	s.Set.Fetch(key, func() {
		s.mu.Lock()
		done()
		s.mu.Unlock()
		s.done <- struct{}{}
	})
}

// TestBackgroundPictures checks that a scene that reads photos in the
// background shows the placeholder first, and the photo once it is read.
func TestBackgroundPictures(t *testing.T) {
	d, set := photoDoc(t)
	b, _ := goldenBoard(t, d)
	src := signalling{Set: set, mu: &sync.Mutex{}, done: make(chan struct{}, 4)}
	b.Scene().SetBackgroundPictures(true)
	// The test goroutine stands for the app's: it holds the lock while it
	// draws, so that the redraws wait as fyne.Do's would.
	src.mu.Lock()
	b.Scene().SetPictures(src)
	got := sceneImages(b.Scene())
	src.mu.Unlock()
	if len(got) != 0 {
		t.Fatalf("images before the photo was read: %v", got)
	}
	<-src.done // the receipt and the missing photo, in either order
	<-src.done
	if got := sceneImages(b.Scene()); len(got["card"]) != 1 || len(got) != 1 {
		t.Fatalf("after the read, images %v, want the receipt on card", got)
	}
}
