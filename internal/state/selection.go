package state

import (
	"slices"

	"servicebp/blueprint"
)

// SelectionKind says what kind of element is selected.
type SelectionKind int

// The selection kinds.
const (
	SelectNone SelectionKind = iota
	// SelectSteps is one or more cards; IDs are step ids.
	SelectSteps
	// SelectFlow is one flow; IDs are its "from" and "to" step ids.
	SelectFlow
	// SelectCell is one lane × column cell; IDs are the lane and column id.
	SelectCell
	// SelectLane is one or more lanes; IDs are lane ids.
	SelectLane
	// SelectColumn is one or more columns; IDs are column ids.
	SelectColumn
	// SelectLine is one or more boundary lines; IDs are line ids.
	SelectLine
)

// Selection is what is selected: elements of one kind. The Store holds
// the one current selection; the board, the inspector and the outline
// show it.
type Selection struct {
	Kind SelectionKind
	IDs  []string
}

// Has reports whether the selection holds a step with id.
func (s Selection) Has(id string) bool {
	return s.Kind == SelectSteps && slices.Contains(s.IDs, id)
}

// Equal reports whether s and o select the same elements, in the same
// order.
func (s Selection) Equal(o Selection) bool {
	return s.Kind == o.Kind && slices.Equal(s.IDs, o.IDs)
}

// StepSelection selects the steps with ids; no ids select nothing.
func StepSelection(ids ...string) Selection {
	if len(ids) == 0 {
		return Selection{}
	}
	return Selection{Kind: SelectSteps, IDs: ids}
}

// One returns the single selected id of kind k, or "" when s selects
// something else or more than one element.
func (s Selection) One(k SelectionKind) string {
	if s.Kind != k || len(s.IDs) != 1 {
		return ""
	}
	return s.IDs[0]
}

// Valid returns s without the elements d no longer has; a flow or a cell
// that is gone leaves nothing selected.
func (s Selection) Valid(d *blueprint.Document) Selection {
	switch s.Kind {
	case SelectFlow:
		if len(s.IDs) == 2 && d.FlowIndex(s.IDs[0], s.IDs[1]) >= 0 {
			return s
		}
		return Selection{}
	case SelectCell:
		if len(s.IDs) == 2 && d.LaneIndex(s.IDs[0]) >= 0 && d.ColumnIndex(s.IDs[1]) >= 0 {
			return s
		}
		return Selection{}
	}
	var index func(string) int
	switch s.Kind {
	case SelectSteps:
		index = d.StepIndex
	case SelectLane:
		index = d.LaneIndex
	case SelectColumn:
		index = d.ColumnIndex
	case SelectLine:
		index = d.LineIndex
	default:
		return Selection{}
	}
	ids := slices.DeleteFunc(slices.Clone(s.IDs), func(id string) bool { return index(id) < 0 })
	if len(ids) == 0 {
		return Selection{}
	}
	return Selection{Kind: s.Kind, IDs: ids}
}
