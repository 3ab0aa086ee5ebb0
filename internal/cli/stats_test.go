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
		Encounters: 10, InternalEncounters: 10, FailPoints: 4, WaitPoints: 3, MomentsOfTruth: 5,
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
		Encounters: 11, InternalEncounters: 9, FailPoints: 6, WaitPoints: 4, MomentsOfTruth: 6,
		Phases: []statsPhase{
			{Name: "Arrival", Steps: 15, DurationSumSeconds: 2280, WaitSumSeconds: 600},
			{Name: "Stay", Steps: 18, DurationSumSeconds: 9300, WaitSumSeconds: 2700},
			{Name: "Departure", Steps: 9, DurationSumSeconds: 300, WaitSumSeconds: 300},
		},
	},
	"repair": {
		Steps: 38, Lanes: map[string]int{"evidence": 9, "customer": 9, "frontstage": 7, "backstage": 6, "support": 7},
		AboveVisibility: 25, BelowVisibility: 13, AboveVisibilityPct: 65.8, BelowVisibilityPct: 34.2,
		Encounters: 8, InternalEncounters: 9, FailPoints: 6, WaitPoints: 2, MomentsOfTruth: 7,
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
		Encounters: 8, InternalEncounters: 11, FailPoints: 5, WaitPoints: 4, MomentsOfTruth: 5,
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
			for i := range got.Phases {
				got.Phases[i].Columns = nil
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
	tests := []cliCase{
		{"text", []string{"stats", hotel}, "", ExitOK, "", "not end-to-end times"},
		{"flag after file", []string{"stats", hotel, "--format", "json"}, "", ExitOK, "", `"above_visibility_pct": 66.7`},
		{"no file", []string{"stats"}, "", ExitUsage, "usage: servicebp stats", ""},
		{"two files", []string{"stats", hotel, hotel}, "", ExitUsage, "usage: servicebp stats", ""},
		{"unknown format", []string{"stats", "--format", "yaml", hotel}, "", ExitUsage, `unknown format "yaml"`, ""},
		{"invalid file", []string{"stats", "testdata/lint/invalid.yaml"}, "", ExitFailure, "invalid.yaml:3:5:", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.check)
	}
}
