package layout

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ellipsis ends text that was cut short.
const Ellipsis = "…"

// TextLine is one line of text placed in world coordinates: Pos is the
// top-left corner of its box of size W × H.
type TextLine struct {
	Text string
	Pos  Point
	W, H float32
	Size float32
	Bold bool
}

// Rect is the box of the line.
func (t TextLine) Rect() Rect { return Rect{t.Pos.X, t.Pos.Y, t.W, t.H} }

// measurer memoises a Measure for the duration of one Compute.
type measurer struct {
	m     Measure
	cache map[measureKey][2]float32
}

type measureKey struct {
	text string
	size float32
	bold bool
}

// newMeasurer caches the measures of m for one layout, which measures
// hundreds of texts; a single Wrap or Truncate uses newTextMeasurer.
func newMeasurer(m Measure) *measurer {
	return &measurer{m: m, cache: make(map[measureKey][2]float32, 256)}
}

// newTextMeasurer caches the measures of m for one text: a few words.
func newTextMeasurer(m Measure) *measurer {
	return &measurer{m: m, cache: make(map[measureKey][2]float32)}
}

func (m *measurer) size(text string, size float32, bold bool) (float32, float32) {
	k := measureKey{text, size, bold}
	if v, ok := m.cache[k]; ok {
		return v[0], v[1]
	}
	w, h := m.m(text, size, bold)
	m.cache[k] = [2]float32{w, h}
	return w, h
}

func (m *measurer) width(text string, size float32, bold bool) float32 {
	w, _ := m.size(text, size, bold)
	return w
}

// widthUpTo is the width of text when it is at most limit, and otherwise
// some width over limit: a long text is measured by ever longer prefixes,
// so that 10 MB of text is not shaped whole to learn that it does not fit
// a column.
func (m *measurer) widthUpTo(text string, size float32, bold bool, limit float32) float32 {
	for n := 256; n < len(text); n *= 4 {
		for n > 0 && !utf8.RuneStart(text[n]) {
			n--
		}
		if w := m.width(text[:n], size, bold); w > limit {
			return w
		}
	}
	return m.width(text, size, bold)
}

// lineHeight is the height of one line of text at size, without spacing.
func (m *measurer) lineHeight(size float32, bold bool) float32 {
	_, h := m.size("Mg", size, bold)
	return h
}

// IsCJK reports whether r belongs to a script written without spaces
// between words (Han, kana, Hangul) or is CJK punctuation; such text wraps
// between any two characters.
func IsCJK(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo: Latin, Greek, Cyrillic ...
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || // CJK symbols and punctuation
		(r >= 0xff00 && r <= 0xffef) // full-width forms
}

// noLineStart holds characters that must not begin a line: closing
// punctuation of CJK and Latin text.
const noLineStart = "，。、；：！？）」』】》〉〕…,.;:!?)]}%"

// noLineEnd holds characters that must not end a line: opening brackets
// and quotes, which go on to the next line with what they open.
const noLineEnd = "（「『【《〈〔“‘([{"

// tokens yields the wrapping units of one paragraph, in order: runs of
// spaces, words of non-CJK text, and single CJK characters. It yields them
// as it finds them, so wrapping that stops early reads no further.
func tokens(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := 0
		kind := 0 // 0 none, 1 space, 2 word
		for i, r := range s {
			switch {
			case unicode.IsSpace(r):
				if kind == 1 {
					continue
				}
				kind = 1
			case IsCJK(r):
				kind = 0
				end := i + utf8.RuneLen(r)
				if i > start && !yield(s[start:i]) || !yield(s[i:end]) {
					return
				}
				start = end
				continue
			default:
				if kind == 2 {
					continue
				}
				kind = 2
			}
			if i > start && !yield(s[start:i]) {
				return
			}
			start = i
		}
		if len(s) > start {
			yield(s[start:])
		}
	}
}

// Wrap breaks text into lines no wider than width: between words for Latin
// scripts, between characters for CJK, and inside a word only when the word
// alone is too wide. Explicit newlines are kept. Past maxLines (when > 0)
// the last kept line ends with an ellipsis and truncated is true.
func Wrap(text string, width, size float32, bold bool, maxLines int, measure Measure) (lines []string, truncated bool) {
	return wrap(newTextMeasurer(measure), text, width, size, bold, maxLines)
}

