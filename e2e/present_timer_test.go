//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// inkRows is the height of the run of rows, from the first to the last,
// holding dark pixels (the contrast theme's black text) in r of img.
func inkRows(img image.Image, r image.Rectangle) int {
	top, bottom := -1, -1
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr>>8 < 60 && cg>>8 < 60 && cb>>8 < 60 {
				if top < 0 {
					top = y
				}
				bottom = y
				break
			}
		}
	}
	if top < 0 {
		return 0
	}
	return bottom - top + 1
}

// sameIn reports whether a and b have the same pixels in r.
func sameIn(a, b image.Image, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// TestPresentTimer presents the hotel, starts a two-minute timer with M 2
// Enter and checks that large digits are drawn in the bottom right corner
// and that they count down; P opens the presenter view.
func TestPresentTimer(t *testing.T) {
	en := newEnv(t)
	en.display = startX(t, presentScreenW, presentScreenH)
	a := en.launch(t, "present", filepath.Join("..", "assets", "templates", "hotel.yaml"))
	a.win = a.waitWindow(20 * time.Second)
	if !poll(10*time.Second, 100*time.Millisecond, func() bool {
		w, h := a.geometry()
		return w == presentScreenW && h == presentScreenH
	}) {
		t.Fatal("the presentation never filled the screen")
	}
	a.xdotool("windowfocus", a.win)
	corner := image.Rect(presentScreenW-360, presentScreenH-130, presentScreenW, presentScreenH)
	before := inkRows(presentDrawn(t, a, "present-timer-before"), corner)

	for _, k := range []string{"m", "2", "Return"} {
		a.xdotool("key", "--window", a.win, k)
		time.Sleep(150 * time.Millisecond)
	}
	// The bar's own text is under 30 px high; the digits are a tenth of
	// the screen, of which the glyphs take well over half. A running timer
	// never settles, so the screen is polled for them.
	var img image.Image
	after := 0
	poll(20*time.Second, 300*time.Millisecond, func() bool {
		img = presentShot(t, a, "present-timer-running")
		after = inkRows(img, corner)
		return after >= 45
	})
	if before > 35 || after < 45 {
		t.Fatalf("dark rows in the bottom right corner: %d before the timer, %d with it; want at most 35 then at least 45", before, after)
	}
	// It counts down: the corner changes within two seconds.
	if !poll(5*time.Second, 300*time.Millisecond, func() bool {
		return !sameIn(presentShot(t, a, "present-timer-later"), img, corner)
	}) {
		t.Error("the timer's digits did not change for 5 s")
	}

	// P opens the presenter view, a second window of the same process.
	a.xdotool("key", "--window", a.win, "p")
	var view string
	if !poll(10*time.Second, 200*time.Millisecond, func() bool {
		out, err := xcommand(a.display, "xdotool", "search", "--all", "--onlyvisible", "--pid", fmt.Sprint(a.cmd.Process.Pid), "--name", "Presenter view").Output()
		view = strings.TrimSpace(string(out))
		return err == nil && view != ""
	}) {
		t.Fatal("P opened no presenter view window")
	}
	screenshotOf(t, a.display, "present-timer-view")
	a.xdotool("key", "--window", a.win, "Escape")
	a.waitExit(10 * time.Second)
	if a.waited != nil {
		t.Errorf("servicebp present exited with %v", a.waited)
	}
}
