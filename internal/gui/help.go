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
	rows = append(rows, gestureRows()...)
	rows = append(rows, captureRows()...)
	return append(rows, workshopRows()...)
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
		{lang.L("Drag a scrollbar, click beside its thumb"), lang.L("Pan; page by one view")},
		{lang.L("Click or drag in the minimap"), lang.L("Move the view there")},
		{"Enter", lang.L("Commit a field in the inspector")},
		{"Shift+Enter", lang.L("New line in a multi-line field")},
		{"Esc", lang.L("Revert a field in the inspector")},
	}
}

// captureRows are the rows of the shortcuts dialog for quick capture:
// typing into a selected cell starts a card, and these keys end it.
func captureRows() [][2]string {
	return [][2]string{
		{lang.L("Type in a selected cell"), lang.L("Start a card there")},
		{"Enter", lang.L("Add it; next card in the next column")},
		{"Tab", lang.L("Add it; next card in the lane below")},
		{"Shift+Tab", lang.L("Add it; next card in the lane above")},
		{"Esc", lang.L("Drop it, and a column it opened")},
	}
}

// workshopRows are the rows of the shortcuts dialog for comparing and for
// running a workshop: the keys of compare mode, the vote and question
// keys, and the presentation's own keys.
// presentationRows are the keys of the presentation (F5).
func presentationRows() [][2]string {
	return [][2]string{
		{"→ / ←", lang.L("Reveal the next column / hide the last")},
		{"Shift+→ / Shift+←", lang.L("Next / previous phase")},
		{"Home / End", lang.L("Back to the start / the overview at the end")},
		{"↓ / ↑", lang.L("Spotlight the next / previous card")},
		{"N / T / P", lang.L("Annotations / theme / presenter view")},
		{"Esc", lang.L("Leave the spotlight, then the presentation")},
	}
}

func workshopRows() [][2]string {
	return [][2]string{
		{"F8 / Shift+F8, F7", lang.L("Next / previous change (compare mode)")},
		{"Esc", lang.L("Leave compare mode")},
		{"+ / -", lang.L("Add or remove a dot vote")},
		{lang.L("v, digits, Enter"), lang.L("Set the votes (a group's stickers)")},
		{"?", lang.L("Park a question, idea or action")},
		{lang.L("Ctrl+Z in the presentation"), lang.L("Undo a vote or question")},
		{lang.L("Presenting: M, minutes, Enter"), lang.L("Start a timer (default 5 minutes)")},
		{lang.L("Presenting: K / A / X"), lang.L("Pause / add a minute / stop the timer")},
		{lang.L("Presenting: Esc"), lang.L("Stop a ringing timer")},
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
