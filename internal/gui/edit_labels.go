package gui

import (
	"regexp"
	"strconv"

	"fyne.io/fyne/v2/lang"
)

// undoText is the Undo menu item for the edit labelled label: "Undo Move
// step", or "Undo" when there is nothing to undo.
func undoText(label string) string {
	if label == "" {
		return lang.L("Undo")
	}
	return lang.L("Undo {{.Edit}}", map[string]any{"Edit": editLabel(label)})
}

// redoText is undoText's counterpart for Redo.
func redoText(label string) string {
	if label == "" {
		return lang.L("Redo")
	}
	return lang.L("Redo {{.Edit}}", map[string]any{"Edit": editLabel(label)})
}

// countedEdit matches the label of an edit of several steps.
var countedEdit = regexp.MustCompile(`^Delete (\d+) steps$`)

// editLabel translates the label of an edit (a blueprint command's Label,
// "Move step") into the UI language.
func editLabel(label string) string {
	if m := countedEdit.FindStringSubmatch(label); m != nil {
		n, _ := strconv.Atoi(m[1])
		return lang.L("Delete {{.Count}} steps", map[string]any{"Count": n})
	}
	return lang.L(label)
}
