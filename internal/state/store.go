// Package state is the editor's one source of truth: the open document and
// its undo history, the selection, and the file's identity and saved
// state. It imports no Fyne. Views (the board, the inspector, the outline,
// the panels, the menus, the title bar, autosave and the file watcher)
// subscribe to its changes and keep only their own view state.
package state

import (
	"errors"

	"servicebp/blueprint"
)

// ErrRedo is returned by Redo when the command to redo could no longer be
// applied; the redo stack is dropped.
var ErrRedo = errors.New("the edit can no longer be redone")

// Store holds the document with its blueprint.History, the selection, and
// the path of the file the document belongs to. Every change goes through
// its methods (or through the History, which reports to the store), and
// every change is published to the subscribers.
type Store struct {
	hist *blueprint.History
	sel  Selection
	path string

	// dirty is the saved state last published.
	dirty bool
	// diskDiffers is set when the file on disk no longer holds the
	// document's saved state (another program changed it and the editor
	// did not take the change): the document then counts as unsaved until
	// it is saved or replaced.
	diskDiffers bool
	// partial is set when the document is the valid part of a file that
	// has errors (see OpenPartial), until it is saved or replaced.
	partial bool
	// quiet is set while the store itself calls the history for something
	// that is not a document change (MarkSaved).
	quiet bool
	// replaced is set while the store replaces the document, and newFile
	// when the replacement also changed the path.
	replaced, newFile bool
	// changes counts the history's reports.
	changes int

	subs []*subscriber
	// queue holds the changes raised while subscribers were being told of
	// an earlier one; they are delivered in order after it.
	queue      []Change
	publishing bool
}

type subscriber struct {
	f      func(Change)
	active bool
}

// New returns a store for d, untitled and saved, with nothing selected.
// The store is the history's only OnChanged subscriber.
func New(d *blueprint.Document) *Store {
	s := &Store{hist: blueprint.NewHistory(d)}
	s.hist.OnChanged = s.historyChanged
	return s
}

// Doc returns the open document. Callers must not modify it: they apply
// commands with Apply.
func (s *Store) Doc() *blueprint.Document { return s.hist.Doc() }

// History returns the undo history. Apply, Undo and Redo of the store are
// the way to use it; an edit made on it directly is still published.
func (s *Store) History() *blueprint.History { return s.hist }

// Selection returns the current selection.
func (s *Store) Selection() Selection { return s.sel }

// Path returns the file the document belongs to, or "" when it has none.
func (s *Store) Path() string { return s.path }

// Untitled reports whether the document has never been written to a file,
// so that nothing outside the editor can refer to its ids yet.
func (s *Store) Untitled() bool { return s.path == "" }

// Dirty reports whether the document has changes not saved to its file.
func (s *Store) Dirty() bool { return s.hist.Dirty() || s.diskDiffers }

// DiskDiffers reports whether the file on disk was changed by another
// program to something the document does not hold (see MarkDiskDiffers).
func (s *Store) DiskDiffers() bool { return s.diskDiffers }

// MarkDiskDiffers records that the document's file on disk changed to
// something the editor did not load (for example a version with errors,
// or an outside edit the user chose not to reload): the document counts
// as differing from its file, so Dirty reports true, until it is saved
// there or replaced.
func (s *Store) MarkDiskDiffers() {
	if s.diskDiffers {
		return
	}
	s.diskDiffers = true
	if d := s.Dirty(); d != s.dirty {
		s.dirty = d
		s.publish(Change{Saved: true})
	}
}

// CanUndo reports whether Undo has an edit to revert.
func (s *Store) CanUndo() bool { return s.hist.CanUndo() }

// CanRedo reports whether Redo has an edit to re-apply.
func (s *Store) CanRedo() bool { return s.hist.CanRedo() }

// UndoLabel names the edit Undo would revert, or "".
func (s *Store) UndoLabel() string { return s.hist.UndoLabel() }

// RedoLabel names the edit Redo would re-apply, or "".
func (s *Store) RedoLabel() string { return s.hist.RedoLabel() }

// Apply runs c as one undoable edit. A refused command leaves everything
// as it was and publishes nothing.
func (s *Store) Apply(c blueprint.Command) error { return s.hist.Apply(c) }

// Undo reverts the last edit. It reports false when there is none.
func (s *Store) Undo() bool { return s.hist.Undo() }

