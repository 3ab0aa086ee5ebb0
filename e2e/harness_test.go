//go:build e2e

// Package e2e drives the real servicebp binary under X (Xvfb) with
// xdotool. Run it with
//
//	xvfb-run -a -s '-screen 0 1600x1000x24 -noreset' go test -tags e2e ./e2e/...
package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// binPath is the servicebp binary built for the tests.
var binPath string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if os.Getenv("DISPLAY") == "" {
		fmt.Fprintln(os.Stderr, "e2e: no DISPLAY; run under xvfb-run -a -s '-screen 0 1600x1000x24 -noreset'")
		return 1
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: %s is not installed (apt-get install xdotool imagemagick)\n", tool)
			return 1
		}
	}
	dir, err := os.MkdirTemp("", "servicebp-e2e-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binPath = filepath.Join(dir, "servicebp")
	build := exec.Command("go", "build", "-o", binPath, "servicebp")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building servicebp:", err)
		return 1
	}
	return m.Run()
}

// env is one user's home: preferences and the autosave cache live under
// it, so that tests do not see each other's.
type env struct {
	home string
	// lang is the LANG the app runs with; default en_US.UTF-8.
	lang string
	// display is the X display the app runs on, such as one from
	// startX; "" for $DISPLAY.
	display string
}

func newEnv(t testing.TB) *env {
	return &env{home: t.TempDir(), lang: "en_US.UTF-8"}
}

// cacheDir is where the app keeps its autosave journals.
func (en *env) cacheDir() string { return filepath.Join(en.home, "cache", "servicebp") }

func (en *env) environ() []string {
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES":
			continue
		case "DISPLAY":
			if en.display != "" {
				continue
			}
		}
		out = append(out, kv)
	}
	if en.display != "" {
		out = append(out, "DISPLAY="+en.display)
	}
	return append(out,
		"HOME="+en.home,
		"XDG_CONFIG_HOME="+filepath.Join(en.home, "config"),
		"XDG_CACHE_HOME="+filepath.Join(en.home, "cache"),
		"XDG_DATA_HOME="+filepath.Join(en.home, "data"),
		"LANG="+en.lang,
	)
}

