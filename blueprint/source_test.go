package blueprint

import "testing"

// TestSourcePositions checks the line splitting (LF, CRLF and lone CR) and
// the conversions between offsets and character columns.
func TestSourcePositions(t *testing.T) {
	src := newSource([]byte("ab\r\n咖啡x\rq\n\nz"))
	if src.lines() != 5 {
		t.Fatalf("%d lines, want 5", src.lines())
	}
	for n, want := range []string{"", "ab", "咖啡x", "q", "", "z", ""} {
		if got := string(src.line(n)); got != want {
			t.Errorf("line(%d) = %q, want %q", n, got, want)
		}
	}
	for _, tt := range []struct{ line, col, off int }{
		{1, 1, 0}, {1, 2, 1}, {1, 3, -1}, {2, 1, 4}, {2, 3, 10}, {2, 2, 7}, {2, 4, -1}, {3, 1, 12}, {4, 1, -1}, {5, 1, 15}, {6, 1, -1}, {1, 0, -1},
	} {
		if got := src.offset(tt.line, tt.col); got != tt.off {
			t.Errorf("offset(%d, %d) = %d, want %d", tt.line, tt.col, got, tt.off)
		}
		if tt.off >= 0 {
			if l, c := src.pos(tt.off); l != tt.line || c != tt.col {
				t.Errorf("pos(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
			}
		}
	}
}
