// Package diff compares two blueprints in the blueprint's own terms: the
// steps, flows, lanes, lines, columns and phases added, removed, moved,
// renamed, reordered or changed field by field, matched by id (flows by
// their from and to steps, phases by name). Comments and formatting are
// not compared: they are what `servicebp fmt -d` shows.
package diff

import (
	"strconv"
	"strings"

	"servicebp/blueprint"
)

// Kind says what happened to an element.
type Kind string

// The kinds of change.
const (
	// Added: the element is in NEW only.
	Added Kind = "added"
	// Removed: the element is in OLD only.
	Removed Kind = "removed"
	// Moved: a step is in another lane or column.
	Moved Kind = "moved"
	// Changed: one field of the element has another value.
	Changed Kind = "changed"
	// Renamed: a lane, line, column or phase has another name.
	Renamed Kind = "renamed"
	// Reordered: the element has another place among the elements of
	// its kind (a step: among the steps of its cell).
	Reordered Kind = "reordered"
)

// Kinds lists every kind of change.
var Kinds = []Kind{Added, Removed, Moved, Changed, Renamed, Reordered}

// Element says what kind of element changed.
type Element string

// The elements a change can be about.
const (
	Document Element = "document"
	Lane     Element = "lane"
	Line     Element = "line"
	Column   Element = "column"
	Phase    Element = "phase"
	Step     Element = "step"
	Flow     Element = "flow"
	// Question is an entry of the parking lot, identified by its text.
	Question Element = "question"
)

// Elements lists every element, in the order Compare reports them.
var Elements = []Element{Document, Lane, Line, Phase, Column, Step, Flow, Question}

// Change is one difference between OLD and NEW.
type Change struct {
	Kind    Kind
	Element Element
	// ID is the element's id: a lane, line, column or step id, FROM->TO
	// for a flow, the text for a question, the name for a phase, "" for the document.
	ID string
	// Field is the field that changed (Changed, Renamed), "cell" for a
	// Moved step and "position" for Reordered; "" for Added and Removed.
	Field string
	// Old and New are the values as text: a field's values (durations as
	// in the file, tags joined by ", ", booleans "true" and "false"),
	// "LANE × COLUMN" ids for a move, 1-based positions for a reorder, and
	// for Added and Removed the element's text or name in New or Old.
	Old, New string
	// Line is where the element starts: in NEW, or in OLD for Removed.
	// It is 0 when the element has no line of its own (default lanes and
	// lines, derived columns, document fields absent from NEW).
	Line int
	// Group is the phase the change belongs to, for reports grouped by
	// phase: the phase of the column in NEW (in OLD for removed steps and
	// flows, under the phase's new name when it was renamed). InPhase is
	// false for changes to the document, lanes, lines and phases
	// themselves, which belong to no phase.
	Group   string
	InPhase bool
	// Label describes the element for people: a step's text, a lane's,
	// line's or column's name, a flow's "from → to" (in NEW, or OLD for
	// removed elements).
	Label string
	// OldCell and NewCell name a step's cells as "lane × column", with
	// the lane and column names (ids when they have none): OldCell for a
	// moved or removed step, NewCell for a moved or added one.
	OldCell, NewCell string
	// OldAfter and NewAfter are, for a reordered lane, line, column or
	// phase, the id (phase: name) of the element before it in OLD and in
	// NEW; "" when it is first.
	OldAfter, NewAfter string
}

// FlowID is the id of the flow from → to in a Change: "from->to". Ids
// never contain '>', so it splits unambiguously.
func FlowID(from, to string) string { return from + "->" + to }

// Compare returns the changes from old to new, in a stable order: the
// document's fields, then lanes, lines, phases, columns, steps, flows and
// questions.
// Within an element, changes follow NEW's order, and removed elements
// follow in OLD's order.
func Compare(old, new *blueprint.Document) []Change {
	c := &comparison{old: old, new: new, oi: newIndex(old), ni: newIndex(new)}
	c.document()
	c.lanes()
	c.lines()
	c.phases()
	c.columns()
	c.steps()
	c.flows()
	c.questions()
	return c.out
}

// comparison is the state of one Compare.
type comparison struct {
	old, new *blueprint.Document
	oi, ni   *index
	out      []Change
	// renamedPhase maps an OLD phase name to its NEW name.
	renamedPhase map[string]string
}

func (c *comparison) add(ch Change) { c.out = append(c.out, ch) }

func (c *comparison) document() {
	o, n := c.old, c.new
	c.field(Change{Element: Document}, "title", o.Title, n.Title)
	c.field(Change{Element: Document}, "description", o.Description, n.Description)
	c.field(Change{Element: Document}, "lint.disable", joinList(o.Lint.Disable), joinList(n.Lint.Disable))
	c.field(Change{Element: Document}, "lint.long-wait", durationText(o.Lint.LongWait), durationText(n.Lint.LongWait))
}

// field adds a Changed change based on base when old and new differ.
func (c *comparison) field(base Change, name, old, new string) {
	if old == new {
		return
	}
	base.Kind, base.Field, base.Old, base.New = Changed, name, old, new
	c.add(base)
}

// durationText is d as written in a file, "" for zero (not set).
func durationText(d blueprint.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// joinList joins tags or rule ids for Old and New.
func joinList(l []string) string { return strings.Join(l, ", ") }

// position is a 1-based position as text.
func position(i int) string { return strconv.Itoa(i + 1) }
