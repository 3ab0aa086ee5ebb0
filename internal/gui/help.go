package gui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/canvas"
	"servicebp/internal/cli"
)

// shortcutRows lists the keyboard shortcuts for Help > Keyboard shortcuts:
// one row for each action of the table with keys (actions next to each
// other with the same help text share a row), then the mouse gestures and
// the keys of the inspector's fields.
func shortcutRows(acts []canvas.Action) [][2]string {
	var rows [][2]string
	for _, a := range acts {
		if len(a.Keys) == 0 {
			continue
		}
		keys := keysText(a.Keys)
		help := a.Help
		if help == "" {
			help = a.Label
		}
		if n := len(rows); n > 0 && rows[n-1][1] == help {
			rows[n-1][0] += " / " + keys
			continue
		}
		rows = append(rows, [2]string{keys, help})
	}
	return append(rows, gestureRows()...)
}

// keysText writes keys for the shortcuts dialog: "Ctrl+Shift+Z, Ctrl+Y";
// keys that read the same (the two Enter keys) are written once.
func keysText(keys []canvas.Key) string {
	var parts []string
	for _, k := range keys {
		if s := k.String(); !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// gestureRows are the rows of the shortcuts dialog that are not actions
// of the table: the mouse on the board and the inspector's fields.
func gestureRows() [][2]string {
	return [][2]string{
		{lang.L("Click, Shift+click, drag on empty space"), lang.L("Select cards")},
		{lang.L("Double-click an empty cell"), lang.L("Add a card there")},
		{lang.L("Drag a card"), lang.L("Move it to another cell")},
		{lang.L("Drag from a card's handle"), lang.L("Draw a flow")},
		{lang.L("Drop a flow on an empty cell"), lang.L("Type a card there, connected to the flow's start")},
		{lang.L("Ctrl+wheel"), lang.L("Zoom around the pointer")},
		{lang.L("Space+drag, middle-drag"), lang.L("Pan")},
		{lang.L("Typing in a selected cell"), lang.L("Start a card there (quick capture)")},
		{lang.L("Enter, while typing a card"), lang.L("Add it; the next card goes in the next column")},
		{lang.L("Tab, while typing a card"), lang.L("Add it; the next card goes in the lane below, same column")},
		{lang.L("Shift+Tab, while typing a card"), lang.L("Add it; the next card goes in the lane above, same column")},
		{lang.L("Esc, while typing a card"), lang.L("Drop it and stop; a column it opened goes too")},
		{"Enter", lang.L("Commit a field in the inspector")},
		{"Shift+Enter", lang.L("New line in a multi-line field")},
		{"Esc", lang.L("Revert a field in the inspector")},
		{"F8 / Shift+F8, F7", lang.L("Next / previous change (compare mode)")},
		{"Esc", lang.L("Leave compare mode")},
		{"+ / -", lang.L("Add or remove a dot vote on the selected or spotlit card")},
		{lang.L("v, digits, Enter"), lang.L("Set the number of votes (a group's stickers)")},
		{"?", lang.L("Capture a question, idea or action about the card")},
		{lang.L("Ctrl+Z in the presentation"), lang.L("Undo a vote or question")},
		{lang.L("Presenting: M, minutes, Enter"), lang.L("Start a timer (5 minutes without a number)")},
		{lang.L("Presenting: K / A / X"), lang.L("Pause or resume / add a minute / stop the timer")},
		{lang.L("Presenting: Esc"), lang.L("Stop a ringing timer")},
		{lang.L("Presenting: P"), lang.L("Open or close the presenter view")},
	}
}

// showAbout shows the version and what servicebp is.
func (e *Editor) showAbout() {
	text := widget.NewLabel(fmt.Sprintf("servicebp %s\n%s\n%s",
		cli.Version,
		lang.L("A desktop editor for service blueprints."),
		lang.L("File format version {{.Version}}", map[string]any{"Version": blueprint.FormatVersion})))
	dialog.ShowCustom(lang.L("About servicebp"), lang.L("Close"), text, e.win)
}
