package diff

import (
	"slices"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
)

// Words are the words a picture of changes writes on its own.
type Words struct {
	// Tags on cards.
	Added, Removed, MovedFrom string
	// Key entries of the change panel.
	KeyAdded, KeyEdited, KeyRemoved, KeyMoved string
	// Title of the change panel, and the line that ends a cut list, a
	// format with the count of the changes left out (%d).
	Title, More string
}

// WordsIn are the words of a picture of changes in language l, from its
// catalogue (the zero value means English).
func WordsIn(l i18n.Lang) Words {
	if l == "" {
		l = i18n.English
	}
	return Words{
		Added: l.T("diff.tag.added"), Removed: l.T("diff.tag.removed"), MovedFrom: l.T("diff.tag.moved-from") + " ",
		KeyAdded: l.T("diff.key.added"), KeyEdited: l.T("diff.key.edited"), KeyRemoved: l.T("diff.key.removed"),
		KeyMoved: l.T("diff.key.moved"), Title: l.T("diff.key.title"), More: l.T("diff.key.more"),
	}
}

// EnglishWords are the default words of a picture of changes.
var EnglishWords = WordsIn(i18n.English)

// Picture is what marking changes on a picture needs: both versions, their
// layouts (computed with one style and measure), the style, the measure
// and the words.
type Picture struct {
	Old, New             *blueprint.Document
	OldLayout, NewLayout *layout.Layout
	Style                layout.Style
	Measure              layout.Measure
	Words                Words
}

// Marks turns changes (from Compare(p.Old, p.New)) into the marks of the
// picture of p.NewLayout: added, edited and moved cards outlined and
// tagged (an edited card's tag lists its changed fields), added and
// edited flows in their colour, a move arrow from a moved card's old cell,
// and a ghost of each removed card in its old cell. A removed card that
// p.NewLayout has (laid out from WithGhosts) is drawn as a ghost in its
// own place, and a removed flow it has is drawn dashed; otherwise the
// ghost goes below the cards of its old cell when that cell is in NEW and
// has room. Removed cards without a ghost, and removed flows that are not
// laid out, are left to the list of changes.
func Marks(changes []Change, p Picture) *draw.Changes {
	out := &draw.Changes{Steps: map[string]draw.StepChange{}, Flows: map[layout.FlowKey]draw.ChangeKind{}}
	fields := map[string][]string{}
	moved := map[string]bool{}
	added := map[string]bool{}
	var removed []string
	for _, c := range changes {
		switch c.Element {
		case Step:
			switch c.Kind {
			case Added:
				added[c.ID] = true
			case Removed:
				removed = append(removed, c.ID)
			case Moved:
				moved[c.ID] = true
			case Reordered:
				fields[c.ID] = append(fields[c.ID], "order")
			default:
				fields[c.ID] = append(fields[c.ID], fieldName(c.Field))
			}
		case Flow:
			from, to, ok := strings.Cut(c.ID, "->")
			if !ok {
				continue
			}
			switch c.Kind {
			case Added:
				out.Flows[layout.FlowKey{From: from, To: to}] = draw.ChangeAdded
			case Removed:
				// Drawn only when the layout has it (see WithGhosts).
				out.Flows[layout.FlowKey{From: from, To: to}] = draw.ChangeRemoved
			case Changed:
				out.Flows[layout.FlowKey{From: from, To: to}] = draw.ChangeEdited
			}
		}
	}
	m := &marker{p: p, out: out, oi: newIndex(p.Old), below: map[cellKey]float32{}}
	for i := range p.NewLayout.Cards {
		c := &p.NewLayout.Cards[i]
		id := c.StepID
		switch {
		case added[id]:
			m.mark(c, draw.ChangeAdded, p.Words.Added, fields[id])
		case moved[id]:
			m.mark(c, draw.ChangeMoved, p.Words.MovedFrom+m.oldCellName(id, c), fields[id])
		case len(fields[id]) > 0:
			m.mark(c, draw.ChangeEdited, "", fields[id])
		}
	}
	for _, id := range removed {
		if c := p.NewLayout.Card(id); c != nil {
			// Laid out in a cell of its own (see WithGhosts).
			ch := draw.StepChange{Kind: draw.ChangeRemoved}
			if t, ok := m.tag(draw.ChangeRemoved, p.Words.Removed, c.Rect.X+tagInset, c.Rect.Bottom(), c.Rect.Right()-tagInset); ok {
				ch.Tags = append(ch.Tags, t)
			}
			out.Steps[id] = ch
			continue
		}
		m.ghost(id)
	}
	for id, ch := range out.Steps {
		if ch.Kind == draw.ChangeMoved {
			if from, ok := m.oldCellPoint(id); ok {
				ch.From = &from
				out.Steps[id] = ch
			}
		}
	}
	return out
}

