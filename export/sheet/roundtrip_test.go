package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"servicebp/blueprint"
)

// templates returns the canonical bytes and documents of every template.
func templates(t *testing.T) map[string]*blueprint.Document {
	t.Helper()
	paths, err := filepath.Glob("../../assets/templates/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	out := map[string]*blueprint.Document{}
	for _, p := range paths {
		d, err := blueprint.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = d
	}
	return out
}

func canonical(t *testing.T, d *blueprint.Document) []byte {
	t.Helper()
	b, err := blueprint.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRoundTripCSV exports every template as CSV files, imports them and
// expects the same canonical YAML, byte for byte.
func TestRoundTripCSV(t *testing.T) {
	for name, d := range templates(t) {
		t.Run(name, func(t *testing.T) {
			want := canonical(t, d)
			b, err := BookOf(d)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "steps.csv")
			for _, f := range CSVFiles(path, b) {
				if err := os.WriteFile(f[0], []byte(f[1]), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := ImportFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("round trip differs:\n%s", firstDiff(want, got))
			}
		})
	}
}

// TestRoundTripXLSX does the same through an XLSX workbook.
func TestRoundTripXLSX(t *testing.T) {
	for name, d := range templates(t) {
		t.Run(name, func(t *testing.T) {
			want := canonical(t, d)
			b, err := BookOf(d)
			if err != nil {
				t.Fatal(err)
			}
			data, err := EncodeXLSX(b)
			if err != nil {
				t.Fatal(err)
			}
			if again, err := EncodeXLSX(b); err != nil || !bytes.Equal(again, data) {
				t.Errorf("a second encoding gives other bytes (%v)", err)
			}
			path := filepath.Join(t.TempDir(), "steps.xlsx")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := ImportFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("round trip differs:\n%s", firstDiff(want, got))
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y []byte
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if !bytes.Equal(x, y) {
			return "line " + strconv.Itoa(i+1) + ":\n want " + string(x) + "\n  got " + string(y)
		}
	}
	return ""
}
