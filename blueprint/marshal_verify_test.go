package blueprint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// breakPlainRule makes the writer emit every value raw, as a plain scalar,
// for the rest of the test: a writer with the quoting bug.
func breakPlainRule(t *testing.T) {
	t.Helper()
	saved := plainScalar
	plainScalar = func(string, bool) bool { return true }
	t.Cleanup(func() { plainScalar = saved })
}

func verifyFixture() *Document {
	d := New("Coffee", EnglishNames)
	d.Steps = []Step{
		{ID: "order", Lane: "customer", Column: "column", Text: "Order"},
		{ID: "pay", Lane: "customer", Column: "column", Text: "Pay"},
	}
	d.Flows = []Flow{{From: "order", To: "pay", Label: "next"}}
	return d
}

// TestMarshalRefusesBrokenEmission forces the writer to emit values raw and
// checks that Marshal refuses the output, calls it an internal error and
// names the element whose text broke it.
func TestMarshalRefusesBrokenEmission(t *testing.T) {
	tests := []struct {
		name string
		edit func(d *Document)
		want string
	}{
		{"flow label with a question mark", func(d *Document) { d.Flows[0].Label = "Paid? Print receipt" },
			`internal error: the canonical YAML written for flow "order" → "pay" does not load back (output line 13:39: YAML syntax error: did not find expected ',' or '}'); it was not written`},
		{"step text with a colon", func(d *Document) { d.Steps[1].Text = "Note: pay first" },
			`internal error: the canonical YAML written for step "pay" (its "text") does not load back (output line 11:15: YAML syntax error: mapping values are not allowed in this context); it was not written`},
		{"step owner that YAML reads as a boolean", func(d *Document) { d.Steps[0].Owner = "true" },
			`internal error: the canonical YAML written for step "order" (its "owner") does not load back (output line 8:12: owner must be text, not true/false; write it in quotes: owner: "true"); it was not written`},
		{"column phase with a comma", func(d *Document) { d.Columns[0].Phase = "Arrive, order" },
			`internal error: the canonical YAML written for column "column" does not load back (output line 4:33: unknown key "order" in a column; known keys are id, name, phase); it was not written`},
		{"title cut by a comment", func(d *Document) { d.Title = "Coffee #1" },
			`internal error: the canonical YAML written for the title reads back differently (text "Coffee" instead of "Coffee #1")`},
		{"tag with a bracket", func(d *Document) { d.Steps[0].Tags = []string{"a]b"} },
			`internal error: the canonical YAML written for step "order" does not load back (output line 4:3: YAML syntax error: did not find expected key); it was not written`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := verifyFixture()
			tt.edit(d)
			if _, err := Marshal(d); err != nil {
				t.Fatalf("with the real rule, Marshal refused the document: %v", err)
			}
			breakPlainRule(t)
			out, err := Marshal(d)
			if err == nil {
				t.Fatalf("Marshal returned output that the broken rule wrote:\n%s", out)
			}
			if out != nil {
				t.Errorf("Marshal returned %d bytes with its error", len(out))
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasSuffix(err.Error(), "it was not written") {
				t.Fatalf("error:\n%v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// TestMarshalRefusesInvalidDocument checks that a document the loader would
// refuse is not written either, with the element named.
func TestMarshalRefusesInvalidDocument(t *testing.T) {
	d := verifyFixture()
	d.Flows = append(d.Flows, Flow{From: "pay", To: "nowhere"})
	_, err := Marshal(d)
	want := `internal error: the canonical YAML written for flow "pay" → "nowhere" does not load back (output line 14:5: flow to "nowhere": no step has that id`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want %q", err, want)
	}
}

// TestMarshalRefusesOutputOverTheLimit checks item 6 of the format's
// promise: a file just under MaxFileSize whose canonical form is larger is
// refused rather than written, because the loader would refuse it.
func TestMarshalRefusesOutputOverTheLimit(t *testing.T) {
	const size = 10_485_737
	head, tail := "servicebp: 1\ntitle: '", "'\n"
	src := head + strings.Repeat(`"`, size-len(head)-len(tail)) + tail
	if len(src) != size || size > MaxFileSize {
		t.Fatalf("fixture is %d bytes", len(src))
	}
	d, err := Parse("big.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(d)
	if !errors.Is(err, ErrTooLarge) || out != nil {
		t.Fatalf("got %d bytes and %v, want ErrTooLarge", len(out), err)
	}
	prefix, suffix := "the canonical form of this blueprint is 20.0 MB (20971451 bytes): ", ", so it could not be opened again; it was not written"
	if msg := err.Error(); !strings.HasPrefix(msg, prefix) || !strings.HasSuffix(msg, suffix) || msg != prefix+ErrTooLarge.Error()+suffix {
		t.Fatalf("error:\n%v\nwant\n%s", err, prefix+ErrTooLarge.Error()+suffix)
	}
	d.Title = strings.Repeat("a", MaxFileSize-len("servicebp: 1\ntitle: \n"))
	if out, err := Marshal(d); err != nil || len(out) != MaxFileSize {
		t.Fatalf("output of exactly MaxFileSize: %d bytes, %v", len(out), err)
	}
}

// TestSaveWritesNothingWhenMarshalRefuses checks that a refused emission
// reaches no file: an existing file keeps its bytes and no new one appears.
func TestSaveWritesNothingWhenMarshalRefuses(t *testing.T) {
	dir := t.TempDir()
	d := verifyFixture()
	d.Flows[0].Label = "Paid? Print receipt"
	existing := filepath.Join(dir, "coffee.yaml")
	if err := Save(existing, d); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(existing)
	if err != nil {
		t.Fatal(err)
	}
	breakPlainRule(t)
	if err := Save(existing, d); err == nil || !strings.Contains(err.Error(), `internal error: the canonical YAML written for flow "order" → "pay"`) {
		t.Fatalf("Save over a file: %v", err)
	}
	if after, err := os.ReadFile(existing); err != nil || string(after) != string(before) {
		t.Fatalf("the file changed (%v):\n%s", err, after)
	}
	fresh := filepath.Join(dir, "new.yaml")
	if err := Save(fresh, d); err == nil {
		t.Fatal("Save of a new file succeeded")
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Fatalf("folder holds %v (%v), want only coffee.yaml", entries, err)
	}
}
