package gui

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
)

// autosaver journals unsaved changes to the cache folder a few seconds
// after the last edit, so that a crash loses little. The journal of a file
// is keyed by its path; an untitled blueprint has one shared journal.
type autosaver struct {
	e     *Editor
	timer *time.Timer
	gen   int
	// owned is set when this editor wrote or restored the current
	// journal, and so may remove it.
	owned bool
}

func newAutosaver(e *Editor) *autosaver { return &autosaver{e: e} }

// journalPath is where the journal for the blueprint at path (or the
// untitled one, for "") lives in dir.
func journalPath(dir, path string) string {
	if path == "" {
		return filepath.Join(dir, "untitled.yaml")
	}
	sum := sha256.Sum256([]byte(path))
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if len(base) > 40 {
		base = base[:40]
	}
	return filepath.Join(dir, base+"-"+hex.EncodeToString(sum[:8])+".yaml")
}

// journal is the current blueprint's journal path.
func (a *autosaver) journal() string { return journalPath(a.e.opts.CacheDir, a.e.path) }

// schedule (re)starts the timer after an edit.
func (a *autosaver) schedule() {
	a.gen++
	gen := a.gen
	if a.timer != nil {
		a.timer.Stop()
	}
	a.timer = time.AfterFunc(a.e.opts.AutosaveDelay, func() {
		fyne.Do(func() {
			if a.gen == gen {
				a.flush()
			}
		})
	})
}

// flush writes the journal now when there are unsaved changes, and removes
// an owned journal when there are none.
func (a *autosaver) flush() {
	if !a.e.Dirty() {
		a.discard()
		return
	}
	data, err := blueprint.Marshal(a.e.Doc())
	if err == nil {
		if err = os.MkdirAll(a.e.opts.CacheDir, 0o700); err == nil {
			err = blueprint.WriteFileAtomic(a.journal(), data, 0o600)
		}
	}
	if err != nil {
		fyne.LogError("servicebp: writing the autosave journal", err)
		return
	}
	a.owned = true
}

// discard cancels a pending write and removes the journal if this editor
// owns it.
func (a *autosaver) discard() {
	a.stop()
	if !a.owned {
		return
	}
	a.owned = false
	removeJournal(a.journal())
}

// stop cancels a pending write.
func (a *autosaver) stop() {
	a.gen++
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
}

func removeJournal(path string) {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fyne.LogError("servicebp: removing the autosave journal", err)
	}
}
