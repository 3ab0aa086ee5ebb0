//go:build !unix

package blueprint

import (
	"io/fs"
	"os"
)

// openNonblock is 0 where the platform has no non-blocking open.
const openNonblock = 0

// oNoFollow is 0 where the platform has no O_NOFOLLOW.
const oNoFollow = 0

// mayWrite reports true: the owner's write bit is checked alone here.
func mayWrite(string) bool { return true }

// lockFile reports true: this platform has no advisory locks, so a temp
// file is protected from the stale-file sweep only by its age.
func lockFile(*os.File) bool { return true }

// linkCount is 1: hard links are not detected on this platform.
func linkCount(fs.FileInfo) uint64 { return 1 }

// keepOwner does nothing where files have no Unix owner.
func keepOwner(*os.File, fs.FileInfo) error { return nil }
