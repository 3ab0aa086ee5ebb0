package images

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ReadFile reads a photo file anywhere on disk (one the user picked to
// attach), with the checks of a Set: a regular file, at most
// MaxFileBytes, a PNG or JPEG header within MaxPixels. It returns the
// file's bytes, unchanged, and its format.
func ReadFile(path string) ([]byte, Format, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", errors.New("no such file")
	case err != nil:
		return nil, "", fmt.Errorf("cannot read: %w", unwrapPath(err))
	case !info.Mode().IsRegular():
		return nil, "", errors.New("not a regular file")
	case info.Size() > MaxFileBytes:
		return nil, "", fmt.Errorf("%w: the file is %.1f MB, over the limit of %d MB", ErrTooLarge, float64(info.Size())/1e6, MaxFileBytes>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	format, _, err := Config(data)
	if err != nil {
		return nil, "", err
	}
	return data, format, nil
}
