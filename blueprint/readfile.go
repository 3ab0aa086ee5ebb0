package blueprint

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// FileState is what a file held when it was read or written: WriteFile
// compares it with the file on disk to refuse overwriting a change made
// by another program in between (see WriteOptions.Expect).
type FileState struct {
	// Exists is false for a file that did not exist yet (a new file the
	// editor will create on its first save); the other fields are then zero.
	Exists bool
	// Size is the number of bytes read or written.
	Size int64
	// ModTime is the file's modification time at the time.
	ModTime time.Time
	// Sum is the SHA-256 of the bytes read or written.
	Sum [sha256.Size]byte
}

// StateOf is the FileState of data, the whole contents of a file last
// modified at mod. WriteFile compares only the size and the contents, so
// a zero mod does for an Expect.
func StateOf(data []byte, mod time.Time) FileState {
	return FileState{Exists: true, Size: int64(len(data)), ModTime: mod, Sum: sha256.Sum256(data)}
}

// MissingFile is the FileState of a file that does not exist yet.
func MissingFile() FileState { return FileState{} }

// ReadFile reads the file at path for Parse: see ReadFileState.
func ReadFile(path string) ([]byte, error) {
	data, _, err := ReadFileState(path)
	return data, err
}

// ReadFileState reads the file at path for Parse and returns its bytes and
// its state for a later WriteFile. It refuses anything that is not a
// regular file (a folder, a FIFO, a device, a socket) before opening it,
// opens without blocking so that a FIFO swapped in meanwhile cannot hang
// it, checks the type again on the open file, and never reads more than
// MaxFileSize bytes. Its errors are ErrorLists at 1:1.
func ReadFileState(path string) ([]byte, FileState, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, FileState{}, fileError(path, ioMessage(err))
	}
	if msg := notReadable(info); msg != "" {
		return nil, FileState{}, fileError(path, msg)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, FileState{}, fileError(path, ioMessage(err))
	}
	defer f.Close()
	info, err = f.Stat()
	if err != nil {
		return nil, FileState{}, fileError(path, ioMessage(err))
	}
	if msg := notReadable(info); msg != "" {
		return nil, FileState{}, fileError(path, msg)
	}
	data, err := ReadLimited(f)
	switch {
	case errors.Is(err, ErrTooLarge):
		return nil, FileState{}, fileError(path, tooLarge(MaxFileSize+1))
	case err != nil:
		return nil, FileState{}, fileError(path, ioMessage(err))
	}
	return data, StateOf(data, info.ModTime()), nil
}

// notReadable says why a file of this type and size is not read, or "".
func notReadable(info fs.FileInfo) string {
	switch {
	case info.IsDir():
		return "is a directory, not a blueprint file"
	case !info.Mode().IsRegular():
		return "is not a regular file (" + fileKind(info.Mode()) + "); use - to read standard input"
	case info.Size() > MaxFileSize:
		return tooLarge(info.Size())
	}
	return ""
}

// fileKind names the type of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
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
	if size == MaxFileSize+1 {
		return "file is larger than 10 MB; blueprint files are limited to 10 MB"
	}
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