// fieldName is a changed field as a tag names it.
func fieldName(f string) string {
	if f == "" {
		return "?"
	}
	return f
}

// cellKey is a cell of NEW's grid.
type cellKey struct{ lane, column string }

// marker places the marks of one picture.
type marker struct {
	p   Picture
	out *draw.Changes
	oi  *index
	// below is, per cell, the lowest y taken by a card, ghost or move ring
	// placed so far.
	below map[cellKey]float32
}

// tagHeight is the height of a change tag; tagInset its distance from
// the card's left edge.
const (
	tagPad   = 5
	tagInset = 10
)

// mark outlines card c as kind with a tag reading first (when not "")
// and one listing fields (when any).
func (m *marker) mark(c *layout.Card, kind draw.ChangeKind, first string, fields []string) {
	ch := draw.StepChange{Kind: kind}
	x := c.Rect.X + tagInset
	limit := c.Rect.Right() - tagInset
	if first != "" {
		if t, ok := m.tag(kind, first, x, c.Rect.Bottom(), limit); ok {
			ch.Tags = append(ch.Tags, t)
			x = t.Rect.Right() + 4
		}
	}
	if len(fields) > 0 {
		if t, ok := m.tag(draw.ChangeEdited, strings.Join(slices.Compact(fields), ", "), x, c.Rect.Bottom(), limit); ok {
			ch.Tags = append(ch.Tags, t)
		}
	}
	m.out.Steps[c.StepID] = ch
}

// tag is the pill reading text, its left edge at x, centred on the
// horizontal line y, cut with an ellipsis to end before limit; ok is false
// when not even the ellipsis fits.
func (m *marker) tag(kind draw.ChangeKind, text string, x, y, limit float32) (draw.Tag, bool) {
	st := m.p.Style
	size := st.SmallSize
	avail := limit - x - 2*tagPad
	if avail < size*2 {
		return draw.Tag{}, false
	}
	text = layout.Truncate(text, avail, size, false, m.p.Measure)
	w, h := m.p.Measure(text, size, false)
	ph := max(st.BadgeHeight, h+2)
	r := layout.Rect{X: x, Y: y - ph/2, W: w + 2*tagPad, H: ph}
	line := layout.TextLine{Text: text, Pos: layout.Point{X: x + tagPad, Y: r.Y + (ph-h)/2}, W: w, H: h, Size: size}
	return draw.Tag{Kind: kind, Rect: r, Label: line}, true
}

// oldCellName names the OLD cell of the moved step id for its tag: the
// column when the lane is the same, the lane when the column is, both
// otherwise.
func (m *marker) oldCellName(id string, c *layout.Card) string {
	s := m.oi.steps[id]
	if s == nil {
		return ""
	}
	lane, column := s.Lane, s.Column
	if v := m.oi.lanes[lane]; v != nil && v.Name != "" {
		lane = v.Name
	}
	if v := m.oi.columns[column]; v != nil && v.Name != "" {
		column = v.Name
	}
	switch {
	case s.Lane == c.Lane:
		return column
	case s.Column == c.Column:
		return lane
	}
	return lane + " × " + column
}

