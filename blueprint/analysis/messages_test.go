package analysis

import (
	"os"
	"path/filepath"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

// TestMessagesInEveryLanguage lints the shipped templates and the lint
// test files and tells every finding in every language: each key a message
// uses is in each catalogue, and no placeholder is left unfilled (an
// argument named differently from its placeholder would be).
func TestMessagesInEveryLanguage(t *testing.T) {
	var paths []string
	for _, glob := range []string{"../../assets/templates/*.yaml", "../../internal/cli/testdata/lint/*.yaml"} {
		p, err := filepath.Glob(glob)
		if err != nil || len(p) == 0 {
			t.Fatalf("no files in %s (%v)", glob, err)
		}
		paths = append(paths, p...)
	}
	rules := map[string]bool{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := blueprint.Parse(path, data)
		if err != nil {
			continue // invalid.yaml
		}
		for _, f := range Lint(d, Options{}) {
			rules[f.Rule] = true
			if f.Message != i18n.English.Text(f.Msg) {
				t.Errorf("%s: Message %q is not Msg in English", f.Rule, f.Message)
			}
			for _, l := range i18n.Langs {
				for _, k := range f.Msg.Keys() {
					if _, ok := l.Lookup(k); !ok {
						t.Errorf("%s: the %s catalogue has no %q", f.Rule, l, k)
					}
				}
				for _, p := range unfilled(l, f.Msg) {
					t.Errorf("%s in %s: {%s} has no argument in %q", f.Rule, l, p, l.Text(f.Msg))
				}
			}
		}
	}
	if len(rules) < 12 {
		t.Errorf("only %d rules fired over the files (%v); the test sees too little", len(rules), rules)
	}
}

// unfilled lists the placeholders of m's text in l, and of the messages
// among its arguments, that have no argument.
func unfilled(l i18n.Lang, m i18n.Message) []string {
	var out []string
	for _, p := range i18n.Placeholders(l.T(m.Key)) {
		if _, ok := m.Arg(p); !ok {
			out = append(out, p)
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case i18n.Message:
			out = append(out, unfilled(l, v)...)
		case i18n.List:
			for _, it := range v.Items {
				walk(it)
			}
		}
	}
	for _, a := range m.Args {
		walk(a.Value)
	}
	return out
}
