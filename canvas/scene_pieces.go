package canvas

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"servicebp/blueprint/layout"
)

// Piece is one object of a scene that can be drawn on its own: a card's
// body, a line of text, a badge, a flow segment. An offscreen renderer
// can draw each piece on a canvas just the size of its Bounds and lay the
// results over one another in order, which paints far fewer pixels than
// drawing the whole scene on one canvas, and can draw identical pieces
// (cards of one size, equal badges) once.
//
// Pieces are comparable: two equal pieces draw the same pixels.
type Piece struct {
	// Bounds is the world rectangle the piece may paint: the object's
	// extent plus the margin Fyne's painters rasterize shapes in.
	Bounds layout.Rect
	// Anchor is the world point a renderer should start the piece's canvas
	// at (or just before): the top-left corner of the bounds, or for the
	// objects of a card, of the whole card's. Objects placed from one
	// origin round their coordinates alike, so a card's edge, stripe and
	// text stay in line at any scale.
	Anchor layout.Point
	sp     spec
	font   textFonts
}

// Translate returns the piece moved by dx, dy world units.
func (p Piece) Translate(dx, dy float32) Piece {
	p.Bounds.X += dx
	p.Bounds.Y += dy
	p.Anchor.X += dx
	p.Anchor.Y += dy
	p.sp.r.X += dx
	p.sp.r.Y += dy
	if p.sp.shape == shapeLine {
		// A line's W and H are its other end.
		p.sp.r.W += dx
		p.sp.r.H += dy
	}
	return p
}

// Object returns a new canvas object drawing the piece at zoom 1, placed
// at its world coordinates, with the scene's font.
func (p Piece) Object() fyne.CanvasObject {
	obj := newObject(p.sp.shape)
	apply(obj, &p.sp, view{zoom: 1}, p.font)
	return container.NewWithoutLayout(obj)
}

// Pieces returns every object of the scene, shown or culled, as a piece,
// in drawing order.
func (s *Scene) Pieces() []Piece {
	var out []Piece
	for _, l := range s.layers() {
		for _, k := range l.order {
			first := len(out)
			var card layout.Rect
			for i, it := range l.groups[k].items {
				b := it.sp.bounds()
				if it.sp.shape != shapeText {
					// Fyne pads a shape's raster by its stroke width plus
					// 2 (see painter.VectorPad); one more keeps every
					// coordinate inside the piece positive, so that it
					// rounds as it does in the whole scene.
					b = b.Inset(-(it.sp.width + 3))
				}
				if i == 0 {
					card = b
				} else {
					card = card.Union(b)
				}
				out = append(out, Piece{Bounds: b, Anchor: layout.Point{X: b.X, Y: b.Y}, sp: it.sp, font: s.font})
			}
			if l == s.cards {
				for i := first; i < len(out); i++ {
					out[i].Anchor = layout.Point{X: card.X, Y: card.Y}
				}
			}
		}
	}
	return out
}
