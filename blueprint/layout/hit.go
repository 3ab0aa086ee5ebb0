package layout

import "sort"

// laneAtY is the index of the lane whose band holds y, or -1.
func (l *Layout) laneAtY(y float32) int {
	i := sort.Search(len(l.Lanes), func(i int) bool { return l.Lanes[i].Rect.Bottom() > y })
	if i < len(l.Lanes) && l.Lanes[i].Rect.Y <= y {
		return i
	}
	return -1
}

// columnAtX is the index of the column that holds x, or -1.
func (l *Layout) columnAtX(x float32) int {
	i := sort.Search(len(l.Columns), func(i int) bool { return l.Columns[i].Rect.Right() > x })
	if i < len(l.Columns) && l.Columns[i].Rect.X <= x {
		return i
	}
	return -1
}

// CellAt returns the lane and column under p, when p lies in the grid
// (the lane header column excluded).
func (l *Layout) CellAt(p Point) (laneID, columnID string, ok bool) {
	li, ci := l.laneAtY(p.Y), l.columnAtX(p.X)
	if li < 0 || ci < 0 {
		return "", "", false
	}
	return l.Lanes[li].ID, l.Columns[ci].ID, true
}

// CardAt returns the step whose card is under p.
func (l *Layout) CardAt(p Point) (stepID string, ok bool) {
	li, ci := l.laneAtY(p.Y), l.columnAtX(p.X)
	if li < 0 || ci < 0 {
		return "", false
	}
	for _, k := range l.cells[cellKey{li, ci}] {
		if l.Cards[k].Rect.Contains(p) {
			return l.Cards[k].StepID, true
		}
	}
	return "", false
}

// CardRect returns the rectangle of the step's card.
func (l *Layout) CardRect(stepID string) (Rect, bool) {
	if i, ok := l.cardIndex[stepID]; ok {
		return l.Cards[i].Rect, true
	}
	return Rect{}, false
}

// Card returns the step's card, or nil.
func (l *Layout) Card(stepID string) *Card {
	if i, ok := l.cardIndex[stepID]; ok {
		return &l.Cards[i]
	}
	return nil
}

// Route returns the route of the flow with key k, or nil.
func (l *Layout) Route(k FlowKey) *Route {
	if i, ok := l.flowIndex[k]; ok {
		return &l.Flows[i]
	}
	return nil
}

// CellCards returns the step ids stacked in a cell, top first.
func (l *Layout) CellCards(laneID, columnID string) []string {
	li, ok1 := l.laneIndex[laneID]
	ci, ok2 := l.colIndex[columnID]
	if !ok1 || !ok2 {
		return nil
	}
	var ids []string
	for _, k := range l.cells[cellKey{li, ci}] {
		ids = append(ids, l.Cards[k].StepID)
	}
	return ids
}

// FlowAt returns the flow whose route passes within tolerance of p; when
// several do, the nearest wins, and the last drawn among equals.
func (l *Layout) FlowAt(p Point, tolerance float32) (FlowKey, bool) {
	best, found := FlowKey{}, false
	bestD := tolerance
	for i := range l.Flows {
		r := &l.Flows[i]
		for j := 0; j+1 < len(r.Points); j++ {
			if d := segmentDistance(p, r.Points[j], r.Points[j+1]); d <= bestD {
				best, bestD, found = r.Key, d, true
			}
		}
		if r.Label != nil && r.Label.Rect().Contains(p) {
			return r.Key, true
		}
	}
	return best, found
}
