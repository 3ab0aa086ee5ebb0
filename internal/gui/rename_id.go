package gui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// renameElement renames the lane or column sel selects to name, from the
// inspector: a made-up id that nothing refers to follows the name in the
// same undo step, and one that is referred to is offered for change.
func (e *Editor) renameElement(sel state.Selection, name string) bool {
	p := state.PlanRename(e.Doc(), e.untitled(), sel, name)
	if p.Command == nil || !e.apply(p.Command) {
		return false
	}
	if p.ID != sel.IDs[0] && e.Selection().Kind == state.SelectNone {
		e.SetSelection(state.Selection{Kind: sel.Kind, IDs: []string{p.ID}})
	}
	if p.Offer != "" {
		e.offerIDs(sel.Kind, []state.IDChange{{Old: sel.IDs[0], New: p.Offer}})
	}
	return true
}

// applyPhase applies a planned change of phase (see state.PlanPhase): the
// selection follows the column ids it changes, and the made-up ids that
// steps refer to are offered for change.
func (e *Editor) applyPhase(p state.PhasePlan) bool {
	before := e.Selection()
	if !e.apply(p.Command) {
		return false
	}
	if len(p.Changed) > 0 {
		e.SetSelection(before.Renamed(state.SelectColumn, p.Changed))
	}
	if len(p.Offer) > 0 {
		e.offerIDs(state.SelectColumn, p.Offer)
	}
	return true
}

// offerIDs asks whether the made-up ids of the lanes or columns (kind) in
// changes should become the ones their new names or phases suggest; what
// refers to them follows, in one undo step.
func (e *Editor) offerIDs(kind state.SelectionKind, changes []state.IDChange) {
	change := func() blueprint.Command {
		if kind == state.SelectLane {
			return blueprint.RenameLaneID(changes[0].Old, changes[0].New)
		}
		if len(changes) == 1 {
			return blueprint.RenameColumnID(changes[0].Old, changes[0].New)
		}
		return blueprint.RenameColumnIDs(state.ColumnIDChanges(changes))
	}
	if kind == state.SelectLane {
		changes = changes[:1]
	}
	run := func() {
		before := e.Selection()
		if e.apply(change()) {
			e.SetSelection(before.Renamed(kind, changes))
		}
	}
	if len(changes) == 1 {
		old, id := changes[0].Old, changes[0].New
		e.ask(lang.L("Change the id too?"),
			lang.L("The id {{.Old}} was made up by the editor. Change it to {{.New}}, which reads better in the file and in git? What refers to it follows.", map[string]any{"Old": old, "New": id}),
			choice{label: lang.L("Keep {{.Old}}", map[string]any{"Old": old})},
			choice{label: lang.L("Change to {{.New}}", map[string]any{"New": id}), importance: widget.HighImportance, action: run},
		)
		return
	}
	var olds, news []string
	for _, c := range changes {
		olds, news = append(olds, c.Old), append(news, c.New)
	}
	e.ask(lang.L("Change the ids too?"),
		lang.L("The ids {{.Old}} were made up by the editor. Change them to {{.New}}, which read better in the file and in git? What refers to them follows.",
			map[string]any{"Old": strings.Join(olds, ", "), "New": strings.Join(news, ", ")}),
		choice{label: lang.L("Keep the ids")},
		choice{label: lang.L("Change the ids"), importance: widget.HighImportance, action: run},
	)
}
