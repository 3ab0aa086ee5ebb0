package blueprint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzLoad checks that no input makes the loader panic or hit its recover
// (an internal error), that every refusal is an ErrorList positioned in the
// file, and that every accepted file saves to a canonical form that loads
// again to the same document and is stable.
func FuzzLoad(f *testing.F) {
	seeds, err := filepath.Glob("testdata/seeds/*.yaml")
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no seed corpus in testdata/seeds (%v)", err)
	}
	templates, err := filepath.Glob("../assets/templates/*.yaml")
	if err != nil || len(templates) == 0 {
		f.Fatalf("no templates in ../assets/templates (%v)", err)
	}
	for _, p := range append(seeds, templates...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(richSource))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := checkLoad(data); err != nil {
			t.Fatal(err)
		}
	})
}

// checkLoad parses data and reports what is wrong with the result (see
// checkParsed).
func checkLoad(data []byte) error {
	d, err := Parse("fuzz.yaml", data)
	return checkParsed(data, d, err)
}

// checkParsed reports what is wrong with d, err, Parse's result for data:
// nil for a refusal that is an ErrorList of the file's own problems, each
// positioned within it, or for a document whose canonical form loads back
// to the same document and is stable; an error otherwise, and always for
// an internal error, which is a bug in servicebp however it is worded.
func checkParsed(data []byte, d *Document, err error) error {
	if err != nil {
		if errors.Is(err, ErrInternal) {
			return fmt.Errorf("the loader hit an internal error (a recovered panic): %v", err)
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return fmt.Errorf("error %T is not a non-empty ErrorList: %v", err, err)
		}
		lines := lineCount(data)
		for _, e := range list {
			if e.Line < 1 || e.Col < 1 || e.Msg == "" {
				return fmt.Errorf("malformed error %#v", e)
			}
			if e.Line > lines {
				return fmt.Errorf("error at line %d of a %d-line file: %v", e.Line, lines, e)
			}
		}
		return nil
	}
	out, err := Marshal(d)
	if err != nil {
		return fmt.Errorf("Marshal of an accepted file failed: %v", err)
	}
	d2, err := Parse("fuzz.yaml", out)
	if err != nil {
		return fmt.Errorf("canonical output does not load: %v\n%s", err, out)
	}
	out2, err := Marshal(d2)
	if err != nil {
		return fmt.Errorf("Marshal of the canonical output failed: %v", err)
	}
	if !bytes.Equal(out2, out) {
		return fmt.Errorf("canonical form is not stable:\n%s\n---\n%s", out, out2)
	}
	if diff := docDiff(d, d2); diff != "" {
		return fmt.Errorf("the canonical output loads to another document: %s\n%s", diff, out)
	}
	return nil
}

// lineCount is the number of lines of data, counting "\n", "\r\n" and a
// lone "\r" as line breaks, so that an error may sit on the line after
// the last break.
func lineCount(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return 1 + strings.Count(s, "\n") + strings.Count(s, "\r")
}

// docDiff names the first part in which a and b differ once their source
// positions, which a save does not keep, are set aside; "" when they
// are the same.
func docDiff(a, b *Document) string {
	a, b = withoutPos(a), withoutPos(b)
	parts := []struct {
		name string
		x, y any
	}{
		{"version", a.Version, b.Version},
		{"title", a.Title, b.Title},
		{"description", a.Description, b.Description},
		{"lanes", a.Lanes, b.Lanes},
		{"lines", a.Lines, b.Lines},
		{"columns", a.Columns, b.Columns},
		{"steps", a.Steps, b.Steps},
		{"flows", a.Flows, b.Flows},
		{"lint", a.Lint, b.Lint},
		// The canonical form may move a top-level comment (one on a key
		// it leaves out goes above the next key), but never loses one.
		{"comments", commentLines(a.Comments), commentLines(b.Comments)},
	}
	for _, p := range parts {
		if !reflect.DeepEqual(p.x, p.y) {
			return fmt.Sprintf("%s: %+v, then %+v", p.name, p.x, p.y)
		}
	}
	return ""
}

// commentLines is every non-blank line of the top-level comments, sorted.
func commentLines(c Comments) []string {
	var all []string
	add := func(text string) {
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "#")); l != "" {
				all = append(all, l)
			}
		}
	}
	add(c.Header)
	add(c.Footer)
	for _, m := range []map[string]string{c.Keys, c.KeyLines} {
		for _, text := range m {
			add(text)
		}
	}
	slices.Sort(all)
	return all
}

// withoutPos is a copy of d with every Pos zero and every empty slice or
// map nil.
func withoutPos(d *Document) *Document {
	c := d.Clone()
	c.Lanes = nilIfEmpty(c.Lanes)
	c.Lines = nilIfEmpty(c.Lines)
	c.Columns = nilIfEmpty(c.Columns)
	c.Steps = nilIfEmpty(c.Steps)
	c.Flows = nilIfEmpty(c.Flows)
	c.Lint.Disable = nilIfEmpty(c.Lint.Disable)
	if len(c.Comments.Keys) == 0 {
		c.Comments.Keys = nil
	}
	if len(c.Comments.KeyLines) == 0 {
		c.Comments.KeyLines = nil
	}
	for i := range c.Lanes {
		c.Lanes[i].Pos = Pos{}
	}
	for i := range c.Lines {
		c.Lines[i].Pos = Pos{}
	}
	for i := range c.Columns {
		c.Columns[i].Pos = Pos{}
	}
	for i := range c.Steps {
		s := &c.Steps[i]
		s.Pos = Pos{}
		s.Tags = nilIfEmpty(s.Tags)
		if len(s.KeyComments) == 0 {
			s.KeyComments = nil
		}
	}
	for i := range c.Flows {
		c.Flows[i].Pos = Pos{}
	}
	return c
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TestCheckParsedFailsOnInternalError feeds FuzzLoad's check the error
// Parse's recover returns, which must fail the fuzz target however it is
// worded, and an ordinary refusal, which must not.
func TestCheckParsedFailsOnInternalError(t *testing.T) {
	data := []byte("servicebp: 1\ntitle: x\n")
	internal := internalError("fuzz.yaml", "assignment to entry in nil map")
	if got := internal.Error(); got != "fuzz.yaml:1:1: internal error while reading the file: assignment to entry in nil map" {
		t.Errorf("the internal error reads %q", got)
	}
	if !errors.Is(internal, ErrInternal) {
		t.Fatal("the recovered panic's ErrorList does not wrap ErrInternal")
	}
	if err := checkParsed(data, nil, internal); err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Errorf("checkParsed passed an internal error: %v", err)
	}
	// Wrapped by a caller, it is still found.
	if err := checkParsed(data, nil, fmt.Errorf("open: %w", internal)); err == nil {
		t.Error("checkParsed passed a wrapped internal error")
	}
	refusal := fileError("fuzz.yaml", "internal error while reading the file: looks the same")
	if errors.Is(refusal, ErrInternal) {
		t.Error("an ordinary refusal wraps ErrInternal")
	}
	if err := checkParsed(data, nil, refusal); err != nil {
		t.Errorf("checkParsed failed an ordinary refusal: %v", err)
	}
	outside := ErrorList{{File: "fuzz.yaml", Line: 4, Col: 1, Msg: "past the end"}}
	if err := checkParsed(data, nil, outside); err == nil {
		t.Error("checkParsed passed an error positioned past the last line")
	}
}
