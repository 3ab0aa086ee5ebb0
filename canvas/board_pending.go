package canvas

import (
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

// While a card's text is edited in place, the board is laid out with the
// text being typed: a new card already stands, with its text, where the
// commit will add it (its lane grows to make room, as it will once the
// card is added), and an edited card grows with its text. The inline
// editor is drawn over that card, at its size, so that what is typed is
// seen where it goes. The document itself changes only on commit.

// Ids of the card, and of the column, that a new card's edit stands in
// for. They cannot clash with a document's ids, which never hold a NUL.
const (
	pendingStepID   = "\x00new-step"
	pendingColumnID = "\x00new-column"
)

// shownDoc is the document the board lays out: the store's, with the text
// of the card being edited in place.
func (b *Board) shownDoc() *blueprint.Document {
	d := b.store.Doc()
	st := b.editing
	if st == nil || d == nil {
		return d
	}
	text := b.edit.Text
	switch st.kind {
	case editStepText:
		i := slices.IndexFunc(d.Steps, func(s blueprint.Step) bool { return s.ID == st.id })
		if i < 0 || d.Steps[i].Text == text {
			return d
		}
		c := *d
		c.Steps = slices.Clone(d.Steps)
		c.Steps[i].Text = text
		return &c
	case editNewStep:
		if d.LaneIndex(st.lane) < 0 || (st.column != "" && d.ColumnIndex(st.column) < 0) {
			return d
		}
		c := *d
		column := st.column
		if column == "" {
			column = pendingColumnID
			c.Columns = append(slices.Clone(d.Columns), blueprint.Column{ID: pendingColumnID, Phase: st.phase})
		}
		c.Steps = append(slices.Clone(d.Steps), blueprint.Step{ID: pendingStepID, Lane: st.lane, Column: column, Text: text})
		if st.flowFrom != "" && d.Step(st.flowFrom) != nil {
			// The flow dropped on the cell, drawn to the card it asks for.
			c.Flows = append(slices.Clone(d.Flows), blueprint.Flow{From: st.flowFrom, To: pendingStepID})
		}
		return &c
	}
	return d
}

// editorSize is the size, in screen units, of the inline editor laid over
// the world rectangle r: r's size at the board's zoom, taller when the
// text typed needs more rows at the editor's text size, so that it grows
// downward and never scrolls its first lines away.
func (b *Board) editorSize(r layout.Rect, textSize float32) fyne.Size {
	w, h := r.W*b.zoom, r.H*b.zoom
	if !b.edit.MultiLine {
		return fyne.NewSize(max(w, 120), max(h, b.edit.MinSize().Height))
	}
	pad := theme.InnerPadding()
	avail := max(w-2*pad, 1)
	line := fyne.MeasureText("M", textSize, fyne.TextStyle{}).Height
	rows := 0
	for _, para := range strings.Split(b.edit.Text, "\n") {
		pw := fyne.MeasureText(para, textSize, fyne.TextStyle{}).Width
		rows += max(1, int(math.Ceil(float64(pw/avail))))
	}
	return fyne.NewSize(w, max(h, float32(rows)*line+2*pad))
}
