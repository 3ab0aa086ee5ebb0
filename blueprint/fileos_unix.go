//go:build unix

package blueprint

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// openNonblock opens without blocking: a FIFO opened for reading with no
// writer returns at once instead of waiting. Regular files ignore it.
const openNonblock = syscall.O_NONBLOCK

// oNoFollow makes an open fail on a symbolic link.
const oNoFollow = syscall.O_NOFOLLOW

// mayWrite reports whether the process may open path for writing, as
// access(2) tells; for root it is always true.
func mayWrite(path string) bool {
	return syscall.Access(path, 0x2) == nil // W_OK
}

// lockFile takes an exclusive advisory lock on f without waiting and
// reports whether it got it. The lock ends when f is closed.
func lockFile(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}

// linkCount is the number of hard links to the file info describes.
func linkCount(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwner gives f the owner and group of the file info describes, as
// far as the process may: a user who is not root cannot give a file away,
// but may keep its group when they belong to it. Only EPERM is forgiven.
func keepOwner(f *os.File, info fs.FileInfo) error {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	uid, gid := int(st.Uid), int(st.Gid)
	if uid == os.Geteuid() && gid == os.Getegid() {
		return nil
	}
	err := f.Chown(uid, gid)
	if errors.Is(err, syscall.EPERM) {
		err = f.Chown(-1, gid)
	}
	if errors.Is(err, syscall.EPERM) {
		return nil
	}
	return err
}
