package gui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// autosaver journals unsaved changes to the cache folder a few seconds
// after the last edit, so that a crash loses little. Each editor writes
// journals of its own session (see journal.go) and holds the lock of the
// one it has written until it removes it; so two editors, on the same file
// or both untitled, never write or offer each other's journal.
type autosaver struct {
	e       *Editor
	timer   *time.Timer
	gen     int
	session string
	// lock is held while this editor's journal exists; nil when it has
	// none.
	lock *journalLock
	// pending are the journals of gone editors that recovery has yet to
	// offer, locked so that no other editor offers them meanwhile.
	pending []*orphan
	// recovered is the window on the text of a journal that does not
	// load, once one was opened.
	recovered *recoveredText
}

// newAutosaver starts journalling the editor's store: every edit restarts
// the timer, and a new document or a save removes the journal.
func newAutosaver(e *Editor) *autosaver {
	a := &autosaver{e: e, session: newSession()}
	e.store.Subscribe(a.changed)
	return a
}

// changed follows the store.
func (a *autosaver) changed(c state.Change) {
	switch {
	case c.Replaced:
		a.discard()
	case c.Document:
		a.schedule()
	case (c.Saved || c.File) && !a.e.Dirty():
		a.discard()
	}
}

// journal is where this editor journals the current blueprint.
func (a *autosaver) journal() string {
	return journalFile(a.e.opts.CacheDir, a.e.Path(), a.session)
}

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
// this editor's journal when there are none. It reports whether the
// unsaved changes, if any, are in a journal.
func (a *autosaver) flush() bool {
	if !a.e.Dirty() {
		a.discard()
		return true
	}
	data, err := blueprint.Marshal(a.e.Doc())
	if err != nil {
		fyne.LogError("servicebp: writing the autosave journal", err)
		return false
	}
	cur := a.lock
	if cur != nil && cur.journal == a.journal() {
		if err := blueprint.WriteFileAtomic(cur.journal, data, 0o600); err != nil {
			fyne.LogError("servicebp: writing the autosave journal", err)
			return false
		}
		return true
	}
	// A first journal, or the blueprint has a new path: journal it under
	// that, and remove the old journal once the new one is written.
	l, err := a.acquire()
	if err != nil {
		fyne.LogError("servicebp: writing the autosave journal", err)
		return false
	}
	if err := blueprint.WriteFileAtomic(l.journal, data, 0o600); err != nil {
		l.remove()
		fyne.LogError("servicebp: writing the autosave journal", err)
		return false
	}
	a.lock = l
	cur.remove()
	return true
}

// acquire locks a new journal for the current blueprint. A journal of that
// name already on disk is another session's (the process id and random
// number were used before), so it is left alone and a new session chosen.
func (a *autosaver) acquire() (*journalLock, error) {
	if err := os.MkdirAll(a.e.opts.CacheDir, 0o700); err != nil {
		return nil, fmt.Errorf("create the autosave folder: %w", err)
	}
	for range 5 {
		jp := a.journal()
		if _, err := os.Lstat(jp); errors.Is(err, fs.ErrNotExist) {
			l, err := lockJournal(jp)
			if err == nil {
				return l, nil
			}
			if !errors.Is(err, errJournalBusy) {
				return nil, err
			}
		}
		a.session = newSession()
	}
	return nil, fmt.Errorf("no free autosave journal name in %s", a.e.opts.CacheDir)
}

// discard cancels a pending write and removes this editor's journal, if
// it has one.
func (a *autosaver) discard() {
	a.cancel()
	a.lock.remove()
	a.lock = nil
}

// stop ends autosaving when the editor closes or dies: it cancels a
// pending write and gives up the locks it holds, leaving every journal on
// disk for recovery.
func (a *autosaver) stop() {
	a.cancel()
	a.lock.release()
	a.lock = nil
	for _, o := range a.pending {
		o.lock.release()
	}
	a.pending = nil
}

// cancel cancels a pending write.
func (a *autosaver) cancel() {
	a.gen++
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
}
