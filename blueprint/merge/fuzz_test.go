package merge_test

import (
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/merge"
)

// FuzzMerge merges three mutated documents: the merge never panics, its
// result always writes and loads, and a merge with one side unchanged
// gives the other side byte for byte.
func FuzzMerge(f *testing.F) {
	r := strings.NewReplacer
	variants := []string{
		mergeBase,
		r("wait: 5m", "wait: 10m").Replace(mergeBase),
		r("wait: 5m", "wait: 25m", "title: Coffee to go", "title: Tea").Replace(mergeBase),
		r("  - {from: order, to: take-order}\n", "  - {from: take-order, to: pay-card, two-way: true}\n").Replace(mergeBase),
		r("columns:\n", "lanes:\n  - {id: customer, name: Guest}\n  - {id: frontstage}\n  - {id: partner}\ncolumns:\n").Replace(mergeBase),
		r("  - {id: order, phase: Buy}\n  - {id: pay, phase: Buy}\n", "  - {id: pay, phase: Buy}\n  - {id: order, name: Order}\n").Replace(mergeBase),
		mergeBase + "lint:\n  disable: [orphan-step]\n  long-wait: 15m\nconflicts:\n  - {element: step, id: order, field: wait, base: \"5m\", ours: \"10m\"}\n",
		"servicebp: 1\n",
	}
	for i, b := range variants {
		for j, o := range variants {
			f.Add([]byte(b), []byte(o), []byte(variants[(i+j+1)%len(variants)]))
		}
	}
	f.Fuzz(func(t *testing.T, baseText, oursText, theirsText []byte) {
		ours, err := blueprint.Parse("ours", oursText)
		if err != nil {
			return
		}
		theirs, err := blueprint.Parse("theirs", theirsText)
		if err != nil {
			return
		}
		base, err := blueprint.Parse("base", baseText)
		if err != nil {
			base = nil
		}
		_, out, err := merge.Write(base, ours, theirs)
		if err != nil {
			t.Fatalf("the merge does not write: %v", err)
		}
		if _, err := blueprint.Parse("merged", out); err != nil {
			t.Fatalf("the merge does not load: %v\n%s", err, out)
		}
		if base == nil {
			return
		}
		want, err := blueprint.Marshal(ours)
		if err != nil {
			return // OURS itself is not writable: the writer's concern
		}
		_, same, err := merge.Write(base, ours, base)
		if err != nil || string(same) != string(want) {
			t.Fatalf("merge(base, ours, base) != ours (%v)\ngot:\n%s\nwant:\n%s", err, same, want)
		}
		_, same, err = merge.Write(base, base, ours)
		if err != nil || string(same) != string(want) {
			t.Fatalf("merge(base, base, theirs) != theirs (%v)\ngot:\n%s\nwant:\n%s", err, same, want)
		}
	})
}
