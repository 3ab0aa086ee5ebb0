package blueprint

import (
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// tempMarker is in the name of every temporary file WriteFile makes:
// .NAME.servicebp-tmp-PID-RANDOM.
const tempMarker = ".servicebp-tmp-"

// StaleTempAge is how old a temporary file of WriteFile's must be, and
// unlocked, before a later write to its folder removes it as left behind
// by a killed process.
const StaleTempAge = 24 * time.Hour

// maxTempBase bounds the part of a temp file's name taken from the file
// it replaces, so that the temp name stays within NAME_MAX (255 bytes).
const maxTempBase = 200

// createTemp creates and locks a new temporary file in dir for replacing
// the file base.
func createTemp(dir, base string) (*os.File, error) {
	if len(base) > maxTempBase {
		cut := maxTempBase
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	f, err := os.CreateTemp(dir, "."+base+tempMarker+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, err
	}
	// The lock tells sweepTemps in other processes that the file is in
	// use; without it (a file system without locks) only its age does.
	lockFile(f)
	return f, nil
}

// removeTemp closes and removes a temporary file after a failed write.
// Both may fail harmlessly: the file may already be closed, and a file
// that cannot be removed is swept by a later write once stale.
func removeTemp(f *os.File) {
	_ = f.Close()
	_ = os.Remove(f.Name())
}

// isTempName reports whether name is one of createTemp's.
func isTempName(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tempMarker)
}

// sweepTemps removes the temporary files in dir that createTemp made and
// a killed process left behind: those older than StaleTempAge whose lock
// can be taken. It is best effort: a file it cannot inspect, lock or
// remove stays for a later sweep.
func sweepTemps(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	defer d.Close()
	cutoff := time.Now().Add(-StaleTempAge)
	for {
		entries, err := d.ReadDir(256)
		for _, e := range entries {
			if isTempName(e.Name()) && e.Type().IsRegular() {
				sweepTemp(dir+string(os.PathSeparator)+e.Name(), cutoff)
			}
		}
		if err != nil || len(entries) == 0 {
			return
		}
	}
}

// sweepTemp removes the temp file at path when it was last written before
// cutoff and no process holds its lock.
func sweepTemp(path string, cutoff time.Time) {
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() || !info.ModTime().Before(cutoff) {
		return
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock|oNoFollow, 0)
	if err != nil {
		return
	}
	defer f.Close()
	if !lockFile(f) {
		return // a writer still holds it
	}
	// Remove only the file that was locked, not one renamed into its place.
	locked, err := f.Stat()
	if err != nil {
		return
	}
	if now, err := os.Lstat(path); err == nil && os.SameFile(locked, now) {
		_ = os.Remove(path) // best effort, as above
	}
}
