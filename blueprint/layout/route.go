package layout

import "sort"

// side is one edge of a card.
type side int

const (
	sideTop side = iota
	sideBottom
	sideLeft
	sideRight
)

// routeKind says how a flow is drawn.
type routeKind int

const (
	routeVertical routeKind = iota // same column, nothing in between
	routeAround                    // same column, around the cards in between
	routeAcross                    // between columns
)

// plan is a flow being routed.
type plan struct {
	key    FlowKey
	twoWay bool
	label  string
	a, b   int // card indexes
	kind   routeKind
	sa, sb side
	ya, yb float32 // attachment y on the side edges
}

type sideKey struct {
	card int
	side side
}

type slotRef struct {
	plan  int
	end   int // 0 source, 1 target
	other float32
}

// interval is a used stretch of a routing channel at one offset.
type interval struct {
	offset int
	lo, hi float32
}

// channels hands out non-overlapping offsets within routing channels (a
// column's centre line, a gutter, a lane's top channel).
type channels map[int][]interval

// take returns the smallest offset step (0, 1, -1, 2, -2 ... up to ±limit)
// whose stretch lo..hi is free in channel ch, and records it.
func (cs channels) take(ch int, lo, hi float32, limit int) int {
	if lo > hi {
		lo, hi = hi, lo
	}
	used := cs[ch]
	for k := 0; k <= 2*limit; k++ {
		off := (k + 1) / 2
		if k%2 == 0 {
			off = -off
		}
		free := true
		for _, iv := range used {
			if iv.offset == off && lo <= iv.hi+4 && iv.lo <= hi+4 {
				free = false
				break
			}
		}
		if free {
			cs[ch] = append(used, interval{off, lo, hi})
			return off
		}
	}
	return 0
}

// router routes the flows of a layout.
type router struct {
	c       *computer
	plans   []plan
	slots   map[sideKey][]slotRef
	centres channels
	gutters channels
	lanes   channels
	labels  []Rect
}

// routeFlows computes a Route for every flow between two placed cards.
func routeFlows(c *computer) {
	r := &router{c: c, slots: make(map[sideKey][]slotRef), centres: channels{}, gutters: channels{}, lanes: channels{}}
	r.plan()
	r.assignSlots()
	for i := range r.plans {
		route := r.route(&r.plans[i])
		c.l.flowIndex[route.Key] = len(c.l.Flows)
		c.l.Flows = append(c.l.Flows, route)
	}
}

func (r *router) plan() {
	l := r.c.l
	seen := make(map[FlowKey]bool, len(r.c.d.Flows))
	for _, f := range r.c.d.Flows {
		ai, ok1 := l.cardIndex[f.From]
		bi, ok2 := l.cardIndex[f.To]
		key := FlowKey{f.From, f.To}
		if !ok1 || !ok2 || ai == bi {
			continue
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		A, B := &l.Cards[ai], &l.Cards[bi]
		ca, cb := r.c.colIdx[A.Column], r.c.colIdx[B.Column]
		p := plan{key: key, twoWay: f.TwoWay, label: f.Label, a: ai, b: bi}
		switch {
		case ca == cb && !r.blockedVertical(A, B):
			p.kind = routeVertical
			if A.Rect.Y < B.Rect.Y {
				p.sa, p.sb = sideBottom, sideTop
			} else {
				p.sa, p.sb = sideTop, sideBottom
			}
		case ca == cb:
			p.kind, p.sa, p.sb = routeAround, sideRight, sideRight
		case ca < cb:
			p.kind, p.sa, p.sb = routeAcross, sideRight, sideLeft
		default:
			p.kind, p.sa, p.sb = routeAcross, sideLeft, sideRight
		}
		n := len(r.plans)
		r.plans = append(r.plans, p)
		if p.kind != routeVertical {
			ka, kb := sideKey{ai, p.sa}, sideKey{bi, p.sb}
			r.slots[ka] = append(r.slots[ka], slotRef{n, 0, B.Rect.Center().Y})
			r.slots[kb] = append(r.slots[kb], slotRef{n, 1, A.Rect.Center().Y})
		}
	}
}

// blockedVertical reports whether another card of the column lies between
// cards a and b.
func (r *router) blockedVertical(a, b *Card) bool {
	top, bottom := a.Rect.Bottom(), b.Rect.Y
	if b.Rect.Y < a.Rect.Y {
		top, bottom = b.Rect.Bottom(), a.Rect.Y
	}
	ci := r.c.colIdx[a.Column]
	for li := range r.c.l.Lanes {
		for _, k := range r.c.l.cells[cellKey{li, ci}] {
			cr := r.c.l.Cards[k].Rect
			if cr.Y >= top-0.5 && cr.Bottom() <= bottom+0.5 {
				return true
			}
		}
	}
	return false
}

// assignSlots spreads the attachments on each card side evenly, ordered by
// where the other end lies, so arrows do not cross at the card.
func (r *router) assignSlots() {
	keys := make([]sideKey, 0, len(r.slots))
	for k := range r.slots {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].card != keys[j].card {
			return keys[i].card < keys[j].card
		}
		return keys[i].side < keys[j].side
	})
	for _, k := range keys {
		refs := r.slots[k]
		sort.SliceStable(refs, func(i, j int) bool { return refs[i].other < refs[j].other })
		rect := r.c.l.Cards[k.card].Rect
		top := rect.Y + min(r.c.st.BadgeHeight/2+2, rect.H/4)
		h := rect.Bottom() - top
		for i, ref := range refs {
			y := top + h*float32(i+1)/float32(len(refs)+1)
			if len(refs) == 1 {
				y = rect.Center().Y
			}
			if ref.end == 0 {
				r.plans[ref.plan].ya = y
			} else {
				r.plans[ref.plan].yb = y
			}
		}
	}
}

