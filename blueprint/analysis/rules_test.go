package analysis

import (
	"slices"
	"strings"
	"testing"

	"servicebp/blueprint"
)

// key names what a finding is about, for comparing in tests.
func key(f Finding) string {
	switch {
	case f.Step != "":
		return f.Step
	case f.Flow != nil:
		return "flow:" + f.Flow.From + ">" + f.Flow.To
	case f.Lane != "":
		return "lane:" + f.Lane
	case f.Column != "":
		return "column:" + f.Column
	}
	return "doc"
}

// served is a customer step with its evidence, frontstage step and backstage
// support, all connected: no rule but the one under test should fire on it.
func served() []blueprint.Step {
	return []blueprint.Step{
		st("sign", "evidence", "c1", "Menu board"),
		st("order", "customer", "c1", "Order a flat white"),
		st("take", "frontstage", "c1", "Barista takes the order"),
		st("brew", "backstage", "c1", "Brew the coffee"),
		st("pos", "support", "c1", "Point of sale system"),
	}
}

func servedFlows() []blueprint.Flow {
	return []blueprint.Flow{fl("order", "take"), fl("take", "brew"), fl("brew", "pos")}
}

// renamed is the served blueprint with renamed, re-ordered lane ids: the
// rules must follow lane kinds and lines, not fixed ids.
func renamed() *blueprint.Document {
	d := &blueprint.Document{
		Version: 1,
		Lanes: []blueprint.Lane{
			{ID: "guest", Kind: blueprint.LaneCustomer},
			{ID: "seen", Kind: blueprint.LaneEvidence},
			{ID: "staff", Kind: blueprint.LaneFrontstage},
			{ID: "office", Kind: blueprint.LaneBackstage},
			{ID: "it", Kind: blueprint.LaneSupport},
		},
		Lines: []blueprint.Line{
			{ID: "loi", Kind: blueprint.LineInteraction, Below: "seen"},
			{ID: "lov", Kind: blueprint.LineVisibility, Below: "staff"},
			{ID: "lii", Kind: blueprint.LineInternal, Below: "office"},
		},
		Columns: []blueprint.Column{{ID: "c1"}},
		Steps: []blueprint.Step{
			st("order", "guest", "c1", "Order"),
			st("take", "staff", "c1", "Take order"),
			st("brew", "office", "c1", "Brew"),
			st("pos", "it", "c1", "Till"),
		},
		Flows: []blueprint.Flow{fl("order", "take"), fl("take", "brew"), fl("brew", "pos")},
	}
	return d
}