// Redo re-applies the last undone edit. It reports whether it did; when
// the edit could no longer be applied it returns ErrRedo, the document and
// both stacks stay as they were (the history keeps the edit, so nothing is
// lost), and subscribers are told only that the history was consulted.
func (s *Store) Redo() (bool, error) {
	if !s.hist.CanRedo() {
		return false, nil
	}
	s.quiet = true
	ok := s.hist.Redo()
	s.quiet = false
	if ok {
		s.historyChanged()
		return true, nil
	}
	s.publish(Change{History: true})
	return false, ErrRedo
}

// Select changes the selection to sel, without the elements the document
// does not have. Selecting what is already selected publishes nothing.
func (s *Store) Select(sel Selection) {
	sel = sel.Valid(s.Doc())
	if sel.Equal(s.sel) {
		return
	}
	s.sel = sel
	s.publish(Change{Selection: true})
}

// Open replaces the document with d, belonging to the file path ("" for
// an untitled document): the history starts empty and saved, and nothing
// is selected.
func (s *Store) Open(d *blueprint.Document, path string) {
	file := path != s.path
	s.path = path
	s.replace(d, Selection{}, file)
}

// OpenPartial replaces the document with d, the part of the file at path
// that loaded without errors: path becomes the document's file, but the
// document counts as differing from it (Dirty), and Partial reports true
// until it is saved or replaced, so that a save over the file, which
// drops what was left out, can ask first.
func (s *Store) OpenPartial(d *blueprint.Document, path string) {
	s.Open(d, path)
	s.partial = true
	s.MarkDiskDiffers()
}

// Partial reports whether the document is the valid part of its file (see
// OpenPartial).
func (s *Store) Partial() bool { return s.partial }

// Reload replaces the document with d, the file's new contents, keeping
// the path and what is still selected; the history starts empty and
// saved.
func (s *Store) Reload(d *blueprint.Document) {
	s.replace(d, s.sel, false)
}

func (s *Store) replace(d *blueprint.Document, sel Selection, file bool) {
	s.sel = sel.Valid(d)
	s.diskDiffers, s.partial = false, false
	s.replaced, s.newFile = true, file
	defer func() { s.replaced, s.newFile = false, false }()
	n := s.changes
	s.hist.Reset(d)
	if s.changes == n {
		// A history that does not report a reset: publish it here.
		s.historyChanged()
	}
}

// MarkSaved records that the document was saved to path, which becomes
// its file.
func (s *Store) MarkSaved(path string) {
	c := Change{File: path != s.path}
	s.path = path
	s.quiet = true
	s.hist.MarkSaved()
	s.quiet = false
	s.diskDiffers, s.partial = false, false
	if d := s.Dirty(); d != s.dirty {
		s.dirty = d
		c.Saved = true
	}
	if c.File || c.Saved {
		s.publish(c)
	}
}

// historyChanged is the history's OnChanged: an edit, an undo, a redo or
// a reset.
func (s *Store) historyChanged() {
	if s.quiet {
		return
	}
	s.changes++
	c := Change{Document: true, History: true, Replaced: s.replaced}
	if v := s.sel.Valid(s.Doc()); !v.Equal(s.sel) || s.replaced {
		c.Selection = true
		s.sel = v
	}
	if d := s.Dirty(); d != s.dirty || s.replaced {
		s.dirty = d
		c.Saved = true
	}
	c.File = s.newFile
	s.publish(c)
}

// Subscribe calls f after every change, on the goroutine that made it,
// until cancel is called. Subscribers are called in the order they
// subscribed; a change made by a subscriber is delivered to all of them
// after the one being delivered.
func (s *Store) Subscribe(f func(Change)) (cancel func()) {
	sub := &subscriber{f: f, active: true}
	s.subs = append(s.subs, sub)
	return func() {
		if !sub.active {
			return
		}
		sub.active = false
		for i, x := range s.subs {
			if x == sub {
				s.subs = append(s.subs[:i:i], s.subs[i+1:]...)
				break
			}
		}
	}
}

// publish delivers c to every subscriber, or queues it while an earlier
// change is being delivered.
func (s *Store) publish(c Change) {
	s.queue = append(s.queue, c)
	if s.publishing {
		return
	}
	s.publishing = true
	defer func() { s.publishing = false }()
	for len(s.queue) > 0 {
		c := s.queue[0]
		s.queue = s.queue[1:]
		for _, sub := range s.subs {
			if sub.active {
				sub.f(c)
			}
		}
	}
}
