package blueprint

import (
	"errors"
	"testing"
)

// TestSecondDocumentLine checks that a second YAML document is reported on
// the line of its "---", never past the end of the file.
func TestSecondDocumentLine(t *testing.T) {
	for _, tc := range []struct {
		src  string
		line int
	}{
		{"servicebp: 1\n---\n", 2},
		{"0\n---", 2},
		{"---\nservicebp: 1\n--- # again\nservicebp: 1\n", 3},
		{"# head\nservicebp: 1\n\n---\ntitle: x\n", 4},
		{"servicebp: 1\r---\r", 2},
	} {
		_, err := Parse("s.yaml", []byte(tc.src))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 {
			t.Errorf("%q: want one error, got %v", tc.src, err)
			continue
		}
		if list[0].Line != tc.line {
			t.Errorf("%q: reported at line %d, want %d (%v)", tc.src, list[0].Line, tc.line, list[0])
		}
	}
}
