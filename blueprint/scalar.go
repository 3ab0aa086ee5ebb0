package blueprint

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scalar writes s plain when YAML reads it back as the same text in every
// common reader, and double-quoted otherwise. inFlow is set inside {...}
// and [...], where commas, brackets and (in libyaml and yaml.v3) a
// question mark end a plain scalar.
func (e *emitter) scalar(s string, inFlow bool) {
	if plainScalar(s, inFlow) {
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
					fmt.Fprintf(&e.buf, `\u%04x`, r)
				}
				continue
			}
			e.buf.WriteRune(r)
		}
	}
	e.buf.WriteByte('"')
}

// plainScalar is the rule scalar uses to choose a plain scalar. It is a
// variable only so that a test can break it and check that Marshal then
// refuses its own output; production code never changes it.
var plainScalar = plainOK

func hex2(n int) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[n>>4], digits[n&15]})
}

// needsEscape reports characters that must not appear raw in a YAML file:
// controls, line and paragraph separators, byte-order marks, the two
// non-characters YAML refuses, invalid runes, and the bidirectional
// controls, which the loader refuses raw because they make a file display
// differently from what it holds.
func needsEscape(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 ||
		r == 0xfeff || r == 0xfffe || r == 0xffff || r == utf8.RuneError || isBidiControl(r)
}

// isBidiControl reports the Unicode bidirectional formatting characters:
// the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069,
// the marks U+200E and U+200F and the Arabic letter mark U+061C. Shown raw
// they can reorder what a reviewer sees (the "Trojan Source" problem).
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// reserved are plain words that YAML 1.1 or 1.2 readers take for
// something other than text.
var reserved = map[string]bool{
	"null": true, "~": true, "true": true, "false": true,
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	".inf": true, "-.inf": true, "+.inf": true, ".nan": true,
	"<<": true, "=": true,
}

// indicators are the characters that may not start a plain scalar: YAML's
// indicators and the backquote it reserves.
const indicators = "-?:,[]{}#&*!|>'\"%@`"

// plainOK reports whether s can be written as a plain scalar. It is
// deliberately stricter than YAML: whatever it lets through reads back as
// the same text in block context (after "key: ") and, when inFlow is set,
// as a value inside a flow mapping or sequence.
//
// Refused: the empty string; leading or trailing white space; a first
// character that is an indicator; words a reader takes for null, a
// boolean or a number; ": " or a final ":" and " #" anywhere; any tab,
// line break, control or character that needs an escape; and, in flow
// context, any of , [ ] { } ? : #.
func plainOK(s string, inFlow bool) bool {
	if s == "" || reserved[strings.ToLower(s)] {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(first) || unicode.IsSpace(last) || strings.ContainsRune(indicators, first) {
		return false
	}
	if looksNumeric(s) {
		return false
	}
	prevSpace := false
	for i, r := range s {
		switch r {
		case ':':
			if inFlow || i+1 == len(s) {
				return false
			}
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsSpace(next) {
				return false
			}
		case '#':
			if inFlow || prevSpace {
				return false
			}
		case ',', '[', ']', '{', '}', '?':
			if inFlow {
				return false
			}
		}
		if r < 0x20 || needsEscape(r) {
			return false
		}
		prevSpace = unicode.IsSpace(r)
	}
	return true
}

// looksNumeric reports strings that a YAML reader may take for a number,
// date or time: those starting with a digit, sign or dot and holding no
// space.
func looksNumeric(s string) bool {
	c := s[0]
	if !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' {
		return false
	}
	return !strings.ContainsAny(s, " ")
}

// literalOK reports whether a multi-line value can be written as a literal
// block scalar ("|" or "|-") and read back unchanged: it holds a line
// break, does not start with white space or a line break, ends with at
// most one line break, has no line with trailing white space, and holds
// no tab and nothing else that needs an escape.
func literalOK(s string) bool {
	if !strings.Contains(s, "\n") || strings.HasSuffix(s, "\n\n") {
		return false
	}
	if first, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(first) {
		return false
	}
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line != strings.TrimRightFunc(line, unicode.IsSpace) {
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
