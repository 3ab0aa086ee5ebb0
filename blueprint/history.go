package blueprint

// Command is one undoable edit of a document. Do applies it and returns an
// error, leaving the document unchanged, when the edit is not possible (for
// example a reference to a missing step). Undo reverts a successful Do
// exactly; Do may be called again after Undo (redo).
type Command interface {
	Do(d *Document) error
	Undo(d *Document)
	// Label names the edit for menus, for example "Move step".
	Label() string
}

// History applies commands to one document and keeps the undo and redo
// stacks. It is the one place through which documents change.
type History struct {
	doc  *Document
	undo []Command
	redo []Command
	// saved is len(undo) at the last save, or -1 when that state can no
	// longer be reached by undo or redo.
	saved int

	// OnChanged, if set, is called after every successful Apply, Undo and
	// Redo.
	OnChanged func()
}

// NewHistory starts an empty history for d, which counts as saved.
func NewHistory(d *Document) *History {
	return &History{doc: d}
}

// Doc returns the document the history edits.
func (h *History) Doc() *Document { return h.doc }

// Apply runs c and, if it succeeds, pushes it on the undo stack and clears
// the redo stack.
func (h *History) Apply(c Command) error {
	if err := c.Do(h.doc); err != nil {
		return err
	}
	if h.saved > len(h.undo) {
		h.saved = -1
	}
	h.undo = append(h.undo, c)
	h.redo = h.redo[:0]
	h.changed()
	return nil
}

// Undo reverts the last command. It reports false when there is none.
func (h *History) Undo() bool {
	n := len(h.undo)
	if n == 0 {
		return false
	}
	c := h.undo[n-1]
	h.undo = h.undo[:n-1]
	c.Undo(h.doc)
	h.redo = append(h.redo, c)
	h.changed()
	return true
}

// Redo re-applies the last undone command. It reports false when there is
// none, or when the command can no longer be applied.
func (h *History) Redo() bool {
	n := len(h.redo)
	if n == 0 {
		return false
	}
	c := h.redo[n-1]
	if err := c.Do(h.doc); err != nil {
		h.redo = h.redo[:0]
		return false
	}
	h.redo = h.redo[:n-1]
	h.undo = append(h.undo, c)
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
	return h.undo[len(h.undo)-1].Label()
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
	h.doc = d
	h.undo, h.redo, h.saved = nil, nil, 0
	h.changed()
}

func (h *History) changed() {
	if h.OnChanged != nil {
		h.OnChanged()
	}
}
