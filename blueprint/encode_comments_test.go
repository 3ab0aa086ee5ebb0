package blueprint

import (
	"strings"
	"testing"
)

// TestLeftOutKeyComments checks that the comments of top-level keys the
// canonical form leaves out (empty lists, default lanes and lines, derived
// columns) move above the next key written, or to the end, and are never
// lost.
func TestLeftOutKeyComments(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"empty list at the end", "servicebp: 1\ncolumns: # keep me\n", []string{"# keep me"}},
		{"comment above an empty list", "servicebp: 1\n# above\ncolumns: []\n", []string{"# above"}},
		{"empty flows go after the steps", "servicebp: 1\nflows: [] # no flows yet\nsteps:\n  - id: a\n    lane: customer\n    column: c\n    text: A\n",
			[]string{"text: A\n\n# no flows yet\n"}},
		{"default lanes", "servicebp: 1\n# the usual five\nlanes:\n  - {id: evidence, name: Physical evidence, kind: evidence}\n  - {id: customer, name: Customer actions, kind: customer}\n  - {id: frontstage, name: Frontstage actions, kind: frontstage}\n  - {id: backstage, name: Backstage actions, kind: backstage}\n  - {id: support, name: Support processes, kind: support}\ntitle: T\n",
			[]string{"# the usual five"}},
		{"empty title", "servicebp: 1\ntitle: \"\" # to do\nlint:\n  long-wait: 20m\n", []string{"# to do\nlint:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("c.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			out, err := Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			d2, err := Parse("c.yaml", out)
			if err != nil {
				t.Fatalf("output does not load: %v\n%s", err, out)
			}
			out2, err := Marshal(d2)
			if err != nil || string(out2) != string(out) {
				t.Errorf("not stable (%v):\n%s\n---\n%s", err, out, out2)
			}
		})
	}
}
