package canvas

import (
	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/blueprint/present"
)

// camera is what the presenter shows: the columns first to last of the
// document, laid out as l, drawn at zoom with the world origin at off.
type camera struct {
	first, last int
	l           *layout.Layout
	zoom        float32
	off         fyne.Position
}

// windowKey names a memoised window layout: its columns, and the step
// spotlit in it, if any.
type windowKey struct {
	first, last int
	spot        string
}

// presentFrame is the screen area left for the blueprint: the size minus
// a margin and the progress bar, bar high.
func presentFrame(size fyne.Size, bar float32) (x, y, w, h float32) {
	pad := size.Height * 0.008
	return pad, pad, size.Width - 2*pad, size.Height - bar - 2*pad
}

// windowLayout is the layout of the columns first to last, memoised until
// the document or the font change.
func (p *Presenter) windowLayout(first, last int) *layout.Layout {
	// The spotlit card shows its annotations (see layout.Style.Annotate),
	// so the spotlight is part of the key.
	k := windowKey{first: first, last: last}
	if p.spot != nil {
		k.spot = p.spot.Seed
	}
	if l, ok := p.cache[k]; ok {
		return l
	}
	w := present.Window(p.doc, first, last)
	// The title goes to the progress bar, to leave the height to the lanes.
	w.Title, w.Description = "", ""
	st := p.style
	st.Links = present.Links(p.doc, first, last)
	if k.spot != "" {
		st.Annotate = map[string]bool{k.spot: true}
	}
	l := layout.Compute(w, st, Measure(p.font))
	if p.cache == nil {
		p.cache = make(map[windowKey]*layout.Layout)
	}
	p.cache[k] = l
	return l
}

// chooseCamera picks, on the overview, the whole blueprint fitted to a
// screen of size, however small; else the widest view that keeps card
// text readable: the whole blueprint, else the current phase, else the
// page of the current phase's columns that holds the current column (see
// pages). A single column that does not fit even alone is shown fitted,
// smaller. The progress bar takes bar at the bottom.
func (p *Presenter) chooseCamera(size fyne.Size, bar float32) camera {
	n := len(p.doc.Columns)
	lo, hi := present.ZoomRange(p.style, size.Width, size.Height)
	fx, fy, fw, fh := presentFrame(size, bar)
	fit := func(first, last int) (camera, bool) {
		l := p.windowLayout(first, last)
		z := present.FitZoom(l.Width, l.Height, fw, fh, hi)
		off := fyne.NewPos(fx+(fw-l.Width*z)/2, fy+(fh-l.Height*z)/2)
		return camera{first: first, last: last, l: l, zoom: z, off: off}, z >= lo
	}
	if c, ok := fit(0, n-1); ok || n <= 1 || p.overview {
		return c
	}
	cur := max(p.reveal.Current(), 0)
	ph := blueprint.Phase{First: 0, Last: n - 1}
	for _, q := range p.reveal.Phases() {
		if cur >= q.First && cur <= q.Last {
			ph = q
		}
	}
	if c, ok := fit(ph.First, ph.Last); ok {
		return c
	}
	for _, pg := range pages(ph, func(first, last int) bool { _, ok := fit(first, last); return ok }) {
		if cur <= pg[1] {
			c, _ := fit(pg[0], pg[1])
			return c
		}
	}
	c, _ := fit(cur, cur)
	return c
}

// pages cuts the columns of ph into runs that fit: as many runs as a
// greedy cut needs, but as even in length as fits allows, so that a phase
// of five columns is shown as three and two rather than four and one.
func pages(ph blueprint.Phase, fits func(first, last int) bool) [][2]int {
	var greedy [][2]int
	for start := ph.First; start <= ph.Last; {
		end := start
		for end < ph.Last && fits(start, end+1) {
			end++
		}
		greedy = append(greedy, [2]int{start, end})
		start = end + 1
	}
	n, k := ph.Last-ph.First+1, len(greedy)
	even := make([][2]int, 0, k)
	start := ph.First
	for i := range k {
		size := n / k
		if i < n%k {
			size++
		}
		if size > 1 && !fits(start, start+size-1) {
			return greedy
		}
		even = append(even, [2]int{start, start + size - 1})
		start += size
	}
	return even
}
