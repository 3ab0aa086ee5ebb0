package blueprint

import (
	"strings"
	"testing"
)

const conflictedFile = `# a merged file

servicebp: 1
steps:
  - id: order
    lane: customer
    column: order
    text: Order
    wait: 10m
# left by servicebp merge
conflicts:
  - {element: step, id: order, field: wait, base: "5m", ours: "10m", theirs: "25m"}
  # the text
  - {element: step, id: order, field: text, base: Order, ours: Order, theirs: "Order\nnow"}
  - {element: flow, id: a -> order, ours: deleted step a, theirs: added}
  - {element: title, ours: "x: y", theirs: "[a]"}
`

// TestConflictsRoundTrip loads a file with a conflicts section and writes
// it back byte for byte, keeping positions for validate.
func TestConflictsRoundTrip(t *testing.T) {
	d, err := Parse("f.yaml", []byte(conflictedFile))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != conflictedFile {
		t.Errorf("round trip:\n%s\nwant:\n%s", out, conflictedFile)
	}
	var got []string
	for _, e := range ConflictErrors("f.yaml", d) {
		got = append(got, e.Error())
	}
	want := []string{
		"f.yaml:12:5: unresolved merge conflict: step order field wait: ours 10m, theirs 25m (base 5m); choose one and delete this entry",
		`f.yaml:14:5: unresolved merge conflict: step order field text: ours Order, theirs "Order\nnow" (base Order); choose one and delete this entry`,
		"f.yaml:15:5: unresolved merge conflict: flow a -> order: ours deleted step a, theirs added (base (none)); choose one and delete this entry",
		"f.yaml:16:5: unresolved merge conflict: title: ours x: y, theirs [a] (base (none)); choose one and delete this entry",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("conflict errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without the section the file is clean again.
	d.Conflicts = nil
	if errs := ConflictErrors("f.yaml", d); len(errs) != 0 {
		t.Errorf("errors without conflicts: %v", errs)
	}
}

// TestConflictsRefused checks the loader's messages for a broken section.
func TestConflictsRefused(t *testing.T) {
	const head = "servicebp: 1\nconflicts:\n"
	for _, tc := range []struct{ src, want string }{
		{head + "  - {id: x}\n", `f.yaml:3:5: a conflict is missing its "element"`},
		{head + "  - {element: stp}\n", `f.yaml:3:15: unknown conflict element "stp"; use one of title, description, lane, line, column, step, flow, question, lint, document`},
		{head + "  - {element: step, feild: x}\n", `f.yaml:3:21: unknown key "feild" in a conflict; did you mean "field"?`},
		{head + "  - {element: step, ours: [a]}\n", `f.yaml:3:27: ours must be text, not a list`},
		{head + "  - element\n", `f.yaml:3:5: each conflict must be a mapping such as {element: ...}, not text`},
		{head + "  element: step\n", `f.yaml:3:3: conflicts must be a list (items start with "- "), not a mapping`},
	} {
		_, err := Parse("f.yaml", []byte(tc.src))
		if err == nil {
			t.Errorf("%q loads", tc.src)
			continue
		}
		if first := strings.Split(err.Error(), "\n")[0]; first != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, first, tc.want)
		}
	}
}
