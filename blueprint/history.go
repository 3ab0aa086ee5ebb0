package blueprint

// MaxUndoLevels is the most edits History can undo; an older one is
// forgotten when a new one is applied.
const MaxUndoLevels = 1000

// MaxUndoBytes bounds the memory History keeps for undo, as estimated from
// the snapshots' sizes: past it the oldest levels are forgotten, though
// the last ten levels are always kept. A single-step edit of a
// 1,000-step blueprint keeps under a kilobyte; an edit that reorders
// every step (a moved lane) keeps about 310 kB, so about a hundred of
// those fit.
const MaxUndoBytes = 32 << 20

// minUndoLevels are the levels MaxUndoBytes never takes away.
const minUndoLevels = 10

// History applies commands to one document and keeps the undo and redo
// stacks. It is the one place through which documents change.
//
// Undo restores a snapshot of the document as it was before the edit;
// History keeps each snapshot as a delta against the state after it (see
// snapshot.go), so memory grows with what the edits touched, not with the
// size of the document. Redo runs the undone command again on the
// restored state. At most MaxUndoLevels edits, and about MaxUndoBytes of
// snapshots, are kept.
type History struct {
	doc *Document
	// cur is the Document value the history last made: the state the
	// newest undo level's delta applies to, even if the document was
	// changed behind the history's back.
	cur  Document
	undo []undoLevel
	redo []Command
	// bytes is the sum of the undo levels' sizes.
	bytes int
	// saved is len(undo) at the last save, or -1 when that state can no
	// longer be reached by undo or redo.
	saved int

	// OnChanged, if set, is called after every successful Apply, Undo and
	// Redo, after MarkSaved and Reset, and after a Redo that failed.
	OnChanged func()
}

// undoLevel is one applied command and the snapshot that undoes it.
type undoLevel struct {
	cmd  Command
	back *delta
	size int
}

// NewHistory starts an empty history for d, which counts as saved.
func NewHistory(d *Document) *History {
	return &History{doc: d, cur: *d}
}

// Doc returns the document the history edits. Its slices are shared with
// the history's snapshots: change it only through Apply.
func (h *History) Doc() *Document { return h.doc }

// Apply runs c and, if it succeeds, pushes it on the undo stack and clears
// the redo stack. When c fails, the document and both stacks stay as they
// were.
func (h *History) Apply(c Command) error {
	// A saved state that was undone is on the redo stack, which goes.
	lost := h.saved > len(h.undo)
	if err := h.run(c); err != nil {
		return err
	}
	if lost {
		h.saved = -1
	}
	h.redo = h.redo[:0]
	h.changed()
	return nil
}

// run applies c and pushes the snapshot that undoes it, leaving the redo
// stack alone.
func (h *History) run(c Command) error {
	before := *h.doc
	if err := c.Do(h.doc); err != nil {
		*h.doc = before
		return err
	}
	back := diffDoc(&before, h.doc)
	h.cur = *h.doc
	l := undoLevel{cmd: c, back: &back, size: back.size()}
	h.undo = append(h.undo, l)
	h.bytes += l.size
	h.trim()
	return nil
}

// trim forgets the oldest undo levels beyond MaxUndoLevels and
// MaxUndoBytes.
func (h *History) trim() {
	n := 0
	for len(h.undo)-n > MaxUndoLevels || (h.bytes > MaxUndoBytes && len(h.undo)-n > minUndoLevels) {
		h.bytes -= h.undo[n].size
		n++
	}
	if n == 0 {
		return
	}
	copy(h.undo, h.undo[n:])
	clear(h.undo[len(h.undo)-n:])
	h.undo = h.undo[:len(h.undo)-n]
	switch {
	case h.saved < 0:
	case h.saved < n:
		h.saved = -1
	default:
		h.saved -= n
	}
}

// Undo reverts the last command. It reports false when there is none.
func (h *History) Undo() bool {
	n := len(h.undo)
	if n == 0 {
		return false
	}
	l := h.undo[n-1]
	h.undo[n-1] = undoLevel{}
	h.undo = h.undo[:n-1]
	h.bytes -= l.size
	*h.doc = l.back.apply(&h.cur)
	h.cur = *h.doc
	h.redo = append(h.redo, l.cmd)
	h.changed()
	return true
}

// Redo re-applies the last undone command. It reports false when there is
// none, or when the command can no longer be applied: then the document
// and both stacks stay as they were, and OnChanged is called all the same
// so that a view can say so.
func (h *History) Redo() bool {
	n := len(h.redo)
	if n == 0 {
		return false
	}
	c := h.redo[n-1]
	if err := h.run(c); err != nil {
		h.changed()
		return false
	}
	h.redo[n-1] = nil
	h.redo = h.redo[:n-1]
	h.changed()
	return true
}

// CanUndo reports whether Undo has a command to revert.
func (h *History) CanUndo() bool { return len(h.undo) > 0 }

// CanRedo reports whether Redo has a command to re-apply.
func (h *History) CanRedo() bool { return len(h.redo) > 0 }

// UndoLabel is the label of the command Undo would revert, or "".
func (h *History) UndoLabel() string {
	if len(h.undo) == 0 {
		return ""
	}
	return h.undo[len(h.undo)-1].cmd.Label()
}

// RedoLabel is the label of the command Redo would re-apply, or "".
func (h *History) RedoLabel() string {
	if len(h.redo) == 0 {
		return ""
	}
	return h.redo[len(h.redo)-1].Label()
}

// Dirty reports whether the document differs from its last saved state.
func (h *History) Dirty() bool { return h.saved != len(h.undo) }

// MarkSaved records the current state as saved.
func (h *History) MarkSaved() {
	h.saved = len(h.undo)
	h.changed()
}

// Reset replaces the document and clears both stacks; the new document
// counts as saved.
func (h *History) Reset(d *Document) {
	h.doc, h.cur = d, *d
	h.undo, h.redo, h.saved, h.bytes = nil, nil, 0, 0
	h.changed()
}

func (h *History) changed() {
	if h.OnChanged != nil {
		h.OnChanged()
	}
}
