package blueprint

import (
	"strings"
	"testing"
)

const resolveBase = `servicebp: 1
title: Coffee
steps:
  - id: order
    lane: customer
    column: order
    text: Order
    wait: 10m
    tags: [a, "b, c"]
  - id: take
    lane: frontstage
    column: order
    text: Take it
flows:
  - {from: order, to: take}
`

// TestResolveConflict resolves each kind of conflict with each choice,
// checks the file that results, and that Undo gives the file back.
func TestResolveConflict(t *testing.T) {
	tests := []struct {
		name, entry, choice string
		want                string // replacements old, new, applied to resolveBase; "" = refused
		wantErr             string
	}{
		{"field, theirs", `{element: step, id: order, field: wait, base: "5m", ours: "10m", theirs: "25m"}`, ChooseTheirs, "wait: 10m|wait: 25m", ""},
		{"field, base", `{element: step, id: order, field: wait, base: "5m", ours: "10m", theirs: "25m"}`, ChooseBase, "wait: 10m|wait: 5m", ""},
		{"field, ours", `{element: step, id: order, field: wait, base: "5m", ours: "10m", theirs: "25m"}`, ChooseOurs, "", ""},
		{"field unset on a side", `{element: step, id: order, field: wait, ours: "10m"}`, ChooseTheirs, "    wait: 10m\n|", ""},
		{"list field", `{element: step, id: order, field: tags, ours: "[a, \"b, c\"]", theirs: "[x, \"y, z\"]"}`, ChooseTheirs, `tags: [a, "b, c"]|tags: [x, "y, z"]`, ""},
		{"boolean field", `{element: step, id: take, field: moment, theirs: "true"}`, ChooseTheirs, "    text: Take it\n|    text: Take it\n    moment: true\n", ""},
		{"title", `{element: title, base: Tea, ours: Coffee, theirs: Cake}`, ChooseTheirs, "title: Coffee|title: Cake", ""},
		{"flow label", `{element: flow, id: order -> take, field: label, theirs: paid}`, ChooseTheirs, "to: take}|to: take, label: paid}", ""},
		{"step deleted by ours", `{element: step, id: take, base: present, ours: deleted, theirs: edited (text)}`, ChooseOurs,
			"  - id: take\n    lane: frontstage\n    column: order\n    text: Take it\n||" + "flows:\n  - {from: order, to: take}\n|", ""},
		{"step kept by theirs", `{element: step, id: take, base: present, ours: deleted, theirs: edited (text)}`, ChooseTheirs, "", ""},
		{"flow whose step ours deleted", `{element: flow, id: order -> take, ours: deleted step take, theirs: added}`, ChooseOurs,
			"  - id: take\n    lane: frontstage\n    column: order\n    text: Take it\n||" + "flows:\n  - {from: order, to: take}\n|", ""},
		{"document, ours", `{element: document, ours: kept, theirs: "not merged: x"}`, ChooseOurs, "", ""},
		{"document, theirs", `{element: document, ours: kept, theirs: "not merged: x"}`, ChooseTheirs, "", "take THEIRS from git"},
		{"bad duration", `{element: step, id: order, field: wait, ours: "10m", theirs: soon}`, ChooseTheirs, "", "soon"},
		{"missing step", `{element: step, id: gone, field: text, ours: a, theirs: b}`, ChooseTheirs, "", `no step has the id "gone"`},
		{"unknown field", `{element: step, id: order, field: colour, ours: a, theirs: b}`, ChooseTheirs, "", `a step has no field "colour"`},
		{"invalid result", `{element: step, id: order, field: lane, ours: customer, theirs: nowhere}`, ChooseTheirs, "", "would not be valid"},
		{"bad choice", `{element: title, ours: a, theirs: b}`, "mine", "", `choose ours, theirs or base, not "mine"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := resolveBase + "conflicts:\n  - " + tc.entry + "\n"
			d, err := Parse("f.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			h := NewHistory(d)
			err = h.Apply(ResolveConflict(0, tc.choice))
			out, merr := Marshal(d)
			if merr != nil {
				t.Fatal(merr)
			}
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("error %v, want one containing %q", err, tc.wantErr)
				}
				if string(out) != src {
					t.Errorf("a refused resolve changed the file:\n%s", out)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := resolveBase
			if tc.want != "" {
				parts := strings.Split(tc.want, "|")
				for i := 0; i+1 < len(parts); i += 2 {
					if !strings.Contains(want, parts[i]) {
						t.Fatalf("%q is not in the base", parts[i])
					}
					want = strings.Replace(want, parts[i], parts[i+1], 1)
				}
			}
			if string(out) != want {
				t.Errorf("resolved:\n%s\nwant:\n%s", out, want)
			}
			if !h.Undo() {
				t.Fatal("nothing to undo")
			}
			if back, _ := Marshal(d); string(back) != src {
				t.Errorf("undo gives:\n%s\nwant:\n%s", back, src)
			}
		})
	}
}

// TestResolveConflictKeepsOthers resolves the second of two entries: the
// first stays, and the section with it.
func TestResolveConflictKeepsOthers(t *testing.T) {
	src := resolveBase + "conflicts:\n  - {element: title, ours: Coffee, theirs: Tea}\n  - {element: step, id: order, field: text, ours: Order, theirs: Buy}\n"
	d, err := Parse("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := ResolveConflict(1, ChooseTheirs).Do(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Conflicts) != 1 || d.Conflicts[0].Element != "title" || d.Step("order").Text != "Buy" {
		t.Errorf("conflicts %+v, text %q", d.Conflicts, d.Step("order").Text)
	}
	if err := ResolveConflict(1, ChooseTheirs).Do(d); err == nil || !strings.Contains(err.Error(), "no conflict 2 (the file has 1)") {
		t.Errorf("out of range: %v", err)
	}
}

// TestResolveQueueConflict resolves a conflict on a step's queue, which a
// merge records in the queue's one-line form, to each side.
func TestResolveQueueConflict(t *testing.T) {
	for _, tc := range []struct {
		choice  string
		servers int
	}{{ChooseOurs, 3}, {ChooseTheirs, 4}, {ChooseBase, 2}} {
		d := &Document{Lanes: DefaultLanes(EnglishNames), Columns: []Column{{ID: "c"}}}
		d.Steps = []Step{{ID: "wait", Lane: "customer", Column: "c", Text: "Wait",
			Queue: Queue{Arrivals: Rate{Count: 27, Per: Hour}, Servers: 3, Service: 5 * Minute, Structure: "ticket"}}}
		d.Conflicts = []Conflict{{Element: "step", ID: "wait", Field: "queue",
			Base: "27/h, 2 servers, 5m service, ticket", Ours: "27/h, 3 servers, 5m service, ticket", Theirs: "27/h, 4 servers, 5m service, ticket"}}
		if err := ResolveConflict(0, tc.choice).Do(d); err != nil {
			t.Fatalf("choice %v: %v", tc.choice, err)
		}
		if got := d.Steps[0].Queue.Servers; got != tc.servers || len(d.Conflicts) != 0 {
			t.Errorf("choice %v: %d servers and %d conflicts left, want %d and none", tc.choice, got, len(d.Conflicts), tc.servers)
		}
	}
	if _, err := ParseQueue("27/h, two servers, 5m service"); err == nil {
		t.Error("a malformed queue text was accepted")
	}
}
