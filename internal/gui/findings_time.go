package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
)

// chineseTimeFinding tells again, in the UI language, the findings of the
// rules about queues, waits and the flows' time: args already holds the
// finding's Step, Column, From and To.
func chineseTimeFinding(d *blueprint.Document, f *analysis.Finding, args map[string]any) (string, bool) {
	s := d.Step(f.Step)
	switch f.Rule {
	case analysis.RuleQueueOverloaded:
		if s == nil || s.Queue.IsZero() {
			return "", false
		}
		q := analysis.QueueFigures(s.Queue)
		args["Arrivals"], args["Servers"], args["Service"] = s.Queue.Arrivals.String(), s.Queue.Servers, s.Queue.Service.String()
		args["Load"], args["Needed"] = fmt.Sprintf("%.0f%%", q.Utilisation*100), q.ServersNeeded
		return lang.L("Queue at {{.Step}} is overloaded: {{.Arrivals}} arrivals with {{.Servers}} servers taking {{.Service}} each is a utilisation of {{.Load}}, so the line grows without end; open at least {{.Needed}} servers", args), true
	case analysis.RuleWaitOffEstimate:
		if s == nil || s.Queue.IsZero() {
			return "", false
		}
		args["Wait"] = s.Wait.String()
		args["Model"] = analysis.RoundDuration(analysis.QueueFigures(s.Queue).MeanWait).String()
		return lang.L("Stated wait of {{.Wait}} at {{.Step}} is far from the queue model's mean wait of {{.Model}}: check the wait, the arrivals, the servers or the service time", args), true
	case analysis.RuleWaitingPrinciples:
		if s == nil {
			return "", false
		}
		missing := analysis.Unaddressed(s)
		if len(missing) == 0 {
			return "", false
		}
		first, rest := missing[:min(3, len(missing))], missing[min(3, len(missing)):]
		var cited []string
		for _, p := range first {
			cited = append(cited, lang.L("{{.Principle}} ({{.Name}})", map[string]any{"Principle": principleText(p.Name), "Name": p.Name}))
		}
		args["Count"] = len(missing)
		args["First"] = strings.Join(cited, lang.L("; "))
		if len(rest) == 0 {
			return lang.L("Wait at {{.Step}} leaves {{.Count}} of the 10 waiting principles unaddressed; first: {{.First}}", args), true
		}
		var names []string
		for _, p := range rest {
			names = append(names, p.Name)
		}
		args["Rest"] = strings.Join(names, lang.L(", "))
		return lang.L("Wait at {{.Step}} leaves {{.Count}} of the 10 waiting principles unaddressed; first: {{.First}}; then {{.Rest}}", args), true
	case analysis.RuleStaffInSight:
		var waits []string
		for _, id := range f.Related {
			if n, ok := stepLabel(d, id); ok {
				waits = append(waits, n)
			}
		}
		args["Waits"] = strings.Join(waits, "、")
		return lang.L("{{.Step}} is below the line of visibility but tagged visible, in column {{.Column}} where customers wait at {{.Waits}}: keep staff and resources not serving customers out of their sight", args), true
	case analysis.RuleFlowCycle:
		if f.Flow == nil {
			return "", false
		}
		if len(f.Related) == 0 {
			return lang.L("Flow from {{.From}} to itself forms a cycle: the critical path leaves it out", args), true
		}
		args["Loop"] = strings.Join(append(append([]string{f.Step}, f.Related...), f.Step), " → ")
		return lang.L("Flows form a cycle {{.Loop}}: the critical path leaves out the flow from {{.From}} to {{.To}}", args), true
	}
	return chineseConflictFinding(d, f, args)
}

// principleText states the waiting principle named name and what meeting
// it looks like, in the UI language.
func principleText(name string) string {
	switch name {
	case "explained":
		return lang.L("unexplained waits feel longer than explained ones: tell customers why they wait")
	case "known-length":
		return lang.L("uncertain waits feel longer than known, finite ones: show how long the wait will be")
	case "occupied":
		return lang.L("idle waits feel longer than occupied ones: give customers something to do or read")
	case "reassured":
		return lang.L("anxiety makes waits feel longer: reassure customers that they are in the right place and will be served")
	case "in-process":
		return lang.L("pre- and post-process waits feel longer than in-process ones: start the service while they wait, for example take details or hand out forms")
	case "fair":
		return lang.L("unfair waits feel longer than equitable ones: serve in a visible, fair order such as a ticket or snake line")
	case "comfortable":
		return lang.L("uncomfortable waits feel longer than comfortable ones: offer seats, shade, warmth and quiet")
	case "group":
		return lang.L("solo waits feel longer than group waits: let people wait together")
	case "familiar":
		return lang.L("unfamiliar waits feel longer than familiar ones: explain the process to first-time customers")
	case "valued":
		return lang.L("the more valuable the service, the longer people will wait: make the value of what they wait for clear")
	}
	return name
}