func wrap(m *measurer, text string, width, size float32, bold bool, maxLines int) ([]string, bool) {
	text = strings.ReplaceAll(text, "\r", "")
	var lines []string
	cut := false
	for para := range strings.SplitSeq(text, "\n") {
		limit := 0
		if maxLines > 0 {
			limit = maxLines + 1 - len(lines) // one more shows that text was cut
		}
		if para == "" {
			lines = append(lines, "")
		} else {
			lines = append(lines, wrapParagraph(m, para, width, size, bold, limit)...)
		}
		if maxLines > 0 && len(lines) > maxLines {
			if slices.ContainsFunc(lines[maxLines:], func(s string) bool { return s != "" }) {
				cut = true
				break
			}
			// Empty lines past the last shown one matter only if text
			// follows them.
			lines = lines[:maxLines]
		}
	}
	if cut {
		lines = lines[:maxLines]
	}
	for len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if cut {
		lines[len(lines)-1] = ellipsize(m, lines[len(lines)-1], width, size, bold, true)
	}
	return lines, cut
}

// wrapParagraph wraps one paragraph, stopping after limit lines when limit
// is positive: a long text on a card of a few lines is not wrapped whole.
func wrapParagraph(m *measurer, para string, width, size float32, bold bool, limit int) []string {
	var lines []string
	var cur strings.Builder
	curW := float32(0)
	emit := func() {
		lines = append(lines, strings.TrimRightFunc(cur.String(), unicode.IsSpace))
		cur.Reset()
		curW = 0
	}
	for tok := range tokens(para) {
		if limit > 0 && len(lines) >= limit {
			return lines
		}
		r, _ := utf8.DecodeRuneInString(tok)
		if unicode.IsSpace(r) {
			if cur.Len() == 0 {
				continue
			}
			cur.WriteString(tok)
			curW += m.widthUpTo(tok, size, bold, width)
			continue
		}
		w := m.widthUpTo(tok, size, bold, width)
		if curW+w <= width || (cur.Len() > 0 && utf8.RuneCountInString(tok) == 1 && strings.ContainsRune(noLineStart, r)) {
			cur.WriteString(tok)
			curW += w
			continue
		}
		if cur.Len() > 0 {
			// An opening bracket at the end of the line moves on to the
			// next one, unless it is all the line holds.
			line := cur.String()
			last, n := utf8.DecodeLastRuneInString(line)
			if n < len(line) && strings.ContainsRune(noLineEnd, last) {
				cur.Reset()
				cur.WriteString(line[:len(line)-n])
				emit()
				cur.WriteRune(last)
				curW = m.width(string(last), size, bold)
				if limit > 0 && len(lines) >= limit {
					return lines
				}
			} else {
				emit()
			}
		}
		if curW+w <= width {
			cur.WriteString(tok)
			curW += w
			continue
		}
		if cur.Len() > 0 {
			emit()
		}
		if w <= width {
			cur.WriteString(tok)
			curW = w
			continue
		}
		// A single word wider than the line: break it between characters.
		for _, c := range tok {
			cw := m.width(string(c), size, bold)
			if cur.Len() > 0 && curW+cw > width {
				emit()
				if limit > 0 && len(lines) >= limit {
					return lines
				}
			}
			cur.WriteRune(c)
			curW += cw
		}
	}
	if cur.Len() > 0 || len(lines) == 0 {
		emit()
	}
	return lines
}

// ellipsize shortens s until s + "…" fits width. With force, the ellipsis
// is added even when s already fits. It keeps the longest prefix, in runes,
// that fits with the ellipsis, found by doubling and then halving the
// prefix: a few measures of text about as long as the result, however long
// s is.
func ellipsize(m *measurer, s string, width, size float32, bold, force bool) string {
	if !force && m.widthUpTo(s, size, bold, width) <= width {
		return s
	}
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	n := utf8.RuneCountInString(s)
	// prefix is the first k runes of s; the search only asks for short ones
	// unless most of s fits.
	prefix := func(k int) string {
		i := 0
		for ; k > 0; k-- {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		return s[:i]
	}
	fits := func(k int) bool { return m.width(prefix(k)+Ellipsis, size, bold) <= width }
	// Find lo < hi with the first lo runes fitting (lo = 0 needs no check:
	// the result is then the bare ellipsis) and the first hi not fitting.
	lo, hi := 0, n+1
	for step := 1; lo+step <= n; step *= 2 {
		if !fits(lo + step) {
			hi = lo + step
			break
		}
		lo += step
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return strings.TrimRightFunc(prefix(lo), unicode.IsSpace) + Ellipsis
}

// Truncate shortens text to one line no wider than width, ending it with an
// ellipsis when it was cut.
func Truncate(text string, width, size float32, bold bool, measure Measure) string {
	return ellipsize(newTextMeasurer(measure), firstLine(text), width, size, bold, false)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
