package blueprint

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Save writes d to path in canonical form: see WriteFile.
func Save(path string, d *Document) error {
	data, err := Marshal(d)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	_, err = WriteFile(path, data, WriteOptions{})
	return err
}

// WriteFileAtomic writes data to path with WriteFile, giving a new file
// the permission bits perm.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	_, err := WriteFile(path, data, WriteOptions{Perm: perm})
	return err
}

// WriteOptions say how WriteFile treats the file it replaces.
type WriteOptions struct {
	// Perm is the permission of a file that does not exist yet; 0 means
	// 0644. An existing file keeps its own mode.
	Perm fs.FileMode
	// Expect, when not nil, is the file's state as it was read (see
	// ReadFileState and MissingFile). Right before replacing the file,
	// WriteFile checks that its size and contents still match, and refuses
	// with an error matching ErrChanged when another program changed it.
	Expect *FileState
	// Exclusive refuses to write when the file exists, with an error
	// matching fs.ErrExist. The check and the creation are one step
	// (link(2) of the finished temp file), so two writers cannot both win.
	Exclusive bool
}

// ErrReadOnly is matched by the error of a write refused because the file
// has no write permission for its owner.
var ErrReadOnly = errors.New("file is read-only")

// ErrChanged is matched by the error of a write refused because the file
// changed on disk since it was read (see WriteOptions.Expect).
var ErrChanged = errors.New("file changed since it was read")

// refusal is the error of a write that was refused before anything was
// written; it names the file as the caller gave it.
type refusal struct {
	name, why string
	kind      error
}

func (r *refusal) Error() string { return r.name + " " + r.why + "; nothing was written" }
func (r *refusal) Unwrap() error { return r.kind }

// WriteFile replaces the file at path with data, as gofmt and vim do:
//
//   - a symbolic link is followed, and the file it points to is written
//     (created, when the link dangles); the link stays a link;
//   - a file without write permission for its owner is refused
//     (ErrReadOnly), even when the process could write it (root), and so
//     is a file the process may not write (another user's), although
//     replacing it needs only a writable folder;
//   - otherwise data goes to a temporary file in the same folder, named
//     .NAME.servicebp-tmp-PID-RANDOM and locked while it is written, which
//     is synced, given the old file's owner and group (as far as the
//     process may) and mode (setuid, setgid and sticky bits included), and
//     renamed over the file: readers see the old or the new contents,
//     never a mix, and a failed write leaves the old file as it was;
//   - a file with more than one hard link is written in place instead, so
//     that every link sees the new contents: its old contents are first
//     copied to a synced temporary file, which is put back if the write
//     fails and removed when it succeeds;
//   - stale temporary files of earlier writes to the folder (older than a
//     day and not locked, left by a killed process) are removed.
//
// WriteFile returns the state of the file it wrote, for a later Expect.
func WriteFile(path string, data []byte, opt WriteOptions) (FileState, error) {
	target, err := resolveLinks(path)
	if err != nil {
		return FileState{}, fmt.Errorf("write %s: %w", path, err)
	}
	dir, base := splitPath(target)
	sweepTemps(dir)
	info, err := os.Stat(target)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return FileState{}, fmt.Errorf("write %s: %w", path, err)
	case exists && opt.Exclusive:
		return FileState{}, &refusal{name: path, why: "already exists", kind: fs.ErrExist}
	case exists && !info.Mode().IsRegular():
		return FileState{}, fmt.Errorf("write %s: not a regular file", path)
	case exists && (info.Mode().Perm()&0o200 == 0 || !mayWrite(target)):
		return FileState{}, &refusal{name: path, why: "is read-only", kind: ErrReadOnly}
	}
	if exists && linkCount(info) > 1 {
		return writeInPlace(path, target, data, dir, base, opt.Expect)
	}
	perm := opt.Perm
	if perm == 0 {
		perm = 0o644
	}
	if exists {
		perm = info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	}
	tmp, err := createTemp(dir, base)
	if err != nil {
		return FileState{}, fmt.Errorf("write %s: %w", path, err)
	}
	state, err := fillTemp(tmp, data, perm, info)
	if err != nil {
		removeTemp(tmp)
		return FileState{}, fmt.Errorf("write %s: %w", path, err)
	}
	if opt.Expect != nil {
		if err := checkUnchanged(path, target, *opt.Expect); err != nil {
			removeTemp(tmp)
			return FileState{}, err
		}
	}
	if opt.Exclusive {
		err = createFrom(path, target, tmp, data, perm)
	} else if err = tmp.Close(); err == nil {
		err = os.Rename(tmp.Name(), target)
	}
	if err != nil {
		removeTemp(tmp)
		var r *refusal
		if errors.As(err, &r) {
			return FileState{}, err
		}
		return FileState{}, fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return state, nil
}

// fillTemp writes data to tmp, gives it perm and, when old describes the
// file it replaces, that file's owner, and syncs it. It returns the state
// of the written file.
func fillTemp(tmp *os.File, data []byte, perm fs.FileMode, old fs.FileInfo) (FileState, error) {
	if _, err := tmp.Write(data); err != nil {
		return FileState{}, err
	}
	if old != nil {
		// Before Chmod: changing the owner clears the setuid and setgid bits.
		if err := keepOwner(tmp, old); err != nil {
			return FileState{}, err
		}
	}
	if err := tmp.Chmod(perm); err != nil {
		return FileState{}, err
	}
	if err := tmp.Sync(); err != nil {
		return FileState{}, err
	}
	info, err := tmp.Stat()
	if err != nil {
		return FileState{}, err
	}
	return StateOf(data, info.ModTime()), nil
}

