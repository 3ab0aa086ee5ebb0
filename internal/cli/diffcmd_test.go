package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"servicebp/blueprint/diff"
)

// diffBase is the OLD side of most diff cases: every kind of element,
// with a few of each field set.
const diffBase = `servicebp: 1
title: Coffee to go
description: Ordering a coffee at the counter.
lanes:
  - {id: evidence}
  - {id: customer}
  - {id: frontstage}
  - {id: backstage}
  - {id: support}
lines:
  - {id: interaction, below: customer}
  - {id: visibility, below: frontstage}
  - {id: internal, below: backstage}
columns:
  - {id: enter, name: Enter, phase: Arrival}
  - {id: order, name: Order, phase: Arrival}
  - {id: wait, name: Wait, phase: Service}
  - {id: drink, name: Drink, phase: Service}
steps:
  - id: menu
    lane: evidence
    column: enter
    text: Menu board
  - id: walk-in
    lane: customer
    column: enter
    text: Walk in
    emotion: 1
  - id: place-order
    lane: customer
    column: order
    text: Order a flat white
    wait: 3m
    moment: true
    tags: [peak]
  - id: take-order
    lane: frontstage
    column: order
    text: Barista takes the order
    owner: Barista
    duration: 1m
  - id: pay
    lane: frontstage
    column: order
    text: Take payment
    fail: Card reader offline
    recovery: Take cash
  - id: queue
    lane: backstage
    column: order
    text: Put the order in the queue
  - id: till
    lane: support
    column: order
    text: Till system records the sale
  - id: brew
    lane: backstage
    column: wait
    text: Pull the shot, steam the milk
    duration: 2m
    notes: The slowest step at peak times.
  - id: hand-over
    lane: frontstage
    column: drink
    text: Call the name, hand over the cup
  - id: sip
    lane: customer
    column: drink
    text: Enjoy the coffee
flows:
  - {from: place-order, to: take-order}
  - {from: take-order, to: pay, label: total}
  - {from: take-order, to: queue}
  - {from: pay, to: till, two-way: true}
  - {from: queue, to: brew}
  - {from: brew, to: hand-over}
  - {from: hand-over, to: sip}
`

