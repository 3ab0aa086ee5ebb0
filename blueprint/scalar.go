package blueprint

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// scalar writes s plain when YAML reads it back as the same text in every
// common reader, and double-quoted otherwise. inFlow is set inside {...}
// and [...], where commas and brackets end a plain scalar.
func (e *emitter) scalar(s string, inFlow bool) {
	if plainOK(s, inFlow) {
		e.buf.WriteString(s)
		return
	}
	e.buf.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			e.buf.WriteString(`\"`)
		case '\\':
			e.buf.WriteString(`\\`)
		case '\n':
			e.buf.WriteString(`\n`)
		case '\t':
			e.buf.WriteString(`\t`)
		case '\r':
			e.buf.WriteString(`\r`)
		default:
			if needsEscape(r) {
				if r <= 0xff {
					e.buf.WriteString(`\x` + hex2(int(r)))
				} else {
					e.buf.WriteString(fmt.Sprintf(`\u%04x`, r))
				}
				continue
			}
			e.buf.WriteRune(r)
		}
	}
	e.buf.WriteByte('"')
}

func hex2(n int) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[n>>4], digits[n&15]})
}

// needsEscape reports characters that must not appear raw in a YAML file:
// controls, line and paragraph separators, byte-order marks and invalid
// runes.
func needsEscape(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == utf8.RuneError
}

// reserved are plain words that YAML 1.1 or 1.2 readers take for
// something other than text.
var reserved = map[string]bool{
	"null": true, "~": true, "true": true, "false": true,
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	".inf": true, "-.inf": true, "+.inf": true, ".nan": true,
}

// plainOK reports whether s can be written as a plain scalar.
func plainOK(s string, inFlow bool) bool {
	if s == "" || s != strings.TrimSpace(s) || reserved[strings.ToLower(s)] {
		return false
	}
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	if looksNumeric(s) {
		return false
	}
	if strings.HasSuffix(s, ":") || strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.Contains(s, ":\t") {
		return false
	}
	if inFlow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	for _, r := range s {
		if r == '\n' || r == '\t' || r == '\r' || needsEscape(r) {
			return false
		}
	}
	return true
}

// looksNumeric reports strings that a YAML reader may take for a number,
// date or time: those starting with a digit, sign or dot and holding no
// space.
func looksNumeric(s string) bool {
	c := s[0]
	if !(c >= '0' && c <= '9') && c != '+' && c != '.' {
		return false
	}
	return !strings.ContainsAny(s, " ")
}

// literalOK reports whether a multi-line value can be written as a literal
// block scalar and read back unchanged.
func literalOK(s string) bool {
	if !strings.Contains(s, "\n") || strings.HasSuffix(s, "\n\n") {
		return false
	}
	if s[0] == ' ' || s[0] == '\t' || s[0] == '\n' {
		return false
	}
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line != strings.TrimRight(line, " \t") {
			return false
		}
	}
	for _, r := range s {
		if r == '\r' || needsEscape(r) && r != '\n' {
			return false
		}
	}
	return true
}
