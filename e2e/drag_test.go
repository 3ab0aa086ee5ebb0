//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"testing"
	"time"

	"servicebp/blueprint"
	"servicebp/internal/golden"
)

// dragBlueprint has two cards: "ask" in customer × a and "serve" in
// frontstage × c, with the empty column b between them. Short texts keep
// all three columns at the same (minimum) width, so the centre of cell
// frontstage × b lies halfway between the two cards' centres
// horizontally, at the height of "serve".
const dragBlueprint = `servicebp: 1
title: Drag test
columns:
  - {id: a}
  - {id: b}
  - {id: c}
steps:
  - id: ask
    lane: customer
    column: a
    text: Ask
  - id: serve
    lane: frontstage
    column: c
    text: Serve
`

// TestDragStepToCell moves a card to another lane and column with the
// mouse, saves with Ctrl+S and reads the file back.
//
// The cards' screen positions are found rather than computed: Tab selects
// a card and the board outlines it, so the bounding box of the pixels that
// changed on the board between a capture of the window with nothing
// selected and one with the card selected is the card. This holds at any
// zoom, in either theme, and whatever the size of the panels around the
// board.
func TestDragStepToCell(t *testing.T) {
	en := newEnv(t)
	path := filepath.Join(t.TempDir(), "drag.yaml")
	if err := os.WriteFile(path, []byte(dragBlueprint), 0o644); err != nil {
		t.Fatal(err)
	}
	a := en.start(t, path)
	// The board has the keyboard focus from the start: Tab selects the
	// cards without a first click.
	none := a.settle() // the finding markers appear after a pause
	a.key("Tab")
	ask := a.changedBox(none)
	a.key("Tab")
	serve := a.changedBox(none)
	t.Logf("cards: ask %v, serve %v", ask, serve)
	if serve.Min.X <= ask.Max.X || serve.Min.Y <= ask.Max.Y {
		screenshotOf(t, a.display, "drag-cards")
		t.Fatalf("serve %v is not right of and below ask %v", serve, ask)
	}
	from := centre(ask)
	to := image.Pt((from.X+centre(serve).X)/2, centre(serve).Y)
	a.drag(from, to)
	a.waitTitle("no dirty marker after the drag", isDirty)
	screenshotOf(t, a.display, "drag-dropped")
	a.save()

	d, err := blueprint.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	i := d.StepIndex("ask")
	if i < 0 {
		t.Fatal("step ask is not in the saved file")
	}
	if s := d.Steps[i]; s.Lane != "frontstage" || s.Column != "b" {
		t.Errorf("ask saved in %s × %s, want frontstage × b", s.Lane, s.Column)
	}
	if len(d.Steps) != 2 {
		t.Errorf("%d steps on disk, want 2", len(d.Steps))
	}
	a.quit()
}

// capture grabs the app's window as an image.
func (a *app) capture() image.Image {
	a.t.Helper()
	path := filepath.Join(a.t.TempDir(), "window.png")
	xrun(a.t, a.display, "import", "-window", a.win, path)
	return golden.ReadPNG(a.t, path)
}

// changedBox is the bounding box, in window coordinates, of the pixels
// on the left three fifths of the window, where the board is, that differ
// from base. It waits up to 5 s for a change to be drawn.
func (a *app) changedBox(base image.Image) image.Rectangle {
	a.t.Helper()
	var box image.Rectangle
	if !poll(5*time.Second, 100*time.Millisecond, func() bool {
		box = boardDiff(base, a.capture())
		return box.Dx() > 20 && box.Dy() > 10
	}) {
		screenshotOf(a.t, a.display, "drag-no-selection")
		a.t.Fatalf("nothing drawn on the board (changed: %v)", box)
	}
	return box
}

// settle waits until the window looks the same in two captures 700 ms
// apart, so that what changes after it was caused by what came next.
func (a *app) settle() image.Image {
	a.t.Helper()
	img := a.capture()
	if !poll(10*time.Second, 700*time.Millisecond, func() bool {
		next := a.capture()
		same := boardDiff(img, next).Empty()
		img = next
		return same
	}) {
		a.t.Fatal("the window kept changing for 10 s")
	}
	return img
}

// boardDiff is the bounding box of the pixels on the left three fifths
// of the window that differ between a and b.
func boardDiff(a, b image.Image) image.Rectangle {
	r := a.Bounds().Intersect(b.Bounds())
	var box image.Rectangle
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Min.X+r.Dx()*3/5; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r0, g0, b0, _ := b.At(x, y).RGBA()
			if r1 != r0 || g1 != g0 || b1 != b0 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}

func centre(r image.Rectangle) image.Point {
	return image.Pt((r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2)
}

// drag presses the left button at from and releases it at to, moving the
// pointer in steps so that the app sees a drag, not a click.
func (a *app) drag(from, to image.Point) {
	a.t.Helper()
	move := func(p image.Point) {
		a.xdotool("mousemove", "--window", a.win, fmt.Sprint(p.X), fmt.Sprint(p.Y))
		time.Sleep(40 * time.Millisecond)
	}
	move(from)
	a.xdotool("mousedown", "1")
	time.Sleep(100 * time.Millisecond)
	const steps = 12
	for i := 1; i <= steps; i++ {
		move(from.Add(to.Sub(from).Mul(i).Div(steps)))
	}
	time.Sleep(150 * time.Millisecond)
	a.xdotool("mouseup", "1")
	time.Sleep(300 * time.Millisecond)
}
