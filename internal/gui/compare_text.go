package gui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint/diff"
)

// cutFlowID splits a flow change's id "from->to".
func cutFlowID(id string) (from, to string, ok bool) { return strings.Cut(id, "->") }

// elementName is a change's element in the UI language.
func elementName(e diff.Element) string {
	switch e {
	case diff.Step:
		return lang.L("step")
	case diff.Flow:
		return lang.L("flow")
	case diff.Lane:
		return lang.L("lane")
	case diff.Line:
		return lang.L("line")
	case diff.Column:
		return lang.L("column")
	case diff.Phase:
		return lang.L("phase")
	}
	return lang.L("blueprint")
}

// changeText is one change for the compare list, in the UI language: the
// element, then what happened to it.
func changeText(c diff.Change) string {
	what := elementName(c.Element)
	if c.Element != diff.Document {
		what += " " + c.ID
	}
	if c.Label != "" && c.Label != c.ID {
		what += " “" + clippedLine(c.Label) + "”"
	}
	args := map[string]any{"What": what, "Field": c.Field, "Old": quoted(c.Old), "New": quoted(c.New), "OldCell": c.OldCell, "NewCell": c.NewCell}
	switch c.Kind {
	case diff.Added:
		if c.Element == diff.Step {
			return "+ " + lang.L("{{.What}} added in {{.NewCell}}", args)
		}
		return "+ " + lang.L("{{.What}} added", args)
	case diff.Removed:
		if c.Element == diff.Step {
			return "− " + lang.L("{{.What}} removed from {{.OldCell}}", args)
		}
		return "− " + lang.L("{{.What}} removed", args)
	case diff.Moved:
		return "~ " + lang.L("{{.What}} moved: {{.OldCell}} → {{.NewCell}}", args)
	case diff.Renamed:
		return "~ " + lang.L("{{.What}} renamed: {{.Old}} → {{.New}}", args)
	case diff.Reordered:
		return "~ " + lang.L("{{.What}} reordered", args)
	}
	return "~ " + lang.L("{{.What}}: {{.Field}} {{.Old}} → {{.New}}", args)
}

// quoted is a changed value for the list: on one line, "(none)" when empty.
func quoted(v string) string {
	if v == "" {
		return lang.L("(none)")
	}
	return "“" + clippedLine(v) + "”"
}

// clippedLine is the first line of s, cut to 60 characters.
func clippedLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + "…"
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}
