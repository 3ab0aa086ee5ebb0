package canvas

// Mode is what the board's keys do at the moment; the status bar says it
// (see Board.OnMode).
type Mode int

const (
	// ModeSelect: the keys move and edit the selection.
	ModeSelect Mode = iota
	// ModeCapture: a card of quick capture is being typed; Enter and Tab
	// add it and go on in the next column or lane.
	ModeCapture
	// ModeEditCard: a card's text is being edited.
	ModeEditCard
	// ModeEditName: a lane's, column's or phase's name, or a flow's
	// label, is being edited.
	ModeEditName
	// ModeConnect: a flow is being drawn; a click on a card ends it.
	ModeConnect
)

// Mode returns what the board's keys do now.
func (b *Board) Mode() Mode {
	switch {
	case b.editing != nil && b.editing.capture:
		return ModeCapture
	case b.editing != nil && (b.editing.kind == editStepText || b.editing.kind == editNewStep):
		return ModeEditCard
	case b.editing != nil:
		return ModeEditName
	case b.connect != "":
		return ModeConnect
	}
	return ModeSelect
}

// noticeMode calls OnMode when the mode changed since it last did.
func (b *Board) noticeMode() {
	m := b.Mode()
	if m == b.mode {
		return
	}
	b.mode = m
	if b.OnMode != nil {
		b.OnMode(m)
	}
}
