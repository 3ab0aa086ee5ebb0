package merge_test

import (
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/merge"
)

// mergeBase is the common ancestor of the table's cases.
const mergeBase = `servicebp: 1
title: Coffee to go
columns:
  - {id: order, phase: Buy}
  - {id: pay, phase: Buy}
steps:
  - id: order
    lane: customer
    column: order
    text: Order a flat white
    wait: 5m
  - id: take-order
    lane: frontstage
    column: order
    text: Barista takes the order
  - id: pay-card
    lane: customer
    column: pay
    text: Pay by card
flows:
  - {from: order, to: take-order}
`

// edit applies text replacements, old and new in turn, to mergeBase.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := mergeBase
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("edit: %q is not in the base", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func parse(t *testing.T, name, text string) *blueprint.Document {
	t.Helper()
	d, err := blueprint.Parse(name, []byte(text))
	if err != nil {
		t.Fatalf("%s does not load: %v\n%s", name, err, text)
	}
	return d
}

// mustMerge merges, failing the test when the result cannot be written.
func mustMerge(t testing.TB, base, ours, theirs *blueprint.Document) *blueprint.Document {
	t.Helper()
	d, err := merge.Merge(base, ours, theirs)
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	return d
}

// run merges three texts and returns the canonical result, which must
// load again.
func run(t *testing.T, base, ours, theirs string) (string, *blueprint.Document) {
	t.Helper()
	var b *blueprint.Document
	if base != "" {
		b = parse(t, "base", base)
	}
	got := mustMerge(t, b, parse(t, "ours", ours), parse(t, "theirs", theirs))
	out, err := blueprint.Marshal(got)
	if err != nil {
		t.Fatalf("the merged document does not marshal: %v", err)
	}
	back := parse(t, "merged", string(out))
	return string(out), back
}

func TestMergeTable(t *testing.T) {
	tests := []struct {
		name               string
		base, ours, theirs string
		want               string // the merged file, exactly
		conflicts          []string
	}{
		{
			name: "disjoint edits",
			ours: edit(t, "text: Order a flat white", "text: Order a cappuccino"),
			theirs: edit(t, "text: Barista takes the order\n", "text: Barista takes the order\n    owner: Barista\n",
				"title: Coffee to go", "title: Coffee to go, v2"),
			want: strings.NewReplacer("text: Order a flat white", "text: Order a cappuccino",
				"text: Barista takes the order\n", "text: Barista takes the order\n    owner: Barista\n",
				"title: Coffee to go", "title: Coffee to go, v2").Replace(mergeBase),
		},
		{
			name:   "different fields of one step",
			ours:   edit(t, "wait: 5m", "wait: 10m"),
			theirs: edit(t, "text: Order a flat white", "text: Order tea"),
			want:   strings.NewReplacer("wait: 5m", "wait: 10m", "text: Order a flat white", "text: Order tea").Replace(mergeBase),
		},
		{
			name:   "image attached on one side, text edited on the other",
			ours:   edit(t, "wait: 5m\n", "wait: 5m\n    image: images/order-0a1b2c3d.jpg\n"),
			theirs: edit(t, "text: Order a flat white", "text: Order tea"),
			want:   strings.NewReplacer("text: Order a flat white", "text: Order tea", "wait: 5m\n", "wait: 5m\n    image: images/order-0a1b2c3d.jpg\n").Replace(mergeBase),
		},
		{
			name:      "image attached on both sides, different files",
			ours:      edit(t, "wait: 5m\n", "wait: 5m\n    image: a.jpg\n"),
			theirs:    edit(t, "wait: 5m\n", "wait: 5m\n    image: b.png\n"),
			want:      strings.Replace(mergeBase, "wait: 5m\n", "wait: 5m\n    image: a.jpg\n", 1) + "conflicts:\n  - {element: step, id: order, field: image, ours: a.jpg, theirs: b.png}\n",
			conflicts: []string{"unresolved merge conflict: step order field image: ours a.jpg, theirs b.png (base (none)); choose one and delete this entry"},
		},
		{
			name:   "same field, same value",
			ours:   edit(t, "wait: 5m", "wait: 10m"),
			theirs: edit(t, "wait: 5m", "wait: 10m"),
			want:   strings.Replace(mergeBase, "wait: 5m", "wait: 10m", 1),
		},
		{
			name:      "same field, different values",
			ours:      edit(t, "wait: 5m", "wait: 10m"),
			theirs:    edit(t, "wait: 5m", "wait: 25m"),
			want:      strings.Replace(mergeBase, "wait: 5m", "wait: 10m", 1) + "conflicts:\n  - {element: step, id: order, field: wait, base: \"5m\", ours: \"10m\", theirs: \"25m\"}\n",
			conflicts: []string{"unresolved merge conflict: step order field wait: ours 10m, theirs 25m (base 5m); choose one and delete this entry"},
		},
		{
			name: "step deleted on one side, edited on the other",
			ours: edit(t, "  - id: take-order\n    lane: frontstage\n    column: order\n    text: Barista takes the order\n", "",
				"flows:\n  - {from: order, to: take-order}\n", ""),
			theirs: edit(t, "text: Barista takes the order", "text: Barista writes the order on the cup"),
			want: strings.Replace(mergeBase, "text: Barista takes the order", "text: Barista writes the order on the cup", 1) +
				"conflicts:\n  - {element: step, id: take-order, base: present, ours: deleted, theirs: edited (text)}\n",
			conflicts: []string{"unresolved merge conflict: step take-order: ours deleted, theirs edited (text) (base present); choose one and delete this entry"},
		},
		{
			name: "step deleted on one side, left alone on the other",
			ours: edit(t, "  - id: take-order\n    lane: frontstage\n    column: order\n    text: Barista takes the order\n", "",
				"flows:\n  - {from: order, to: take-order}\n", ""),
			theirs: edit(t, "text: Pay by card", "text: Pay by phone"),
			want: strings.NewReplacer("  - id: take-order\n    lane: frontstage\n    column: order\n    text: Barista takes the order\n", "",
				"flows:\n  - {from: order, to: take-order}\n", "", "text: Pay by card", "text: Pay by phone").Replace(mergeBase),
		},
		{
			name:   "both sides add a step to one cell",
			ours:   edit(t, "    text: Pay by card\n", "    text: Pay by card\n  - id: pay-cash\n    lane: customer\n    column: pay\n    text: Pay cash\n"),
			theirs: edit(t, "    text: Pay by card\n", "    text: Pay by card\n  - id: pay-phone\n    lane: customer\n    column: pay\n    text: Pay by phone\n"),
			want: strings.Replace(mergeBase, "    text: Pay by card\n",
				"    text: Pay by card\n  - id: pay-cash\n    lane: customer\n    column: pay\n    text: Pay cash\n  - id: pay-phone\n    lane: customer\n    column: pay\n    text: Pay by phone\n", 1),
		},
		{
			name:   "a lane renamed on one side gets the other side's steps",
			ours:   edit(t, "columns:\n", "lanes:\n  - {id: evidence}\n  - {id: customer, name: Guest}\n  - {id: frontstage}\n  - {id: backstage}\n  - {id: support}\ncolumns:\n"),
			theirs: edit(t, "flows:\n", "  - id: tap\n    lane: customer\n    column: pay\n    text: Tap the card\n  - id: print\n    lane: frontstage\n    column: pay\n    text: Print the receipt\nflows:\n"),
			want: strings.NewReplacer("columns:\n", "lanes:\n  - {id: evidence}\n  - {id: customer, name: Guest}\n  - {id: frontstage}\n  - {id: backstage}\n  - {id: support}\ncolumns:\n",
				"flows:\n", "  - id: tap\n    lane: customer\n    column: pay\n    text: Tap the card\n  - id: print\n    lane: frontstage\n    column: pay\n    text: Print the receipt\nflows:\n").Replace(mergeBase),
		},
		{
			name:   "a flow to a step deleted on the other side",
			ours:   edit(t, "  - id: pay-card\n    lane: customer\n    column: pay\n    text: Pay by card\n", ""),
			theirs: edit(t, "  - {from: order, to: take-order}\n", "  - {from: order, to: take-order}\n  - {from: take-order, to: pay-card, label: total}\n"),
			want: strings.Replace(mergeBase, "  - {from: order, to: take-order}\n", "  - {from: order, to: take-order}\n  - {from: take-order, to: pay-card, label: total}\n", 1) +
				"conflicts:\n  - {element: flow, id: take-order -> pay-card, ours: deleted step pay-card, theirs: added}\n",
			conflicts: []string{"unresolved merge conflict: flow take-order -> pay-card: ours deleted step pay-card, theirs added (base (none)); choose one and delete this entry"},
		},
		{
			name: "a lane deleted on one side gets a step on the other",
			base: edit(t, "columns:\n", "lanes:\n  - {id: customer}\n  - {id: frontstage}\n  - {id: partner}\ncolumns:\n"),
			ours: edit(t, "columns:\n", "lanes:\n  - {id: customer}\n  - {id: frontstage}\ncolumns:\n"),
			theirs: edit(t, "columns:\n", "lanes:\n  - {id: customer}\n  - {id: frontstage}\n  - {id: partner}\ncolumns:\n",
				"flows:\n", "  - id: courier\n    lane: partner\n    column: pay\n    text: Courier picks up\nflows:\n"),
			// ours loses the default line of visibility below its last lane.
			want: strings.NewReplacer("columns:\n", "lanes:\n  - {id: customer}\n  - {id: frontstage}\n  - {id: partner}\nlines:\n  - {id: interaction, below: customer}\ncolumns:\n",
				"flows:\n", "  - id: courier\n    lane: partner\n    column: pay\n    text: Courier picks up\nflows:\n").Replace(mergeBase) +
				"conflicts:\n  - {element: lane, id: partner, base: present, ours: deleted, theirs: used by step courier}\n",
			conflicts: []string{"unresolved merge conflict: lane partner: ours deleted, theirs used by step courier (base present); choose one and delete this entry"},
		},
		{
			name:   "the same id added on both sides with different content",
			ours:   edit(t, "flows:\n", "  - id: tip\n    lane: customer\n    column: pay\n    text: Leave a tip\nflows:\n"),
			theirs: edit(t, "flows:\n", "  - id: tip\n    lane: customer\n    column: pay\n    text: Round up\n    emotion: 1\nflows:\n"),
			want: strings.Replace(mergeBase, "flows:\n", "  - id: tip\n    lane: customer\n    column: pay\n    text: Leave a tip\n    emotion: 1\nflows:\n", 1) +
				"conflicts:\n  - {element: step, id: tip, field: text, ours: Leave a tip, theirs: Round up}\n",
			conflicts: []string{"unresolved merge conflict: step tip field text: ours Leave a tip, theirs Round up (base (none)); choose one and delete this entry"},
		},
		{
			name:   "votes on one side, questions on both",
			ours:   edit(t, "    wait: 5m\n", "    wait: 5m\n    votes: 3\n", "flows:\n  - {from: order, to: take-order}\n", "flows:\n  - {from: order, to: take-order}\nquestions:\n  - {text: Oat milk, step: order}\n"),
			theirs: edit(t, "flows:\n  - {from: order, to: take-order}\n", "flows:\n  - {from: order, to: take-order}\nquestions:\n  - {text: Loyalty card, kind: idea}\n"),
			want: strings.NewReplacer("    wait: 5m\n", "    wait: 5m\n    votes: 3\n",
				"flows:\n  - {from: order, to: take-order}\n", "flows:\n  - {from: order, to: take-order}\nquestions:\n  - {text: Oat milk, step: order}\n  - {text: Loyalty card, kind: idea}\n").Replace(mergeBase),
		},
		{
			name:      "votes counted differently",
			ours:      edit(t, "    wait: 5m\n", "    wait: 5m\n    votes: 3\n"),
			theirs:    edit(t, "    wait: 5m\n", "    wait: 5m\n    votes: 4\n"),
			want:      strings.Replace(mergeBase, "    wait: 5m\n", "    wait: 5m\n    votes: 3\n", 1) + "conflicts:\n  - {element: step, id: order, field: votes, ours: \"3\", theirs: \"4\"}\n",
			conflicts: []string{"unresolved merge conflict: step order field votes: ours 3, theirs 4 (base (none)); choose one and delete this entry"},
		},
		{
			name:      "a question's owner changed differently",
			base:      mergeBase + "questions:\n  - {text: Oat milk, owner: Ana}\n",
			ours:      mergeBase + "questions:\n  - {text: Oat milk, owner: Bo}\n",
			theirs:    mergeBase + "questions:\n  - {text: Oat milk, owner: 陳}\n  - {text: Decaf, kind: action}\n",
			want:      mergeBase + "questions:\n  - {text: Oat milk, owner: Bo}\n  - {text: Decaf, kind: action}\nconflicts:\n  - {element: question, id: Oat milk, field: owner, base: Ana, ours: Bo, theirs: 陳}\n",
			conflicts: []string{"unresolved merge conflict: question Oat milk field owner: ours Bo, theirs 陳 (base Ana); choose one and delete this entry"},
		},
		{
			name:      "a question about a step deleted on the other side",
			ours:      edit(t, "  - id: pay-card\n    lane: customer\n    column: pay\n    text: Pay by card\n", ""),
			theirs:    mergeBase + "questions:\n  - {text: Contactless limit, step: pay-card}\n",
			want:      mergeBase + "questions:\n  - {text: Contactless limit, step: pay-card}\nconflicts:\n  - {element: question, id: Contactless limit, ours: deleted step pay-card, theirs: added}\n",
			conflicts: []string{"unresolved merge conflict: question Contactless limit: ours deleted step pay-card, theirs added (base (none)); choose one and delete this entry"},
		},
		{
			name:   "a question removed on one side, another edited on the other",
			base:   mergeBase + "questions:\n  - {text: Oat milk}\n  - {text: Decaf}\n",
			ours:   mergeBase + "questions:\n  - {text: Decaf}\n",
			theirs: mergeBase + "questions:\n  - {text: Oat milk}\n  - {text: Decaf, owner: Bo}\n",
			want:   mergeBase + "questions:\n  - {text: Decaf, owner: Bo}\n",
		},
		{
			name:      "title changed differently",
			ours:      edit(t, "title: Coffee to go", "title: Coffee"),
			theirs:    edit(t, "title: Coffee to go", "title: Coffee and cake"),
			want:      strings.Replace(mergeBase, "title: Coffee to go", "title: Coffee", 1) + "conflicts:\n  - {element: title, base: Coffee to go, ours: Coffee, theirs: Coffee and cake}\n",
			conflicts: []string{"unresolved merge conflict: title: ours Coffee, theirs Coffee and cake (base Coffee to go); choose one and delete this entry"},
		},
		{
			name: "columns, phases, lines and lint settings",
			ours: edit(t, "  - {id: pay, phase: Buy}\n", "  - {id: pay, phase: Pay}\n  - {id: leave, name: Leave}\n",
				"flows:\n  - {from: order, to: take-order}\n", "flows:\n  - {from: order, to: take-order}\nlint:\n  disable: [orphan-step]\n"),
			theirs: edit(t, "columns:\n", "lines:\n  - {id: interaction, below: customer, style: dotted}\n  - {id: visibility, below: frontstage}\n  - {id: internal, below: backstage}\ncolumns:\n",
				"  - {id: order, phase: Buy}\n", "  - {id: order, name: Order, phase: Buy}\n",
				"flows:\n  - {from: order, to: take-order}\n", "flows:\n  - {from: order, to: take-order}\nlint:\n  disable: [empty-column]\n  long-wait: 15m\n"),
			want: strings.NewReplacer("columns:\n", "lines:\n  - {id: interaction, below: customer, style: dotted}\n  - {id: visibility, below: frontstage}\n  - {id: internal, below: backstage}\ncolumns:\n",
				"  - {id: order, phase: Buy}\n", "  - {id: order, name: Order, phase: Buy}\n",
				"  - {id: pay, phase: Buy}\n", "  - {id: pay, phase: Pay}\n  - {id: leave, name: Leave}\n",
				"flows:\n  - {from: order, to: take-order}\n", "flows:\n  - {from: order, to: take-order}\nlint:\n  disable: [orphan-step, empty-column]\n  long-wait: 15m\n").Replace(mergeBase),
		},
		{
			name:   "columns reordered on one side, a step edited on the other",
			ours:   edit(t, "text: Pay by card", "text: Pay by phone"),
			theirs: edit(t, "  - {id: order, phase: Buy}\n  - {id: pay, phase: Buy}\n", "  - {id: pay, phase: Buy}\n  - {id: order, phase: Buy}\n"),
			want: "servicebp: 1\ntitle: Coffee to go\ncolumns:\n  - {id: pay, phase: Buy}\n  - {id: order, phase: Buy}\nsteps:\n" +
				"  - id: pay-card\n    lane: customer\n    column: pay\n    text: Pay by phone\n" +
				"  - id: order\n    lane: customer\n    column: order\n    text: Order a flat white\n    wait: 5m\n" +
				"  - id: take-order\n    lane: frontstage\n    column: order\n    text: Barista takes the order\n" +
				"flows:\n  - {from: order, to: take-order}\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base := tc.base
			if base == "" {
				base = mergeBase
			}
			got, back := run(t, base, tc.ours, tc.theirs)
			if got != tc.want {
				t.Errorf("merged:\n%s\nwant:\n%s", got, tc.want)
			}
			var msgs []string
			for _, e := range blueprint.ConflictErrors("merged", back) {
				msgs = append(msgs, e.Msg)
			}
			if strings.Join(msgs, "\n") != strings.Join(tc.conflicts, "\n") {
				t.Errorf("conflicts:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(tc.conflicts, "\n"))
			}
			// Every conflict resolves, either way, into a valid file.
			for _, choice := range []string{blueprint.ChooseOurs, blueprint.ChooseTheirs} {
				d := back.Clone()
				for len(d.Conflicts) > 0 {
					if err := blueprint.ResolveConflict(0, choice).Do(d); err != nil {
						t.Fatalf("resolve %+v with %s: %v", d.Conflicts[0], choice, err)
					}
				}
				if _, err := blueprint.Marshal(d); err != nil {
					t.Errorf("resolved with %s: %v", choice, err)
				}
			}
			// Swapping the sides gives the same clean merge, or the
			// same number of conflicts.
			swapped, sback := run(t, base, tc.theirs, tc.ours)
			if len(tc.conflicts) == 0 && len(sback.Conflicts) != 0 {
				t.Errorf("swapped sides conflict:\n%s", swapped)
			}
			if len(sback.Conflicts) != len(back.Conflicts) {
				t.Errorf("swapped sides give %d conflicts, not %d", len(sback.Conflicts), len(back.Conflicts))
			}
		})
	}
}

// TestMergeTwoWay merges against a missing base, as git does for a file
// both branches added.
func TestMergeTwoWay(t *testing.T) {
	ours := edit(t, "wait: 5m", "wait: 10m")
	got, back := run(t, "", ours, mergeBase)
	want := strings.Replace(mergeBase, "wait: 5m", "wait: 10m", 1) + "conflicts:\n  - {element: step, id: order, field: wait, ours: \"10m\", theirs: \"5m\"}\n"
	if got != want {
		t.Errorf("merged:\n%s\nwant:\n%s", got, want)
	}
	if len(back.Conflicts) != 1 {
		t.Errorf("%d conflicts, want 1", len(back.Conflicts))
	}
	if got, _ := run(t, "", mergeBase, mergeBase); got != mergeBase {
		t.Errorf("two equal sides merge to\n%s", got)
	}
}

// TestMergeKeepsConflicts merges files that already hold conflicts: an
// entry resolved on one side stays resolved, others are kept.
func TestMergeKeepsConflicts(t *testing.T) {
	entry := "conflicts:\n  - {element: step, id: order, field: wait, base: \"5m\", ours: \"10m\", theirs: \"25m\"}\n"
	base := mergeBase + entry
	resolved := mergeBase
	edited := strings.Replace(mergeBase, "text: Pay by card", "text: Pay by phone", 1) + entry
	got, _ := run(t, base, resolved, edited)
	if want := strings.Replace(mergeBase, "text: Pay by card", "text: Pay by phone", 1); got != want {
		t.Errorf("merged:\n%s\nwant:\n%s", got, want)
	}
	got, _ = run(t, mergeBase, base, edited)
	if want := edited; got != want {
		t.Errorf("merged:\n%s\nwant:\n%s", got, want)
	}
	// A side that kept the entries as they were takes the other's as
	// they are, a repeated entry included.
	twice := mergeBase + entry + strings.TrimPrefix(entry, "conflicts:\n")
	if got, _ := run(t, mergeBase, twice, mergeBase); got != twice {
		t.Errorf("merged:\n%s\nwant:\n%s", got, twice)
	}
}

// TestMergeLinesFallBackToOurs keeps OURS's lines, with a conflict, when
// the lines merged from both sides break a rule no single side breaks:
// two lines below one lane. The rest still merges.
func TestMergeLinesFallBackToOurs(t *testing.T) {
	lines := "lines:\n  - {id: interaction, below: customer}\n  - {id: visibility, below: frontstage}\n  - {id: internal, below: backstage}\n"
	base := edit(t, "columns:\n", lines+"columns:\n")
	ours := edit(t, "columns:\n", lines+"  - {id: extra, kind: custom, below: evidence}\ncolumns:\n")
	theirs := edit(t, "columns:\n", lines+"  - {id: other, kind: custom, below: evidence}\ncolumns:\n", "text: Pay by card", "text: Pay by phone")
	got, back := run(t, base, ours, theirs)
	want := edit(t, "columns:\n", lines+"  - {id: extra, below: evidence}\ncolumns:\n", "text: Pay by card", "text: Pay by phone") +
		"conflicts:\n  - {element: document, field: lines, ours: kept, theirs: \"not merged: line \\\"other\\\": another line is already below lane \\\"evidence\\\"\"}\n"
	if got != want {
		t.Errorf("merged:\n%s\nwant:\n%s", got, want)
	}
	d := back.Clone()
	if err := blueprint.ResolveConflict(0, blueprint.ChooseTheirs).Do(d); err == nil {
		t.Error("THEIRS's lines were taken, though they cannot be")
	}
	if err := blueprint.ResolveConflict(0, blueprint.ChooseOurs).Do(d); err != nil || d.Conflicts != nil {
		t.Errorf("keeping OURS's lines: %v, conflicts %+v", err, d.Conflicts)
	}
}

// TestMergeUnmergeable falls back to OURS as it was, with a document
// conflict, when the merged elements cannot form a blueprint at all: each
// side deleted a different one of the two lanes.
func TestMergeUnmergeable(t *testing.T) {
	doc := func(lanes string, steps string) string {
		return "servicebp: 1\nlanes:\n" + lanes + "steps:\n" + steps
	}
	a := "  - id: a\n    lane: customer\n    column: c\n"
	b := "  - id: b\n    lane: frontstage\n    column: c\n"
	base := doc("  - {id: customer}\n  - {id: frontstage}\n", a+b)
	ours := doc("  - {id: customer}\n", a)
	theirs := doc("  - {id: frontstage}\n", b)
	got, back := run(t, base, ours, theirs)
	if want := ours + "conflicts:\n  - {element: document, ours: kept, theirs: \"not merged: a blueprint needs at least one lane; remove \\\"lanes:\\\" to get the five standard lanes\"}\n"; got != want {
		t.Errorf("merged:\n%s\nwant:\n%s", got, want)
	}
	if len(back.Conflicts) != 1 {
		t.Errorf("conflicts = %+v", back.Conflicts)
	}
}
