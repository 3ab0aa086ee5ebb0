package layout

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// referenceEllipsize is the plain definition of ellipsize: drop one rune
// at a time until the text and the ellipsis fit.
func referenceEllipsize(m *measurer, s string, width, size float32, bold, force bool) string {
	if !force && m.width(s, size, bold) <= width {
		return s
	}
	rs := []rune(strings.TrimRightFunc(s, unicode.IsSpace))
	for len(rs) > 0 && m.width(string(rs)+Ellipsis, size, bold) > width {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimRightFunc(string(rs), unicode.IsSpace) + Ellipsis
}

// referenceTokens is the plain definition of tokens, as a slice.
func referenceTokens(s string) []string {
	var out []string
	start := 0
	kind := 0 // 0 none, 1 space, 2 word
	flush := func(i int) {
		if i > start {
			out = append(out, s[start:i])
		}
		start = i
	}
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			if kind != 1 {
				flush(i)
				kind = 1
			}
		case IsCJK(r):
			flush(i)
			out = append(out, string(r))
			start = i + len(string(r))
			kind = 0
		default:
			if kind != 2 {
				flush(i)
				kind = 2
			}
		}
	}
	flush(len(s))
	return out
}

func TestTokensMatchReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 5000 {
		s := randomLine(rng, rng.IntN(80))
		if got, want := slices.Collect(tokens(s)), referenceTokens(s); !slices.Equal(got, want) {
			t.Fatalf("tokens(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"", " ", "a", "客", "a客b  c", "  x", "x  "} {
		if got, want := slices.Collect(tokens(s)), referenceTokens(s); !slices.Equal(got, want) {
			t.Fatalf("tokens(%q) = %q, want %q", s, got, want)
		}
	}
}

// referenceWrap is the plain definition of wrap: every paragraph wrapped
// whole, trailing empty lines dropped, and the lines past maxLines cut off
// with an ellipsis on the last one shown (after dropping the empty lines
// before it).
func referenceWrap(m *measurer, text string, width, size float32, bold bool, maxLines int) ([]string, bool) {
	text = strings.ReplaceAll(text, "\r", "")
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapParagraph(m, para, width, size, bold, 0)...)
	}
	trim := func() {
		for len(lines) > 1 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
	}
	trim()
	if maxLines <= 0 || len(lines) <= maxLines {
		return lines, false
	}
	lines = lines[:maxLines]
	trim()
	lines[len(lines)-1] = referenceEllipsize(m, lines[len(lines)-1], width, size, bold, true)
	return lines, true
}

// proportionalMeasure gives each rune its own width, with a kerning-like
// discount for some pairs, so that prefix widths are not multiples of one
// advance.
func proportionalMeasure(text string, size float32, bold bool) (float32, float32) {
	w, prev := float32(0), rune(0)
	for _, r := range text {
		switch {
		case IsCJK(r):
			w += size
		case r == 'i' || r == 'l' || r == ' ':
			w += size * 0.3
		case r == 'm' || r == 'w' || r == 'W':
			w += size * 0.85
		default:
			w += size * (0.45 + float32(r%7)/40)
		}
		if prev == 'A' && r == 'V' || prev == 'T' && r == 'o' {
			w -= size * 0.1
		}
		prev = r
	}
	if bold {
		w *= 1.08
	}
	return w, size * 1.25
}

func randomLine(rng *rand.Rand, n int) string {
	parts := []string{"a", "ab", "Toll", "AVA", "mmw", "il", " ", " ", "  ", "客户", "。", "…", "é", "Wait", "（", "「", "\n"}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return b.String()
}

func TestEllipsizeMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, measure := range []Measure{fakeMeasure, proportionalMeasure} {
		for i := range 3000 {
			s := firstLine(randomLine(rng, rng.IntN(120)))
			width := float32(rng.IntN(400))
			force, bold := i%3 == 0, i%2 == 0
			got := ellipsize(newMeasurer(measure), s, width, 12, bold, force)
			want := referenceEllipsize(newMeasurer(measure), s, width, 12, bold, force)
			if got != want {
				t.Fatalf("ellipsize(%q, %v, force %v) = %q, want %q", s, width, force, got, want)
			}
		}
	}
}

func TestWrapMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, measure := range []Measure{fakeMeasure, proportionalMeasure} {
		for i := range 3000 {
			s := randomLine(rng, rng.IntN(300))
			if i%10 == 0 {
				s += strings.Repeat("x", rng.IntN(200)) // a word wider than the line
			}
			width := float32(20 + rng.IntN(300))
			maxLines := rng.IntN(5)
			got, gotCut := wrap(newMeasurer(measure), s, width, 12, false, maxLines)
			want, wantCut := referenceWrap(newMeasurer(measure), s, width, 12, false, maxLines)
			if !reflect.DeepEqual(got, want) || gotCut != wantCut {
				t.Fatalf("wrap(%q, %v, %d) = %q, %v; want %q, %v", s, width, maxLines, got, gotCut, want, wantCut)
			}
		}
	}
}

// countingMeasure counts the runes it is asked to measure.
type countingMeasure struct{ runes int }

func (c *countingMeasure) measure(text string, size float32, bold bool) (float32, float32) {
	c.runes += len([]rune(text))
	return fakeMeasure(text, size, bold)
}

// TestLongTextMeasuresLittle lays out a blueprint with a million
// characters in one text field, for each field, and checks that the text
// measured stays far below that: cutting long text short must not measure
// it once per character, nor even once whole.
func TestLongTextMeasuresLittle(t *testing.T) {
	const n, most = 1 << 20, 100_000
	for _, field := range []string{"title", "description", "owner", "phase", "label", "text", "lane", "column", "line"} {
		for _, words := range []bool{true, false} {
			d, err := blueprint.Parse(field+".yaml", bpgen.LongText(field, n, words))
			if err != nil {
				t.Fatal(err)
			}
			c := &countingMeasure{}
			Compute(d, DefaultStyle(), c.measure)
			if c.runes > most {
				t.Errorf("%s (words %v): measured %d runes for %d characters of text", field, words, c.runes, n)
			}
		}
	}
}

// BenchmarkComputeLongTitle lays out a blueprint whose title is 20,000
// characters long, with the fake measure.
func BenchmarkComputeLongTitle(b *testing.B) {
	d, err := blueprint.Parse("title.yaml", bpgen.LongText("title", 20000, true))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Compute(d, DefaultStyle(), fakeMeasure)
	}
}

// BenchmarkComputeLongDescription lays out a blueprint whose description
// is almost 10 MB long, with the fake measure: two lines of it are shown.
func BenchmarkComputeLongDescription(b *testing.B) {
	d, err := blueprint.Parse("description.yaml", bpgen.LongText("description", blueprint.MaxFileSize-1000, true))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Compute(d, DefaultStyle(), fakeMeasure)
	}
}

// TestManyLinesWrapLittle wraps a text of a million empty lines between
// two words onto a card of four lines: the text is cut after the first
// word, and the lines are never all split out.
func TestManyLinesWrapLittle(t *testing.T) {
	text := "first\n" + strings.Repeat("\n", 1_000_000) + "last"
	lines, cut := Wrap(text, 100, 12, false, 4, fakeMeasure)
	if !cut || len(lines) != 1 || lines[0] != "first"+Ellipsis {
		t.Fatalf("got %q, %v; want [\"first…\"], true", lines, cut)
	}
	if n := testing.AllocsPerRun(2, func() { Wrap(text, 100, 12, false, 4, fakeMeasure) }); n > 100 {
		t.Errorf("wrapping 4 lines out of a million allocated %v times", n)
	}
}
