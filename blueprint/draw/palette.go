package draw

import (
	"image/color"

	"servicebp/blueprint"
)

// LaneColors is the colour family of one lane kind: the band fill (Fill on
// even lanes, AltFill on odd ones, so neighbouring lanes of one kind stay
// apart), the header cell, and the accent used for the lane title and the
// card edge.
type LaneColors struct {
	Fill, AltFill, Header, Accent color.NRGBA
}

// Palette is every colour of a drawn blueprint. It does not depend on the
// Fyne app theme, so an export looks the same in any theme.
type Palette struct {
	Name       string
	Background color.NRGBA
	Title      color.NRGBA
	Text       color.NRGBA
	Muted      color.NRGBA
	// Lanes maps a lane kind to its colour family; custom lanes use
	// blueprint.LaneCustom.
	Lanes map[blueprint.LaneKind]LaneColors
	// Grid is the colour of the column separators and lane borders.
	Grid color.NRGBA
	// Line is the colour of the boundary lines.
	Line      color.NRGBA
	LineLabel color.NRGBA
	Phase     color.NRGBA
	PhaseText color.NRGBA
	Card      color.NRGBA
	CardEdge  color.NRGBA
	CardText  color.NRGBA
	Shadow    color.NRGBA
	Owner     color.NRGBA
	Fail      color.NRGBA
	Wait      color.NRGBA
	BadgeText color.NRGBA
	// WaitText is the text colour on the wait badge (amber needs dark text).
	WaitText color.NRGBA
	Moment   color.NRGBA
	// Votes is the fill of the dot-vote badge, which holds a dot and the
	// count in BadgeText.
	Votes   color.NRGBA
	Happy   color.NRGBA
	Unhappy color.NRGBA
	// Emotion is the line of the emotion curve: apart from the flows'
	// grey, and strong on the background.
	Emotion color.NRGBA
	Flow    color.NRGBA
	// FlowLabel is the background behind a flow label.
	FlowLabel color.NRGBA
	// Selection outlines a selected card in the editor.
	Selection color.NRGBA
	// Added, Edited, Removed and Moved mark the changes of a diff (see
	// Changes): the outline of a card or ghost, a flow's stroke, a tag.
	Added, Edited, Removed, Moved color.NRGBA
	// Widths of strokes, in world units.
	CardStroke, LineStroke, FlowStroke float32
}

