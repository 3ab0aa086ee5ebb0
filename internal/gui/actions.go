package gui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// This file holds the Edit and Insert menu actions that work on the
// selection. Each applies one command (or one Batch) through the history.

// cell is the lane × column the Insert actions target: the selected step's
// cell, the selected (empty) cell, the selected lane or column, or the
// customer lane in the first column.
func (e *Editor) cell() (lane, column string) {
	d := e.Doc()
	if st := d.Step(e.Selection().One(state.SelectSteps)); st != nil {
		return st.Lane, st.Column
	}
	if e.Selection().Kind == state.SelectSteps && len(e.Selection().IDs) > 0 {
		if st := d.Step(e.Selection().IDs[0]); st != nil {
			return st.Lane, st.Column
		}
	}
	if e.Selection().Kind == state.SelectCell {
		return e.Selection().IDs[0], e.Selection().IDs[1]
	}
	if id := e.Selection().One(state.SelectLane); id != "" {
		lane = id
	}
	if id := e.Selection().One(state.SelectColumn); id != "" {
		column = id
	}
	if lane == "" {
		for _, l := range d.Lanes {
			if l.Kind == blueprint.LaneCustomer {
				lane = l.ID
				break
			}
		}
		if lane == "" && len(d.Lanes) > 0 {
			lane = d.Lanes[0].ID
		}
	}
	if column == "" && len(d.Columns) > 0 {
		column = d.Columns[0].ID
	}
	return lane, column
}

// insertStep adds an empty step to the target cell, selects it and puts
// the cursor in its text.
func (e *Editor) insertStep() {
	e.commitField()
	d := e.Doc()
	lane, column := e.cell()
	if column == "" {
		if !e.apply(blueprint.InsertColumn(blueprint.Column{}, -1)) {
			return
		}
		column = d.Columns[len(d.Columns)-1].ID
	}
	id := d.UniqueID("", "step")
	if !e.apply(blueprint.AddStep(blueprint.Step{ID: id, Lane: lane, Column: column}, -1)) {
		return
	}
	e.SetSelection(state.StepSelection(id))
	e.win.Canvas().Focus(e.ui.inspector.step.text)
}

// insertColumn adds an empty column before or after the selected one (or
// the selected step's), or at the end.
func (e *Editor) insertColumn(after bool) {
	e.commitField()
	d := e.Doc()
	_, column := e.cell()
	at := -1
	if i := d.ColumnIndex(column); i >= 0 && (e.Selection().Kind == state.SelectColumn || e.Selection().Kind == state.SelectSteps) {
		at = i
		if after {
			at = i + 1
		}
		// A new column inside a phase joins it.
	}
	e.ui.board.InsertColumn(at)
}

// insertLane adds a custom lane below the selected lane, or at the bottom.
func (e *Editor) insertLane() {
	e.commitField()
	d := e.Doc()
	at := -1
	if i := d.LaneIndex(e.Selection().One(state.SelectLane)); i >= 0 {
		at = i + 1
	}
	name := lang.L("New lane")
	l := blueprint.Lane{ID: d.UniqueID(name, "lane"), Name: name, Kind: blueprint.LaneCustom}
	if e.apply(blueprint.AddLane(l, at)) {
		e.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{l.ID}})
		e.ui.board.RevealSelection()
		e.win.Canvas().Focus(e.ui.inspector.lane.name)
	}
}

// insertPhase asks for a phase name and puts the selected columns (or the
// selected steps' columns) in it.
func (e *Editor) insertPhase() {
	e.commitField()
	d := e.Doc()
	var cols []string
	switch e.Selection().Kind {
	case state.SelectColumn:
		cols = e.Selection().IDs
	case state.SelectSteps:
		for _, id := range e.Selection().IDs {
			if st := d.Step(id); st != nil && !contains(cols, st.Column) {
				cols = append(cols, st.Column)
			}
		}
	}
	if len(cols) == 0 {
		for _, c := range d.Columns {
			cols = append(cols, c.ID)
		}
	}
	if len(cols) == 0 {
		return
	}
	name := widget.NewEntry()
	name.SetPlaceHolder(lang.L("Phase name"))
	ok := func() {
		if n := name.Text; n != "" {
			e.applyPhase(state.PlanSetPhase(e.Doc(), e.untitled(), n, cols...))
		}
	}
	name.OnSubmitted = func(string) {
		e.closeQuestion(e.question)
		ok()
	}
	e.askWith(lang.L("Phase"), lang.L("Phase name"), name,
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("OK"), importance: widget.HighImportance, action: ok})
	e.win.Canvas().Focus(name)
}

// insertFlow adds a flow between the two selected steps, in selection
// order.
func (e *Editor) insertFlow() {
	e.commitField()
	if e.Selection().Kind != state.SelectSteps || len(e.Selection().IDs) != 2 {
		e.notify(lang.L("Select two steps to connect them with a flow"))
		return
	}
	f := blueprint.Flow{From: e.Selection().IDs[0], To: e.Selection().IDs[1]}
	if e.apply(blueprint.AddFlow(f)) {
		e.SetSelection(state.Selection{Kind: state.SelectFlow, IDs: []string{f.From, f.To}})
	}
}

// deleteSelection deletes the selected steps, flow, lanes, lines or
// columns, with the same command the board's Delete key uses.
func (e *Editor) deleteSelection() { e.deleteSelected(e.Selection()) }

// duplicateSelection duplicates the selected steps, with the flows
// between them, into their cells below the originals, as one undo step:
// the board's Duplicate, so that the menu, Ctrl+D and the context menu do
// the same.
func (e *Editor) duplicateSelection() {
	e.commitField()
	e.ui.board.Duplicate()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
