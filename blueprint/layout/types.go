// Package layout computes the geometry of a service blueprint: where every
// lane, line, phase, column, card, badge, flow and label goes, in world
// coordinates. It is pure (no Fyne): text is measured through an injected
// Measure function, and the same document, style and measure always give
// the same layout. The editor's board and the PNG export draw the same
// Layout, so an exported image looks like the screen.
package layout

import "servicebp/blueprint"

// Layout is the computed geometry of one document.
type Layout struct {
	// Width and Height are the size of the whole drawing, in whole units.
	Width, Height float32
	// Title is the title line, if the document has a title, or the
	// style's TitlePlaceholder when it has none; TitleHint then says so.
	Title     *TextLine
	TitleHint bool
	// Description is the document's description, wrapped to at most three
	// lines as wide as the grid, or a readable line if that is narrower.
	Description []TextLine
	// Grid is the area of the lanes, header column included.
	Grid    Rect
	Phases  []PhaseBox
	Columns []ColumnBox
	Lanes   []LaneBand
	Lines   []LineMark
	Cards   []Card
	Flows   []Route
	// Emotion is the emotion curve's band, or nil when no customer step
	// has an emotion or the style leaves the curve out.
	Emotion *EmotionCurve
	// Legend is nil unless the style asks for one.
	Legend *Legend

	cardIndex map[string]int
	laneIndex map[string]int
	colIndex  map[string]int
	flowIndex map[FlowKey]int
	cells     map[cellKey][]int
}

type cellKey struct{ lane, column int }

// PhaseBox is one phase heading spanning its columns.
type PhaseBox struct {
	Name        string
	First, Last int // column indexes
	Rect        Rect
	Label       TextLine
}

// ColumnBox is one column: Rect spans from the top of the phase band to the
// bottom of the grid; Header is its name cell, when it has a name.
type ColumnBox struct {
	ID     string
	Rect   Rect
	Header *TextLine
	// Blank is the column's cell in a column-name band that has no text
	// (see Style.BlankColumnHeaderHeight); zero otherwise.
	Blank Rect
}

// LaneBand is one lane: Rect is the full-width band, Header its cell in the
// left header column and Title its wrapped name.
type LaneBand struct {
	ID     string
	Kind   blueprint.LaneKind
	Index  int
	Rect   Rect
	Header Rect
	Title  []TextLine
}

// LineMark is one boundary line, drawn across the full width at Y, with its
// name at the left, in the header column.
type LineMark struct {
	ID     string
	Kind   blueprint.LineKind
	Style  blueprint.LineStyle
	Y      float32
	X1, X2 float32
	Label  TextLine
}

// BadgeKind says what a badge marks.
type BadgeKind int

// The badge kinds.
const (
	BadgeFail BadgeKind = iota
	BadgeWait
	BadgeEmotion
	BadgeMoment
	BadgeOwner
	// BadgeLink is a flow to or from a step outside the drawing (see
	// Style.Links).
	BadgeLink
	// BadgeVotes is the dot-vote count: a pill on the top edge, right
	// aligned (left of the moment mark), holding a sticker dot (Dot) and
	// the count.
	BadgeVotes
)

// Badge is one annotation on a card. Fail, wait, emotion and link badges
// are pills sitting on the card's top edge; the moment mark sits on its
// top-right corner; the owner is small text along the bottom.
type Badge struct {
	Kind  BadgeKind
	Rect  Rect
	Label TextLine
	// Emotion is the step's emotion, for BadgeEmotion.
	Emotion int
	// Dot is the sticker dot of a BadgeVotes badge.
	Dot Rect
}

// Card is one step's card.
type Card struct {
	StepID       string
	Lane, Column string
	Rect         Rect
	Lines        []TextLine
	// Truncated reports that the text was cut to Style.MaxLines.
	Truncated bool
	Badges    []Badge
	// Annotations are the lines of fail text, recovery and wait under the
	// card text, when Style.Annotations is set.
	Annotations []Annotation
	Moment      bool
	Fail        bool
	// Image is the step's image path, and Thumb the box its thumbnail
	// fills, under the text; both are zero for a step with no image.
	Image string
	Thumb Rect
}

// FlowKey identifies a flow by its ends.
type FlowKey struct{ From, To string }

// Arrowhead is the head of an arrow: its tip and the unit direction it
// points in.
type Arrowhead struct {
	Tip Point
	Dir Point
}

// Route is the path of one flow.
type Route struct {
	Key    FlowKey
	TwoWay bool
	// Points is the orthogonal polyline from the source card's edge to the
	// target card's edge.
	Points []Point
	// Heads has one arrowhead at the target, and for a two-way flow a
	// second at the source.
	Heads []Arrowhead
	// Label is the flow's label, centred on its longest segment.
	Label *TextLine
}

// Bounds is the rectangle around the route's points.
func (r *Route) Bounds() Rect {
	if len(r.Points) == 0 {
		return Rect{}
	}
	b := Rect{r.Points[0].X, r.Points[0].Y, 0, 0}
	for _, p := range r.Points[1:] {
		b = b.Union(Rect{p.X, p.Y, 0, 0})
	}
	if r.Label != nil {
		b = b.Union(r.Label.Rect())
	}
	return b
}

// LegendKind says what a legend entry explains.
type LegendKind int

// The legend entries.
const (
	LegendFail LegendKind = iota
	LegendWait
	LegendMoment
	LegendEmotion
	LegendFlow
	LegendTwoWay
	LegendVotes
	// LegendMarkError, LegendMarkWarning and LegendMarkInfo explain the
	// editor's finding markers (see Style.MarkLegend).
	LegendMarkError
	LegendMarkWarning
	LegendMarkInfo
)

// MarkSet says which finding markers the cards of the editor carry, one
// bit per severity.
type MarkSet uint8

// The finding markers.
const (
	MarksInfo MarkSet = 1 << iota
	MarksWarning
	MarksError
)

// LegendItem is one legend entry: a sample drawn in Sample and its label.
type LegendItem struct {
	Kind   LegendKind
	Sample Rect
	// SampleText is the text inside a badge sample ("F", "W 5m").
	SampleText *TextLine
	// Dot is the sticker dot of the votes sample.
	Dot   Rect
	Label TextLine
}

// Legend is the small key under the grid.
type Legend struct {
	Rect  Rect
	Items []LegendItem
}