// edit applies replacements to diffBase, failing when one does not match.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := diffBase
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("edit: %q is not in the base blueprint", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// diffCases are the golden cases: OLD, NEW and the exit code; the text and
// JSON outputs are in testdata/diff/NAME.txt and NAME.json.
func diffCases(t *testing.T) []struct {
	name     string
	old, new string
	code     int
} {
	return []struct {
		name     string
		old, new string
		code     int
	}{
		{"same", diffBase, diffBase, 0},
		{"formatting-only", diffBase, edit(t,
			"title: Coffee to go", "# A comment\ntitle:   \"Coffee to go\"",
			"  - {from: queue, to: brew}\n", "  - from: queue\n    to: brew\n",
			"    text: Walk in\n    emotion: 1\n", "    emotion: 1\n    text: Walk in\n"), 0},
		{"step-added", diffBase, edit(t,
			"  - id: brew\n", "  - id: grind\n    lane: backstage\n    column: wait\n    text: Grind the beans\n    duration: 30s\n  - id: brew\n"), 1},
		{"step-removed", diffBase, edit(t,
			"  - id: menu\n    lane: evidence\n    column: enter\n    text: Menu board\n", ""), 1},
		{"step-moved", diffBase, edit(t,
			"    lane: backstage\n    column: wait\n", "    lane: frontstage\n    column: drink\n",
			"  - id: queue\n    lane: backstage\n", "  - id: queue\n    lane: support\n"), 1},
		{"step-restacked", diffBase, edit(t,
			"  - id: take-order\n    lane: frontstage\n    column: order\n    text: Barista takes the order\n    owner: Barista\n    duration: 1m\n", "",
			"    recovery: Take cash\n", "    recovery: Take cash\n  - id: take-order\n    lane: frontstage\n    column: order\n    text: Barista takes the order\n    owner: Barista\n    duration: 1m\n"), 1},
		{"step-fields", diffBase, edit(t,
			"text: Barista takes the order\n    owner: Barista\n    duration: 1m", "text: Barista takes and repeats the order\n    owner: Shift lead\n    duration: 2m",
			"    duration: 2m\n    notes: The slowest step at peak times.\n", "",
			"    text: Call the name, hand over the cup\n", "    text: Call the name, hand over the cup\n    notes: |-\n      Say the name twice.\n      Look up.\n"), 1},
		{"wait-points", diffBase, edit(t,
			"    wait: 3m\n", "    wait: 10m\n",
			"    text: Enjoy the coffee\n", "    text: Enjoy the coffee\n    wait: 5m\n"), 1},
		{"wait-removed", diffBase, edit(t, "    wait: 3m\n", ""), 1},
		{"fail-points", diffBase, edit(t,
			"    fail: Card reader offline\n    recovery: Take cash\n", "    fail: Card reader declines the card\n    recovery: Offer another card or cash\n",
			"    text: Pull the shot, steam the milk\n", "    text: Pull the shot, steam the milk\n    fail: Milk runs out\n",
			"    text: Call the name, hand over the cup\n", "    text: Call the name, hand over the cup\n    owner: Barista\n"), 1},
		{"fail-removed", diffBase, edit(t, "    fail: Card reader offline\n    recovery: Take cash\n", ""), 1},
		{"moment-emotion-tags", diffBase, edit(t,
			"    moment: true\n    tags: [peak]\n", "    tags: [peak, regulars]\n",
			"    text: Walk in\n    emotion: 1\n", "    text: Walk in\n    emotion: -2\n",
			"    text: Enjoy the coffee\n", "    text: Enjoy the coffee\n    moment: true\n    emotion: 2\n    tags: [loyalty]\n"), 1},
		{"flows", diffBase, edit(t,
			"  - {from: take-order, to: pay, label: total}\n", "  - {from: take-order, to: pay, label: total with tip}\n",
			"  - {from: pay, to: till, two-way: true}\n", "  - {from: pay, to: till}\n",
			"  - {from: queue, to: brew}\n", "",
			"  - {from: hand-over, to: sip}\n", "  - {from: hand-over, to: sip, two-way: true}\n  - {from: menu, to: walk-in, label: reads}\n"), 1},
		{"lanes", diffBase, edit(t,
			"  - {id: customer}\n  - {id: frontstage}\n", "  - {id: customer, name: Guest}\n  - {id: partner, name: Delivery partner}\n  - {id: frontstage}\n",
			"  - {id: backstage}\n  - {id: support}\n", "  - {id: support}\n  - {id: backstage}\n",
			"  - {id: internal, below: backstage}\n", "  - {id: internal, below: support}\n"), 1},
		{"lane-removed", diffBase, edit(t,
			"  - {id: evidence}\n", "",
			"  - id: menu\n    lane: evidence\n    column: enter\n    text: Menu board\n", ""), 1},
		{"lines", diffBase, edit(t,
			"  - {id: interaction, below: customer}\n", "  - {id: interaction, name: Counter, below: customer, style: dotted}\n",
			"  - {id: internal, below: backstage}\n", ""), 1},
		{"columns", diffBase, edit(t,
			"  - {id: enter, name: Enter, phase: Arrival}\n  - {id: order, name: Order, phase: Arrival}\n", "  - {id: order, name: Order, phase: Arrival}\n  - {id: enter, name: Come in, phase: Arrival}\n",
			"  - {id: drink, name: Drink, phase: Service}\n", "  - {id: drink, name: Drink, phase: Service}\n  - {id: leave, name: Leave, phase: Service}\n",
			"  - {id: wait, name: Wait, phase: Service}\n", "  - {id: wait, name: Wait, phase: Arrival}\n"), 1},
		{"phases", diffBase, edit(t,
			"phase: Arrival}\n  - {id: order, name: Order, phase: Arrival}", "phase: Welcome}\n  - {id: order, name: Order, phase: Welcome}",
			"  - {id: drink, name: Drink, phase: Service}\n", "  - {id: drink, name: Drink, phase: Farewell}\n"), 1},
		{"phase-removed", diffBase, edit(t,
			"  - {id: enter, name: Enter, phase: Arrival}\n  - {id: order, name: Order, phase: Arrival}\n", "  - {id: enter, name: Enter}\n  - {id: order, name: Order}\n"), 1},
		{"phases-reordered", diffBase, edit(t,
			"  - {id: enter, name: Enter, phase: Arrival}\n  - {id: order, name: Order, phase: Arrival}\n  - {id: wait, name: Wait, phase: Service}\n  - {id: drink, name: Drink, phase: Service}\n",
			"  - {id: wait, name: Wait, phase: Service}\n  - {id: drink, name: Drink, phase: Service}\n  - {id: enter, name: Enter, phase: Arrival}\n  - {id: order, name: Order, phase: Arrival}\n"), 1},
		{"document", diffBase, edit(t,
			"title: Coffee to go\ndescription: Ordering a coffee at the counter.\n", "title: Coffee to go, v2\n",
			"  - {from: hand-over, to: sip}\n", "  - {from: hand-over, to: sip}\nlint:\n  disable: [orphan-step]\n  long-wait: 5m\n"), 1},
		{"chinese", diffBase, edit(t,
			"text: Take payment", "text: 收银员收款",
			"phase: Service}\n  - {id: drink, name: Drink, phase: Service}", "phase: 服务}\n  - {id: drink, name: 喝咖啡, phase: 服务}"), 1},
		{"added-file", "", diffBase, 1},
	}
}

// TestDiffGolden runs every case and compares the text and JSON output
// with testdata/diff/NAME.txt and NAME.json (go test -update rewrites
// them).
func TestDiffGolden(t *testing.T) {
	t.Setenv("GIT_PAGER_IN_USE", "") // git-external colours under git's pager
	for _, tc := range diffCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			oldPath := filepath.Join(dir, "old.yaml")
			if tc.old == "" {
				oldPath = devNull
			} else {
				writeFile(t, dir, "old.yaml", tc.old)
			}
			newPath := writeFile(t, dir, "new.yaml", tc.new)
			for _, format := range []string{"text", "json"} {
				var code int
				var stdout, stderr string
				if tc.old == "" {
					// Only git passes /dev/null; outside git an added file
					// is compared through the git-external path.
					code, stdout, stderr = runCLI(t, "", "diff", "--format", format, "--git-external", "new.yaml", oldPath, ".", ".", newPath, "abc", "100644")
					if code != 0 {
						t.Fatalf("%s: exit %d, stderr %q", format, code, stderr)
					}
				} else {
					code, stdout, stderr = runCLI(t, "", "diff", "--format", format, oldPath, newPath)
					if code != tc.code {
						t.Errorf("%s: exit %d, want %d; stderr %q", format, code, tc.code, stderr)
					}
				}
				if stderr != "" {
					t.Errorf("%s: stderr %q", format, stderr)
				}
				stdout = strings.ReplaceAll(stdout, dir+string(filepath.Separator), "")
				if strings.Contains(stdout, "\x1b[") {
					t.Errorf("%s: colour codes in output that is not a terminal:\n%q", format, stdout)
				}
				if format == "json" {
					checkDiffJSON(t, stdout)
					lintGolden(t, filepath.Join("diff", tc.name+".json"), stdout)
				} else {
					if (stdout == "") != (tc.code == 0) {
						t.Errorf("text output %q for exit %d", stdout, tc.code)
					}
					lintGolden(t, filepath.Join("diff", tc.name+".txt"), stdout)
				}
			}
		})
	}
}

