//go:build e2e

package e2e

import (
	"bufio"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// presentScreen is the projector the presentation test runs on.
const presentScreenW, presentScreenH = 1920, 1080

// presentDisplay is an Xvfb server of its own, so that the presentation
// test does not depend on the size of the outer screen.
type presentDisplay struct {
	name string
	cmd  *exec.Cmd
}

// presentStartX starts Xvfb on a free display with a 1920×1080 screen and
// stops it when the test ends.
func presentStartX(t *testing.T) *presentDisplay {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	screen := fmt.Sprintf("%dx%dx24", presentScreenW, presentScreenH)
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		w.Close()
		t.Fatalf("Xvfb: %v (apt-get install xvfb)", err)
	}
	w.Close()
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	t.Cleanup(func() {
		if err := cmd.Process.Kill(); err != nil {
			t.Logf("stopping Xvfb: %v", err)
		}
		<-done
	})
	num := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		num <- strings.TrimSpace(line)
	}()
	select {
	case n := <-num:
		if n == "" {
			t.Fatal("Xvfb did not report a display")
		}
		return &presentDisplay{name: ":" + n, cmd: cmd}
	case <-time.After(15 * time.Second):
		t.Fatal("Xvfb did not start within 15 s")
	}
	return nil
}

// run runs a command on the display and returns its output.
func (x *presentDisplay) run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.name)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// presentLaunch starts servicebp with args on the display.
func presentLaunch(t *testing.T, x *presentDisplay, args ...string) *app {
	t.Helper()
	a := &app{t: t, out: &syncBuffer{}, done: make(chan struct{})}
	a.cmd = exec.Command(binPath, args...)
	var environ []string
	for _, kv := range newEnv(t).environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") {
			environ = append(environ, kv)
		}
	}
	a.cmd.Env = append(environ, "DISPLAY="+x.name)
	a.cmd.Stdout, a.cmd.Stderr = a.out, a.out
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		a.waited = a.cmd.Wait()
		close(a.done)
	}()
	t.Cleanup(func() {
		if !a.exited() {
			a.kill()
		}
		if t.Failed() {
			t.Logf("servicebp output:\n%s", a.out.String())
		}
	})
	return a
}

// presentWaitWindow polls the display for the app's visible window.
func presentWaitWindow(t *testing.T, x *presentDisplay, a *app) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--pid", fmt.Sprint(a.cmd.Process.Pid), "--name", "servicebp")
		cmd.Env = append(os.Environ(), "DISPLAY="+x.name)
		if out, err := cmd.Output(); err == nil {
			if ids := strings.Fields(string(out)); len(ids) > 0 {
				return ids[0]
			}
		}
		if a.exited() {
			t.Fatalf("servicebp exited before showing a window: %v\n%s", a.waited, a.out.String())
		}
		if time.Now().After(deadline) {
			t.Fatal("no servicebp window after 20 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// presentGeometry is the window's size as xdotool reports it.
func presentGeometry(t *testing.T, x *presentDisplay, win string) (w, h int) {
	t.Helper()
	out := x.run(t, "xdotool", "getwindowgeometry", win)
	for _, line := range strings.Split(out, "\n") {
		if g, ok := strings.CutPrefix(strings.TrimSpace(line), "Geometry:"); ok {
			if _, err := fmt.Sscanf(strings.TrimSpace(g), "%dx%d", &w, &h); err != nil {
				t.Fatalf("geometry %q: %v", g, err)
			}
			return w, h
		}
	}
	t.Fatalf("no geometry in %q", out)
	return 0, 0
}

// presentShot saves the display as name.png (see screenshot) and decodes
// it.
func presentShot(t *testing.T, x *presentDisplay, name string) image.Image {
	t.Helper()
	dir := os.Getenv("SERVICEBP_SHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "servicebp-e2e-shots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	x.run(t, "import", "-window", "root", path)
	t.Logf("screenshot: %s", path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
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
	x := presentStartX(t)
	a := presentLaunch(t, x, "present", filepath.Join("..", "assets", "templates", "hotel.yaml"))
	win := presentWaitWindow(t, x, a)

	// The window fills the screen (fullscreen may settle after a frame).
	deadline := time.Now().Add(5 * time.Second)
	for {
		w, h := presentGeometry(t, x, win)
		if w == presentScreenW && h == presentScreenH {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the window is %d × %d, want the whole %d × %d screen", w, h, presentScreenW, presentScreenH)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if title := strings.TrimSpace(x.run(t, "xdotool", "getwindowname", win)); !strings.HasPrefix(title, "Overnight hotel stay") {
		t.Errorf("title %q", title)
	}
	x.run(t, "xdotool", "windowfocus", win)
	time.Sleep(400 * time.Millisecond)
	first := presentShot(t, x, "present-start")

	for _, k := range []string{"Right", "space", "Left", "shift+Right"} {
		x.run(t, "xdotool", "key", k)
		time.Sleep(250 * time.Millisecond)
		if a.exited() {
			t.Fatalf("servicebp exited after %s: %v", k, a.waited)
		}
	}
	time.Sleep(300 * time.Millisecond)
	img := presentShot(t, x, "present-keys")
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
	x.run(t, "xdotool", "key", "t")
	time.Sleep(400 * time.Millisecond)
	if _, dark := presentColours(presentShot(t, x, "present-dark")); dark < 0.2 {
		t.Errorf("after T only %.0f %% of the screen is dark", dark*100)
	}

	// Esc quits when started with present.
	x.run(t, "xdotool", "key", "Escape")
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
