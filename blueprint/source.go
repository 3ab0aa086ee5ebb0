package blueprint

import (
	"bytes"
	"unicode/utf8"
)

// source is the text of a file being loaded, split into lines the way YAML
// splits them: a line ends at "\n", "\r\n" or a lone "\r". Lines and
// columns are 1-based, and columns count characters, as yaml.v3 does.
type source struct {
	data   []byte
	start  []int // byte offset where each line starts
	cursor struct{ line, col, off int }
}

func newSource(data []byte) *source {
	s := &source{data: data, start: make([]int, 1, 1+bytes.Count(data, []byte{'\n'}))}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			continue
		}
		s.start = append(s.start, i+1)
	}
	return s
}

// lines is the number of lines.
func (s *source) lines() int { return len(s.start) }

// line returns the text of line n without its line break, or nil when
// there is no such line.
func (s *source) line(n int) []byte {
	if n < 1 || n > len(s.start) {
		return nil
	}
	end := len(s.data)
	if n < len(s.start) {
		end = s.start[n]
	}
	text := s.data[s.start[n-1]:end]
	text = bytes.TrimSuffix(text, []byte{'\n'})
	return bytes.TrimSuffix(text, []byte{'\r'})
}

// offset returns the byte offset of the character at line n, column col,
// or -1 when there is none. Calls in text order, as the decoder makes them, are
// cheap: each goes on from where the one before stopped on the same line,
// so a long line is walked once.
func (s *source) offset(n, col int) int {
	text := s.line(n)
	if text == nil || col < 1 {
		return -1
	}
	off, c := s.start[n-1], 1
	if s.cursor.line == n && s.cursor.col <= col {
		off, c = s.cursor.off, s.cursor.col
	}
	end := s.start[n-1] + len(text)
	for ; c < col; c++ {
		if off >= end {
			return -1
		}
		_, size := utf8.DecodeRune(s.data[off:end])
		off += size
	}
	if off >= end {
		return -1
	}
	s.cursor.line, s.cursor.col, s.cursor.off = n, col, off
	return off
}

// pos returns the line and column of the byte offset off.
func (s *source) pos(off int) (int, int) {
	lo, hi := 0, len(s.start)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.start[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, 1 + utf8.RuneCount(s.data[s.start[lo]:min(off, len(s.data))])
}

// column returns the 1-based column of byte index i of line n.
func (s *source) column(n, i int) int {
	return 1 + utf8.RuneCount(s.line(n)[:i])
}