// cell is the rectangle of the cell lane × column in NEW's layout, and
// the bottom of the last card in it (its top when it is empty).
func (m *marker) cell(lane, column string) (r layout.Rect, bottom float32, ok bool) {
	l := m.p.NewLayout
	var band *layout.LaneBand
	for i := range l.Lanes {
		if l.Lanes[i].ID == lane {
			band = &l.Lanes[i]
		}
	}
	var col *layout.ColumnBox
	for i := range l.Columns {
		if l.Columns[i].ID == column {
			col = &l.Columns[i]
		}
	}
	if band == nil || col == nil {
		return r, 0, false
	}
	r = layout.Rect{X: col.Rect.X, Y: band.Rect.Y, W: col.Rect.W, H: band.Rect.H}
	bottom = r.Y
	for _, id := range l.CellCards(lane, column) {
		if cr, ok := l.CardRect(id); ok {
			bottom = max(bottom, cr.Bottom())
		}
	}
	if b, ok := m.below[cellKey{lane, column}]; ok {
		bottom = max(bottom, b)
	}
	return r, bottom, true
}

// ghost places the removed step id in its old cell, as wide as the cards
// of that column, below what the cell already holds; a cell that is gone
// or has no room for two lines of text gets no ghost.
func (m *marker) ghost(id string) {
	s := m.oi.steps[id]
	oc := m.p.OldLayout.Card(id)
	if s == nil || oc == nil {
		return
	}
	cell, bottom, ok := m.cell(s.Lane, s.Column)
	if !ok {
		return
	}
	st := m.p.Style
	pad := st.CardPadding
	x := cell.X + (st.ColumnGutter / 2)
	w := cell.W - st.ColumnGutter
	if oc.Rect.W > 0 && oc.Rect.W < w {
		x, w = cell.X+(cell.W-oc.Rect.W)/2, oc.Rect.W
	}
	y := cell.Y + st.LanePadding
	if bottom > cell.Y {
		y = bottom + st.CardGap
	}
	lineH := st.TextSize * st.LineSpacing
	room := cell.Bottom() - st.LanePadding/2 - y
	if room < 2*pad+lineH+st.BadgeHeight/2 {
		return
	}
	h := min(max(oc.Rect.H, 2*pad+lineH), room)
	maxLines := max(int((h-2*pad-st.BadgeHeight/2)/lineH), 1)
	texts, _ := layout.Wrap(s.Text, w-2*pad-4, st.TextSize, false, maxLines, m.p.Measure)
	g := draw.Ghost{StepID: id, Rect: layout.Rect{X: x, Y: y, W: w, H: h}}
	ty := y + pad
	for _, t := range texts {
		tw, th := m.p.Measure(t, st.TextSize, false)
		g.Lines = append(g.Lines, layout.TextLine{Text: t, Pos: layout.Point{X: x + pad + 4, Y: ty}, W: tw, H: th, Size: st.TextSize})
		ty += lineH
	}
	if t, ok := m.tag(draw.ChangeRemoved, m.p.Words.Removed, x+tagInset, y+h, x+w-tagInset); ok {
		g.Tag = t
	}
	m.out.Ghosts = append(m.out.Ghosts, g)
	m.below[cellKey{s.Lane, s.Column}] = y + h + st.BadgeHeight/2
}

// oldCellPoint is where the move arrow of step id starts: in its OLD
// cell of NEW's grid, below what the cell holds, or on the cell's bottom
// edge when it is full, a quarter of its width from the left; ok is false when that cell is not in NEW.
func (m *marker) oldCellPoint(id string) (layout.Point, bool) {
	s := m.oi.steps[id]
	if s == nil {
		return layout.Point{}, false
	}
	cell, bottom, ok := m.cell(s.Lane, s.Column)
	if !ok {
		return layout.Point{}, false
	}
	y := cell.Y + cell.H/2
	if bottom > cell.Y {
		y = min(bottom+m.p.Style.CardGap, cell.Bottom()-moveInset)
	}
	// A quarter in from the left: flows between the cell's cards run
	// through its middle.
	return layout.Point{X: cell.X + cell.W/4, Y: y}, true
}

// moveInset keeps a move ring inside its cell.
const moveInset = 8
