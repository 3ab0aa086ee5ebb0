package layout

import (
	"math"
	"strings"

	"servicebp/blueprint"
)

// laneTitleInset is the horizontal space between the header column's edge
// and the lane title.
const laneTitleInset = 12

// titleMinWidth is the narrowest the title block wraps to.
const titleMinWidth = 480

// descriptionMaxWidth is the widest the description wraps to, in world
// units: about 110 characters of Latin text at its size, a line still easy
// to read, where the width of a wide grid is not.
const descriptionMaxWidth = 760

// descriptionLines is the most lines the description takes.
const descriptionLines = 3

// Compute lays out d with style st, measuring text with measure. It never
// fails: steps and flows that refer to missing lanes, columns or steps are
// left out, so a document in the middle of an edit can still be drawn.
func Compute(d *blueprint.Document, st Style, measure Measure) *Layout {
	if d == nil {
		d = &blueprint.Document{}
	}
	if st.LineSpacing <= 0 {
		st.LineSpacing = 1
	}
	m := newMeasurer(measure)
	l := &Layout{
		cardIndex: make(map[string]int, len(d.Steps)),
		flowIndex: make(map[FlowKey]int, len(d.Flows)),
		cells:     make(map[cellKey][]int),
	}
	c := &computer{d: d, st: st, m: m, l: l}
	c.run()
	l.laneIndex, l.colIndex = c.laneIdx, c.colIdx
	return l
}

type computer struct {
	d  *blueprint.Document
	st Style
	m  *measurer
	l  *Layout

	laneIdx, colIdx map[string]int
	// cellSteps are the indexes into d.Steps of each cell's steps.
	cellSteps map[cellKey][]int
	colSteps  [][]int
	colX      []float32
	colW      []float32
	contents  []*cardContent
	// cardStep is the index into d.Steps of each card.
	cardStep []int
	// emotionAfter is the index of the lane the emotion band follows, or
	// -1.
	emotionAfter int
	// gapAfter is the extra space after each column's cards, included in
	// colW, for flow labels between neighbouring cards.
	gapAfter []float32
	textLH   float32
	smallLH  float32
}

func (c *computer) run() {
	d, st, l := c.d, c.st, c.l
	c.textLH = c.m.lineHeight(st.TextSize, false) * st.LineSpacing
	c.smallLH = c.m.lineHeight(st.SmallSize, false)
	c.index()

	x0, y := st.Margin, st.Margin
	c.columnWidths()
	x := x0 + st.LaneHeaderWidth
	c.colX = make([]float32, len(d.Columns))
	for i := range d.Columns {
		c.colX[i] = x
		x += c.colW[i]
	}
	// The title block is as wide as the grid, and at least titleMinWidth.
	right := x
	textW := max(x-x0, titleMinWidth)
	if title := d.Title; title != "" || st.TitlePlaceholder != "" {
		if title == "" {
			title, l.TitleHint = st.TitlePlaceholder, true
		}
		s := c.oneLine(title, textW, st.TitleSize, true)
		w, h := c.m.size(s, st.TitleSize, true)
		l.Title = &TextLine{Text: s, Pos: Point{x0, y}, W: w, H: h, Size: st.TitleSize, Bold: true}
		y += h + 2
		right = max(right, x0+w)
	}
	if desc := strings.TrimSpace(d.Description); desc != "" {
		size := st.SmallSize + 2
		lines, _ := wrap(c.m, desc, min(textW, descriptionMaxWidth), size, false, descriptionLines)
		for _, s := range lines {
			w, h := c.m.size(s, size, false)
			l.Description = append(l.Description, TextLine{Text: s, Pos: Point{x0, y}, W: w, H: h, Size: size})
			y += h
			right = max(right, x0+w)
		}
	}
	if l.Title != nil || len(l.Description) > 0 {
		y += 16
	}

	gridRight := x
	top := y
	y = c.phaseBand(y)
	y = c.columnHeaders(y)
	gridTop := y
	y = c.lanes(x0, y, gridRight)
	gridBottom := y
	l.Grid = Rect{x0, gridTop, gridRight - x0, gridBottom - gridTop}
	for i := range l.Columns {
		l.Columns[i].Rect = Rect{c.colX[i], top, c.colW[i], gridBottom - top}
	}
	c.lines(x0, gridRight)
	c.cards()
	c.emotionPoints()
	routeFlows(c)
	c.clearEmotionPoints()

	right = max(right, gridRight)
	// A flow label with no room on the board sits beside its flow, right
	// of the grid: the picture holds it, so no output cuts it off.
	for i := range l.Flows {
		if lb := l.Flows[i].Label; lb != nil {
			right = max(right, lb.Pos.X+lb.W)
		}
	}
	bottom := gridBottom
	if st.Legend {
		if lg := c.legend(x0, gridBottom+18, gridRight-x0); lg != nil {
			l.Legend = lg
			bottom = lg.Rect.Bottom()
			right = max(right, lg.Rect.Right())
		}
	}
	l.Width = float32(math.Ceil(float64(right + st.Margin)))
	l.Height = float32(math.Ceil(float64(bottom + st.Margin)))
}

