package blueprint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseRejects checks that every kind of bad file gets an error at the
// right place with a clear message, and never a panic.
func TestParseRejects(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // "LINE:COL: substring" of the first error
	}{
		{"empty", "", "1:1: file is empty"},
		{"whitespace only", "  \n\n", "1:1: file is empty"},
		{"only comments", "# nothing here\n# still nothing\n", "1:1: file holds only comments"},
		{"syntax error", "servicebp: 1\nsteps: [\n  - a\n", "YAML syntax error"},
		{"bad indentation", "servicebp: 1\ntitle: a\n  b: c\n", "3:4: YAML syntax error: mapping values are not allowed"},
		{"YAML 1.2 directive", "%YAML 1.2\n---\nservicebp: 1\n", "1:1: YAML directives (%YAML) are not allowed in blueprint files, which need none; remove the line"},
		{"two documents", "servicebp: 1\n---\nservicebp: 1\n", "2:1: a second YAML document"},
		{"top level list", "- servicebp: 1\n", "1:1: the top level must be a mapping"},
		{"top level scalar", "hello\n", "1:1: the top level must be a mapping"},
		{"missing version", "title: x\n", "1:1: missing format version"},
		{"newer version", "servicebp: 2\n", "1:12: this file uses servicebp format version 2, but this build reads up to version 1"},
		{"version zero", "servicebp: 0\n", "1:12: invalid format version 0"},
		{"version text", "servicebp: one\n", "1:12: servicebp must be a whole number"},
		{"version float", "servicebp: 1e3\n", "1:12: servicebp must be a small whole number, not 1e3"},
		{"version huge", "servicebp: 99999999999999999999\n", "1:12: servicebp must be a small whole number, not 99999999999999999999"},
		{"emotion huge", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, emotion: 99999999999}\n", "must be a small whole number, not 99999999999"},
		{"unknown key suggests", "servicebp: 1\ntitel: x\n", `2:1: unknown key "titel" in the top level; did you mean "title"?`},
		{"unknown step key", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, txt: hi}\n", `3:40: unknown key "txt" in a step; did you mean "text"?`},
		{"unknown key lists known", "servicebp: 1\nzzzzzz: 1\n", "known keys are servicebp, title"},
		{"duplicate key", "servicebp: 1\ntitle: a\ntitle: b\n", `3:1: duplicate key "title"`},
		{"steps not a list", "servicebp: 1\nsteps: hello\n", "2:8: steps must be a list"},
		{"step not a mapping", "servicebp: 1\nsteps:\n  - hello\n", "3:5: each step must be a mapping"},
		{"title a list", "servicebp: 1\ntitle: [a]\n", "2:8: title must be text, not a list"},
		{"title a bool", "servicebp: 1\ntitle: true\n", "2:8: title must be text, not true/false"},
		{"moment not bool", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, moment: often}\n", "moment must be true or false"},
		{"emotion range", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, emotion: 3}\n", "emotion must be between -2 and 2, not 3"},
		{"emotion text", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, emotion: happy}\n", "emotion must be a whole number"},
		{"bad duration", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, wait: 5 minutes}\n", "wait: invalid duration"},
		{"duration units order", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, wait: 5m1h}\n", "largest to smallest"},
		{"missing step id", "servicebp: 1\nsteps:\n  - {lane: customer, column: c}\n", `3:5: a step is missing its "id"`},
		{"bad id chars", "servicebp: 1\nsteps:\n  - {id: a b, lane: customer, column: c}\n", "contains ' '"},
		{"duplicate step id", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c}\n  - {id: a, lane: customer, column: c}\n", `4:5: duplicate id "a": already used by the step at line 3`},
		{"duplicate column id", "servicebp: 1\ncolumns: [{id: a}, {id: a}]\n", `2:20: duplicate id "a": already used by the column at line 2`},
		{"unknown lane", "servicebp: 1\nsteps:\n  - {id: a, lane: custmer, column: c}\n", `step "a": unknown lane "custmer"; did you mean "customer"?`},
		{"unknown column", "servicebp: 1\ncolumns: [{id: arrive}]\nsteps:\n  - {id: a, lane: customer, column: arive}\n", `unknown column "arive"; did you mean "arrive"?`},
		{"flow to missing step", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c}\nflows:\n  - {from: a, to: b}\n", `5:5: flow to "b": no step has that id`},
		{"self flow", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c}\nflows:\n  - {from: a, to: a}\n", "to itself"},
		{"duplicate flow", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c}\n  - {id: b, lane: customer, column: c}\nflows:\n  - {from: a, to: b}\n  - {from: a, to: b}\n", "duplicate flow"},
		{"line below missing lane", "servicebp: 1\nlines:\n  - {id: visibility, below: front}\n", `below: unknown lane "front"`},
		{"line below last lane", "servicebp: 1\nlines:\n  - {id: visibility, below: support}\n", "below the last lane"},
		{"two lines below one lane", "servicebp: 1\nlines:\n  - {id: visibility, below: customer}\n  - {id: interaction, below: customer}\n", "already below lane"},
		{"bad lane kind", "servicebp: 1\nlanes:\n  - {id: a, kind: partner}\n  - {id: b}\n", `unknown lane kind "partner"`},
		{"bad line style", "servicebp: 1\nlines:\n  - {id: visibility, below: customer, style: dahsed}\n", `did you mean "dashed"?`},
		{"no lanes", "servicebp: 1\nlanes: []\n", "at least one lane"},
		{"anchor", "servicebp: 1\ntitle: &t hello\ndescription: *t\n", "anchors (&t) are not allowed"},
		{"alias", "servicebp: 1\nsteps:\n  - &s {id: a, lane: customer, column: c}\n  - *s\n", "not allowed"},
		{"merge key", "servicebp: 1\nsteps:\n  - {<<: {id: a}, lane: customer, column: c}\n", "merge keys"},
		{"tag", "servicebp: 1\ntitle: !!binary aGVsbG8=\n", "YAML tags (!!binary) are not allowed"},
		{"deep nesting", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, tags: [[[x]]]}\n", "nesting is too deep"},
		{"very deep nesting", "servicebp: 1\ntitle: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n", "2:"},
		{"invalid utf8", "servicebp: 1\ntitle: caf\xe9\n", "2:11: invalid UTF-8"},
		{"control character", "servicebp: 1\ntitle: a\x07b\n", "2:9: control character U+0007"},
		{"nul byte", "servicebp: 1\x00\n", "1:13: control character U+0000"},
		{"key is a mapping", "servicebp: 1\n? {a: b}\n: c\n", "keys must be plain words"},
		{"lint not a mapping", "servicebp: 1\nlint: [a]\n", "lint must be a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("bad.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse accepted the file: %+v", doc)
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is %T, want a non-empty ErrorList", err)
			}
			if !strings.Contains(err.Error(), "bad.yaml:"+tt.want) && !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error:\n%v\nwant it to contain %q", err, tt.want)
			}
			for _, e := range list {
				if e.File != "bad.yaml" || e.Line < 1 || e.Col < 1 || e.Msg == "" {
					t.Errorf("malformed error %#v", e)
				}
			}
		})
	}
}

