package gui

import (
	"slices"

	"servicebp/blueprint"
)

// SelectionKind says what kind of element is selected.
type SelectionKind int

// The selection kinds.
const (
	SelectNone SelectionKind = iota
	SelectStep
	SelectLane
	SelectLine
	SelectColumn
	SelectFlow
)

// Selection is what the board has selected: one or more elements of one
// kind. Steps, lanes, lines and columns are named by id; a flow by its
// "from" and "to" step ids, in IDs[0] and IDs[1].
type Selection struct {
	Kind SelectionKind
	IDs  []string
}

// SelectSteps is a selection of the steps with ids.
func SelectSteps(ids ...string) Selection {
	if len(ids) == 0 {
		return Selection{}
	}
	return Selection{Kind: SelectStep, IDs: ids}
}

// Selection returns the current selection.
func (e *Editor) Selection() Selection { return e.sel }

// SetSelection changes the selection; the board calls it when the user
// selects something, and the inspector follows.
func (e *Editor) SetSelection(s Selection) {
	e.commitField()
	e.sel = s.valid(e.Doc())
	e.refresh()
}

// one returns the single selected id of kind k, or "".
func (s Selection) one(k SelectionKind) string {
	if s.Kind != k || len(s.IDs) != 1 {
		return ""
	}
	return s.IDs[0]
}

// valid drops the ids that no longer exist in d.
func (s Selection) valid(d *blueprint.Document) Selection {
	if s.Kind == SelectNone {
		return s
	}
	if s.Kind == SelectFlow {
		if len(s.IDs) == 2 && d.FlowIndex(s.IDs[0], s.IDs[1]) >= 0 {
			return s
		}
		return Selection{}
	}
	exists := func(id string) bool {
		switch s.Kind {
		case SelectStep:
			return d.StepIndex(id) >= 0
		case SelectLane:
			return d.LaneIndex(id) >= 0
		case SelectLine:
			return d.LineIndex(id) >= 0
		case SelectColumn:
			return d.ColumnIndex(id) >= 0
		}
		return false
	}
	ids := slices.DeleteFunc(slices.Clone(s.IDs), func(id string) bool { return !exists(id) })
	if len(ids) == 0 {
		return Selection{}
	}
	return Selection{Kind: s.Kind, IDs: ids}
}
