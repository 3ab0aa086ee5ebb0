package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"servicebp/blueprint"
	"servicebp/internal/golden"
)

// failAfter makes export writes fail with ENOSPC, as on a full disk, after
// n have succeeded, for the rest of the test.
func failAfter(t *testing.T, n int) {
	t.Helper()
	t.Cleanup(func() { writeFile = blueprint.WriteFileAtomic })
	writeFile = func(path string, data []byte, perm fs.FileMode) error {
		if n == 0 {
			return &fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}
		}
		n--
		return blueprint.WriteFileAtomic(path, data, perm)
	}
}

func TestWriteSlidesOnFullDiskLeavesNoFolder(t *testing.T) {
	font := pinnedFont(t)
	d := golden.Template(t, "hotel")
	opt := Options{Width: 320, Font: font}
	for _, written := range []int{0, 2} {
		parent := t.TempDir()
		dir := filepath.Join(parent, "deck", "slides")
		failAfter(t, written)
		paths, err := WriteSlides(dir, d, opt)
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("after %d slides: err = %v, want ENOSPC", written, err)
		}
		if len(paths) != 0 {
			t.Errorf("after %d slides: paths %v reported, but removed", written, paths)
		}
		entries, rerr := os.ReadDir(parent)
		if rerr != nil {
			t.Fatal(rerr)
		}
		if len(entries) != 0 {
			t.Errorf("after %d slides: the folders it made were left behind: %v", written, entries)
		}
	}
}

func TestWriteSlidesOnFullDiskKeepsExistingFolder(t *testing.T) {
	font := pinnedFont(t)
	d := golden.Template(t, "hotel")
	dir := t.TempDir()
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	failAfter(t, 1)
	paths, err := WriteSlides(dir, d, Options{Width: 320, Font: font})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want ENOSPC", err)
	}
	if len(paths) != 1 || filepath.Base(paths[0]) != "00-overview.png" {
		t.Fatalf("paths = %v, want the one slide written", paths)
	}
	for _, p := range []string{mine, paths[0]} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}
