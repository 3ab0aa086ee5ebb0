package gui

import (
	"strings"
	"testing"

	"servicebp/assets"
	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
)

// TestChineseTimeFindings checks that the findings about queues, waits and
// flow cycles are told in Chinese, from the shipped bank template.
func TestChineseTimeFindings(t *testing.T) {
	useLanguage(t, "zh_CN.UTF-8")
	data, err := assets.Template("bank")
	if err != nil {
		t.Fatal(err)
	}
	d, err := blueprint.Parse("bank.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	// A cycle and a visible back-office step, so every rule fires.
	d.Flows = append(d.Flows, blueprint.Flow{From: "go-counter", To: "teller-greet"})
	d.Step("open-counter").Tags = []string{analysis.VisibleTag}
	want := map[string][]string{
		analysis.RuleQueueOverloaded:   {"的队列超负荷", "27/h", "112%", "至少需要开 3 个窗口"},
		analysis.RuleWaitingPrinciples: {"等待心理原则", "首先：没有解释的等待比有解释的等待感觉更长", "（explained）", "其次："},
		analysis.RuleStaffInSight:      {"open-counter", "可视分界线以下", "wait-turn"},
		analysis.RuleFlowCycle:         {"流程线构成环路", "teller-greet → go-counter → teller-greet"},
	}
	seen := map[string]bool{}
	for _, f := range analysis.Lint(d, analysis.Options{}) {
		subs, ok := want[f.Rule]
		if !ok || seen[f.Rule] {
			continue
		}
		seen[f.Rule] = true
		got := findingText(&f)
		for _, s := range subs {
			if !strings.Contains(got, s) {
				t.Errorf("%s: %q lacks %q", f.Rule, got, s)
			}
		}
	}
	for rule := range want {
		if !seen[rule] {
			t.Errorf("no %s finding", rule)
		}
	}
	// A stated wait far from the model.
	s := d.Step("wait-turn")
	s.Queue.Servers = 4
	for _, f := range analysis.Lint(d, analysis.Options{}) {
		if f.Rule == analysis.RuleWaitOffEstimate {
			if got := findingText(&f); !strings.Contains(got, "15m") || !strings.Contains(got, "41s") || !strings.Contains(got, "排队模型") {
				t.Errorf("wait-off-estimate: %q", got)
			}
			return
		}
	}
	t.Error("no wait-off-estimate finding")
}

// TestTraditionalFindings checks that under a Taiwan locale the findings
// panel tells the findings in Traditional Chinese, from the same catalogue
// as the command line.
func TestTraditionalFindings(t *testing.T) {
	useLanguage(t, "zh_TW.UTF-8")
	data, err := assets.Template("bank")
	if err != nil {
		t.Fatal(err)
	}
	d, err := blueprint.Parse("bank.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		analysis.RuleQueueOverloaded:   "的排隊超負荷",
		analysis.RuleWaitingPrinciples: "首先：沒有解釋的等待比有解釋的等待感覺更長：告訴顧客為什麼要等（explained）",
	}
	seen := map[string]bool{}
	for _, f := range analysis.Lint(d, analysis.Options{}) {
		if sub, ok := want[f.Rule]; ok && !seen[f.Rule] {
			seen[f.Rule] = true
			if got := findingText(&f); !strings.Contains(got, sub) {
				t.Errorf("%s: %q lacks %q", f.Rule, got, sub)
			}
		}
	}
	for rule := range want {
		if !seen[rule] {
			t.Errorf("no %s finding", rule)
		}
	}
}

// TestChineseConflictFinding tells an unresolved merge conflict in
// Chinese, with its element, field and the three values.
func TestChineseConflictFinding(t *testing.T) {
	useLanguage(t, "zh_CN.UTF-8")
	d, err := blueprint.Load("testdata/conflicted.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for _, f := range analysis.Lint(d, analysis.Options{}) {
		if f.Rule != analysis.RuleUnresolvedConflict {
			continue
		}
		n++
		if f.Step == "order" {
			if got := findingText(&f); !strings.Contains(got, "未解决的合并冲突") || !strings.Contains(got, "step「order」 · wait") || !strings.Contains(got, "对方 25m") || !strings.Contains(got, "原版 5m") {
				t.Errorf("conflict finding: %q", got)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d conflict findings, want 2", n)
	}
}

// TestEveryRuleHasATitle: the findings panel names every lint rule in
// words, in each language, rather than showing its id.
func TestEveryRuleHasATitle(t *testing.T) {
	for _, loc := range []string{"en_US.UTF-8", "zh_CN.UTF-8", "zh_TW.UTF-8"} {
		useLanguage(t, loc)
		for _, id := range analysis.RuleIDs() {
			if got := ruleTitle(id); got == id || got == "" {
				t.Errorf("%s: rule %s has no title (%q)", loc, id, got)
			}
		}
	}
}
