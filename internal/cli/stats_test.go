package cli

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestStatsGolden(t *testing.T) {
	type tc struct{ name, stdin, format, file, golden string }
	var tests []tc
	for _, name := range lintTemplates {
		tests = append(tests,
			tc{name + " json", "", "json", lintTemplatePath(name), "stats/" + name + ".json.golden"},
			tc{name + " text", "", "text", lintTemplatePath(name), "stats/" + name + ".txt.golden"})
	}
	tests = append(tests, tc{"no lines json", "servicebp: 1\nlines: []\nsteps:\n  - {id: a, lane: customer, column: c}\n  - {id: b, lane: support, column: c}\nflows:\n  - {from: a, to: b}\n", "json", "-", "stats/no-lines.json.golden"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lintGolden(t, tt.golden, runCLIOK(t, tt.stdin, "stats", "--format", tt.format, tt.file))
		})
	}
}

// templateStats are the figures of the shipped templates, counted by hand
// from the YAML. When a template changes, recount and update them.
var templateStats = map[string]statsOutput{
	"bank": {
		Steps: 39, Lanes: map[string]int{"evidence": 9, "customer": 9, "frontstage": 9, "backstage": 5, "support": 7},
		AboveVisibility: 27, BelowVisibility: 12, AboveVisibilityPct: 69.2, BelowVisibilityPct: 30.8,
		Encounters: 10, InternalEncounters: 10, FailPoints: 4, WaitPoints: 3, MomentsOfTruth: 5, UnexplainedWaits: 2, UnknownLengthWaits: 3,
		Phases: []statsPhase{
			{Name: "Arrival", Steps: 8, DurationSumSeconds: 120, WaitSumSeconds: 120},
			{Name: "Queue", Steps: 4, DurationSumSeconds: 120, WaitSumSeconds: 900},
			{Name: "At the counter", Steps: 17, DurationSumSeconds: 1380, WaitSumSeconds: 600},
			{Name: "Departure", Steps: 10, DurationSumSeconds: 120, WaitSumSeconds: 0},
		},
	},
	"hotel": {
		Steps: 42, Lanes: map[string]int{"evidence": 10, "customer": 10, "frontstage": 8, "backstage": 7, "support": 7},
		AboveVisibility: 28, BelowVisibility: 14, AboveVisibilityPct: 66.7, BelowVisibilityPct: 33.3,
		Encounters: 11, InternalEncounters: 9, FailPoints: 6, WaitPoints: 4, MomentsOfTruth: 6, UnexplainedWaits: 4, UnknownLengthWaits: 4,
		Phases: []statsPhase{
			{Name: "Arrival", Steps: 15, DurationSumSeconds: 2280, WaitSumSeconds: 600},
			{Name: "Stay", Steps: 18, DurationSumSeconds: 9300, WaitSumSeconds: 2700},
			{Name: "Departure", Steps: 9, DurationSumSeconds: 300, WaitSumSeconds: 300},
		},
	},
	"repair": {
		Steps: 38, Lanes: map[string]int{"evidence": 9, "customer": 9, "frontstage": 7, "backstage": 6, "support": 7},
		AboveVisibility: 25, BelowVisibility: 13, AboveVisibilityPct: 65.8, BelowVisibilityPct: 34.2,
		Encounters: 8, InternalEncounters: 9, FailPoints: 6, WaitPoints: 2, MomentsOfTruth: 7, UnexplainedWaits: 2, UnknownLengthWaits: 2,
		Phases: []statsPhase{
			{Name: "Report", Steps: 6, DurationSumSeconds: 900, WaitSumSeconds: 14400},
			{Name: "Diagnose", Steps: 10, DurationSumSeconds: 178800, WaitSumSeconds: 0},
			{Name: "Repair", Steps: 5, DurationSumSeconds: 7200, WaitSumSeconds: 432000},
			{Name: "Return", Steps: 7, DurationSumSeconds: 174600, WaitSumSeconds: 0},
			{Name: "Complaint", Steps: 10, DurationSumSeconds: 4800, WaitSumSeconds: 0},
		},
	},
	"shop": {
		Steps: 43, Lanes: map[string]int{"evidence": 10, "customer": 10, "frontstage": 7, "backstage": 7, "support": 9},
		AboveVisibility: 27, BelowVisibility: 16, AboveVisibilityPct: 62.8, BelowVisibilityPct: 37.2,
		Encounters: 8, InternalEncounters: 11, FailPoints: 5, WaitPoints: 4, MomentsOfTruth: 5, UnexplainedWaits: 1, UnknownLengthWaits: 1,
		Phases: []statsPhase{
			{Name: "售前", Steps: 8, DurationSumSeconds: 1200, WaitSumSeconds: 120},
			{Name: "售中", Steps: 16, DurationSumSeconds: 189180, WaitSumSeconds: 172800},
			{Name: "售后", Steps: 19, DurationSumSeconds: 261300, WaitSumSeconds: 100800},
		},
	},
}

