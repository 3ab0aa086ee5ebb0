package blueprint

// UndoBytes is the size of the snapshots h keeps, as History estimates it
// for MaxUndoBytes.
func UndoBytes(h *History) int { return h.bytes }
