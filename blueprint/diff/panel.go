package diff

import (
	"fmt"
	"math"
	"strconv"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
)

// PanelLine is one line of the list of changes in a picture's panel.
type PanelLine struct {
	Kind draw.ChangeKind
	Text string
}

// KindOf is how a picture marks the change c: added, removed and moved as
// they are, anything else as edited.
func KindOf(c Change) draw.ChangeKind {
	switch c.Kind {
	case Added:
		return draw.ChangeAdded
	case Removed:
		return draw.ChangeRemoved
	case Moved:
		return draw.ChangeMoved
	}
	return draw.ChangeEdited
}

// Panel sizes.
const (
	panelGap    = 18
	panelPad    = 12
	sampleW     = 26
	sampleH     = 14
	keyGap      = 22
	entrySquare = 8
)

// AddPanel lays out the change panel of ch under p.NewLayout: a title, the
// key of the marks and lines (at most maxLines of them, then a line
// counting the rest), and returns a copy of the layout grown to hold it.
// The panel is as wide as the grid, at least wide enough for its key.
func AddPanel(ch *draw.Changes, p Picture, lines []PanelLine, maxLines int) *layout.Layout {
	l := *p.NewLayout
	st, measure := p.Style, p.Measure
	x := l.Grid.X
	top := l.Height - st.Margin + panelGap
	width := max(l.Grid.W, 360)
	inner := width - 2*panelPad
	pn := &draw.ChangePanel{}
	text := func(s string, x, y, size float32, bold bool, limit float32) layout.TextLine {
		s = layout.Truncate(s, limit, size, bold, measure)
		w, h := measure(s, size, bold)
		return layout.TextLine{Text: s, Pos: layout.Point{X: x, Y: y}, W: w, H: h, Size: size, Bold: bold}
	}
	y := top + panelPad
	pn.Title = text(p.Words.Title+" ("+strconv.Itoa(len(lines))+")", x+panelPad, y, st.HeaderSize, true, inner)
	y += pn.Title.H + 8
	// The key: samples with their words, in rows as wide as the panel.
	kx := x + panelPad
	rowH := max(sampleH, st.TextSize*st.LineSpacing)
	key := []PanelLine{{draw.ChangeAdded, p.Words.KeyAdded}, {draw.ChangeEdited, p.Words.KeyEdited}, {draw.ChangeRemoved, p.Words.KeyRemoved}, {draw.ChangeMoved, p.Words.KeyMoved}}
	for _, k := range key {
		w, _ := measure(k.Text, st.TextSize, false)
		if kx > x+panelPad && kx+sampleW+6+w > x+width-panelPad {
			kx, y = x+panelPad, y+rowH+6
		}
		t := text(k.Text, kx+sampleW+6, 0, st.TextSize, false, inner-sampleW-6)
		t.Pos.Y = y + (rowH-t.H)/2
		pn.Key = append(pn.Key, draw.PanelEntry{Kind: k.Kind, Sample: layout.Rect{X: kx, Y: y + (rowH-sampleH)/2, W: sampleW, H: sampleH}, Text: t})
		kx += sampleW + 6 + t.W + keyGap
	}
	y += rowH + 10
	lh := st.TextSize * st.LineSpacing
	shown := lines
	if maxLines > 0 && len(lines) > maxLines {
		shown = lines[:maxLines-1]
	}
	for _, ln := range shown {
		pn.Entries = append(pn.Entries, panelEntry(ln.Kind, ln.Text, x+panelPad, y, lh, inner, text, st.TextSize))
		y += lh
	}
	if len(shown) < len(lines) {
		more := fmt.Sprintf(p.Words.More, len(lines)-len(shown))
		e := panelEntry(draw.ChangeNone, more, x+panelPad, y, lh, inner, text, st.TextSize)
		e.Sample = layout.Rect{}
		pn.Entries = append(pn.Entries, e)
		y += lh
	}
	pn.Rect = layout.Rect{X: x, Y: top, W: width, H: y + panelPad - top}
	ch.Panel = pn
	l.Height = float32(math.Ceil(float64(pn.Rect.Bottom() + st.Margin)))
	l.Width = max(l.Width, float32(math.Ceil(float64(pn.Rect.Right()+st.Margin))))
	return &l
}

// panelEntry is one listed change: a square in its colour and its text.
func panelEntry(kind draw.ChangeKind, s string, x, y, lh, inner float32, text func(string, float32, float32, float32, bool, float32) layout.TextLine, size float32) draw.PanelEntry {
	t := text(s, x+entrySquare+8, 0, size, false, inner-entrySquare-8)
	t.Pos.Y = y + (lh-t.H)/2
	return draw.PanelEntry{Kind: kind, Sample: layout.Rect{X: x, Y: y + (lh-entrySquare)/2, W: entrySquare, H: entrySquare}, Text: t}
}