// createFrom creates target from the finished temp file tmp, failing when
// target exists: link(2) is atomic, and on file systems without hard
// links an O_EXCL create of target takes its place.
func createFrom(name, target string, tmp *os.File, data []byte, perm fs.FileMode) error {
	if err := tmp.Close(); err != nil {
		return err
	}
	err := os.Link(tmp.Name(), target)
	if errors.Is(err, fs.ErrExist) {
		return &refusal{name: name, why: "already exists", kind: fs.ErrExist}
	}
	if err == nil {
		return os.Remove(tmp.Name())
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if errors.Is(err, fs.ErrExist) {
		return &refusal{name: name, why: "already exists", kind: fs.ErrExist}
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if rerr := os.Remove(target); rerr != nil {
			return fmt.Errorf("%w (and removing the partial file: %v)", err, rerr)
		}
		return err
	}
	return os.Remove(tmp.Name())
}

// writeInPlace overwrites target, which has more than one hard link, in
// place, after copying its contents to a synced backup temp file. When the
// write fails the backup is copied back; the backup is kept, and named in
// the error, only when that fails too.
func writeInPlace(name, target string, data []byte, dir, base string, expect *FileState) (FileState, error) {
	f, err := os.OpenFile(target, os.O_RDWR|openNonblock, 0)
	if err != nil {
		return FileState{}, fmt.Errorf("write %s: %w", name, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return FileState{}, fmt.Errorf("write %s: not a regular file", name)
	}
	backup, err := createTemp(dir, base)
	if err != nil {
		return FileState{}, fmt.Errorf("write %s: backup: %w", name, err)
	}
	_, err = io.Copy(backup, f)
	if err == nil {
		err = backup.Sync()
	}
	if err != nil {
		removeTemp(backup)
		return FileState{}, fmt.Errorf("write %s: backup: %w", name, err)
	}
	if expect != nil {
		if err := checkUnchanged(name, target, *expect); err != nil {
			removeTemp(backup)
			return FileState{}, err
		}
	}
	state, err := overwrite(f, data)
	if err != nil {
		rerr := restore(f, backup)
		if rerr == nil {
			removeTemp(backup)
			return FileState{}, fmt.Errorf("write %s in place: %w; its old contents were put back", name, err)
		}
		if cerr := backup.Close(); cerr != nil {
			rerr = errors.Join(rerr, cerr)
		}
		return FileState{}, fmt.Errorf("write %s in place: %w; putting its old contents back failed (%v): they are in %s", name, err, rerr, backup.Name())
	}
	removeTemp(backup)
	return state, nil
}

// overwrite replaces the contents of f with data and syncs it.
func overwrite(f *os.File, data []byte) (FileState, error) {
	if _, err := f.WriteAt(data, 0); err != nil {
		return FileState{}, err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return FileState{}, err
	}
	if err := f.Sync(); err != nil {
		return FileState{}, err
	}
	info, err := f.Stat()
	if err != nil {
		return FileState{}, err
	}
	return StateOf(data, info.ModTime()), nil
}

// restore copies backup's contents back into f.
func restore(f, backup *os.File) error {
	if _, err := backup.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	n, err := io.Copy(f, backup)
	if err != nil {
		return err
	}
	if err := f.Truncate(n); err != nil {
		return err
	}
	return f.Sync()
}

// checkUnchanged refuses, with ErrChanged, when the file at target no
// longer has the size and contents want describes.
func checkUnchanged(name, target string, want FileState) error {
	changed := &refusal{name: name, why: "changed since it was read", kind: ErrChanged}
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if want.Exists {
			return &refusal{name: name, why: "was removed since it was read", kind: ErrChanged}
		}
		return nil
	case err != nil:
		return fmt.Errorf("write %s: %w", name, err)
	case !want.Exists:
		return &refusal{name: name, why: "was created by another program since it was opened", kind: ErrChanged}
	case !info.Mode().IsRegular() || info.Size() != want.Size:
		return changed
	}
	// The size and the modification time cannot prove the contents are
	// the same (a same-size write within the clock's granularity), so the
	// bytes are hashed again.
	f, err := os.OpenFile(target, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, want.Size+1))
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if n != want.Size || [sha256.Size]byte(h.Sum(nil)) != want.Sum {
		return changed
	}
	return nil
}

// resolveLinks follows symbolic links from path to the file they end at,
// which may not exist (a dangling link names the file to create).
func resolveLinks(path string) (string, error) {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p, nil
	}
	p := path
	for range 40 {
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			// Not filepath.Join, which would clean "dir/../x" lexically
			// where dir may itself be a link.
			dir, _ := splitPath(p)
			dest = dir + string(filepath.Separator) + dest
		}
		p = dest
	}
	return "", fmt.Errorf("too many levels of symbolic links")
}

// splitPath splits path into its folder ("." for none) and its base name,
// without cleaning the folder lexically.
func splitPath(path string) (dir, base string) {
	dir, base = filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	return dir, base
}

// syncDir makes a rename durable where the platform supports syncing a
// folder; failures are harmless and ignored on purpose.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