// gutterX is the x of the centre of the gutter on side s of column ci.
func (r *router) gutterX(ci int, s side) float32 {
	x := r.c.colX[ci]
	if s == sideRight {
		x += r.c.colW[ci]
	}
	return x
}

func (r *router) route(p *plan) Route {
	l := r.c.l
	A, B := &l.Cards[p.a], &l.Cards[p.b]
	route := Route{Key: p.key, TwoWay: p.twoWay}
	step := r.c.st.ColumnGutter / 5
	limit := 2
	switch p.kind {
	case routeVertical:
		ca := r.c.colIdx[A.Column]
		y1, y2 := A.Rect.Bottom(), B.Rect.Y
		if p.sa == sideTop {
			y1, y2 = A.Rect.Y, B.Rect.Bottom()
		}
		off := r.centres.take(ca, y1, y2, 3)
		x := A.Rect.Center().X + float32(off)*12
		route.Points = []Point{{x, y1}, {x, y2}}
	case routeAround:
		ca := r.c.colIdx[A.Column]
		off := r.gutters.take(ca+1, p.ya, p.yb, limit)
		gx := r.gutterX(ca, sideRight) + float32(off)*step
		route.Points = []Point{{A.Rect.Right(), p.ya}, {gx, p.ya}, {gx, p.yb}, {B.Rect.Right(), p.yb}}
	default:
		route.Points = r.across(p, A, B)
	}
	n := len(route.Points)
	route.Heads = []Arrowhead{head(route.Points[n-2], route.Points[n-1])}
	if p.twoWay {
		route.Heads = append(route.Heads, head(route.Points[1], route.Points[0]))
	}
	if p.label != "" {
		route.Label = r.label(p.label, route.Points)
		r.labels = append(r.labels, route.Label.Rect().Inset(-3))
	}
	return route
}

// across routes a flow between two columns with horizontal runs and
// vertical runs in the gutters, avoiding the cards in between.
func (r *router) across(p *plan, A, B *Card) []Point {
	c := r.c
	ca, cb := c.colIdx[A.Column], c.colIdx[B.Column]
	xa, xb := A.Rect.Right(), B.Rect.X
	ga, gb := ca+1, cb // gutter indexes: gutter i lies left of column i
	if ca > cb {
		xa, xb = A.Rect.X, B.Rect.Right()
		ga, gb = ca, cb+1
	}
	gxA := c.colX[min(ga, len(c.colX)-1)]
	if ga == len(c.colX) {
		gxA = c.colX[ga-1] + c.colW[ga-1]
	}
	gxB := c.colX[min(gb, len(c.colX)-1)]
	if gb == len(c.colX) {
		gxB = c.colX[gb-1] + c.colW[gb-1]
	}
	step := c.st.ColumnGutter / 5
	if abs32(p.ya-p.yb) < 0.5 && r.clearRow(p.ya, xa, xb, p.a, p.b) {
		return []Point{{xa, p.ya}, {xb, p.yb}}
	}
	if r.clearRow(p.ya, xa, gxB, p.a, p.b) {
		gx := gxB + float32(r.gutters.take(gb, p.ya, p.yb, 2))*step
		return []Point{{xa, p.ya}, {gx, p.ya}, {gx, p.yb}, {xb, p.yb}}
	}
	if r.clearRow(p.yb, gxA, xb, p.a, p.b) {
		gx := gxA + float32(r.gutters.take(ga, p.ya, p.yb, 2))*step
		return []Point{{xa, p.ya}, {gx, p.ya}, {gx, p.yb}, {xb, p.yb}}
	}
	// Go over the cards along the top channel of the nearest lane.
	yc := r.channelY(p.ya, p.yb, gxA, gxB)
	g1 := gxA + float32(r.gutters.take(ga, p.ya, yc, 2))*step
	g2 := gxB + float32(r.gutters.take(gb, yc, p.yb, 2))*step
	return []Point{{xa, p.ya}, {g1, p.ya}, {g1, yc}, {g2, yc}, {g2, p.yb}, {xb, p.yb}}
}

