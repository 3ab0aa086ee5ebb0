package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// conflictsPanel lists the unresolved merge conflicts of the open
// blueprint (its "conflicts:" section, left by servicebp merge). Each row
// names the element and field and shows the three values; its buttons
// keep OURS's, THEIRS's or the base's value through an undoable command,
// which deletes the entry, and the section goes with the last one.
type conflictsPanel struct {
	e         *Editor
	conflicts []blueprint.Conflict
	list      *widget.List
	none      *widget.Label
	content   fyne.CanvasObject
	// OnCountChanged is called with the number of conflicts after each
	// update, for the tab title.
	OnCountChanged func(n int)
}

// conflictRow is the template of one row: what is in conflict, the
// values, and the three choices.
type conflictRow struct {
	widget.BaseWidget
	title, values      *widget.Label
	ours, theirs, base *widget.Button
}

func newConflictRow() *conflictRow {
	r := &conflictRow{
		title:  widget.NewLabel(""),
		values: widget.NewLabel(""),
		ours:   widget.NewButton(lang.L("Keep ours"), nil),
		theirs: widget.NewButton(lang.L("Keep theirs"), nil),
		base:   widget.NewButton(lang.L("Keep base"), nil),
	}
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.values.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer stacks the title, the values and the buttons.
func (r *conflictRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.title, r.values, container.NewHBox(r.ours, r.theirs, r.base)))
}

// show fills the row with conflict i of p.
func (r *conflictRow) show(p *conflictsPanel, i int) {
	c := p.conflicts[i]
	title := c.Element
	if c.ID != "" {
		title += " " + c.ID
	}
	if c.Field != "" {
		title += " · " + c.Field
	}
	r.title.SetText(title)
	r.values.SetText(labelled(lang.L("Ours"), conflictValueText(c.Ours)) + "\n" +
		labelled(lang.L("Theirs"), conflictValueText(c.Theirs)) + "\n" +
		labelled(lang.L("Base"), conflictValueText(c.Base)))
	r.ours.OnTapped = func() { p.resolve(i, blueprint.ChooseOurs) }
	r.theirs.OnTapped = func() { p.resolve(i, blueprint.ChooseTheirs) }
	r.base.OnTapped = func() { p.resolve(i, blueprint.ChooseBase) }
	if c.Element == "document" {
		r.theirs.Disable()
		r.base.Disable()
	} else {
		r.theirs.Enable()
		r.base.Enable()
	}
}

func conflictValueText(v string) string {
	if v == "" {
		return lang.L("(none)")
	}
	return v
}

func newConflictsPanel(e *Editor) *conflictsPanel {
	p := &conflictsPanel{e: e, none: widget.NewLabel(lang.L("No merge conflicts"))}
	p.none.Importance = widget.LowImportance
	p.list = widget.NewList(
		func() int { return len(p.conflicts) },
		func() fyne.CanvasObject { return newConflictRow() },
		func(i widget.ListItemID, obj fyne.CanvasObject) {
			if i >= 0 && i < len(p.conflicts) {
				obj.(*conflictRow).show(p, i)
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.Unselect(i)
		p.reveal(i)
	}
	p.content = container.NewStack(p.list, container.NewVBox(p.none))
	return p
}

// update shows the open blueprint's conflicts, when they changed.
func (p *conflictsPanel) update() {
	cs := p.e.Doc().Conflicts
	if sameConflicts(cs, p.conflicts) {
		return
	}
	p.conflicts = cs
	if len(cs) == 0 {
		p.none.Show()
	} else {
		p.none.Hide()
	}
	p.list.Refresh()
	if p.OnCountChanged != nil {
		p.OnCountChanged(len(cs))
	}
}

func sameConflicts(a, b []blueprint.Conflict) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// resolve keeps choice's value for conflict i, as one undoable edit.
func (p *conflictsPanel) resolve(i int, choice string) bool {
	return p.e.apply(blueprint.ResolveConflict(i, choice))
}

// reveal selects the step a conflict is about and brings it into view.
func (p *conflictsPanel) reveal(i int) {
	if i < 0 || i >= len(p.conflicts) {
		return
	}
	c := p.conflicts[i]
	if c.Element != "step" || p.e.Doc().StepIndex(c.ID) < 0 {
		return
	}
	p.e.SetSelection(state.StepSelection(c.ID))
	p.e.ui.board.Reveal(c.ID)
}

// addConflictsTab adds the Conflicts tab to the side panel. The panel
// follows every change of the document, and comes to the front when a
// blueprint with conflicts is opened or gets them.
func (a *analyser) addConflictsTab() {
	a.conflicts = newConflictsPanel(a.e)
	tab := container.NewTabItem(lang.L("Conflicts"), a.conflicts.content)
	a.tabs.Append(tab)
	a.conflicts.OnCountChanged = func(n int) {
		title := lang.L("Conflicts")
		if n > 0 {
			title = lang.L("Conflicts ({{.Count}})", map[string]any{"Count": n})
		}
		had := tab.Text != lang.L("Conflicts")
		tab.Text = title
		a.tabs.Refresh()
		if n > 0 && !had {
			a.tabs.Select(tab)
		}
	}
	a.e.store.Subscribe(func(c state.Change) {
		if c.Document {
			a.conflicts.update()
		}
	})
	a.conflicts.update()
}
