package canvas

import (
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
)

// Presentation sizes: card text is at least MinPresentText pixels on a
// screen PresentHeight pixels high, and proportionally more or less on
// other screens.
const (
	MinPresentText = 24
	PresentHeight  = 1080
	PresentWidth   = 1920
)

// maxPresentText caps the card text of a presentation or a slide, in
// pixels at PresentHeight, so that a narrow phase is not blown up.
const maxPresentText = 38

// PresentStyle is the layout style of presentations and slides: bigger
// text relative to the columns than the editor's style, tighter padding,
// and no legend, so that more of a blueprint fits a projected screen at a
// size that can be read from the back of a room.
// Its labels (the emotion band's title, the default lane and line names)
// are in l; the zero value means English.
func PresentStyle(l i18n.Lang) layout.Style {
	if l == "" {
		l = i18n.English
	}
	return layout.Style{
		Margin:             8,
		TitleSize:          22,
		HeaderSize:         14,
		TextSize:           16,
		SmallSize:          12,
		LineSpacing:        1.15,
		LaneHeaderWidth:    175,
		PhaseHeight:        30,
		ColumnHeaderHeight: 24,
		MinColumnWidth:     170,
		MaxColumnWidth:     235,
		ColumnGutter:       26,
		LanePadding:        6,
		MinLaneHeight:      64,
		CardPadding:        6,
		CardGap:            6,
		CardRadius:         6,
		MaxLines:           4,
		BadgeHeight:        16,
		// A flatter curve leaves the height to the lanes.
		EmotionUnit: 5,
		Labels:      layout.LabelsIn(l),
	}
}

// PresentZoomRange is the range of zooms at which the card text of style
// st is readable on a screen of w × h units: at least MinPresentText
// scaled to the screen, and at most a size that still looks like a
// diagram.
func PresentZoomRange(st layout.Style, w, h float32) (lo, hi float32) {
	screen := min(w/PresentWidth, h/PresentHeight)
	text := st.TextSize
	if text <= 0 {
		text = 1
	}
	return MinPresentText * screen / text, maxPresentText * screen / text
}

// FitZoom is the zoom that fits a layout of lw × lh into w × h, capped at
// hi.
func FitZoom(lw, lh, w, h, hi float32) float32 {
	if lw <= 0 || lh <= 0 {
		return hi
	}
	return min(w/lw, h/lh, hi)
}
