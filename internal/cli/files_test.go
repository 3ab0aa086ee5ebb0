package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"servicebp/internal/golden"
)

// unformatted is valid but not canonical, so fmt -w rewrites it.
const unformatted = "servicebp: 1\ntitle:   Coffee\nsteps:\n  - {id: order, lane: customer, column: order, text: Order}\n"

// hangGuard fails the test when f has not returned after 10 seconds: it
// catches a command that blocks forever, and is not a timing assertion.
func hangGuard(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not return: it blocks", what)
	}
}

func TestCommandsRefuseFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	png := filepath.Join(dir, "out.png")
	for _, args := range [][]string{
		{"validate", fifo},
		{"fmt", fifo},
		{"fmt", "-w", fifo},
		{"lint", fifo},
		{"stats", fifo},
		{"export", fifo, "-o", png, "--font", golden.FontPath},
		{"export", fifo, "-o", filepath.Join(dir, "deck"), "--per-phase", "--font", golden.FontPath},
		{"export", "--font", fifo, filepath.Join("..", "..", "assets", "templates", "hotel.yaml"), "-o", png},
	} {
		var code int
		var stderr string
		hangGuard(t, strings.Join(args, " "), func() { code, _, stderr = runCLI(t, "", args...) })
		want := fifo + ":1:1: is not a regular file (a named pipe)"
		if args[1] == "--font" {
			want = "font " + fifo + ": not a regular file"
		}
		if code != ExitFailure || !strings.Contains(stderr, want) {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", args, code, stderr, want)
		}
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files written: %v", names)
	}
}

func TestFmtWriteFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := writeFile(t, dir, "real.yaml", unformatted)
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "fmt", "-w", link); code != ExitOK {
		t.Fatalf("fmt -w: exit %d: %s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if data, _ := os.ReadFile(target); strings.Contains(string(data), "title:   Coffee") {
		t.Errorf("the link's target was not formatted:\n%s", data)
	}
}

func TestNewAndExportThroughDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ link, target string }{{"bp.yaml", "made.yaml"}, {"bp.png", "made.png"}} {
		if err := os.Symlink(c.target, filepath.Join(dir, c.link)); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCLI(t, "", "new", filepath.Join(dir, "bp.yaml")); code != ExitOK {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "", "export", filepath.Join(dir, "bp.yaml"), "-o", filepath.Join(dir, "bp.png"), "--scale", "0.5", "--font", golden.FontPath); code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	for _, name := range []string{"bp.yaml", "bp.png"} {
		if info, err := os.Lstat(filepath.Join(dir, name)); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link: %v", name, err)
		}
	}
	pngSize(t, filepath.Join(dir, "made.png"))
	if _, err := os.Stat(filepath.Join(dir, "made.yaml")); err != nil {
		t.Errorf("new did not create the link's target: %v", err)
	}
}

func TestFmtRefusesReadOnly(t *testing.T) {
	path := writeFile(t, t.TempDir(), "ro.yaml", unformatted)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "fmt", "-w", path)
	if want := path + " is read-only; nothing was written"; code != ExitFailure || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, want)
	}
	if data, _ := os.ReadFile(path); string(data) != unformatted {
		t.Errorf("the read-only file was rewritten")
	}
}

func TestFmtRefusesFileChangedWhileFormatting(t *testing.T) {
	path := writeFile(t, t.TempDir(), "bp.yaml", unformatted)
	theirs := strings.Replace(unformatted, "Coffee", "Tea!!!", 1)
	afterRead = func(p string) {
		if err := os.WriteFile(p, []byte(theirs), 0o644); err != nil {
			t.Error(err)
		}
	}
	defer func() { afterRead = func(string) {} }()
	code, _, stderr := runCLI(t, "", "fmt", "-w", path)
	if want := path + " changed since it was read; nothing was written"; code != ExitFailure || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, want)
	}
	if data, _ := os.ReadFile(path); string(data) != theirs {
		t.Errorf("the other writer's change was lost: %q", data)
	}
}

func TestNewRacesCreateOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.yaml")
	const runs = 8
	codes := make([]int, runs)
	errs := make([]string, runs)
	var wg sync.WaitGroup
	for i := range runs {
		wg.Go(func() {
			var out, errOut bytes.Buffer
			codes[i] = Main([]string{"new", "--title", "Run " + string(rune('A'+i)), path}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}, nil)
			errs[i] = errOut.String()
		})
	}
	wg.Wait()
	won := 0
	for i, code := range codes {
		switch {
		case code == ExitOK:
			won++
		case !strings.Contains(errs[i], "already exists; use --force"):
			t.Errorf("run %d: exit %d: %s", i, code, errs[i])
		}
	}
	if won != 1 {
		t.Errorf("%d runs created the file, want 1", won)
	}
}

func TestExportRefusesToOverwriteItsInput(t *testing.T) {
	dir := t.TempDir()
	bp := writeFile(t, dir, "bp.yaml", validBP)
	alias := filepath.Join(dir, "alias.yaml")
	if err := os.Link(bp, alias); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.png")
	if err := os.Symlink("bp.yaml", link); err != nil {
		t.Fatal(err)
	}
	deck := filepath.Join(dir, "deck")
	if err := os.Mkdir(deck, 0o755); err != nil {
		t.Fatal(err)
	}
	inDeck := writeFile(t, deck, "00-overview.png", validBP)
	font := filepath.Join(dir, "font.ttf")
	fontData, err := os.ReadFile(golden.FontPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(font, fontData, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{bp, "-o", bp, "--format", "png"},
		{bp, "-o", alias, "--format", "svg"},
		{bp, "-o", link, "--format", "png"},
		{bp, "-o", font, "--font", font, "--format", "png"},
		{bp, "-o", bp, "--per-phase"},
		{inDeck, "-o", deck, "--per-phase"},
	} {
		if !strings.Contains(strings.Join(args, " "), "--font") {
			args = append(args, "--font", golden.FontPath)
		}
		code, _, stderr := runExportCLI(t, args...)
		if code != ExitFailure || !strings.Contains(stderr, "is the input") || !strings.Contains(stderr, "nothing was written") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	for _, p := range []string{bp, inDeck} {
		if data, _ := os.ReadFile(p); string(data) != validBP {
			t.Errorf("%s was overwritten", p)
		}
	}
	if got, _ := os.ReadFile(font); !bytes.Equal(got, fontData) {
		t.Error("the font was overwritten")
	}
}

// failWriter fails every write, as a full disk or a closed stream does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestStdoutWriteErrorsFail(t *testing.T) {
	dir := t.TempDir()
	bp := writeFile(t, dir, "bp.yaml", unformatted)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	for _, args := range [][]string{
		{"validate", bp},
		{"fmt", bp},
		{"fmt", "-d", bp},
		{"fmt", "-l", bp},
		{"lint", bp},
		{"lint", "--format", "json", bp},
		{"stats", bp},
		{"stats", "--format", "json", bp},
		{"new", filepath.Join(dir, "fresh.yaml")},
		{"templates"},
		{"help"},
		{"version"},
		{"export", bp, "-o", filepath.Join(dir, "deck"), "--per-phase", "--font", golden.FontPath},
	} {
		for _, out := range []struct {
			name string
			w    interface{ Write([]byte) (int, error) }
		}{{"failing writer", failWriter{}}, {"/dev/full", full}} {
			var errOut bytes.Buffer
			code := Main(args, Env{Stdin: strings.NewReader(""), Stdout: out.w, Stderr: &errOut}, nil)
			if code != ExitFailure || !strings.Contains(errOut.String(), "writing standard output: ") || !strings.Contains(errOut.String(), "no space left on device") {
				t.Errorf("%v to %s: exit %d, stderr %q", args, out.name, code, errOut.String())
			}
			if args[0] == "new" {
				if err := os.Remove(args[1]); err != nil && !errors.Is(err, fs.ErrNotExist) {
					t.Fatal(err)
				}
			}
		}
	}
}
