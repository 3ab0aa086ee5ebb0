package gui

import (
	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// deleteSelected deletes what sel selects as one undoable edit, clears the
// selection, and says in the status bar what went, with the key that
// brings it back: deleting a lane or a column also deletes its steps.
func (e *Editor) deleteSelected(sel state.Selection) {
	e.commitField()
	c := state.DeleteCommand(sel)
	if c == nil {
		return
	}
	msg := deletionNotice(e.Doc(), sel)
	if !e.apply(c) {
		return
	}
	e.SetSelection(state.Selection{})
	if msg != "" {
		e.notify(msg + " — " + lang.L("Ctrl+Z to undo"))
	}
}

// deletionNotice says what deleting sel from d takes away, or "" for a
// selection of cards, a flow or lines, whose deletion shows on the board.
func deletionNotice(d *blueprint.Document, sel state.Selection) string {
	var in func(s *blueprint.Step, id string) bool
	var name func(d *blueprint.Document, id string) string
	switch sel.Kind {
	case state.SelectLane:
		in = func(s *blueprint.Step, id string) bool { return s.Lane == id }
		name = laneName
	case state.SelectColumn:
		in = func(s *blueprint.Step, id string) bool { return s.Column == id }
		name = columnName
	default:
		return ""
	}
	steps := 0
	for i := range d.Steps {
		for _, id := range sel.IDs {
			if in(&d.Steps[i], id) {
				steps++
				break
			}
		}
	}
	args := map[string]any{"Count": len(sel.IDs), "Steps": steps}
	if len(sel.IDs) == 1 {
		args["Name"] = name(d, sel.IDs[0])
	}
	lane := sel.Kind == state.SelectLane
	one := len(sel.IDs) == 1
	switch {
	case lane && one && steps == 0:
		return lang.L("Deleted lane {{.Name}}", args)
	case lane && one && steps == 1:
		return lang.L("Deleted lane {{.Name}} and its step", args)
	case lane && one:
		return lang.L("Deleted lane {{.Name}} and {{.Steps}} steps", args)
	case lane:
		return lang.L("Deleted {{.Count}} lanes and {{.Steps}} steps", args)
	case one && steps == 0:
		return lang.L("Deleted column {{.Name}}", args)
	case one && steps == 1:
		return lang.L("Deleted column {{.Name}} and its step", args)
	case one:
		return lang.L("Deleted column {{.Name}} and {{.Steps}} steps", args)
	}
	return lang.L("Deleted {{.Count}} columns and {{.Steps}} steps", args)
}