// checkDiffJSON checks that out has the documented shape: a "changes"
// list of objects with exactly the seven documented keys, and known kinds
// and elements.
func checkDiffJSON(t *testing.T, out string) {
	t.Helper()
	var doc map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("JSON output does not parse: %v\n%s", err, out)
	}
	changes, ok := doc["changes"]
	if !ok || len(doc) != 1 || changes == nil {
		t.Fatalf("JSON output is not {\"changes\": [...]}: %s", out)
	}
	kinds := "added removed moved changed renamed reordered"
	elements := "document lane line column phase step flow"
	for _, c := range changes {
		if len(c) != 7 {
			t.Errorf("change %v has %d keys, want 7", c, len(c))
		}
		for _, k := range []string{"kind", "element", "id", "field", "old", "new"} {
			if _, ok := c[k].(string); !ok {
				t.Errorf("change %v: %q is not a string", c, k)
			}
		}
		if _, ok := c["line"].(float64); !ok {
			t.Errorf("change %v: line is not a number", c)
		}
		if k, _ := c["kind"].(string); !strings.Contains(kinds, k) || k == "" {
			t.Errorf("unknown kind %q", k)
		}
		if e, _ := c["element"].(string); !strings.Contains(elements, e) || e == "" {
			t.Errorf("unknown element %q", e)
		}
	}
}

// TestDiffDocs checks that docs/cli.md's diff section names every kind of
// change, every element and every flag of the command.
func TestDiffDocs(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "cli.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	start := strings.Index(doc, "\n## diff\n")
	if start < 0 {
		t.Fatal("docs/cli.md has no ## diff section")
	}
	section := doc[start+1:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	for _, k := range diff.Kinds {
		if !strings.Contains(section, "`"+string(k)+"`") {
			t.Errorf("the diff section does not document the kind %q", k)
		}
	}
	for _, e := range diff.Elements {
		if !strings.Contains(section, "`"+string(e)+"`") {
			t.Errorf("the diff section does not document the element %q", e)
		}
	}
	_, _, usage := runCLI(t, "", "diff", "-h")
	flags := regexp.MustCompile(`(?m)^  -([a-z-]+)`).FindAllStringSubmatch(usage, -1)
	if len(flags) < 3 {
		t.Fatalf("diff -h lists %d flags:\n%s", len(flags), usage)
	}
	for _, f := range flags {
		if !strings.Contains(section, "`--"+f[1]) {
			t.Errorf("the diff section does not document --%s", f[1])
		}
	}
}