func (c *computer) index() {
	d := c.d
	c.laneIdx = make(map[string]int, len(d.Lanes))
	for i, ln := range d.Lanes {
		c.laneIdx[ln.ID] = i
	}
	c.colIdx = make(map[string]int, len(d.Columns))
	for i, col := range d.Columns {
		c.colIdx[col.ID] = i
	}
	c.cellSteps = make(map[cellKey][]int)
	c.colSteps = make([][]int, len(d.Columns))
	seen := make(map[string]bool, len(d.Steps))
	for i, s := range d.Steps {
		li, ok1 := c.laneIdx[s.Lane]
		ci, ok2 := c.colIdx[s.Column]
		if !ok1 || !ok2 || seen[s.ID] {
			continue // a dangling reference or a duplicate id
		}
		seen[s.ID] = true
		k := cellKey{li, ci}
		c.cellSteps[k] = append(c.cellSteps[k], i)
		c.colSteps[ci] = append(c.colSteps[ci], i)
	}
}

// columnWidths sizes each column to its widest card, within the style's
// bounds.
func (c *computer) columnWidths() {
	st := c.st
	c.colW = make([]float32, len(c.d.Columns))
	extra := st.ColumnGutter + textInsets(st)
	widest := max(st.MaxColumnWidth, st.MinColumnWidth) // no text makes a column wider
	for i, col := range c.d.Columns {
		need := st.MinColumnWidth
		if col.Name != "" {
			need = max(need, c.m.widthUpTo(firstLine(col.Name), st.SmallSize+1, true, widest-st.ColumnGutter)+st.ColumnGutter)
		}
		for _, si := range c.colSteps[i] {
			s := &c.d.Steps[si]
			w := c.badgesWidth(s)
			if s.Owner != "" {
				w = max(w, c.m.widthUpTo(firstLine(s.Owner), st.SmallSize, false, widest-extra))
			}
			for para := range strings.SplitSeq(s.Text, "\n") {
				w = max(w, c.m.widthUpTo(para, st.TextSize, false, widest-extra))
				if w+extra >= st.MaxColumnWidth {
					break
				}
			}
			need = max(need, w+extra)
		}
		c.colW[i] = float32(math.Ceil(float64(min(need, widest))))
	}
	c.labelGaps()
}

// labelGaps widens the gap after a column when a labelled flow joins two
// cards of one lane in it and the next column, so the label fits between
// the cards.
func (c *computer) labelGaps() {
	st, d := c.st, c.d
	c.gapAfter = make([]float32, len(d.Columns))
	steps := make(map[string]*blueprint.Step, len(d.Steps))
	for i := range d.Steps {
		steps[d.Steps[i].ID] = &d.Steps[i]
	}
	for _, f := range d.Flows {
		a, b := steps[f.From], steps[f.To]
		if f.Label == "" || a == nil || b == nil || a.Lane != b.Lane {
			continue
		}
		ca, ok1 := c.colIdx[a.Column]
		cb, ok2 := c.colIdx[b.Column]
		if !ok1 || !ok2 || (ca-cb != 1 && cb-ca != 1) {
			continue
		}
		w := c.m.width(c.oneLine(f.Label, st.MaxColumnWidth-st.ColumnGutter, st.SmallSize, false), st.SmallSize, false)
		gap := float32(math.Ceil(float64(min(w+16-st.ColumnGutter, 2*st.MaxColumnWidth))))
		if left := min(ca, cb); gap > c.gapAfter[left] {
			c.colW[left] += gap - c.gapAfter[left]
			c.gapAfter[left] = gap
		}
	}
}

func (c *computer) phaseBand(y float32) float32 {
	st := c.st
	phases := c.d.Phases()
	named := false
	for _, p := range phases {
		named = named || p.Name != ""
	}
	if !named {
		return y
	}
	for _, p := range phases {
		if p.Name == "" {
			continue
		}
		x1 := c.colX[p.First]
		x2 := c.colX[p.Last] + c.colW[p.Last]
		r := Rect{x1 + 2, y, x2 - x1 - 4, st.PhaseHeight - 6}
		label := c.centred(p.Name, r, st.HeaderSize, true)
		c.l.Phases = append(c.l.Phases, PhaseBox{Name: p.Name, First: p.First, Last: p.Last, Rect: r, Label: label})
	}
	return y + st.PhaseHeight
}

