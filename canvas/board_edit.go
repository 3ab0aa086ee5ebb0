package canvas

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// editKind is what the inline editor edits.
type editKind int

const (
	// editStepText edits an existing card's text.
	editStepText editKind = iota
	// editNewStep types the text of a card that is added on commit.
	editNewStep
	editLaneName
	editColumnName
	editPhaseName
	// editFlowLabel edits the label of the flow from id to to.
	editFlowLabel
)

// editState is the inline edit in progress.
type editState struct {
	kind editKind
	// id is the step, lane or column edited.
	id string
	// lane and column are the cell of a new step.
	lane, column string
	// to is the target step of a flow whose label is edited.
	to string
	// phase is the phase of the column a new step right of the last
	// column comes with.
	phase string
	// flowFrom is the step a flow to a new step comes from, when the new
	// step was asked for by dropping a flow on an empty cell.
	flowFrom string
	// capture is set for a new step typed in quick capture (board_capture.go).
	capture bool
}

// cardEditor is the text entry the board lays over a card (or a header)
// to edit its text in place. Enter commits, Shift+Enter starts a new line
// in a card's text, Esc cancels, and leaving the entry commits.
type cardEditor struct {
	widget.Entry
	b     *Board
	shift bool
	// ime keeps the keys an input method composes with from the card.
	ime IMEGuard
}

var (
	_ fyne.Focusable  = (*cardEditor)(nil)
	_ desktop.Keyable = (*cardEditor)(nil)
)

func newCardEditor(b *Board) *cardEditor {
	e := &cardEditor{b: b}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.OnChanged = func(string) {
		if b.editing != nil && (b.editing.kind == editStepText || b.editing.kind == editNewStep) {
			b.Reload()
		}
	}
	e.ExtendBaseWidget(e)
	return e
}

