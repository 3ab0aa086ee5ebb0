package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/assets"
	"servicebp/blueprint"
)

// showTemplates offers the built-in templates; the chosen one opens as a
// new untitled blueprint.
func (e *Editor) showTemplates() {
	names := assets.TemplateNames()
	list := widget.NewList(
		func() int { return len(names) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(names[i] + " — " + assets.TemplateDescription(names[i]))
		})
	chosen := -1
	list.OnSelected = func(i widget.ListItemID) { chosen = i }
	scroll := container.NewStack(list)
	box := container.NewGridWrap(fyne.NewSize(640, 220), scroll)
	e.askWith(lang.L("New from template"), "", box,
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Create"), importance: widget.HighImportance, action: func() {
			if chosen >= 0 {
				e.newFromTemplate(names[chosen])
			}
		}})
}

// newFromTemplate opens the template name as a new untitled blueprint,
// after the unsaved-changes prompt.
func (e *Editor) newFromTemplate(name string) {
	e.confirmDiscard(func() {
		data, err := assets.Template(name)
		if err == nil {
			var d *blueprint.Document
			if d, err = blueprint.Parse(name+".yaml", data); err == nil {
				e.newBlueprint(d)
				return
			}
		}
		e.showError(err)
	})
}