func (c *computer) columnHeaders(y float32) float32 {
	st := c.st
	c.l.Columns = make([]ColumnBox, len(c.d.Columns))
	named := false
	for _, col := range c.d.Columns {
		named = named || col.Name != ""
	}
	h := st.ColumnHeaderHeight
	if !named {
		h = st.BlankColumnHeaderHeight
	}
	for i, col := range c.d.Columns {
		c.l.Columns[i].ID = col.ID
		if col.Name == "" {
			if h > 0 {
				c.l.Columns[i].Blank = Rect{c.colX[i], y, c.colW[i], h}
			}
			continue
		}
		r := Rect{c.colX[i], y, c.colW[i], st.ColumnHeaderHeight}
		t := c.centred(col.Name, r.Inset(4), st.SmallSize+1, true)
		c.l.Columns[i].Header = &t
	}
	return y + h
}

// centred places text on one line centred in r, cut with an ellipsis when
// it is wider than r.
func (c *computer) centred(text string, r Rect, size float32, bold bool) TextLine {
	s := c.oneLine(text, r.W, size, bold)
	w, h := c.m.size(s, size, bold)
	return TextLine{Text: s, Pos: Point{r.X + (r.W-w)/2, r.Y + (r.H-h)/2}, W: w, H: h, Size: size, Bold: bold}
}

// oneLine cuts text to its first line and to width.
func (c *computer) oneLine(text string, width, size float32, bold bool) string {
	first := firstLine(text)
	return ellipsize(c.m, first, width, size, bold, first != text && strings.TrimSpace(text[len(first):]) != "")
}

func (c *computer) lanes(x0, y, gridRight float32) float32 {
	st, d := c.st, c.d
	hasLineBelow := make(map[string]bool, len(d.Lines))
	for _, ln := range d.Lines {
		hasLineBelow[ln.Below] = true
	}
	c.emotionAfter = c.emotionLane()
	headerLH := c.m.lineHeight(st.HeaderSize, true) * st.LineSpacing
	titleW := st.LaneHeaderWidth - 2*laneTitleInset
	c.l.Lanes = make([]LaneBand, len(d.Lanes))
	for i, ln := range d.Lanes {
		name := st.Labels.LaneName(ln)
		lines, _ := wrap(c.m, name, titleW, st.HeaderSize, true, 3)
		h := st.MinLaneHeight
		need := float32(len(lines))*headerLH + 2*laneTitleInset
		if hasLineBelow[ln.ID] {
			need += c.smallLH + 8
		}
		h = max(h, need)
		for ci := range d.Columns {
			h = max(h, c.stackHeight(c.cellSteps[cellKey{i, ci}])+2*st.LanePadding)
		}
		h = float32(math.Ceil(float64(h)))
		band := LaneBand{
			ID: ln.ID, Kind: ln.Kind, Index: i,
			Rect:   Rect{x0, y, gridRight - x0, h},
			Header: Rect{x0, y, st.LaneHeaderWidth, h},
		}
		ty := y + laneTitleInset
		for _, s := range lines {
			w, lh := c.m.size(s, st.HeaderSize, true)
			band.Title = append(band.Title, TextLine{Text: s, Pos: Point{x0 + laneTitleInset, ty}, W: w, H: lh, Size: st.HeaderSize, Bold: true})
			ty += headerLH
		}
		c.l.Lanes[i] = band
		y += h
		if i == c.emotionAfter {
			y = c.emotionBand(x0, y, gridRight)
		}
	}
	return y
}

func (c *computer) lines(x0, gridRight float32) {
	st := c.st
	for _, ln := range c.d.Lines {
		li, ok := c.laneIdx[ln.Below]
		if !ok {
			continue
		}
		yy := c.l.Lanes[li].Rect.Bottom()
		if li == c.emotionAfter && c.l.Emotion != nil {
			// The band belongs to the customer's side of the line.
			yy = c.l.Emotion.Rect.Bottom()
		}
		name := st.Labels.LineName(ln)
		s := c.oneLine(name, st.LaneHeaderWidth-2*laneTitleInset, st.SmallSize, false)
		w, h := c.m.size(s, st.SmallSize, false)
		style := ln.Style
		if style == "" {
			style = blueprint.DefaultStyle(ln.Kind)
		}
		c.l.Lines = append(c.l.Lines, LineMark{
			ID: ln.ID, Kind: ln.Kind, Style: style, Y: yy, X1: x0, X2: gridRight,
			Label: TextLine{Text: s, Pos: Point{x0 + laneTitleInset, yy - h - 4}, W: w, H: h, Size: st.SmallSize},
		})
	}
}
