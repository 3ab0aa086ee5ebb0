//go:build e2e

package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// screenshot saves the whole X screen as name.png in the folder named by
// $SERVICEBP_SHOTS (default: the system temp folder) and returns its path.
func screenshot(t testing.TB, name string) string {
	t.Helper()
	return screenshotOf(t, "", name)
}

// screenshotOf is screenshot of display ("" for $DISPLAY).
func screenshotOf(t testing.TB, display, name string) string {
	t.Helper()
	dir := os.Getenv("SERVICEBP_SHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "servicebp-e2e-shots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	xrun(t, display, "import", "-window", "root", path)
	t.Logf("screenshot: %s", path)
	return path
}

// xcommand is the command name with args on display ("" for $DISPLAY).
func xcommand(display, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	if display != "" {
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
	}
	return cmd
}

// xrun runs name with args on display ("" for $DISPLAY) and returns its
// output; the test stops if it fails.
func xrun(t testing.TB, display, name string, args ...string) string {
	t.Helper()
	out, err := xcommand(display, name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// startX starts an Xvfb server of its own with one w × h screen on a
// free display, so that a test does not depend on the outer screen, and
// stops it when the test ends. It returns the display's name, such as
// ":5".
func startX(t testing.TB, w, h int) string {
	t.Helper()
	r, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{wr}
	if err := cmd.Start(); err != nil {
		wr.Close()
		t.Fatalf("Xvfb: %v (apt-get install xvfb)", err)
	}
	wr.Close()
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
		return ":" + n
	case <-time.After(15 * time.Second):
		t.Fatal("Xvfb did not start within 15 s")
	}
	return ""
}
