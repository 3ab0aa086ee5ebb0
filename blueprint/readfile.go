package blueprint

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ReadFile reads the file at path for Parse, refusing folders and files
// over MaxFileSize before reading them. Its errors are ErrorLists at 1:1.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, ioMessage(err))
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, fileError(path, ioMessage(err))
	case info.IsDir():
		return nil, fileError(path, "is a directory, not a blueprint file")
	case !info.Mode().IsRegular():
		return nil, fileError(path, "is not a regular file (a pipe or a device); use - to read standard input")
	case info.Size() > MaxFileSize:
		return nil, fileError(path, tooLarge(info.Size()))
	}
	data, err := ReadLimited(f)
	if err != nil {
		return nil, fileError(path, ioMessage(err))
	}
	return data, nil
}

// ErrTooLarge is returned by ReadLimited for input over MaxFileSize.
var ErrTooLarge = errors.New("input is larger than the 10 MB limit")

// ReadLimited reads r to the end, refusing more than MaxFileSize bytes
// without buffering them.
func ReadLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return data, nil
}

func tooLarge(size int64) string {
	return fmt.Sprintf("file is %.1f MB; blueprint files are limited to 10 MB", float64(size)/(1<<20))
}

func ioMessage(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return "cannot read file: " + pe.Err.Error()
	}
	return "cannot read file: " + err.Error()
}

func fileError(name, msg string) ErrorList {
	return ErrorList{{File: name, Line: 1, Col: 1, Msg: msg}}
}