// channelY picks the lane-top channel closest to both ends.
func (r *router) channelY(ya, yb, x1, x2 float32) float32 {
	best, bestCost, bestLane := float32(0), float32(-1), 0
	for i, ln := range r.c.l.Lanes {
		y := ln.Rect.Y + 6
		cost := abs32(y-ya) + abs32(y-yb)
		if bestCost < 0 || cost < bestCost {
			best, bestCost, bestLane = y, cost, i
		}
	}
	off := r.lanes.take(bestLane, x1, x2, 1)
	return best + float32(off+1)*4
}

// clearRow reports whether the horizontal run at y from x1 to x2 misses
// every card other than the flow's own ends.
func (r *router) clearRow(y, x1, x2 float32, a, b int) bool {
	if x1 > x2 {
		x1, x2 = x2, x1
	}
	l := r.c.l
	li := l.laneAtY(y)
	if li < 0 {
		return true
	}
	half := r.c.st.BadgeHeight / 2
	for ci, col := range l.Columns {
		if col.Rect.Right() <= x1 || col.Rect.X >= x2 {
			continue
		}
		for _, k := range l.cells[cellKey{li, ci}] {
			if k == a || k == b {
				continue
			}
			cr := l.Cards[k].Rect
			if y >= cr.Y-half-2 && y <= cr.Bottom()+2 && cr.X < x2 && cr.Right() > x1 {
				return false
			}
		}
	}
	return true
}

// label places a flow's label on its route where it covers no card:
// preferably on a horizontal run long enough to hold it, else on the
// longest run, sliding along the run to a free spot.
func (r *router) label(text string, pts []Point) *TextLine {
	st := r.c.st
	s := r.c.oneLine(text, st.MaxColumnWidth-st.ColumnGutter, st.SmallSize, false)
	w, h := r.c.m.size(s, st.SmallSize, false)
	segs := make([]int, 0, len(pts))
	for i := 0; i+1 < len(pts); i++ {
		segs = append(segs, i)
	}
	length := func(i int) float32 { return abs32(pts[i+1].X-pts[i].X) + abs32(pts[i+1].Y-pts[i].Y) }
	fits := func(i int) bool { return pts[i].Y == pts[i+1].Y && length(i) >= w+16 }
	sort.SliceStable(segs, func(a, b int) bool {
		fa, fb := fits(segs[a]), fits(segs[b])
		if fa != fb {
			return fa
		}
		return length(segs[a]) > length(segs[b])
	})
	// at is the label centred on segment i at fraction t, or beside it
	// (right of a vertical run, above a horizontal one).
	at := func(i int, t float32, beside bool) TextLine {
		x := pts[i].X + (pts[i+1].X-pts[i].X)*t
		y := pts[i].Y + (pts[i+1].Y-pts[i].Y)*t
		pos := Point{x - w/2, y - h/2}
		if beside && pts[i].X == pts[i+1].X {
			pos.X = x + 5
		} else if beside {
			pos.Y = y - h - 5
		}
		return TextLine{Text: s, Pos: pos, W: w, H: h, Size: st.SmallSize}
	}
	free := func(l TextLine) bool { return !r.coversCard(l.Rect().Inset(-3)) }
	ts := []float32{0.5, 0.35, 0.65, 0.2, 0.8}
	// On the board, on or beside a segment.
	for _, beside := range []bool{false, true} {
		for _, i := range segs {
			for _, t := range ts {
				if l := at(i, t, beside); free(l) && r.inBoard(l.Rect()) {
					return &l
				}
			}
		}
	}
	// On a vertical run by the board's right edge, moved left onto the
	// board, between the cards.
	g := r.c.l.Grid
	for _, i := range segs {
		if pts[i].X != pts[i+1].X {
			continue
		}
		for t := float32(0.05); t < 1; t += 0.05 {
			l := at(i, t, false)
			l.Pos.X = min(l.Pos.X, g.Right()-w-1)
			if free(l) && r.inBoard(l.Rect()) {
				return &l
			}
		}
	}
	// Off the board, as a last resort before covering a card.
	for _, beside := range []bool{false, true} {
		for _, i := range segs {
			for _, t := range ts {
				if l := at(i, t, beside); free(l) {
					return &l
				}
			}
		}
	}
	if l := r.labelByBand(s, w, h, pts); l != nil {
		return l
	}
	l := at(segs[0], 0.5, false)
	// Never past the board's right edge, where a slide of a few columns
	// would cut it off.
	if g := r.c.l.Grid; l.Pos.X+l.W > g.Right() {
		l.Pos.X = max(g.X+r.c.st.LaneHeaderWidth, g.Right()-l.W)
	}
	return &l
}

