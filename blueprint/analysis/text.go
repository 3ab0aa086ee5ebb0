package analysis

import (
	"strings"
	"unicode"

	"servicebp/blueprint/i18n"
)

// Card text limits for text-too-long-for-projection. A card on a projected
// workshop board stays readable from the back of the room at about four
// short lines; longer text belongs in the step's notes.
const (
	// MaxProjectionWidth is the widest card text, in character cells, that
	// reads well when projected: a CJK (wide) character takes two cells.
	MaxProjectionWidth = 60
	// MaxProjectionLines is the most lines card text may have.
	MaxProjectionLines = 4
)

// TextWidth returns the width of text in character cells, ignoring line
// breaks: wide East Asian characters count two, others one.
func TextWidth(text string) int {
	w := 0
	for _, r := range text {
		switch {
		case r == '\n' || r == '\r':
		case isWide(r):
			w += 2
		default:
			w++
		}
	}
	return w
}

// isWide reports whether r is displayed in two cells: Han, kana, Hangul,
// CJK punctuation and fullwidth forms.
func isWide(r rune) bool {
	switch {
	case r < 0x1100: // Latin, Greek, Cyrillic and the like are narrow
		return false
	case r >= 0xff61 && r <= 0xffdc: // halfwidth forms
		return false
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return true
	case r >= 0x3000 && r <= 0x303f, // CJK symbols and punctuation
		r >= 0xff00 && r <= 0xff60, // fullwidth forms
		r >= 0xffe0 && r <= 0xffe6:
		return true
	}
	return false
}

// tooLong reports whether card text is too long to project, and why.
func tooLong(text string) (i18n.Message, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return i18n.Message{}, false
	}
	if n := strings.Count(text, "\n") + 1; n > MaxProjectionLines {
		return i18n.M("lint.text-too-long.lines", "lines", n, "max", MaxProjectionLines), true
	}
	// A character is never wider than its UTF-8 encoding is long, so
	// short text needs no measuring.
	if len(text) <= MaxProjectionWidth {
		return i18n.Message{}, false
	}
	if w := TextWidth(text); w > MaxProjectionWidth {
		return i18n.M("lint.text-too-long.width", "width", w, "max", MaxProjectionWidth), true
	}
	return i18n.Message{}, false
}

func checkTextTooLong(c *checker) {
	for i, s := range c.x.d.Steps {
		if why, long := tooLong(s.Text); long {
			c.stepFinding(i, i18n.M("lint.text-too-long-for-projection", "step", c.name(i), "why", why))
		}
	}
}
