package gui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// renameElement renames the lane or column sel selects to name, from the
// inspector: a made-up id that nothing refers to follows the name in the
// same undo step, and one that is referred to is offered for change.
func (e *Editor) renameElement(sel state.Selection, name string) bool {
	p := state.PlanRename(e.Doc(), sel, name)
	if p.Command == nil || !e.apply(p.Command) {
		return false
	}
	if p.ID != sel.IDs[0] && e.Selection().Kind == state.SelectNone {
		e.SetSelection(state.Selection{Kind: sel.Kind, IDs: []string{p.ID}})
	}
	if p.Offer != "" {
		e.offerID(sel, p.Offer)
	}
	return true
}

// offerID asks whether the made-up id of the lane or column sel selects
// should become id, which its new name suggests; the steps (and lines)
// that refer to it follow, in one undo step.
func (e *Editor) offerID(sel state.Selection, id string) {
	old := sel.IDs[0]
	change := blueprint.RenameLaneID
	if sel.Kind == state.SelectColumn {
		change = blueprint.RenameColumnID
	}
	e.ask(lang.L("Change the id too?"),
		lang.L("The id {{.Old}} was made up by the editor. Change it to {{.New}}, which reads better in the file and in git? What refers to it follows.", map[string]any{"Old": old, "New": id}),
		choice{label: lang.L("Keep {{.Old}}", map[string]any{"Old": old})},
		choice{label: lang.L("Change to {{.New}}", map[string]any{"New": id}), importance: widget.HighImportance, action: func() {
			selected := e.Selection().Equal(sel)
			if e.apply(change(old, id)) && (selected || e.Selection().Kind == state.SelectNone) {
				e.SetSelection(state.Selection{Kind: sel.Kind, IDs: []string{id}})
			}
		}},
	)
}
