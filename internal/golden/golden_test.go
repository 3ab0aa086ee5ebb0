package golden

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing the
// test, so that the helpers' own failures can be checked.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
	fatal  bool
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	r.mu.Lock()
	r.fatal = true
	r.mu.Unlock()
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) { r.Fatalf("%s", fmt.Sprint(args...)) }

// run calls f with a recorder in a goroutine of its own, as the testing
// package does, so that Fatalf can end it.
func run(t *testing.T, f func(tb testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

// grey is a w × h opaque image of one grey level.
func grey(w, h int, level uint8) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{level, level, level, 255})
		}
	}
	return img
}

// withPixels returns a copy of img with the first n pixels set to c.
func withPixels(img *image.NRGBA, n int, c color.NRGBA) *image.NRGBA {
	out := image.NewNRGBA(img.Bounds())
	copy(out.Pix, img.Pix)
	w := img.Bounds().Dx()
	for i := range n {
		out.SetNRGBA(i%w, i/w, c)
	}
	return out
}

func TestDiff(t *testing.T) {
	base := grey(100, 100, 100) // 10,000 pixels: at most 5 may differ
	tests := []struct {
		name string
		got  image.Image
		want string // part of the message; "" for a match
	}{
		{"same", grey(100, 100, 100), ""},
		{"other size", grey(100, 99, 100), "size"},
		{"5 pixels off by 24", withPixels(base, 5, color.NRGBA{124, 100, 100, 255}), ""},
		{"6 pixels off by 24", withPixels(base, 6, color.NRGBA{124, 100, 100, 255}), "6 pixels differ (limit 5)"},
		{"6 pixels off by 24 below", withPixels(base, 6, color.NRGBA{100, 100, 76, 255}), "6 pixels differ"},
		{"all pixels off by 23", grey(100, 100, 123), ""},
		{"all pixels off by 24", grey(100, 100, 124), "10000 pixels differ"},
		{"6 pixels off in alpha", withPixels(base, 6, color.NRGBA{100, 100, 100, 200}), "6 pixels differ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(base, tt.got)
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("Diff = %q, want %q", got, tt.want)
			}
		})
	}
	// Bounds need not start at the origin.
	moved := grey(100, 100, 100).SubImage(image.Rect(10, 10, 60, 60))
	if got := Diff(grey(50, 50, 100), moved); got != "" {
		t.Errorf("Diff of an offset image = %q, want a match", got)
	}
}

func TestAssertImage(t *testing.T) {
	t.Chdir(t.TempDir())
	path := filepath.Join("testdata", "x.png")
	want := grey(40, 30, 200)
	WritePNG(t, path, want)

	if r := run(t, func(tb testing.TB) { AssertImage(tb, path, grey(40, 30, 200)) }); len(r.errors) > 0 {
		t.Errorf("the same image failed: %v", r.errors)
	}
	if _, err := os.Stat(filepath.Join("testdata", "failed")); !os.IsNotExist(err) {
		t.Errorf("a match wrote testdata/failed: %v", err)
	}

	bad := grey(40, 30, 10)
	r := run(t, func(tb testing.TB) { AssertImage(tb, path, bad) })
	if len(r.errors) != 1 || r.fatal || !strings.Contains(r.errors[0], "1200 pixels differ") {
		t.Errorf("a different image gave %v (fatal %v), want one error", r.errors, r.fatal)
	}
	failed := filepath.Join("testdata", "failed", "x.png")
	if msg := Diff(bad, ReadPNG(t, failed)); msg != "" {
		t.Errorf("%s is not the image that failed: %s", failed, msg)
	}

	r = run(t, func(tb testing.TB) { AssertImage(tb, filepath.Join("testdata", "none.png"), want) })
	if !r.fatal || !strings.Contains(r.errors[0], "-update") {
		t.Errorf("a missing golden file gave %v (fatal %v), want a fatal error naming -update", r.errors, r.fatal)
	}

	*Update = true
	t.Cleanup(func() { *Update = false })
	if r := run(t, func(tb testing.TB) { AssertImage(tb, path, bad) }); len(r.errors) > 0 {
		t.Errorf("-update failed: %v", r.errors)
	}
	if msg := Diff(bad, ReadPNG(t, path)); msg != "" {
		t.Errorf("-update did not rewrite %s: %s", path, msg)
	}
}

func TestWritePNGFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, func(tb testing.TB) { WritePNG(tb, filepath.Join(file, "x.png"), grey(1, 1, 0)) })
	if !r.fatal {
		t.Errorf("writing below a file did not fail: %v", r.errors)
	}
}

func TestFont(t *testing.T) {
	if got := FontFile(t); got != FontPath {
		t.Errorf("FontFile = %q, want %q", got, FontPath)
	}
	f := Font(t)
	if f.Name() != "DroidSansFallbackFull.ttf" || len(f.Content()) < 1<<20 {
		t.Errorf("Font = %s with %d bytes", f.Name(), len(f.Content()))
	}
}

func TestTemplate(t *testing.T) {
	if d := Template(t, "hotel"); d.Title != "Overnight hotel stay" || len(d.Steps) == 0 {
		t.Errorf("hotel template: title %q, %d steps", d.Title, len(d.Steps))
	}
	if r := run(t, func(tb testing.TB) { Template(tb, "no-such-template") }); !r.fatal {
		t.Errorf("an unknown template did not fail: %v", r.errors)
	}
}
