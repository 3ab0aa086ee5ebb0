// Package blueprint holds the service-blueprint document model: its types,
// the YAML file format (strict loading and canonical saving), the edit
// commands and the undo/redo history. It never imports Fyne, so every edit
// can be tested headless and the CLI runs without a display.
package blueprint

// FormatVersion is the newest file format version this build reads and the
// one it writes.
const FormatVersion = 1

// LaneKind says what a lane holds; the five canonical kinds follow the
// service-blueprint literature, and Custom covers any other lane.
type LaneKind string

// The lane kinds.
const (
	LaneEvidence   LaneKind = "evidence"
	LaneCustomer   LaneKind = "customer"
	LaneFrontstage LaneKind = "frontstage"
	LaneBackstage  LaneKind = "backstage"
	LaneSupport    LaneKind = "support"
	LaneCustom     LaneKind = "custom"
)

// LaneKinds lists every lane kind in canonical top-to-bottom order.
var LaneKinds = []LaneKind{LaneEvidence, LaneCustomer, LaneFrontstage, LaneBackstage, LaneSupport, LaneCustom}

// LineKind says which boundary a line marks.
type LineKind string

// The line kinds.
const (
	LineInteraction LineKind = "interaction"
	LineVisibility  LineKind = "visibility"
	LineInternal    LineKind = "internal"
	LineCustom      LineKind = "custom"
)

// LineKinds lists every line kind.
var LineKinds = []LineKind{LineInteraction, LineVisibility, LineInternal, LineCustom}

// LineStyle is how a line is stroked.
type LineStyle string

// The line styles.
const (
	StyleSolid   LineStyle = "solid"
	StyleDashed  LineStyle = "dashed"
	StyleDashDot LineStyle = "dashdot"
	StyleDotted  LineStyle = "dotted"
)

// LineStyles lists every line style.
var LineStyles = []LineStyle{StyleSolid, StyleDashed, StyleDashDot, StyleDotted}

// DefaultStyle is the conventional style for a line of kind k: the line of
// visibility is dashed, the line of internal interaction dash-dot.
func DefaultStyle(k LineKind) LineStyle {
	switch k {
	case LineInteraction:
		return StyleSolid
	case LineVisibility:
		return StyleDashed
	case LineInternal:
		return StyleDashDot
	}
	return StyleDotted
}

// Document is one service blueprint. Slices are ordered: lanes top to
// bottom, columns left to right. Steps are kept in canonical order
// (column, then lane, then stacking order within the cell); see SortSteps.
// A document being edited shares its slices and maps with the snapshots
// its History keeps: the edit commands replace what they change and never
// write into them, and nothing else should change the document at all.
type Document struct {
	Version     int
	Title       string
	Description string
	Lanes       []Lane
	Lines       []Line
	Columns     []Column
	Steps       []Step
	Flows       []Flow
	// Questions is the parking lot: the open questions, ideas and actions
	// raised in a workshop, in the order written; see questions.go.
	Questions []Question
	Lint      LintConfig

	// Conflicts are the unresolved merge conflicts servicebp merge
	// recorded; see conflicts.go.
	Conflicts []Conflict

	// Comments keeps the YAML comments that are not attached to an element:
	// the file header and the comments on top-level keys.
	Comments Comments
}

// Comments holds comments preserved across a load/save round trip.
type Comments struct {
	// Header is the comment block at the top of the file, for example a
	// "# yaml-language-server: $schema=..." line, without the "# " markers'
	// surrounding blank lines.
	Header string
	// Keys maps a top-level key ("title", "steps", ...) to the comment
	// written above it.
	Keys map[string]string
	// KeyLines maps a top-level key to the comment at the end of its line.
	KeyLines map[string]string
	// Footer is the comment block at the end of the file.
	Footer string
}

// Lane is one horizontal band of the blueprint.
type Lane struct {
	ID      string
	Name    string
	Kind    LaneKind
	Comment string
	Pos     Pos
}

// Line is a boundary line drawn directly below the lane named by Below.
type Line struct {
	ID      string
	Kind    LineKind
	Name    string
	Below   string
	Style   LineStyle
	Comment string
	Pos     Pos
}

// Column is one time slot. Consecutive columns with the same Phase form
// that phase.
type Column struct {
	ID      string
	Name    string
	Phase   string
	Comment string
	Pos     Pos
}

// Step is one card in a lane × column cell.
type Step struct {
	ID       string
	Lane     string
	Column   string
	Text     string
	Owner    string
	Duration Duration
	// Wait, when non-zero, makes the step a wait point of that length.
	Wait Duration
	// Queue, when not zero, is the queue the customer waits in here.
	Queue Queue
	// Waiting lists the conditions of waiting psychology this wait point
	// meets, by name (see WaitingConditions), in the order written.
	Waiting []string
	// Fail, when non-empty, makes the step a fail point and says what can
	// go wrong.
	Fail string
	// Recovery says how a fail point is recovered.
	Recovery string
	// Moment marks a moment of truth.
	Moment bool
	// Emotion is the customer's feeling at this step, from -2 to +2.
	Emotion int
	// Votes is the number of dot votes the step received in a workshop,
	// from 0 to MaxVotes.
	Votes int
	Tags  []string
	Notes string
	// Image, when not empty, is a photo shown on the card: a path relative
	// to the folder of the blueprint file, with forward slashes (see
	// CheckImagePath).
	Image   string
	Comment string
	// KeyComments keeps the comments inside the step's block, by key
	// ("lane", "text", ...). The map is never changed in place: a step
	// with other comments gets a new map.
	KeyComments map[string]KeyComment
	// EndComment is the comment after the step's last key.
	EndComment string
	Pos        Pos
}

// KeyComment is what is kept of the comments around one key of a step:
// the lines above the key and the comment at the end of its line.
type KeyComment struct {
	Above string
	Line  string
}

// Flow is an arrow from one step to another.
type Flow struct {
	From    string
	To      string
	Label   string
	TwoWay  bool
	Comment string
	Pos     Pos
}

// Pos is where an element starts in the file it was loaded from (1-based
// line and column). It is zero for elements made in the editor, and is
// never saved; lint uses it to point at the element.
type Pos struct {
	Line int
	Col  int
}

// LintConfig is the per-file configuration of the lint rules.
type LintConfig struct {
	// Disable lists rule ids that are not run on this file.
	Disable []string
	// LongWait overrides the long-wait threshold when non-zero.
	LongWait Duration
}