// KeyDown tracks Shift for Shift+Enter.
func (e *cardEditor) KeyDown(ev *fyne.KeyEvent) {
	e.ime.KeyDown(ev.Name)
	if modifierBit(ev.Name) == fyne.KeyModifierShift {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp tracks Shift for Shift+Enter.
func (e *cardEditor) KeyUp(ev *fyne.KeyEvent) {
	e.ime.KeyUp(ev.Name)
	if modifierBit(ev.Name) == fyne.KeyModifierShift {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// TypedRune types r; a composition of an input method, if any, ended.
func (e *cardEditor) TypedRune(r rune) {
	e.ime.Rune()
	e.Entry.TypedRune(r)
}

// FocusGained forgets a composition typed elsewhere.
func (e *cardEditor) FocusGained() {
	e.ime.Reset()
	e.Entry.FocusGained()
}

// TypedKey commits on Enter and cancels on Esc, but not while an input
// method composes: its Backspace, Esc and Enter are the input method's.
func (e *cardEditor) TypedKey(ev *fyne.KeyEvent) {
	if e.ime.Keep(ev.Name) {
		return
	}
	if e.b.captureKey(ev, e.shift) {
		return
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		st := e.b.editing
		if e.shift && st != nil && (st.kind == editStepText || st.kind == editNewStep) {
			e.Entry.TypedKey(ev)
			return
		}
		e.b.commitEdit()
	case fyne.KeyEscape:
		e.b.cancelEdit()
	default:
		e.Entry.TypedKey(ev)
	}
}

// FocusLost commits the edit, as clicking elsewhere does.
func (e *cardEditor) FocusLost() {
	e.shift = false
	e.ime.Reset()
	e.Entry.FocusLost()
	if e.b.editing != nil {
		e.b.commitEdit()
	}
}

// Editing reports whether an inline text edit is open.
func (b *Board) Editing() bool { return b.editing != nil }

// EditSelection starts editing the selected card's text, a new card in
// the selected cell, the selected lane's or column's name, or the
// selected flow's label.
func (b *Board) EditSelection() {
	d := b.store.Doc()
	switch b.selection().Kind {
	case state.SelectSteps:
		if s := d.Step(b.selection().IDs[len(b.selection().IDs)-1]); s != nil {
			b.startEdit(&editState{kind: editStepText, id: s.ID}, s.Text)
		}
	case state.SelectCell:
		b.startNewStep(b.selection().IDs[0], b.selection().IDs[1], "")
	case state.SelectLane:
		if l := d.Lane(b.selection().IDs[0]); l != nil {
			b.startEdit(&editState{kind: editLaneName, id: l.ID}, l.Name)
		}
	case state.SelectColumn:
		if c := d.Column(b.selection().IDs[0]); c != nil {
			b.startEdit(&editState{kind: editColumnName, id: c.ID}, c.Name)
		}
	case state.SelectFlow:
		if i := d.FlowIndex(b.selection().IDs[0], b.selection().IDs[1]); i >= 0 {
			b.startEdit(&editState{kind: editFlowLabel, id: b.selection().IDs[0], to: b.selection().IDs[1]}, d.Flows[i].Label)
		}
	}
}

// startNewStep opens the editor for a new card at the bottom of the
// lane × column cell. The step is added, as one undo step, only when the
// edit is committed with some text.
func (b *Board) startNewStep(lane, column, text string) {
	b.startEdit(&editState{kind: editNewStep, lane: lane, column: column}, text)
}

// startEdit opens the inline editor with text.
func (b *Board) startEdit(st *editState, text string) {
	if b.editing != nil {
		b.commitEdit()
	}
	b.connect = ""
	b.editing = st
	b.edit.MultiLine = st.kind == editStepText || st.kind == editNewStep
	b.edit.Wrapping = fyne.TextWrapOff
	if b.edit.MultiLine {
		b.edit.Wrapping = fyne.TextWrapWord
	}
	b.edit.SetText(text)
	defer b.noticeMode()
	if st.kind == editStepText || st.kind == editNewStep {
		b.Reload() // lays the card out with its text, then the editor over it
	} else {
		b.placeEditor()
	}
	if b.editing == nil {
		return
	}
	b.edit.Show()
	rows := strings.Split(text, "\n")
	b.edit.CursorRow = len(rows) - 1
	b.edit.CursorColumn = len([]rune(rows[len(rows)-1]))
	b.edit.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
		c.Focus(b.edit)
	}
	b.over.update(b)
}

// editRect is the world rectangle the inline editor covers.
func (b *Board) editRect(st *editState) (layout.Rect, bool) {
	l := b.lay
	switch st.kind {
	case editStepText:
		return l.CardRect(st.id)
	case editNewStep:
		// The board is laid out with the new card standing where it
		// will go (see shownDoc).
		return l.CardRect(pendingStepID)
	case editLaneName:
		if lb := b.laneBand(st.id); lb != nil {
			return lb.Header, true
		}
	case editFlowLabel:
		r := l.Route(layout.FlowKey{From: st.id, To: st.to})
		if r == nil || len(r.Points) < 2 {
			return layout.Rect{}, false
		}
		if r.Label != nil {
			c := r.Label.Rect().Center()
			return layout.Rect{X: c.X - 80, Y: c.Y - 16, W: 160, H: 32}, true
		}
		c := longestMid(r.Points)
		return layout.Rect{X: c.X - 80, Y: c.Y - 16, W: 160, H: 32}, true
	case editPhaseName:
		if ph := b.phaseOf(st.id); ph != nil {
			return ph.Rect, true
		}
		fallthrough
	case editColumnName:
		if cb := b.columnBox(st.id); cb != nil && len(l.Lanes) > 0 {
			top := l.Lanes[0].Rect.Y
			return layout.Rect{X: cb.Rect.X, Y: cb.Rect.Y, W: cb.Rect.W, H: max(top-cb.Rect.Y, 30)}, true
		}
	}
	return layout.Rect{}, false
}

// placeEditor lays the entry over what it edits; an edit whose element is
// gone is cancelled.
func (b *Board) placeEditor() {
	r, ok := b.editRect(b.editing)
	if !ok {
		b.editing = nil
		b.edit.Hide()
		return
	}
	if ts := b.editTextSize(b.editing); ts != b.editTheme.textSize {
		b.editTheme.textSize = ts
		b.editBox.Refresh()
	}
	pos, _ := b.screenRect(r)
	// A header shown in a frozen pane is edited where the pane shows it.
	switch b.editing.kind {
	case editLaneName:
		if b.frozenLanesShown() {
			pos.X = r.X * b.zoom
		}
	case editColumnName, editPhaseName:
		if b.frozenTopShown() {
			pos.Y = r.Y * b.zoom
		}
	}
	b.editBox.Move(pos)
	b.editBox.Resize(b.editorSize(r, b.editTheme.textSize))
}

// closeEdit hides the editor and gives the focus back to the board.
func (b *Board) closeEdit() {
	st := b.editing
	b.editing = nil
	b.edit.Hide()
	if st != nil && (st.kind == editStepText || st.kind == editNewStep) {
		// Lay out without the text that was being typed.
		b.Reload()
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() == b.edit {
		c.Focus(b)
	}
	b.noticeMode()
	b.over.update(b)
}

// cancelEdit closes the editor without changing the document.
func (b *Board) cancelEdit() {
	if b.editing != nil {
		b.closeEdit()
	}
}

// commitEdit closes the editor and applies its text as one command.
func (b *Board) commitEdit() {
	st := b.editing
	if st == nil {
		return
	}
	text := b.edit.Text
	b.closeEdit()
	d := b.store.Doc()
	switch st.kind {
	case editStepText:
		s := d.Step(st.id)
		text = strings.TrimSpace(text)
		if s != nil && s.Text != text {
			p := state.PlanStepText(d, b.store.Untitled(), *s, text)
			before := b.store.Selection()
			if b.apply(p.Command) && p.ID != st.id {
				b.store.Select(before.RenamedStep(st.id, p.ID))
			}
		}
	case editNewStep:
		text = strings.TrimSpace(text)
		if text == "" {
			return
		}
		s := blueprint.Step{ID: d.UniqueID(text, "step"), Lane: st.lane, Column: st.column, Text: text}
		var c blueprint.Command = blueprint.AddStep(s, -1)
		if st.column == "" {
			// A card right of the last column comes with its column, in
			// one undo step; the column's id is made from the phase it
			// joins, if any.
			colText := "column"
			if blueprint.Slug(st.phase) != "" {
				colText = st.phase
			}
			ids := blueprint.UniqueIDs(d, []string{colText, text}, "step")
			s.ID, s.Column = ids[1], ids[0]
			c = blueprint.Batch("Add step", blueprint.InsertColumn(blueprint.Column{ID: ids[0], Phase: st.phase}, -1), blueprint.AddStep(s, -1))
		}
		if st.flowFrom != "" && d.Step(st.flowFrom) != nil {
			c = blueprint.Batch("Add connected step", c, blueprint.AddFlow(blueprint.Flow{From: st.flowFrom, To: s.ID}))
		}
		if b.apply(c) {
			b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{s.ID}})
		}
	case editLaneName:
		text = strings.TrimSpace(text)
		if l := d.Lane(st.id); l != nil && text != "" && text != l.Name {
			b.rename(state.Selection{Kind: state.SelectLane, IDs: []string{st.id}}, text)
		}
	case editColumnName:
		text = strings.TrimSpace(text)
		if c := d.Column(st.id); c != nil && text != c.Name {
			b.rename(state.Selection{Kind: state.SelectColumn, IDs: []string{st.id}}, text)
		}
	case editFlowLabel:
		text = strings.TrimSpace(text)
		if i := d.FlowIndex(st.id, st.to); i >= 0 && d.Flows[i].Label != text {
			f := d.Flows[i]
			f.Label = text
			b.apply(blueprint.EditFlow(st.id, st.to, f))
		}
	case editPhaseName:
		text = strings.TrimSpace(text)
		c := d.Column(st.id)
		switch {
		case c == nil || text == c.Phase:
		case c.Phase != "" && text != "":
			b.applyPhase(state.PlanRenamePhase(d, b.store.Untitled(), c.Phase, text))
		default:
			b.applyPhase(state.PlanSetPhase(d, b.store.Untitled(), text, st.id))
		}
	}
}

// DoubleTapped edits the card under the pointer, adds a card to an empty
// spot of a cell, or renames the lane or column whose header it is.
//
// Two quick clicks at different places, or with Shift, Ctrl or Cmd held,
// are not a double tap but two clicks (Fyne reports any two within its
// interval as one): each already selected or toggled at MouseDown, as
// quick Shift+clicks over several cards must.
func (b *Board) DoubleTapped(ev *fyne.PointEvent) {
	b.press.seen = false
	if last, first := b.lastClick, b.firstClick; last.down && dist(last.pos, ev.Position) <= doubleTapSlop {
		// The presses of this double tap are known (not so for a tap
		// without a mouse).
		const toggles = fyne.KeyModifierShift | fyne.KeyModifierControl | fyne.KeyModifierSuper
		if (last.mods|first.mods)&toggles != 0 || first.down && dist(first.pos, last.pos) > doubleTapSlop {
			return
		}
	}
	h := b.hitAt(ev.Position)
	d := b.store.Doc()
	switch h.kind {
	case hitCard, hitHandle:
		b.store.Select(state.Selection{Kind: state.SelectSteps, IDs: []string{h.step}})
		if s := d.Step(h.step); s != nil {
			b.startEdit(&editState{kind: editStepText, id: s.ID}, s.Text)
		}
	case hitCell:
		b.store.Select(state.Selection{Kind: state.SelectCell, IDs: []string{h.lane, h.column}})
		b.startNewStep(h.lane, h.column, "")
	case hitNewColumn:
		b.store.Select(state.Selection{})
		b.startNewStep(h.lane, "", "")
	case hitLane:
		b.store.Select(state.Selection{Kind: state.SelectLane, IDs: []string{h.lane}})
		b.EditSelection()
	case hitColumn:
		b.store.Select(state.Selection{Kind: state.SelectColumn, IDs: []string{h.column}})
		if ph := b.phaseOf(h.column); ph != nil && ph.Rect.Contains(b.toWorld(ev.Position)) {
			b.startEdit(&editState{kind: editPhaseName, id: h.column}, ph.Name)
			return
		}
		b.EditSelection()
	case hitFlow:
		b.store.Select(state.Selection{Kind: state.SelectFlow, IDs: []string{h.flow.From, h.flow.To}})
		b.EditSelection()
	case hitTitle:
		b.store.Select(state.Selection{})
		if b.OnEditTitle != nil {
			b.OnEditTitle()
		}
	}
}

// doubleTapSlop is how far apart, in screen units, the two clicks of a
// double tap may be.
const doubleTapSlop = 6

// phaseOf returns the phase heading over the column id, or nil.
func (b *Board) phaseOf(id string) *layout.PhaseBox {
	l := b.lay
	ci := -1
	for i := range l.Columns {
		if l.Columns[i].ID == id {
			ci = i
		}
	}
	for i := range l.Phases {
		if p := &l.Phases[i]; ci >= p.First && ci <= p.Last {
			return p
		}
	}
	return nil
}

// longestMid is the middle of the longest segment of an orthogonal
// polyline.
func longestMid(pts []layout.Point) layout.Point {
	best, mid := float32(-1), pts[0]
	for i := 0; i+1 < len(pts); i++ {
		a, z := pts[i], pts[i+1]
		if n := abs(z.X-a.X) + abs(z.Y-a.Y); n > best {
			best, mid = n, layout.Point{X: (a.X + z.X) / 2, Y: (a.Y + z.Y) / 2}
		}
	}
	return mid
}

// rename renames the lane or column sel selects (see state.PlanRename):
// a made-up id that nothing refers to follows the name, and one that is
// referred to is offered through OnOfferIDs.
func (b *Board) rename(sel state.Selection, name string) {
	p := state.PlanRename(b.store.Doc(), b.store.Untitled(), sel, name)
	if p.Command == nil || !b.apply(p.Command) {
		return
	}
	if p.ID != sel.IDs[0] && b.store.Selection().Kind == state.SelectNone {
		b.store.Select(state.Selection{Kind: sel.Kind, IDs: []string{p.ID}})
	}
	if p.Offer != "" && b.OnOfferIDs != nil {
		b.OnOfferIDs(sel.Kind, []state.IDChange{{Old: sel.IDs[0], New: p.Offer}})
	}
}

// applyPhase applies a planned change of phase (see state.PlanPhase): the
// selection follows the column ids it changes, and the made-up ids that
// steps refer to are offered through OnOfferIDs.
func (b *Board) applyPhase(p state.PhasePlan) {
	before := b.store.Selection()
	if !b.apply(p.Command) {
		return
	}
	if len(p.Changed) > 0 {
		b.store.Select(before.Renamed(state.SelectColumn, p.Changed))
	}
	if len(p.Offer) > 0 && b.OnOfferIDs != nil {
		b.OnOfferIDs(state.SelectColumn, p.Offer)
	}
}
