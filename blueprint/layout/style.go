package layout

import (
	"strconv"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

// Measure returns the width and height of text drawn on one line at size,
// in world units. The scene passes Fyne's text measurement; tests pass a
// fake.
type Measure func(text string, size float32, bold bool) (w, h float32)

// Style holds the zoom-independent sizes of a layout, in world units.
type Style struct {
	// Margin is the empty border around the whole blueprint.
	Margin float32
	// TitleSize, HeaderSize, TextSize and SmallSize are the text sizes of
	// the title, the lane and phase headers, the card text, and the small
	// print (owner, badges, line and flow labels, legend).
	TitleSize, HeaderSize, TextSize, SmallSize float32
	// LineSpacing multiplies the measured height of a text line.
	LineSpacing float32
	// LaneHeaderWidth is the width of the left column with lane titles.
	LaneHeaderWidth float32
	// PhaseHeight and ColumnHeaderHeight are the heights of the phase band
	// and of the column-name band; each band is left out when no column
	// has a phase or a name.
	PhaseHeight, ColumnHeaderHeight float32
	// BlankColumnHeaderHeight is the height of the column-name band when
	// no column has a name: 0 (the default, and what exports use) leaves
	// the band out; the editor keeps a thin band, so that every column has
	// a header to click and right-click.
	BlankColumnHeaderHeight float32
	// MinColumnWidth and MaxColumnWidth bound the column widths; a column
	// grows from the minimum to fit its widest card text.
	MinColumnWidth, MaxColumnWidth float32
	// ColumnGutter is the horizontal space between the cards of two
	// neighbouring columns; vertical flow segments run in it.
	ColumnGutter float32
	// LanePadding is the space above and below the cards of a lane.
	LanePadding float32
	// MinLaneHeight is the height of a lane with no cards.
	MinLaneHeight float32
	// CardPadding is the space between a card's edge and its text.
	CardPadding float32
	// CardGap is the vertical space between stacked cards of one cell.
	CardGap float32
	// CardRadius is the corner radius of cards.
	CardRadius float32
	// MaxLines is how many lines of card text are shown; longer text ends
	// with an ellipsis.
	MaxLines int
	// BadgeHeight is the height of the fail, wait and emotion badges.
	BadgeHeight float32
	// ThumbHeight is the most height a card's photo thumbnail takes; the
	// thumbnail is as wide as the card's text and 0.6 times as high, up to
	// this. 0 means 90.
	ThumbHeight float32
	// Legend adds a legend under the grid, explaining the marks used.
	Legend bool
	// MarkLegend lists the finding markers the cards carry, which the
	// legend then explains too: the editor sets it from its lint findings,
	// and exports, which draw no markers, leave it zero.
	MarkLegend MarkSet
	// NoEmotionCurve leaves out the emotion curve, the band under the
	// customer lane that charts the customer's emotions (see
	// EmotionCurve).
	NoEmotionCurve bool
	// EmotionUnit is the height of one step of emotion in the curve's
	// band (the chart is four units high); 0 means 9.
	EmotionUnit float32
	// Annotations writes each fail point's text and recovery and each wait
	// point's length and conditions on its card, in small print under the
	// card text (the annotations layer).
	Annotations bool
	// Annotate, by step id, annotates those steps' cards even with
	// Annotations off (the presenter's spotlit step).
	Annotate map[string]bool
	// Labels are the words the layout itself writes (legend entries).
	Labels Labels
	// TitlePlaceholder, when not empty, takes the title's line while the
	// document has no title, marked as a placeholder (Layout.TitleHint):
	// the editor's board shows it, so that naming the blueprint moves
	// nothing under the pointer.
	TitlePlaceholder string
	// Links, by step id, are the flows between a step in the drawing and
	// steps left out of it, for drawing part of a blueprint (one phase of
	// a presentation); each shows as a badge on the step's card.
	Links map[string][]Link
}

// Link is a flow between a step in the drawing and one outside it.
type Link struct {
	// Out is true for a flow from the step to outside, false for one from
	// outside to the step.
	Out bool
	// To names where the other end is: its phase, or its column.
	To string
	// More counts the other places flows in the same direction go to (or
	// come from), which the badge does not name.
	More int
}

// LinkText is the text of a link badge: "→ Stay" for a flow out, "← Arrival"
// for a flow in, "→ Stay +2" when flows out go to two more places.
func LinkText(l Link) string {
	arrow := "← "
	if l.Out {
		arrow = "→ "
	}
	if l.More > 0 {
		return arrow + l.To + " +" + strconv.Itoa(l.More)
	}
	return arrow + l.To
}

// Labels are the words the layout writes on its own, in one language: the
// legend, the emotion band's title and the canonical lane and line names.
type Labels struct {
	Fail, Wait, Moment, Emotion, Flow, TwoWay, Votes string
	// MarkError, MarkWarning and MarkInfo explain the finding markers.
	MarkError, MarkWarning, MarkInfo string
	// WaitSample is the duration shown in the legend's wait badge.
	WaitSample string
	// Colon follows a label before its text: ": ", or the full-width
	// "：" in Chinese.
	Colon string
	// Names are the canonical lane and line names, drawn for the lanes and
	// lines that keep their kind's default name (see LaneName).
	Names blueprint.Names
}

// LabelsIn returns the labels in language l, from its catalogue.
func LabelsIn(l i18n.Lang) Labels {
	return Labels{
		Fail: l.T("legend.fail"), Wait: l.T("legend.wait"), Moment: l.T("legend.moment"),
		Emotion: l.T("legend.emotion"), Flow: l.T("legend.flow"), TwoWay: l.T("legend.two-way"), Votes: l.T("legend.votes"),
		MarkError: l.T("legend.mark-error"), MarkWarning: l.T("legend.mark-warning"), MarkInfo: l.T("legend.mark-info"),
		WaitSample: "5m",
		Colon:      l.T("punct.colon"),
		Names:      l.Names(),
	}
}

// EnglishLabels are the labels in English, the default style's.
var EnglishLabels = LabelsIn(i18n.English)

// orEnglish is lb, or EnglishLabels when lb is the zero value.
func (lb Labels) orEnglish() Labels {
	if lb.Fail == "" {
		return EnglishLabels
	}
	return lb
}

// LaneName is the name drawn for lane ln: the name of its kind in the
// labels' language when ln keeps its kind's default name (the English name
// the file format leaves out, and so fills in when it loads), else its own
// name, else its id.
func (lb Labels) LaneName(ln blueprint.Lane) string {
	if en, ok := blueprint.EnglishNames.Lanes[ln.Kind]; ok && ln.Name == en {
		if n := lb.orEnglish().Names.Lanes[ln.Kind]; n != "" {
			return n
		}
	}
	if ln.Name == "" {
		return ln.ID
	}
	return ln.Name
}

// LineName is the name drawn for line ln, chosen as LaneName chooses.
func (lb Labels) LineName(ln blueprint.Line) string {
	if en, ok := blueprint.EnglishNames.Lines[ln.Kind]; ok && ln.Name == en {
		if n := lb.orEnglish().Names.Lines[ln.Kind]; n != "" {
			return n
		}
	}
	if ln.Name == "" {
		return ln.ID
	}
	return ln.Name
}

// DefaultStyle is the style of the editor and of exported images.
func DefaultStyle() Style {
	return Style{
		Margin:             28,
		TitleSize:          22,
		HeaderSize:         13,
		TextSize:           12,
		SmallSize:          10,
		LineSpacing:        1.25,
		LaneHeaderWidth:    150,
		PhaseHeight:        30,
		ColumnHeaderHeight: 24,
		MinColumnWidth:     150,
		MaxColumnWidth:     230,
		ColumnGutter:       32,
		LanePadding:        20,
		MinLaneHeight:      76,
		CardPadding:        8,
		CardGap:            16,
		CardRadius:         6,
		MaxLines:           4,
		BadgeHeight:        15,
		ThumbHeight:        90,
		Legend:             true,
		EmotionUnit:        emotionUnit,
		Labels:             EnglishLabels,
	}
}