func TestRules(t *testing.T) {
	tests := []struct {
		name string
		rule string
		doc  *blueprint.Document
		opt  Options
		want []string
	}{
		// touchpoint-without-evidence
		{"encounter without evidence", RuleTouchpointWithoutEvidence,
			mk(served()[1:], servedFlows()...), Options{}, []string{"order"}},
		{"encounter with evidence", RuleTouchpointWithoutEvidence,
			mk(served(), servedFlows()...), Options{}, nil},
		{"customer step without encounter", RuleTouchpointWithoutEvidence,
			mk(served()[1:], servedFlows()[1:]...), Options{}, nil},
		{"no line of interaction", RuleTouchpointWithoutEvidence,
			with(mk(served()[1:], servedFlows()...), noLine(blueprint.LineInteraction)), Options{}, nil},
		{"no evidence lane", RuleTouchpointWithoutEvidence,
			with(mk(served()[1:], servedFlows()...), dropLane("evidence")), Options{}, nil},
		{"renamed lanes without evidence", RuleTouchpointWithoutEvidence, renamed(), Options{}, []string{"order"}},

		// frontstage-unsupported
		{"frontstage without support", RuleFrontstageUnsupported,
			mk(served(), fl("order", "take")), Options{}, []string{"take"}},
		{"frontstage with backstage flow", RuleFrontstageUnsupported,
			mk(served(), servedFlows()...), Options{}, nil},
		{"frontstage with flow from support", RuleFrontstageUnsupported,
			mk(served(), fl("pos", "take")), Options{}, nil},
		{"frontstage supported by custom lane below visibility", RuleFrontstageUnsupported,
			with(mk(append(served(), st("partner", "partners", "c1", "Partner")), fl("take", "partner")),
				addLane(blueprint.Lane{ID: "partners", Kind: blueprint.LaneCustom}, "backstage")), Options{}, nil},
		{"line of visibility moved below backstage", RuleFrontstageUnsupported,
			with(mk(served(), servedFlows()...), moveLine(blueprint.LineVisibility, "backstage")), Options{}, []string{"take"}},
		{"no line of visibility", RuleFrontstageUnsupported,
			with(mk(served(), fl("order", "take")), noLine(blueprint.LineVisibility)), Options{}, nil},
		{"renamed lanes supported", RuleFrontstageUnsupported, renamed(), Options{}, nil},

		// customer-step-alone
		{"customer step alone", RuleCustomerStepAlone,
			mk([]blueprint.Step{st("browse", "customer", "c1", "Browse the menu")}), Options{}, []string{"browse"}},
		{"customer step served", RuleCustomerStepAlone, mk(served(), servedFlows()...), Options{}, nil},
		{"customer step self-service", RuleCustomerStepAlone,
			with(mk([]blueprint.Step{st("browse", "customer", "c1", "Browse the menu")}),
				setStep("browse", func(s *blueprint.Step) { s.Tags = []string{"quick", "Self-Service"} })), Options{}, nil},
		{"no frontstage lane", RuleCustomerStepAlone,
			with(mk([]blueprint.Step{st("browse", "customer", "c1", "Browse")}), dropLane("frontstage")), Options{}, nil},
		{"frontstage step in another column", RuleCustomerStepAlone,
			mk([]blueprint.Step{st("browse", "customer", "c1", "Browse"), st("greet", "frontstage", "c2", "Greet")}), Options{}, []string{"browse"}},

		// fail-point-without-owner and fail-point-without-recovery
		{"fail point without owner", RuleFailPointWithoutOwner,
			with(mk(served()), setStep("brew", func(s *blueprint.Step) { s.Fail = "Milk runs out"; s.Recovery = "Offer oat milk" })),
			Options{}, []string{"brew"}},
		{"fail point with owner", RuleFailPointWithoutOwner,
			with(mk(served()), setStep("brew", func(s *blueprint.Step) { s.Fail = "Milk runs out"; s.Owner = "Barista" })),
			Options{}, nil},
		{"owner without fail point", RuleFailPointWithoutOwner,
			with(mk(served()), setStep("brew", func(s *blueprint.Step) { s.Fail = "  " })), Options{}, nil},
		{"fail point without recovery", RuleFailPointWithoutRecovery,
			with(mk(served()), setStep("brew", func(s *blueprint.Step) { s.Fail = "Milk runs out"; s.Owner = "Barista" })),
			Options{}, []string{"brew"}},
		{"fail point with recovery", RuleFailPointWithoutRecovery,
			with(mk(served()), setStep("brew", func(s *blueprint.Step) { s.Fail = "Milk runs out"; s.Recovery = "Offer oat milk" })),
			Options{}, nil},

		// long-wait
		{"wait above default", RuleLongWait,
			with(mk(served()), setStep("order", func(s *blueprint.Step) { s.Wait = 15 * blueprint.Minute })), Options{}, []string{"order"}},
		{"wait at default", RuleLongWait,
			with(mk(served()), setStep("order", func(s *blueprint.Step) { s.Wait = 10 * blueprint.Minute })), Options{}, nil},
		{"file threshold", RuleLongWait,
			with(mk(served()), setStep("order", func(s *blueprint.Step) { s.Wait = 15 * blueprint.Minute }),
				func(d *blueprint.Document) { d.Lint.LongWait = 20 * blueprint.Minute }), Options{}, nil},
		{"run threshold beats file", RuleLongWait,
			with(mk(served()), setStep("order", func(s *blueprint.Step) { s.Wait = 8 * blueprint.Minute }),
				func(d *blueprint.Document) { d.Lint.LongWait = 20 * blueprint.Minute }),
			Options{LongWait: 5 * blueprint.Minute}, []string{"order"}},

		// visibility-leak
		{"backstage straight to customer", RuleVisibilityLeak,
			mk(served(), fl("brew", "order")), Options{}, []string{"order"}},
		{"two-way customer and support", RuleVisibilityLeak,
			mk(served(), blueprint.Flow{From: "order", To: "pos", TwoWay: true}), Options{}, []string{"order"}},
		{"customer to backstage one way", RuleVisibilityLeak,
			mk(served(), fl("order", "brew")), Options{}, nil},
		{"through the frontstage", RuleVisibilityLeak, mk(served(), servedFlows()...), Options{}, nil},
		{"custom lane below visibility to customer", RuleVisibilityLeak,
			with(mk(append(served(), st("partner", "partners", "c1", "Partner")), fl("partner", "order")),
				addLane(blueprint.Lane{ID: "partners", Kind: blueprint.LaneCustom}, "backstage")), Options{}, []string{"order"}},
		{"no line of visibility", RuleVisibilityLeak,
			with(mk(served(), fl("brew", "order")), noLine(blueprint.LineVisibility)), Options{}, nil},

		// dangling-flow
		{"flow to a missing step", RuleDanglingFlow,
			mk(served(), fl("order", "ghost"), fl("take", "brew")), Options{}, []string{"flow:order>ghost"}},
		{"flows between steps", RuleDanglingFlow, mk(served(), servedFlows()...), Options{}, nil},

		// empty-lane and empty-column
		{"empty lane", RuleEmptyLane, mk(served()[1:]), Options{}, []string{"lane:evidence"}},
		{"no empty lane", RuleEmptyLane, mk(served()), Options{}, nil},
		{"empty column", RuleEmptyColumn,
			with(mk(served()), func(d *blueprint.Document) { d.Columns = append(d.Columns, blueprint.Column{ID: "later"}) }),
			Options{}, []string{"column:later"}},
		{"no empty column", RuleEmptyColumn, mk(served()), Options{}, nil},

		// orphan-step
		{"step without flows", RuleOrphanStep, mk(served(), servedFlows()[:2]...), Options{}, []string{"pos"}},
		{"every step connected, evidence exempt", RuleOrphanStep, mk(served(), servedFlows()...), Options{}, nil},

		// text-too-long-for-projection
		{"text too wide", RuleTextTooLong,
			with(mk(served()), setStep("order", func(s *blueprint.Step) { s.Text = strings.Repeat("x", MaxProjectionWidth+1) })),
			Options{}, []string{"order"}},
		{"text too many lines", RuleTextTooLong,
			with(mk(served()), setStep("order", func(s *blueprint.Step) { s.Text = "a\nb\nc\nd\ne" })), Options{}, []string{"order"}},
		{"CJK text too wide", RuleTextTooLong,
			with(mk(served()), setStep("order", func(s *blueprint.Step) { s.Text = strings.Repeat("点", MaxProjectionWidth/2+1) })),
			Options{}, []string{"order"}},
		{"text at the limits", RuleTextTooLong,
			with(mk(served()),
				setStep("order", func(s *blueprint.Step) { s.Text = strings.Repeat("x", MaxProjectionWidth) }),
				setStep("take", func(s *blueprint.Step) { s.Text = strings.Repeat("点", MaxProjectionWidth/2) }),
				setStep("brew", func(s *blueprint.Step) { s.Text = "a\nb\nc\nd" })),
			Options{}, nil},

		// unknown-rule
		{"unknown rule in file", RuleUnknownRule,
			with(mk(served()), func(d *blueprint.Document) { d.Lint.Disable = []string{"orphan-stp", "empty-lane"} }),
			Options{}, []string{"doc"}},
		{"known rules in file", RuleUnknownRule,
			with(mk(served()), func(d *blueprint.Document) { d.Lint.Disable = []string{"empty-lane"} }), Options{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			if !IsRule(tc.rule) {
				t.Fatalf("unknown rule %q", tc.rule)
			}
			var got []string
			for _, f := range Lint(tc.doc, tc.opt) {
				if f.Rule != tc.rule {
					continue
				}
				got = append(got, key(f))
				if f.Message == "" {
					t.Errorf("finding %s has no message", key(f))
				}
				if f.Step != "" && !strings.Contains(f.Message, f.Step) {
					t.Errorf("message %q does not name step %s", f.Message, f.Step)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("findings = %v, want %v", got, tc.want)
			}
		})
	}
}
