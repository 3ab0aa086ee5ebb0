package gui

import (
	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
)

// chineseConflictFinding tells an unresolved-conflict finding in the UI
// language, from its entry of d's conflicts section (found by position and
// message); ok is false for other rules or when the entry is gone.
func chineseConflictFinding(d *blueprint.Document, f *analysis.Finding, args map[string]any) (string, bool) {
	if f.Rule != analysis.RuleUnresolvedConflict {
		return "", false
	}
	for _, c := range d.Conflicts {
		if c.Message() != f.Message {
			continue
		}
		what := c.Element
		if c.ID != "" {
			what += " " + c.ID
		}
		if c.Field != "" {
			what += " · " + c.Field
		}
		value := func(v string) string {
			if v == "" {
				return lang.L("(none)")
			}
			return v
		}
		args["What"], args["Ours"], args["Theirs"], args["Base"] = what, value(c.Ours), value(c.Theirs), value(c.Base)
		return lang.L("Unresolved merge conflict in {{.What}}: ours {{.Ours}}, theirs {{.Theirs}} (base {{.Base}}): choose one in the Conflicts panel", args), true
	}
	return "", false
}
