package state

// Change tells a subscriber what happened to the store. Subscribers read
// the new state from the store itself; a Change only says which parts to
// look at again.
type Change struct {
	// Document is set when the document changed: an edit, an undo or redo,
	// or a new document (see Replaced).
	Document bool
	// Replaced is set, with Document, when the document was replaced by
	// another one (a file opened, a new blueprint, a reload from disk)
	// rather than edited; views then start afresh, for example with a
	// new viewport.
	Replaced bool
	// History is set when what Undo and Redo would do changed: with every
	// document change, and when a Redo failed and dropped the redo stack.
	History bool
	// Selection is set when the selection changed, by Select or because
	// an edit removed selected elements.
	Selection bool
	// Saved is set when the saved state changed: the document became
	// dirty, was saved, or was undone back to its saved state.
	Saved bool
	// File is set when the file's identity (its path) changed.
	File bool
}