// app is one running servicebp process and its window.
type app struct {
	t       testing.TB
	display string // as in env
	cmd     *exec.Cmd
	win     string
	out     *syncBuffer
	done    chan struct{}
	waited  error
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// launch starts servicebp with args and returns without waiting for its
// window.
func (en *env) launch(t testing.TB, args ...string) *app {
	t.Helper()
	a := &app{t: t, display: en.display, out: &syncBuffer{}, done: make(chan struct{})}
	a.cmd = exec.Command(binPath, args...)
	a.cmd.Env = en.environ()
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

// start launches servicebp and waits until its window is visible and has
// the keyboard focus.
func (en *env) start(t testing.TB, args ...string) *app {
	t.Helper()
	a := en.launch(t, args...)
	a.win = a.waitWindow(20 * time.Second)
	time.Sleep(300 * time.Millisecond) // the first frames
	a.focus()
	return a
}

func (a *app) exited() bool {
	select {
	case <-a.done:
		return true
	default:
		return false
	}
}

// waitWindow polls for the app's visible window and returns its id. The
// search needs --all: xdotool otherwise matches windows of any process
// named servicebp, and finds another app's window on a shared display.
func (a *app) waitWindow(limit time.Duration) string {
	a.t.Helper()
	var id string
	found := poll(limit, 10*time.Millisecond, func() bool {
		out, err := xcommand(a.display, "xdotool", "search", "--all", "--onlyvisible", "--pid", fmt.Sprint(a.cmd.Process.Pid), "--name", "servicebp").Output()
		if err == nil {
			if ids := strings.Fields(string(out)); len(ids) > 0 {
				id = ids[0]
				return true
			}
		}
		if a.exited() {
			a.t.Fatalf("servicebp exited before showing a window: %v\n%s", a.waited, a.out.String())
		}
		return false
	})
	if !found {
		a.t.Fatalf("no servicebp window after %v", limit)
	}
	return id
}

// xdotool runs xdotool with args on the app's display and returns its
// output.
func (a *app) xdotool(args ...string) string {
	a.t.Helper()
	return xrun(a.t, a.display, "xdotool", args...)
}

// focus gives the window the keyboard focus and the pointer.
func (a *app) focus() {
	a.t.Helper()
	a.xdotool("windowfocus", a.win)
	a.xdotool("mousemove", "--window", a.win, "400", "300")
	time.Sleep(300 * time.Millisecond)
}

// key presses key combinations, such as "ctrl+s", one after another.
func (a *app) key(keys ...string) {
	a.t.Helper()
	for _, k := range keys {
		a.xdotool("key", k)
		time.Sleep(150 * time.Millisecond)
	}
}

// typeText types text as key presses.
func (a *app) typeText(text string) {
	a.t.Helper()
	a.xdotool("type", "--delay", "30", text)
	time.Sleep(200 * time.Millisecond)
}

// title is the window's title.
func (a *app) title() string {
	a.t.Helper()
	return strings.TrimSpace(a.xdotool("getwindowname", a.win))
}

// waitTitle waits until the title satisfies ok.
func (a *app) waitTitle(what string, ok func(string) bool) {
	a.t.Helper()
	if !poll(10*time.Second, 50*time.Millisecond, func() bool { return ok(a.title()) }) {
		a.t.Fatalf("window title %q: %s", a.title(), what)
	}
}

// geometry is the window's size as xdotool reports it.
func (a *app) geometry() (w, h int) {
	a.t.Helper()
	out := a.xdotool("getwindowgeometry", a.win)
	for _, line := range strings.Split(out, "\n") {
		if g, ok := strings.CutPrefix(strings.TrimSpace(line), "Geometry:"); ok {
			if _, err := fmt.Sscanf(strings.TrimSpace(g), "%dx%d", &w, &h); err != nil {
				a.t.Fatalf("geometry %q: %v", g, err)
			}
			return w, h
		}
	}
	a.t.Fatalf("no geometry in %q", out)
	return 0, 0
}

// addStep adds a step in the selected cell (Insert > Step, Ctrl+Enter)
// and types its text.
func (a *app) addStep(text string) {
	a.t.Helper()
	a.key("ctrl+Return") // the cursor goes to the new step's text
	a.typeText(text)
	a.key("Return")
}

// isDirty reports whether a window title has the unsaved-changes marker.
func isDirty(title string) bool { return strings.HasPrefix(title, "• ") }

// save saves with Ctrl+S and waits for the title to lose its dirty
// marker.
func (a *app) save() {
	a.t.Helper()
	a.key("ctrl+s")
	a.waitTitle("still dirty after Ctrl+S", func(s string) bool { return !isDirty(s) })
}

// quit quits with Ctrl+Q and waits for the process to end.
func (a *app) quit() {
	a.t.Helper()
	a.key("ctrl+q")
	a.waitExit(10 * time.Second)
}

// kill ends the process with SIGKILL, as a crash would.
func (a *app) kill() {
	if err := a.cmd.Process.Signal(syscall.SIGKILL); err != nil && !a.exited() {
		a.t.Errorf("kill: %v", err)
	}
	<-a.done
}

// waitExit waits for the process to end by itself.
func (a *app) waitExit(limit time.Duration) {
	a.t.Helper()
	select {
	case <-a.done:
	case <-time.After(limit):
		a.t.Fatalf("servicebp still running after %v", limit)
	}
}

// copyFile copies src into dir and returns the copy's path.
func copyFile(t testing.TB, src, dir string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// poll calls ok every interval until it returns true or limit has
// passed, and reports whether it returned true.
func poll(limit, interval time.Duration, ok func() bool) bool {
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(interval)
	}
	return true
}