// TestParseReportsAllErrors checks that the loader does not stop at the
// first problem, and caps the list.
func TestParseReportsAllErrors(t *testing.T) {
	src := "servicebp: 1\ntitel: x\nsteps:\n  - {id: a, lane: nowhere, column: c}\n  - {id: b, lane: customer, column: c, emotion: 9}\n"
	_, err := Parse("f.yaml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	if len(list) != 3 {
		t.Fatalf("got %d errors, want 3:\n%v", len(list), err)
	}
	wantLines := []int{2, 4, 5}
	for i, e := range list {
		if e.Line != wantLines[i] {
			t.Errorf("error %d at line %d, want %d: %v", i, e.Line, wantLines[i], e)
		}
	}

	var b strings.Builder
	b.WriteString("servicebp: 1\nsteps:\n")
	for range 200 {
		b.WriteString("  - {id: a, lane: x, column: c}\n")
	}
	_, err = Parse("many.yaml", []byte(b.String()))
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	if len(list) != MaxErrors+1 || !strings.Contains(list[MaxErrors].Msg, "too many errors") {
		t.Fatalf("got %d errors, last %v; want %d and a 'too many errors' note", len(list), list[len(list)-1], MaxErrors+1)
	}
}

// TestParseChecksRulesOnStepsWithErrors: a step with a bad field is still
// checked for a duplicate id, an unknown lane and the flows to it, so one
// load reports what a second would.
func TestParseChecksRulesOnStepsWithErrors(t *testing.T) {
	src := "servicebp: 1\nsteps:\n" +
		"  - {id: a, lane: customer, column: c, emotion: high}\n" +
		"  - {id: a, lane: customr, column: c}\n" +
		"  - {id: b, lane: customer}\n" +
		"flows:\n  - {from: b, to: a}\n  - {from: a, to: zz}\n"
	_, err := Parse("f.yaml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, fmt.Sprintf("%d: %s", e.Line, e.Msg))
	}
	want := []string{
		`3: emotion must be a whole number, not text`,
		`4: duplicate id "a": already used by the step at line 3`,
		`4: step "a": unknown lane "customr"; did you mean "customer"?`,
		`5: a step is missing its "column"`,
		`8: flow to "zz": no step has that id`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadRefusesLargeFileBeforeReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: large on paper, so a loader that read it whole would
	// allocate 11 MB, while the size check refuses it from its metadata.
	if err := f.Truncate(MaxFileSize + 1<<20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(path)
	if err == nil || !strings.Contains(err.Error(), path+":1:1: file is 11.0 MB; blueprint files are limited to 10 MB") {
		t.Fatalf("got %v", err)
	}
	if _, err := ReadLimited(bytes.NewReader(make([]byte, MaxFileSize+1))); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ReadLimited: got %v, want ErrTooLarge", err)
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.yaml"), "1:1: cannot read file: no such file or directory"},
		{dir, "1:1: is a directory"},
		{os.DevNull, "1:1: is not a regular file"},
	} {
		_, err := Load(tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.path+":"+tt.want) {
			t.Errorf("Load(%s) = %v, want %q", tt.path, err, tt.want)
		}
	}
}

func TestParseMinimalAndDefaults(t *testing.T) {
	src := "servicebp: 1\ntitle: Coffee\nsteps:\n  - {id: order, lane: customer, column: order, text: Order}\n  - {id: make, lane: backstage, column: brew, text: Brew}\n"
	d, err := Parse("m.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lanes) != 5 || len(d.Lines) != 3 {
		t.Fatalf("got %d lanes and %d lines, want the 5 and 3 defaults", len(d.Lanes), len(d.Lines))
	}
	if d.Lines[1].Style != StyleDashed || d.Lines[1].Below != "frontstage" {
		t.Errorf("visibility line = %+v", d.Lines[1])
	}
	if len(d.Columns) != 2 || d.Columns[0].ID != "order" || d.Columns[1].ID != "brew" {
		t.Errorf("derived columns = %+v", d.Columns)
	}
	if d.Steps[0].Pos != (Pos{Line: 4, Col: 5}) {
		t.Errorf("step position = %+v", d.Steps[0].Pos)
	}
}

func TestCustomLanesKeepTheirLines(t *testing.T) {
	src := "servicebp: 1\nlanes:\n  - {id: customer, name: Guest}\n  - {id: partner, name: Partner hotels}\n  - {id: frontstage}\n  - {id: backstage}\n"
	d, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if d.Lanes[1].Kind != LaneCustom || d.Lanes[0].Name != "Guest" || d.Lanes[2].Name != "Frontstage actions" {
		t.Errorf("lanes = %+v", d.Lanes)
	}
	// The internal line would sit below the last lane, so only two remain.
	if len(d.Lines) != 2 || d.Lines[0].Below != "customer" || d.Lines[1].Below != "frontstage" {
		t.Errorf("lines = %+v", d.Lines)
	}
}
