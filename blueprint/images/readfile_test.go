package images

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.jpg", jpegBytes(t, photo(64, 48)))
	write(t, dir, "bomb.png", pngBomb(100_000, 100_000))
	write(t, dir, "text.jpg", []byte("hello"))
	data, f, err := ReadFile(filepath.Join(dir, "a.jpg"))
	if err != nil || f != JPEG || len(data) == 0 {
		t.Fatalf("ReadFile(a.jpg) = %d bytes, %v, %v", len(data), f, err)
	}
	for name, want := range map[string]string{
		"bomb.png": "over the limit of 50 Mpx",
		"text.jpg": "not a PNG or JPEG image",
		"none.png": "no such file",
		".":        "not a regular file",
	} {
		_, _, err := ReadFile(filepath.Join(dir, name))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadFile(%s) = %v, want %q", name, err, want)
		}
	}
	if _, _, err := ReadFile(filepath.Join(dir, "bomb.png")); !errors.Is(err, ErrTooLarge) {
		t.Errorf("the bomb's error %v is not ErrTooLarge", err)
	}
	if err := os.Truncate(filepath.Join(dir, "a.jpg"), MaxFileBytes+1); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadFile(filepath.Join(dir, "a.jpg")); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a 20 MB + 1 file: %v", err)
	}
}
