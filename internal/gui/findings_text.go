package gui

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
)

// findingText is the message of f in the UI language. The analysis writes
// its messages in English; in Chinese the message is told again from the
// finding's steps, lane or column as they are in d. A finding whose steps
// are gone, or a rule with no Chinese message, keeps the English one.
func findingText(d *blueprint.Document, f *analysis.Finding) string {
	if !uiChinese() || d == nil {
		return f.Message
	}
	if t, ok := chineseFinding(d, f); ok {
		return t
	}
	return f.Message
}

// stepLabel names the step with id as the analysis does: its id and the
// first line of its text, shortened.
func stepLabel(d *blueprint.Document, id string) (string, bool) {
	s := d.Step(id)
	if s == nil {
		return "", false
	}
	t := strings.TrimSpace(s.Text)
	if i := strings.IndexByte(t, '\n'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	if utf8.RuneCountInString(t) > 40 {
		t = string([]rune(t)[:39]) + "…"
	}
	if t == "" {
		return id, true
	}
	return id + " “" + t + "”", true
}

// columnLabel names the column with id: its id and its name, if any.
func columnLabel(d *blueprint.Document, id string) string {
	if i := d.ColumnIndex(id); i >= 0 && d.Columns[i].Name != "" {
		return id + "（" + d.Columns[i].Name + "）"
	}
	return id
}

func chineseFinding(d *blueprint.Document, f *analysis.Finding) (string, bool) {
	args := map[string]any{}
	if f.Step != "" {
		name, ok := stepLabel(d, f.Step)
		if !ok {
			return "", false
		}
		args["Step"] = name
	}
	if f.Column != "" {
		args["Column"] = columnLabel(d, f.Column)
	}
	if f.Flow != nil {
		args["From"], args["To"] = f.Flow.From, f.Flow.To
		if n, ok := stepLabel(d, f.Flow.From); ok {
			args["From"] = n
		}
		if n, ok := stepLabel(d, f.Flow.To); ok {
			args["To"] = n
		}
	}
	s := d.Step(f.Step)
	switch f.Rule {
	case analysis.RuleTouchpointWithoutEvidence:
		var others []string
		for _, id := range f.Related {
			if n, ok := stepLabel(d, id); ok {
				others = append(others, n)
			}
		}
		args["Others"] = strings.Join(others, "、")
		return lang.L("Customer step {{.Step}} meets {{.Others}} across the line of interaction, but column {{.Column}} has no physical evidence: add what the customer sees or touches there", args), true
	case analysis.RuleFrontstageUnsupported:
		return lang.L("Frontstage step {{.Step}} has no flow to or from a step below the line of visibility: show the backstage or support work behind it", args), true
	case analysis.RuleCustomerStepAlone:
		return lang.L("Customer step {{.Step}} has no frontstage step in column {{.Column}}: add who or what serves the customer, or tag the step self-service", args), true
	case analysis.RuleFailPointWithoutOwner, analysis.RuleFailPointWithoutRecovery:
		if s == nil {
			return "", false
		}
		args["Fail"] = strings.TrimSpace(s.Fail)
		if f.Rule == analysis.RuleFailPointWithoutOwner {
			return lang.L("Fail point {{.Step}} ({{.Fail}}) has no owner: name who is responsible for it", args), true
		}
		return lang.L("Fail point {{.Step}} ({{.Fail}}) has no recovery: say how the service recovers when it happens", args), true
	case analysis.RuleLongWait:
		if s == nil {
			return "", false
		}
		args["Wait"] = s.Wait.String()
		args["Limit"] = analysis.LongWaitThreshold(d, analysis.Options{}).String()
		return lang.L("Wait of {{.Wait}} at {{.Step}} is longer than {{.Limit}}: tell the customer why they wait and how long it will take; unexplained waits of unknown length feel longer", args), true
	case analysis.RuleVisibilityLeak:
		if f.Flow == nil {
			return "", false
		}
		return lang.L("Flow from {{.From}} to {{.To}} goes from below the line of visibility straight to the customer, skipping the frontstage: route it through a frontstage step", args), true
	case analysis.RuleDanglingFlow:
		if f.Flow == nil {
			return "", false
		}
		return lang.L("Flow from {{.From}} to {{.To}} refers to a step that does not exist", args), true
	case analysis.RuleEmptyLane:
		i := d.LaneIndex(f.Lane)
		if i < 0 {
			return "", false
		}
		args["Lane"] = f.Lane
		if n := d.Lanes[i].Name; n != "" {
			args["Lane"] = f.Lane + "（" + n + "）"
		}
		return lang.L("Lane {{.Lane}} has no steps", args), true
	case analysis.RuleEmptyColumn:
		return lang.L("Column {{.Column}} has no steps", args), true
	case analysis.RuleOrphanStep:
		return lang.L("Step {{.Step}} has no flows: connect it to the steps it serves or depends on", args), true
	case analysis.RuleTextTooLong:
		return lang.L("The text of {{.Step}} is too long for projection: shorten it for the board and move detail to the notes", args), true
	}
	return chineseTimeFinding(d, f, args)
}
