//go:build e2e

package e2e

import (
	"image"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"servicebp/internal/golden"
)

// presentScreen is the projector the presentation test runs on.
const presentScreenW, presentScreenH = 1920, 1080

// presentShot saves the display as name.png (see screenshot) and decodes
// it.
func presentShot(t *testing.T, a *app, name string) image.Image {
	t.Helper()
	return golden.ReadPNG(t, screenshotOf(t, a.display, name))
}

// presentDrawn waits up to 20 s for the presentation to settle: a screen
// of more than a few colours that two screenshots in a row agree on, so
// that neither a blank frame nor one drawn before the window went
// fullscreen is taken for it. A busy machine may take seconds.
func presentDrawn(t *testing.T, a *app, name string) image.Image {
	t.Helper()
	var prev, img image.Image
	if !poll(20*time.Second, 400*time.Millisecond, func() bool {
		prev, img = img, presentShot(t, a, name)
		distinct, _ := presentColours(img)
		return distinct > 8 && prev != nil && presentSame(prev, img)
	}) {
		t.Fatalf("%s: the presentation did not settle for 20 s", name)
	}
	return img
}

// presentColours counts the distinct colours of img, sampled on a grid,
// and the share of samples that are dark: a blank or black screen has one
// colour.
func presentColours(img image.Image) (distinct int, dark float64) {
	seen := map[[3]uint32]bool{}
	n, nd := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			n++
			if r>>8 < 40 && g>>8 < 40 && bl>>8 < 40 {
				nd++
			}
		}
	}
	return len(seen), float64(nd) / float64(n)
}

func TestPresentFullscreen(t *testing.T) {
	en := newEnv(t)
	en.display = startX(t, presentScreenW, presentScreenH)
	a := en.launch(t, "present", filepath.Join("..", "assets", "templates", "hotel.yaml"))
	a.win = a.waitWindow(20 * time.Second)

	// The window fills the screen (fullscreen may settle after a frame).
	var w, h int
	if !poll(5*time.Second, 100*time.Millisecond, func() bool {
		w, h = a.geometry()
		return w == presentScreenW && h == presentScreenH
	}) {
		t.Fatalf("the window is %d × %d, want the whole %d × %d screen", w, h, presentScreenW, presentScreenH)
	}
	if title := a.title(); !strings.HasPrefix(title, "Overnight hotel stay") {
		t.Errorf("title %q", title)
	}
	a.xdotool("windowfocus", a.win)
	first := presentDrawn(t, a, "present-start")

	for _, k := range []string{"Right", "space", "Left", "shift+Right"} {
		a.xdotool("key", k)
		time.Sleep(250 * time.Millisecond)
		if a.exited() {
			t.Fatalf("servicebp exited after %s: %v", k, a.waited)
		}
	}
	time.Sleep(300 * time.Millisecond)
	img := presentShot(t, a, "present-keys")
	if got := img.Bounds().Size(); got.X != presentScreenW || got.Y != presentScreenH {
		t.Errorf("screenshot %v, want %d × %d", got, presentScreenW, presentScreenH)
	}
	if n, dark := presentColours(img); n < 20 || dark > 0.5 {
		t.Errorf("the screen looks blank: %d colours, %.0f %% dark", n, dark*100)
	}
	if presentSame(first, img) {
		t.Errorf("the keys did not change the screen")
	}

	// T switches to the dark theme: the screen turns mostly dark.
	a.xdotool("key", "t")
	time.Sleep(400 * time.Millisecond)
	if _, dark := presentColours(presentShot(t, a, "present-dark")); dark < 0.2 {
		t.Errorf("after T only %.0f %% of the screen is dark", dark*100)
	}

	// Esc quits when started with present.
	a.xdotool("key", "Escape")
	a.waitExit(10 * time.Second)
	if a.waited != nil {
		t.Errorf("servicebp present exited with %v", a.waited)
	}
}

// presentSame reports whether two screenshots are identical on a grid of
// samples.
func presentSame(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 5 {
		for x := r.Min.X; x < r.Max.X; x += 5 {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// TestPresentTheme starts `servicebp present --theme dark`: the screen is
// mostly dark from the start, where the default contrast theme is light.
func TestPresentTheme(t *testing.T) {
	hotel := filepath.Join("..", "assets", "templates", "hotel.yaml")
	for _, tc := range []struct {
		theme string
		dark  bool
	}{{"dark", true}, {"contrast", false}} {
		en := newEnv(t)
		en.display = startX(t, presentScreenW, presentScreenH)
		a := en.launch(t, "present", "--theme", tc.theme, hotel)
		a.win = a.waitWindow(20 * time.Second)
		// Screenshots count only once the window fills the screen.
		if !poll(10*time.Second, 100*time.Millisecond, func() bool {
			w, h := a.geometry()
			return w == presentScreenW && h == presentScreenH
		}) {
			t.Fatalf("--theme %s: the window never filled the screen", tc.theme)
		}
		_, dark := presentColours(presentDrawn(t, a, "present-theme-"+tc.theme))
		if tc.dark && dark < 0.2 || !tc.dark && dark > 0.1 {
			t.Errorf("--theme %s: %.0f %% of the screen is dark", tc.theme, dark*100)
		}
		a.keyToWindow("Escape")
		a.waitExit(10 * time.Second)
	}
}

// keyToWindow sends key to the app's window, looking the window up again
// until the key is taken: the window found first can be replaced while it
// goes fullscreen, and a key sent to the old one fails with BadWindow.
func (a *app) keyToWindow(key string) {
	a.t.Helper()
	var out []byte
	if !poll(10*time.Second, 200*time.Millisecond, func() bool {
		a.win = a.waitWindow(5 * time.Second)
		var err error
		out, err = xcommand(a.display, "xdotool", "key", "--window", a.win, key).CombinedOutput()
		return err == nil
	}) {
		a.t.Fatalf("xdotool key --window %s %s kept failing: %s", a.win, key, out)
	}
}
