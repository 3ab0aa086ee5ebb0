package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/cli"
)

// shortcutRows lists the keyboard shortcuts for Help > Keyboard shortcuts.
func shortcutRows() [][2]string {
	return [][2]string{
		{"Ctrl+N", lang.L("New")},
		{"Ctrl+O", lang.L("Open…")},
		{"Ctrl+S", lang.L("Save")},
		{"Ctrl+Shift+S", lang.L("Save as…")},
		{"Ctrl+E", lang.L("Export…")},
		{"Ctrl+Q", lang.L("Quit")},
		{"Ctrl+Z", lang.L("Undo")},
		{"Ctrl+Shift+Z, Ctrl+Y", lang.L("Redo")},
		{"Ctrl+X / Ctrl+C / Ctrl+V", lang.L("Cut, copy, paste")},
		{"Ctrl+D", lang.L("Duplicate")},
		{"Ctrl+A", lang.L("Select all")},
		{"Ctrl+Enter", lang.L("Insert step")},
		{"Ctrl+Shift+← / →", lang.L("Insert column before / after")},
		{"Ctrl+Shift+↓", lang.L("Insert lane")},
		{"Ctrl+L", lang.L("Insert flow between two selected steps")},
		{"Ctrl+= / Ctrl+-", lang.L("Zoom in / out")},
		{"Ctrl+0 / Ctrl+1", lang.L("Fit / 100%")},
		{lang.L("Click, Shift+click, drag on empty space"), lang.L("Select cards")},
		{lang.L("Double-click an empty cell"), lang.L("Add a card there")},
		{"Enter, F2", lang.L("Edit the selected card")},
		{"← → ↑ ↓, Tab", lang.L("Move the selection")},
		{"Ctrl+← → ↑ ↓", lang.L("Move the selected cards")},
		{lang.L("Drag a card"), lang.L("Move it to another cell")},
		{lang.L("Drag from a card's handle"), lang.L("Draw a flow")},
		{lang.L("Ctrl+wheel"), lang.L("Zoom around the pointer")},
		{lang.L("Space+drag, middle-drag"), lang.L("Pan")},
		{"Delete", lang.L("Delete the selection")},
		{"Enter", lang.L("Commit a field in the inspector")},
		{"Shift+Enter", lang.L("New line in a multi-line field")},
		{"Esc", lang.L("Revert a field in the inspector")},
		{"F1", lang.L("Keyboard shortcuts")},
		{"F5", lang.L("Present")},
		{"Ctrl+M", lang.L("Start timer…")},
		{"Ctrl+K", lang.L("Pause or resume timer")},
		{"Ctrl+Shift+A", lang.L("Add a minute")},
		{"Ctrl+Shift+X", lang.L("Stop timer")},
		{lang.L("Presenting: M, minutes, Enter"), lang.L("Start a timer (5 minutes without a number)")},
		{lang.L("Presenting: K / A / X"), lang.L("Pause or resume / add a minute / stop the timer")},
		{lang.L("Presenting: Esc"), lang.L("Stop a ringing timer")},
		{lang.L("Presenting: P"), lang.L("Open or close the presenter view")},
	}
}

// showShortcuts lists the keyboard shortcuts.
func (e *Editor) showShortcuts() {
	rows := shortcutRows()
	grid := container.NewGridWithColumns(2)
	for _, r := range rows {
		k := widget.NewLabel(r[0])
		k.TextStyle = fyne.TextStyle{Monospace: true}
		grid.Add(k)
		grid.Add(widget.NewLabel(r[1]))
	}
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(560, 420))
	dialog.ShowCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), scroll, e.win)
}

// showAbout shows the version and what servicebp is.
func (e *Editor) showAbout() {
	text := widget.NewLabel(fmt.Sprintf("servicebp %s\n%s\n%s",
		cli.Version,
		lang.L("A desktop editor for service blueprints."),
		lang.L("File format version {{.Version}}", map[string]any{"Version": blueprint.FormatVersion})))
	dialog.ShowCustom(lang.L("About servicebp"), lang.L("Close"), text, e.win)
}
