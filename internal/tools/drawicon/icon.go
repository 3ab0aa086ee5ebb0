package main

import (
	"image"
	"image/color"
	"math"
)

// design is the edge length of the square the icon is designed in; drawIcon
// scales it to the requested size.
const design = 512

// layer is one shape filled with one colour. Layers are painted in order,
// each over the ones before it.
type layer struct {
	shape shape
	color color.NRGBA
}

var (
	colBands = [4]color.NRGBA{
		{0x2d, 0x6c, 0xb4, 0xff}, // customer: lightest, in full view
		{0x23, 0x5c, 0xa1, 0xff}, // frontstage
		{0x1a, 0x4a, 0x88, 0xff}, // backstage: below the line of visibility
		{0x13, 0x3b, 0x71, 0xff}, // support: deepest
	}
	colLine   = color.NRGBA{0xa9, 0xc8, 0xee, 0xff}
	colDashes = color.NRGBA{0xff, 0xc2, 0x47, 0xff}
	colCard   = color.NRGBA{0xf6, 0xf9, 0xfd, 0xff}
	colArrow  = color.NRGBA{0xf6, 0xf9, 0xfd, 0xff}
)

// Geometry, in design units.
const (
	margin     = 24.0  // transparent border around the tile
	tileRadius = 100.0 // corner radius of the tile
	laneHeight = (design - 2*margin) / 4
	cardHalfW  = 52.0
	cardHalfH  = 27.0
	cardRadius = 14.0
)

// columnX holds the centres of the three columns of cards.
var columnX = [3]float64{116, 256, 396}

// laneTop returns the y of the top edge of lane i (0 to 4; 4 is the bottom
// edge of the last lane).
func laneTop(i int) float64 {
	return margin + float64(i)*laneHeight
}

// laneMid returns the y of the centre of lane i.
func laneMid(i int) float64 {
	return laneTop(i) + laneHeight/2
}

// layers returns the icon as a list of filled shapes: a rounded tile cut
// into four lanes, solid lines of interaction and internal interaction, a
// dashed line of visibility, cards in the lanes and one flow arrow crossing
// the line of visibility.
func layers() []layer {
	tile := roundRect{design / 2, design / 2, design/2 - margin, design/2 - margin, tileRadius}
	var ls []layer
	for i, c := range colBands {
		band := roundRect{design / 2, (laneTop(i) + laneTop(i+1)) / 2, design / 2, laneHeight / 2, 0}
		ls = append(ls, layer{intersection{tile, band}, c})
	}

	// Solid lines of interaction and internal interaction.
	for _, i := range []int{1, 3} {
		y := laneTop(i)
		ls = append(ls, layer{intersection{tile, roundRect{design / 2, y, design / 2, 2.5, 0}}, colLine})
	}

	// Dashed line of visibility: round-capped dashes, four each side of a
	// wider gap in the middle where the arrow crosses.
	var dashes union
	y := laneTop(2)
	const perSide, dash, gap, midGap, halfW = 4, 28.0, 16.0, 64.0, 7.0
	for i := range perSide {
		near := midGap/2 + float64(i)*(dash+gap)
		far := near + dash
		dashes = append(dashes,
			capsule{design/2 - far + halfW, y, design/2 - near - halfW, y, halfW},
			capsule{design/2 + near + halfW, y, design/2 + far - halfW, y, halfW},
		)
	}
	ls = append(ls, layer{dashes, colDashes})

	// Cards: which lanes hold a card in each column.
	cells := []struct{ lane, col int }{
		{0, 0}, {0, 1}, {0, 2},
		{1, 1}, {1, 2},
		{2, 1},
		{3, 0},
	}
	var cards union
	for _, c := range cells {
		cards = append(cards, roundRect{columnX[c.col], laneMid(c.lane), cardHalfW, cardHalfH, cardRadius})
	}
	ls = append(ls, layer{cards, colCard})

	// A flow arrow from the frontstage card down across the line of
	// visibility to the backstage card.
	x := columnX[1]
	top := laneMid(1) + cardHalfH + 8
	tip := laneMid(2) - cardHalfH - 7
	const head, headHalfW, shaftHalfW = 26.0, 20.0, 7.0
	arrow := union{
		capsule{x, top, x, tip - head + 4, shaftHalfW},
		polygon{{x - headHalfW, tip - head}, {x + headHalfW, tip - head}, {x, tip}},
	}
	ls = append(ls, layer{arrow, colArrow})
	return ls
}

// drawIcon renders the icon at size × size pixels, anti-aliased, on a
// transparent background.
func drawIcon(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	ls := layers()
	scale := float64(design) / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			x := (float64(px) + 0.5) * scale
			y := (float64(py) + 0.5) * scale
			var r, g, b, a float64 // premultiplied, 0..1
			for _, l := range ls {
				cov := coverage(l.shape.dist(x, y) / scale)
				if cov == 0 {
					continue
				}
				sa := cov * float64(l.color.A) / 255
				r = float64(l.color.R)/255*sa + r*(1-sa)
				g = float64(l.color.G)/255*sa + g*(1-sa)
				b = float64(l.color.B)/255*sa + b*(1-sa)
				a = sa + a*(1-sa)
			}
			if a > 0 {
				img.SetNRGBA(px, py, color.NRGBA{
					R: to8(r / a), G: to8(g / a), B: to8(b / a), A: to8(a),
				})
			}
		}
	}
	return img
}

// coverage turns a signed distance in pixels into the fraction of a pixel
// the shape covers.
func coverage(d float64) float64 {
	return math.Max(0, math.Min(1, 0.5-d))
}

// to8 converts 0..1 to 0..255, rounding.
func to8(v float64) uint8 {
	return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255))
}
