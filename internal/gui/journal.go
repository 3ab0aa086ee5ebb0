package gui

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// Autosave journals live in the cache folder, one per editor and open
// blueprint, named
//
//	KEY.SESSION.yaml
//
// where KEY is "untitled" or the file's base name (at most 40 bytes, cut
// at a character boundary) and a hash of its full path, and SESSION is
// the writing editor's process id and a random number. Beside each journal
// is KEY.SESSION.lock, which the editor holds locked (flock) while the
// journal is its own: a journal whose lock is free belongs to an editor
// that is gone, and only such journals are offered for recovery. Journals
// of older versions, named KEY.yaml, have no live owner and are offered
// too.

// maxJournalBase is the longest file base name, in bytes, kept in a
// journal's name.
const maxJournalBase = 40

// journalKey is the part of a journal's name that says which blueprint it
// belongs to: the one at path, or the untitled one for "".
func journalKey(path string) string {
	if path == "" {
		return "untitled"
	}
	sum := sha256.Sum256([]byte(path))
	return cutBytes(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), maxJournalBase) +
		"-" + hex.EncodeToString(sum[:8])
}

// cutBytes returns the longest prefix of s of at most n bytes that ends at
// a character boundary (an invalid byte counts as one character).
func cutBytes(s string, n int) string {
	for len(s) > n {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}

// journalFile is the journal of the blueprint at path written by session,
// in dir.
func journalFile(dir, path, session string) string {
	return filepath.Join(dir, journalKey(path)+"."+session+".yaml")
}

// lockFile is the lock beside the journal jp.
func lockFile(jp string) string { return strings.TrimSuffix(jp, ".yaml") + ".lock" }

// sessionPattern matches the SESSION part of a journal's name.
var sessionPattern = regexp.MustCompile(`^[0-9]+-[0-9a-f]{8}$`)

// newSession is a journal session name no other editor, live or gone, is
// likely to have used: the process id and 32 random bits.
func newSession() string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand does not fail on the systems Go supports; the
		// check against existing journals in acquire still keeps
		// sessions apart.
		fyne.LogError("servicebp: choosing an autosave session", err)
	}
	return fmt.Sprintf("%d-%s", os.Getpid(), hex.EncodeToString(b[:]))
}

// journalsOf lists the journals in dir of the blueprint at path, of any
// session, and those of older versions.
func journalsOf(dir, path string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list the autosave journals: %w", err)
	}
	key := journalKey(path)
	var out []string
	for _, en := range entries {
		name := en.Name()
		if name == key+".yaml" {
			out = append(out, filepath.Join(dir, name))
			continue
		}
		mid, ok := strings.CutPrefix(name, key+".")
		if !ok {
			continue
		}
		if mid, ok = strings.CutSuffix(mid, ".yaml"); ok && sessionPattern.MatchString(mid) {
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out, nil
}

// errJournalBusy is returned by lockJournal when a live editor holds the
// journal's lock.
var errJournalBusy = errors.New("the journal belongs to an editor that is still running")

// journalLock is a held lock on a journal.
type journalLock struct {
	f *os.File
	// journal is the journal the lock is for.
	journal string
}

// lockJournal takes the lock beside the journal jp, creating the lock file
// when there is none. It returns errJournalBusy when another editor, in
// this process or another, holds it.
func lockJournal(jp string) (*journalLock, error) {
	lp := lockFile(jp)
	// Another editor may remove a free lock file between our open and our
	// lock; then the lock we hold is on a file no one else can find, and
	// we try again.
	for range 3 {
		f, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("lock the autosave journal: %w", err)
		}
		ok, err := tryLock(f)
		if err != nil || !ok {
			closeLog(f)
			if err != nil {
				return nil, fmt.Errorf("lock the autosave journal %s: %w", lp, err)
			}
			return nil, errJournalBusy
		}
		held, herr := f.Stat()
		now, nerr := os.Stat(lp)
		if herr == nil && nerr == nil && os.SameFile(held, now) {
			return &journalLock{f: f, journal: jp}, nil
		}
		closeLog(f)
	}
	return nil, fmt.Errorf("lock the autosave journal %s: the lock file keeps being replaced", lp)
}

// release gives the lock up and leaves the journal on disk for recovery.
func (l *journalLock) release() {
	if l != nil {
		closeLog(l.f)
	}
}

// remove deletes the journal and then its lock file, and gives the lock
// up. If the journal cannot be deleted the lock file is kept, and the
// journal is offered for recovery next time.
func (l *journalLock) remove() {
	if l == nil {
		return
	}
	if err := os.Remove(l.journal); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fyne.LogError("servicebp: removing the autosave journal", err)
		l.release()
		return
	}
	if err := os.Remove(lockFile(l.journal)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fyne.LogError("servicebp: removing the autosave journal's lock", err)
	}
	l.release()
}

// removeStaleLocks deletes the free lock files in dir whose journal is
// gone, left by an editor that ended between locking and writing.
func removeStaleLocks(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return // no cache folder yet
	}
	for _, en := range entries {
		name, ok := strings.CutSuffix(en.Name(), ".lock")
		if !ok || !en.Type().IsRegular() {
			continue
		}
		jp := filepath.Join(dir, name+".yaml")
		if _, err := os.Lstat(jp); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		l, err := lockJournal(jp)
		if err != nil {
			continue
		}
		if _, err := os.Lstat(jp); errors.Is(err, fs.ErrNotExist) {
			l.remove()
		} else {
			l.release()
		}
	}
}

func closeLog(f *os.File) {
	if err := f.Close(); err != nil {
		fyne.LogError("servicebp: closing the autosave journal's lock", err)
	}
}
