package blueprint

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad checks that no input makes the loader panic, that every failure
// is a positioned ErrorList, and that every accepted file saves to a
// canonical form that loads again and is stable.
func FuzzLoad(f *testing.F) {
	seeds, err := filepath.Glob("testdata/seeds/*.yaml")
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no seed corpus in testdata/seeds (%v)", err)
	}
	templates, _ := filepath.Glob("../assets/templates/*.yaml")
	for _, p := range append(seeds, templates...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(richSource))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("fuzz.yaml", data)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %T is not a non-empty ErrorList: %v", err, err)
			}
			for _, e := range list {
				if e.Line < 1 || e.Col < 1 || e.Msg == "" {
					t.Fatalf("malformed error %#v", e)
				}
			}
			return
		}
		out, err := Marshal(d)
		if err != nil {
			t.Fatalf("Marshal of an accepted file failed: %v", err)
		}
		d2, err := Parse("fuzz.yaml", out)
		if err != nil {
			t.Fatalf("canonical output does not load: %v\n%s", err, out)
		}
		out2, err := Marshal(d2)
		if err != nil || string(out2) != string(out) {
			t.Fatalf("canonical form is not stable:\n%s\n---\n%s", out, out2)
		}
	})
}
