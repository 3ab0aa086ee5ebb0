package draw

import (
	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

// DashPattern is the on/off lengths of a line style, in world units; nil
// means solid.
func DashPattern(st blueprint.LineStyle) []float32 {
	switch st {
	case blueprint.StyleDashed:
		return []float32{9, 6}
	case blueprint.StyleDashDot:
		return []float32{12, 4, 2, 4}
	case blueprint.StyleDotted:
		return []float32{2, 4}
	}
	return nil
}

// Backdrop returns the group under everything else, in painting order:
// the background (unless transparent); each lane's band, header cell and
// accent stripe; the emotion band's header cell and stripe, in the
// customer lane's colours; the column separators, lane borders (the
// emotion band's top included) and grid frame; and the boundary lines,
// dashed by their style. Every item is an
// axis-aligned Rect or a straight horizontal or vertical Path, so a
// painter can fill them directly.
func Backdrop(l *layout.Layout, p *Palette, transparent bool) *Group {
	var a arena
	return a.backdrop(l, p, transparent)
}

func (a *arena) backdrop(l *layout.Layout, p *Palette, transparent bool) *Group {
	g := a.group(Element{Kind: ElemBackdrop}, 11+3*len(l.Lanes)+len(l.Columns)+len(l.Lines))
	if !transparent {
		g.Items = append(g.Items, a.rect(Rect{R: layout.Rect{W: l.Width, H: l.Height}, Fill: p.Background}))
	}
	for _, ln := range l.Lanes {
		lc := p.Lane(ln.Kind)
		fill := lc.Fill
		if ln.Index%2 == 1 {
			fill = lc.AltFill
		}
		g.Items = append(g.Items, a.rect(Rect{R: ln.Rect, Fill: fill}), a.rect(Rect{R: ln.Header, Fill: lc.Header}),
			a.rect(Rect{R: layout.Rect{X: ln.Header.X, Y: ln.Header.Y, W: 4, H: ln.Header.H}, Fill: lc.Accent}))
	}
	if ec := l.Emotion; ec != nil {
		lc := p.Lane(blueprint.LaneCustomer)
		g.Items = append(g.Items, a.rect(Rect{R: ec.Header, Fill: lc.Header}),
			a.rect(Rect{R: layout.Rect{X: ec.Header.X, Y: ec.Header.Y, W: 4, H: ec.Header.H}, Fill: lc.Accent}))
	}
	gr := l.Grid
	hline := func(x1, x2, y float32) *Path {
		return a.line(layout.Point{X: x1, Y: y}, layout.Point{X: x2, Y: y}, p.Grid, 1)
	}
	for i, c := range l.Columns {
		if i > 0 {
			g.Items = append(g.Items, a.line(layout.Point{X: c.Rect.X, Y: gr.Y}, layout.Point{X: c.Rect.X, Y: gr.Bottom()}, p.Grid, 1))
		}
	}
	lined := make(map[float32]bool, len(l.Lines))
	for _, m := range l.Lines {
		lined[m.Y] = true
	}
	for i, ln := range l.Lanes {
		if i > 0 && !lined[ln.Rect.Y] {
			g.Items = append(g.Items, hline(gr.X, gr.Right(), ln.Rect.Y))
		}
	}
	if ec := l.Emotion; ec != nil && !lined[ec.Rect.Y] {
		g.Items = append(g.Items, hline(gr.X, gr.Right(), ec.Rect.Y))
	}
	g.Items = append(g.Items, hline(gr.X, gr.Right(), gr.Y), hline(gr.X, gr.Right(), gr.Bottom()),
		a.line(layout.Point{X: gr.Right(), Y: gr.Y}, layout.Point{X: gr.Right(), Y: gr.Bottom()}, p.Grid, 1))
	for _, m := range l.Lines {
		ln := a.line(layout.Point{X: m.X1, Y: m.Y}, layout.Point{X: m.X2, Y: m.Y}, p.Line, p.LineStroke)
		ln.Dash = DashPattern(m.Style)
		g.Items = append(g.Items, ln)
	}
	return g
}