// Lane returns the colour family for a lane kind.
func (p *Palette) Lane(k blueprint.LaneKind) LaneColors {
	if c, ok := p.Lanes[k]; ok {
		return c
	}
	return p.Lanes[blueprint.LaneCustom]
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

func rgba(hex uint32, a uint8) color.NRGBA {
	c := rgb(hex)
	c.A = a
	return c
}

// LightPalette is the default look: white paper, a neutral evidence lane,
// a warm customer lane and cooler frontstage, backstage and support lanes.
func LightPalette() Palette {
	return Palette{
		Name:       "light",
		Background: rgb(0xffffff),
		Title:      rgb(0x1f2933),
		Text:       rgb(0x27313b),
		Muted:      rgb(0x66707a),
		Lanes: map[blueprint.LaneKind]LaneColors{
			blueprint.LaneEvidence:   {rgb(0xf6f6f4), rgb(0xefefec), rgb(0xe8e8e4), rgb(0x5f5f58)},
			blueprint.LaneCustomer:   {rgb(0xfff5e8), rgb(0xfdeedb), rgb(0xfbe2c2), rgb(0xa65e0f)},
			blueprint.LaneFrontstage: {rgb(0xeef5fd), rgb(0xe5effa), rgb(0xd6e6f8), rgb(0x2d66a8)},
			blueprint.LaneBackstage:  {rgb(0xedf6f4), rgb(0xe3f0ed), rgb(0xd2e9e3), rgb(0x23705f)},
			blueprint.LaneSupport:    {rgb(0xf2f1fa), rgb(0xe9e7f5), rgb(0xdedbf1), rgb(0x53499b)},
			blueprint.LaneCustom:     {rgb(0xf9f1f5), rgb(0xf3e8ee), rgb(0xecd9e3), rgb(0x9a3f6c)},
		},
		Grid:       rgba(0x000000, 0x14),
		Line:       rgb(0x3b4652),
		LineLabel:  rgb(0x3b4652),
		Phase:      rgb(0x334155),
		PhaseText:  rgb(0xffffff),
		Card:       rgb(0xffffff),
		CardEdge:   rgba(0x000000, 0x2e),
		CardText:   rgb(0x1f2933),
		Shadow:     rgba(0x1f2933, 0x16),
		Owner:      rgb(0x6b7280),
		Fail:       rgb(0xd93025),
		Wait:       rgb(0xf4b400),
		BadgeText:  rgb(0xffffff),
		WaitText:   rgb(0x3d2c00),
		Moment:     rgb(0x7c3aed),
		Votes:      rgb(0x0369a1),
		Happy:      rgb(0x2e9d57),
		Unhappy:    rgb(0xd9622b),
		Emotion:    rgb(0x92400e),
		Flow:       rgb(0x475569),
		FlowLabel:  rgb(0xffffff),
		Selection:  rgb(0x2563eb),
		Added:      rgb(0x15803d),
		Edited:     rgb(0xd97706),
		Removed:    rgb(0xdc2626),
		Moved:      rgb(0x0e7490),
		CardStroke: 1, LineStroke: 1.4, FlowStroke: 1.3,
	}
}

// DarkPalette is a dark look for dark desktops.
func DarkPalette() Palette {
	return Palette{
		Name:       "dark",
		Background: rgb(0x15181d),
		Title:      rgb(0xf1f5f9),
		Text:       rgb(0xe2e8f0),
		Muted:      rgb(0x94a3b8),
		Lanes: map[blueprint.LaneKind]LaneColors{
			blueprint.LaneEvidence:   {rgb(0x1d2025), rgb(0x22252b), rgb(0x2a2d33), rgb(0xc7c7c0)},
			blueprint.LaneCustomer:   {rgb(0x2a2119), rgb(0x30251b), rgb(0x3f2f1e), rgb(0xf5b56a)},
			blueprint.LaneFrontstage: {rgb(0x18222f), rgb(0x1b2735), rgb(0x213247), rgb(0x8ab8f0)},
			blueprint.LaneBackstage:  {rgb(0x17251f), rgb(0x1a2a24), rgb(0x20382f), rgb(0x7fd1b9)},
			blueprint.LaneSupport:    {rgb(0x1f1d2c), rgb(0x232133), rgb(0x2d2a44), rgb(0xb3a9f2)},
			blueprint.LaneCustom:     {rgb(0x271c22), rgb(0x2d2028), rgb(0x3d2532), rgb(0xeea3c9)},
		},
		Grid:       rgba(0xffffff, 0x14),
		Line:       rgb(0xcbd5e1),
		LineLabel:  rgb(0xcbd5e1),
		Phase:      rgb(0x475569),
		PhaseText:  rgb(0xf8fafc),
		Card:       rgb(0x262b33),
		CardEdge:   rgba(0xffffff, 0x24),
		CardText:   rgb(0xf1f5f9),
		Shadow:     rgba(0x000000, 0x50),
		Owner:      rgb(0x9ca3af),
		Fail:       rgb(0xef4444),
		Wait:       rgb(0xfbbf24),
		BadgeText:  rgb(0xffffff),
		WaitText:   rgb(0x2b1d00),
		Moment:     rgb(0xa78bfa),
		Votes:      rgb(0x0284c7),
		Happy:      rgb(0x4ade80),
		Unhappy:    rgb(0xfb923c),
		Emotion:    rgb(0xf5b56a),
		Flow:       rgb(0xb8c4d4),
		FlowLabel:  rgb(0x15181d),
		Selection:  rgb(0x60a5fa),
		Added:      rgb(0x4ade80),
		Edited:     rgb(0xfbbf24),
		Removed:    rgb(0xf87171),
		Moved:      rgb(0x22d3ee),
		CardStroke: 1, LineStroke: 1.4, FlowStroke: 1.3,
	}
}

// ContrastPalette is a high-contrast look for projectors: black on white,
// saturated lane headers, heavier strokes.
func ContrastPalette() Palette {
	return Palette{
		Name:       "contrast",
		Background: rgb(0xffffff),
		Title:      rgb(0x000000),
		Text:       rgb(0x000000),
		Muted:      rgb(0x1a1a1a),
		Lanes: map[blueprint.LaneKind]LaneColors{
			blueprint.LaneEvidence:   {rgb(0xffffff), rgb(0xf0f0f0), rgb(0xd4d4d4), rgb(0x000000)},
			blueprint.LaneCustomer:   {rgb(0xfff1d6), rgb(0xffe8bd), rgb(0xffc766), rgb(0x000000)},
			blueprint.LaneFrontstage: {rgb(0xe3f0ff), rgb(0xd4e7ff), rgb(0x99c7ff), rgb(0x000000)},
			blueprint.LaneBackstage:  {rgb(0xdff5ec), rgb(0xcdeee0), rgb(0x8fdcbd), rgb(0x000000)},
			blueprint.LaneSupport:    {rgb(0xebe6ff), rgb(0xdfd8ff), rgb(0xb9a9ff), rgb(0x000000)},
			blueprint.LaneCustom:     {rgb(0xfbeef5), rgb(0xf5e0ec), rgb(0xeab5d2), rgb(0x000000)},
		},
		Grid:       rgba(0x000000, 0x40),
		Line:       rgb(0x000000),
		LineLabel:  rgb(0x000000),
		Phase:      rgb(0x000000),
		PhaseText:  rgb(0xffffff),
		Card:       rgb(0xffffff),
		CardEdge:   rgb(0x000000),
		CardText:   rgb(0x000000),
		Shadow:     rgba(0x000000, 0x00),
		Owner:      rgb(0x1a1a1a),
		Fail:       rgb(0xc00000),
		Wait:       rgb(0xffb000),
		BadgeText:  rgb(0xffffff),
		WaitText:   rgb(0x000000),
		Moment:     rgb(0x5b00c8),
		Votes:      rgb(0x003d99),
		Happy:      rgb(0x007a2f),
		Unhappy:    rgb(0xc04000),
		Emotion:    rgb(0x9a3412),
		Flow:       rgb(0x000000),
		FlowLabel:  rgb(0xffffff),
		Selection:  rgb(0x0050ff),
		Added:      rgb(0x006b2b),
		Edited:     rgb(0xa34a00),
		Removed:    rgb(0xc00000),
		Moved:      rgb(0x005f8a),
		CardStroke: 1.6, LineStroke: 2.2, FlowStroke: 2,
	}
}

// PaletteNames are the names accepted by PaletteByName, default first.
var PaletteNames = []string{"light", "dark", "contrast"}

// PaletteByName returns the palette called name ("light", "dark" or
// "contrast").
func PaletteByName(name string) (Palette, bool) {
	switch name {
	case "light":
		return LightPalette(), true
	case "dark":
		return DarkPalette(), true
	case "contrast":
		return ContrastPalette(), true
	}
	return Palette{}, false
}
