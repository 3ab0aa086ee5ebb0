package sheet

import (
	"reflect"
	"testing"
)

// TestEscapeCell checks the CSV-injection guard: formula-like cells get an
// apostrophe, numbers and plain text do not, and unescaping gives every
// cell back.
func TestEscapeCell(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+1 555", "'+1 555"},
		{"-rf", "'-rf"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-2", "-2"},
		{"+1.5", "+1.5"},
		{"'=x", "''=x"},
		{"'-2", "''-2"},
		{"'quoted", "'quoted"},
		{"plain", "plain"},
		{"", ""},
		{"顾客=上帝", "顾客=上帝"},
	} {
		if got := escapeCell(c.in); got != c.out {
			t.Errorf("escapeCell(%q) = %q, want %q", c.in, got, c.out)
		}
		if got := unescapeCell(escapeCell(c.in)); got != c.in {
			t.Errorf("unescapeCell(escapeCell(%q)) = %q", c.in, got)
		}
	}
	// A hand-written apostrophe before text that is not formula-like is
	// part of the text.
	if got := unescapeCell("'tis"); got != "'tis" {
		t.Errorf("unescapeCell('tis) = %q", got)
	}
}

// FuzzEscapeCell checks that escaping always round-trips and never leaves
// a formula-like start.
func FuzzEscapeCell(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "''-x", "-3", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := escapeCell(s)
		if unescapeCell(e) != s {
			t.Fatalf("%q: escaped %q unescapes to %q", s, e, unescapeCell(e))
		}
		if formulaStart(e) {
			t.Fatalf("%q: escaped %q still starts a formula", s, e)
		}
	})
}

func TestLists(t *testing.T) {
	for _, items := range [][]string{
		{"system"}, {"a", "b"}, {"a, b", "c"}, {" padded"}, {"[x]"}, {"标签", "另一个"},
	} {
		got, err := splitList(joinList(items))
		if err != nil || !reflect.DeepEqual(got, items) {
			t.Errorf("%q: joined %q, split %q, %v", items, joinList(items), got, err)
		}
	}
	got, err := splitList("快递，到店、 self-service ,")
	if err != nil || !reflect.DeepEqual(got, []string{"快递", "到店", "self-service"}) {
		t.Errorf("hand-written list: %q, %v", got, err)
	}
}