// inBoard reports whether rect lies within the width of the grid's
// columns, right of the lane headers: a label beside the last column's
// flows must not hang off the board.
func (r *router) inBoard(rect Rect) bool {
	g := r.c.l.Grid
	return rect.X >= g.X+r.c.st.LaneHeaderWidth && rect.Right() <= g.Right()
}

// labelByBand places a label that found no room elsewhere beside a
// vertical segment crossing the emotion band: just under or just over the
// band, else in the band's label row (under the −2 level, where the curve
// never goes), right or left of the segment and clear of the labels of
// the lowest points; or nil.
func (r *router) labelByBand(s string, w, h float32, pts []Point) *TextLine {
	ec := r.c.l.Emotion
	if ec == nil {
		return nil
	}
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		if a.X != b.X || min(a.Y, b.Y) >= ec.Rect.Y || max(a.Y, b.Y) <= ec.Rect.Bottom() {
			continue
		}
		for _, x := range []float32{a.X + 5, a.X - 5 - w} {
			for _, y := range []float32{ec.Rect.Bottom() + 3, ec.Rect.Y - h - 3} {
				l := TextLine{Text: s, Pos: Point{x, y}, W: w, H: h, Size: r.c.st.SmallSize}
				if !r.coversCard(l.Rect().Inset(-3)) {
					return &l
				}
			}
		}
		// In the label row: right of the segment's point, or left of it.
		y := ec.Rect.Bottom() - emotionBottomPad - h
		for _, x := range []float32{a.X + EmotionPointRadius + 6, a.X - EmotionPointRadius - 6 - w} {
			l := TextLine{Text: s, Pos: Point{x, y}, W: w, H: h, Size: r.c.st.SmallSize}
			if rect := l.Rect().Inset(-3); !r.coversPointLabel(rect) && !r.coversLabel(rect) && x >= ec.Plot.X {
				return &l
			}
		}
	}
	return nil
}

// coversPointLabel reports whether rect overlaps the label of one of the
// emotion curve's lowest points.
func (r *router) coversPointLabel(rect Rect) bool {
	for _, p := range r.c.l.Emotion.Points {
		if p.Label != nil && p.Label.Rect().Inset(-3).Intersects(rect) {
			return true
		}
	}
	return false
}

// coversLabel reports whether rect overlaps a placed flow label.
func (r *router) coversLabel(rect Rect) bool {
	for _, o := range r.labels {
		if o.Intersects(rect) {
			return true
		}
	}
	return false
}

// coversCard reports whether rect overlaps a card, a placed label or the
// emotion band (where a label would hide the curve's points).
func (r *router) coversCard(rect Rect) bool {
	l := r.c.l
	if l.Emotion != nil && l.Emotion.Rect.Intersects(rect) {
		return true
	}
	for _, o := range r.labels {
		if o.Intersects(rect) {
			return true
		}
	}
	for li := range l.Lanes {
		lr := l.Lanes[li].Rect
		if lr.Bottom() < rect.Y || lr.Y > rect.Bottom() {
			continue
		}
		for ci := range l.Columns {
			cr := l.Columns[ci].Rect
			if cr.Right() < rect.X || cr.X > rect.Right() {
				continue
			}
			for _, k := range l.cells[cellKey{li, ci}] {
				if l.Cards[k].Rect.Inset(-2).Intersects(rect) {
					return true
				}
			}
		}
	}
	return false
}

func head(from, to Point) Arrowhead {
	dx, dy := to.X-from.X, to.Y-from.Y
	n := sqrt32(dx*dx + dy*dy)
	if n == 0 {
		return Arrowhead{Tip: to, Dir: Point{1, 0}}
	}
	return Arrowhead{Tip: to, Dir: Point{dx / n, dy / n}}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
