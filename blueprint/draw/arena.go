package draw

import (
	"image/color"

	"servicebp/blueprint/layout"
)

// arenaChunk is how many items of one type an arena allocates at once.
const arenaChunk = 256

// arena hands out the items, points and groups of one list from chunks,
// so that building a list of thousands of items costs tens of
// allocations, not thousands: the board rebuilds the list on every edit.
// A chunk is never grown in place, so the pointers stay valid.
type arena struct {
	rects  []Rect
	texts  []Text
	paths  []Path
	pts    []layout.Point
	items  []Item
	groups []Group
}

func (a *arena) rect(r Rect) *Rect {
	if len(a.rects) == cap(a.rects) {
		a.rects = make([]Rect, 0, arenaChunk)
	}
	a.rects = append(a.rects, r)
	return &a.rects[len(a.rects)-1]
}

func (a *arena) path(p Path) *Path {
	if len(a.paths) == cap(a.paths) {
		a.paths = make([]Path, 0, arenaChunk)
	}
	a.paths = append(a.paths, p)
	return &a.paths[len(a.paths)-1]
}

// text is the text item of t in colour c.
func (a *arena) text(t layout.TextLine, c color.NRGBA) *Text {
	if len(a.texts) == cap(a.texts) {
		a.texts = make([]Text, 0, arenaChunk)
	}
	a.texts = append(a.texts, Text{Line: t, Color: c})
	return &a.texts[len(a.texts)-1]
}

// points returns the given points in a slice of their own capacity, so
// that appending to it cannot reach its neighbours.
func (a *arena) points(pts ...layout.Point) []layout.Point {
	n := len(pts)
	if n > arenaChunk/4 {
		return append([]layout.Point(nil), pts...)
	}
	if cap(a.pts)-len(a.pts) < n {
		a.pts = make([]layout.Point, 0, arenaChunk)
	}
	at := len(a.pts)
	a.pts = append(a.pts, pts...)
	return a.pts[at : at+n : at+n]
}

// group returns an empty group for e with room for n items.
func (a *arena) group(e Element, n int) *Group {
	if len(a.groups) == cap(a.groups) {
		a.groups = make([]Group, 0, arenaChunk/4)
	}
	var items []Item
	if n <= arenaChunk/4 {
		if cap(a.items)-len(a.items) < n {
			a.items = make([]Item, 0, arenaChunk*4)
		}
		at := len(a.items)
		items = a.items[at : at : at+n]
		a.items = a.items[:at+n]
	} else {
		items = make([]Item, 0, n)
	}
	a.groups = append(a.groups, Group{Elem: e, Items: items})
	return &a.groups[len(a.groups)-1]
}

// line is the straight stroke a–z.
func (a *arena) line(from, to layout.Point, c color.NRGBA, width float32) *Path {
	return a.path(Path{Points: a.points(from, to), Stroke: c, Width: width})
}

// pill is a rectangle with fully rounded ends.
func (a *arena) pill(r layout.Rect, c color.NRGBA) *Rect {
	return a.rect(Rect{R: r, Fill: c, Radius: r.H / 2})
}