func TestStatsTemplates(t *testing.T) {
	for _, name := range lintTemplates {
		t.Run(name, func(t *testing.T) {
			out := runCLIOK(t, "", "stats", "--format", "json", lintTemplatePath(name))
			var got statsOutput
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			want := templateStats[name]
			// Compare only the counted figures; names, titles and the
			// duration spellings are covered by the golden files.
			got.File, got.Title, got.LaneOrder = "", "", nil
			got.CriticalPath, got.Cycles, got.Queues = nil, nil, nil
			got.Votes, got.Questions = statsVotes{}, statsQuestions{}
			for i := range got.Phases {
				got.Phases[i].Columns = nil
				got.Phases[i].CriticalPath = nil
				got.Phases[i].DurationSum, got.Phases[i].WaitSum = "", ""
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("stats =\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestStatsExitCodes(t *testing.T) {
	hotel := lintTemplatePath("hotel")
	bank := lintTemplatePath("bank")
	tests := []cliCase{
		{"text", []string{"stats", hotel}, "", ExitOK, "", "not end-to-end times"},
		{"flag after file", []string{"stats", hotel, "--format", "json"}, "", ExitOK, "", `"above_visibility_pct": 66.7`},
		{"no file", []string{"stats"}, "", ExitUsage, "usage: servicebp stats", ""},
		{"two files", []string{"stats", hotel, hotel}, "", ExitUsage, "usage: servicebp stats", ""},
		{"unknown format", []string{"stats", "--format", "yaml", hotel}, "", ExitUsage, `unknown format "yaml"`, ""},
		{"invalid file", []string{"stats", "testdata/lint/invalid.yaml"}, "", ExitFailure, "invalid.yaml:3:5:", ""},
		{"servers", []string{"stats", "--servers", "wait-turn=3", bank}, "", ExitOK, "", "wait-turn      27/h        3       5m          75%      57%      3m47s    11m35s               3"},
		{"target wait", []string{"stats", "--target-wait", "1m", "--servers", "wait-turn=3", bank}, "", ExitOK, "", "for target"},
		{"servers unknown step", []string{"stats", "--servers", "nope=3", bank}, "", ExitUsage, `--servers: there is no step "nope"`, ""},
		{"servers no queue", []string{"stats", "--servers", "walk-in=3", bank}, "", ExitUsage, `--servers: step "walk-in" has no queue`, ""},
		{"servers zero", []string{"stats", "--servers", "wait-turn=0", bank}, "", ExitUsage, "must be a whole number from 1", ""},
		{"servers malformed", []string{"stats", "--servers", "wait-turn", bank}, "", ExitUsage, "write STEP=N", ""},
		{"target wait malformed", []string{"stats", "--target-wait", "soon", bank}, "", ExitUsage, `--target-wait: invalid duration "soon"`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.check)
	}
}

// TestStatsQueuesJSON checks the queue figures of the shipped templates
// against Erlang C worked by hand. The bank's counter (27/h, 5 min, two
// windows) has a = 2.25, ρ = 1.125: unstable, 3 windows needed. With 3
// windows ρ = 0.75, C = 0.56776 and Wq = C/(3/300 − 27/3600) = 227.1 s; a
// 1-minute mean wait needs 4 windows (Wq = 41.3 s). The shop's chat (36/h,
// 5 min, 4 agents) has a = 3, ρ = 0.75, C = 13.5/26.5 = 0.50943 and
// Wq = C/(4/300 − 0.01) = 152.8 s.
func TestStatsQueuesJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want statsQueue
	}{
		{"bank", []string{lintTemplatePath("bank")}, statsQueue{Step: "wait-turn", Arrivals: "27/h", Servers: 2, Service: "5m", Utilisation: 1.125, ServersNeeded: 3}},
		{"bank what-if", []string{"--servers", "wait-turn=3", "--target-wait", "1m", lintTemplatePath("bank")},
			statsQueue{Step: "wait-turn", Arrivals: "27/h", Servers: 3, Service: "5m", Utilisation: 0.75, PWait: 0.5678, MeanWaitSeconds: 227.1, P90WaitSeconds: 694.6, Stable: true, ServersNeeded: 3, ServersForTarget: 4}},
		{"shop", []string{lintTemplatePath("shop")}, statsQueue{Step: "ask", Arrivals: "36/h", Servers: 4, Service: "5m", Utilisation: 0.75, PWait: 0.5094, MeanWaitSeconds: 152.8, P90WaitSeconds: 488.4, Stable: true, ServersNeeded: 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := runCLIOK(t, "", append([]string{"stats", "--format", "json"}, tc.args...)...)
			var got statsOutput
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Queues) != 1 || got.Queues[0] != tc.want {
				t.Errorf("queues = %+v, want %+v", got.Queues, tc.want)
			}
		})
	}
}

// TestStatsCriticalPathJSON checks the critical path of a small file: a
// 20-minute wait, then 6 minutes at the counter, in parallel with a
// 4-minute backstage step that has 2 minutes of slack.
func TestStatsCriticalPathJSON(t *testing.T) {
	src := `servicebp: 1
columns:
  - {id: c1, phase: Wait}
  - {id: c2, phase: Serve}
steps:
  - {id: line, lane: customer, column: c1, wait: 20m}
  - {id: serve, lane: frontstage, column: c2, duration: 6m}
  - {id: prep, lane: backstage, column: c2, duration: 4m}
  - {id: done, lane: customer, column: c2}
flows:
  - {from: line, to: serve}
  - {from: line, to: prep}
  - {from: serve, to: done}
  - {from: prep, to: done}
`
	var got statsOutput
	if err := json.Unmarshal([]byte(runCLIOK(t, src, "stats", "--format", "json", "-")), &got); err != nil {
		t.Fatal(err)
	}
	want := &statsPath{Steps: []string{"line", "serve", "done"}, TotalSeconds: 1560, WaitSeconds: 1200, WaitPct: 76.9,
		Slack: map[string]int64{"line": 0, "serve": 0, "done": 0, "prep": 120}}
	if !reflect.DeepEqual(got.CriticalPath, want) {
		t.Errorf("critical path = %+v, want %+v", got.CriticalPath, want)
	}
	serve := &statsPath{Steps: []string{"serve", "done"}, TotalSeconds: 360, WaitSeconds: 0, WaitPct: 0,
		Slack: map[string]int64{"serve": 0, "done": 0, "prep": 120}}
	if len(got.Phases) != 2 || !reflect.DeepEqual(got.Phases[1].CriticalPath, serve) {
		t.Errorf("phase Serve = %+v, want %+v", got.Phases[1].CriticalPath, serve)
	}
}
