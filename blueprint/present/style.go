package present

import (
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
)

// Presentation sizes: card text is at least MinText pixels on a screen
// Height pixels high, and proportionally more or less on other screens.
// They are plain values, shared by the editor's presenter (canvas/) and
// the slide export (export/), neither of which imports the other.
const (
	MinText = 24
	Height  = 1080
	Width   = 1920
)

// maxText caps the card text of a presentation or a slide, in pixels at
// Height, so that a narrow phase is not blown up.
const maxText = 38

// Style is the layout style of presentations and slides: bigger text
// relative to the columns than the editor's style, tighter padding, and no
// legend, so that more of a blueprint fits a projected screen at a size
// that can be read from the back of a room.
// Its labels (the emotion band's title, the default lane and line names)
// are in l; the zero value means English.
func Style(l i18n.Lang) layout.Style {
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

// ZoomRange is the range of zooms at which the card text of style st is
// readable on a screen of w × h units: at least MinText scaled to the screen, and at most a size that still looks like a
// diagram.
func ZoomRange(st layout.Style, w, h float32) (lo, hi float32) {
	screen := min(w/Width, h/Height)
	text := st.TextSize
	if text <= 0 {
		text = 1
	}
	return MinText * screen / text, maxText * screen / text
}

// FitZoom is the zoom that fits a layout of lw × lh into w × h, capped at
// hi.
func FitZoom(lw, lh, w, h, hi float32) float32 {
	if lw <= 0 || lh <= 0 {
		return hi
	}
	return min(w/lw, h/lh, hi)
}
