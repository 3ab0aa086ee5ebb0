//go:build e2e

// Package e2e drives the real servicebp binary under X (Xvfb) with
// xdotool. Run it with
//
//	xvfb-run -a -s '-screen 0 1600x1000x24' go test -tags e2e ./e2e/...
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
		fmt.Fprintln(os.Stderr, "e2e: no DISPLAY; run under xvfb-run -a -s '-screen 0 1600x1000x24'")
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
		}
		out = append(out, kv)
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
	t      testing.TB
	cmd    *exec.Cmd
	win    string
	out    *syncBuffer
	done   chan struct{}
	waited error
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
	a := &app{t: t, out: &syncBuffer{}, done: make(chan struct{})}
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

// waitWindow polls for the app's visible window and returns its id.
func (a *app) waitWindow(limit time.Duration) string {
	a.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		out, err := exec.Command("xdotool", "search", "--onlyvisible", "--pid", fmt.Sprint(a.cmd.Process.Pid), "--name", "servicebp").Output()
		if err == nil {
			if ids := strings.Fields(string(out)); len(ids) > 0 {
				return ids[0]
			}
		}
		if a.exited() {
			a.t.Fatalf("servicebp exited before showing a window: %v\n%s", a.waited, a.out.String())
		}
		if time.Now().After(deadline) {
			a.t.Fatalf("no servicebp window after %v", limit)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// focus gives the window the keyboard focus and the pointer.
func (a *app) focus() {
	a.t.Helper()
	xdo(a.t, "windowfocus", a.win)
	xdo(a.t, "mousemove", "--window", a.win, "400", "300")
	time.Sleep(300 * time.Millisecond)
}

// key presses key combinations, such as "ctrl+s", one after another.
func (a *app) key(keys ...string) {
	a.t.Helper()
	for _, k := range keys {
		xdo(a.t, "key", k)
		time.Sleep(150 * time.Millisecond)
	}
}

// typeText types text as key presses.
func (a *app) typeText(text string) {
	a.t.Helper()
	xdo(a.t, "type", "--delay", "30", text)
	time.Sleep(200 * time.Millisecond)
}

// title is the window's title.
func (a *app) title() string {
	a.t.Helper()
	return strings.TrimSpace(xdo(a.t, "getwindowname", a.win))
}

// waitTitle waits until the title satisfies ok.
func (a *app) waitTitle(what string, ok func(string) bool) {
	a.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok(a.title()) {
		if time.Now().After(deadline) {
			a.t.Fatalf("window title %q: %s", a.title(), what)
		}
		time.Sleep(50 * time.Millisecond)
	}
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

// screenshot saves the whole X screen as name.png in the folder named by
// $SERVICEBP_SHOTS (default: the system temp folder) and returns its path.
func screenshot(t testing.TB, name string) string {
	t.Helper()
	dir := os.Getenv("SERVICEBP_SHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "servicebp-e2e-shots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if out, err := exec.Command("import", "-window", "root", path).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	t.Logf("screenshot: %s", path)
	return path
}

func xdo(t testing.TB, args ...string) string {
	t.Helper()
	out, err := exec.Command("xdotool", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("xdotool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
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
