package blueprint

import (
	"strings"
	"unicode/utf8"
)

// maxSuggestRunes is the longest text, in runes, that "did you mean" compares
// by edit distance: the distances are computed with one 64-bit word of state.
// Longer texts are matched only by case or by prefix.
const maxSuggestRunes = 64

// suggest returns the option closest to s by edit distance, or "" when
// none is close enough to be a likely typo.
func suggest(s string, options []string) string {
	return newSuggester(options).suggest(s)
}

// suggester answers "did you mean" for many broken references against one
// list of ids. It indexes the options once, on first use: their length in
// runes, which bounds the edit distance from below without comparing them.
type suggester struct {
	options []string
	runes   []int // runes[i] is the length of options[i] in runes, once built
}

func newSuggester(options []string) *suggester {
	return &suggester{options: options}
}

// suggest returns the option closest to s: the first, in the options'
// order, that equals s ignoring case; otherwise the first whose distance
// from s is smallest and at most a third of its length (at least 1). An
// option that starts with s, when s has at least three bytes, is at
// distance 1.
func (g *suggester) suggest(s string) string {
	if g.runes == nil {
		g.runes = make([]int, len(g.options))
		for i, o := range g.options {
			g.runes[i] = utf8.RuneCountInString(o)
		}
	}
	ls := strings.ToLower(s)
	n := utf8.RuneCountInString(s)
	for i, o := range g.options {
		if g.runes[i] == n && strings.EqualFold(o, s) {
			return o
		}
	}
	pat := newPattern(ls)
	best, bestDist := "", -1
	for i, o := range g.options {
		limit := max(1, len(o)/3)
		if bestDist >= 0 {
			limit = min(limit, bestDist-1) // only a strictly closer option wins
		}
		if limit < 0 {
			break
		}
		var dist int
		ok := false
		if strings.HasPrefix(o, ls) && len(ls) >= 3 {
			dist, ok = 1, true // a prefix counts as one edit, or none when equal
			if o == ls && g.runes[i] <= maxSuggestRunes {
				dist = 0
			}
		} else {
			dist, ok = pat.distanceWithin(o, g.runes[i], limit)
		}
		if ok && dist <= limit {
			best, bestDist = o, dist
		}
	}
	return best
}

// pattern is a text prepared for bit-parallel edit distances against many
// others (Hyyrö's algorithm for the optimal-string-alignment distance).
type pattern struct {
	n     int // length in runes; over maxSuggestRunes, distances are not computed
	ascii [128]uint64
	other map[rune]uint64
}

func newPattern(s string) *pattern {
	p := &pattern{n: utf8.RuneCountInString(s)}
	if p.n > maxSuggestRunes {
		return p
	}
	i := 0
	for _, r := range s {
		if r < 128 {
			p.ascii[r] |= 1 << i
		} else {
			if p.other == nil {
				p.other = make(map[rune]uint64)
			}
			p.other[r] |= 1 << i
		}
		i++
	}
	return p
}

func (p *pattern) mask(r rune) uint64 {
	if r < 128 {
		return p.ascii[r]
	}
	return p.other[r]
}

// distanceWithin returns the optimal-string-alignment distance (insertions,
// deletions, substitutions and adjacent swaps, by runes) between the
// pattern and t, which is tn runes long, when it is at most limit. It gives
// up as soon as the distance must exceed limit. Texts over maxSuggestRunes
// are at the distance of the longer one's length.
func (p *pattern) distanceWithin(t string, tn, limit int) (int, bool) {
	diff := p.n - tn
	if diff < 0 {
		diff = -diff
	}
	if diff > limit {
		return 0, false // the distance is at least the difference in length
	}
	if p.n > maxSuggestRunes || tn > maxSuggestRunes {
		d := max(p.n, tn)
		return d, d <= limit
	}
	if p.n == 0 {
		return tn, tn <= limit
	}
	var vp, vn, d0, pmOld uint64 = ^uint64(0), 0, 0, 0
	top := uint64(1) << (p.n - 1)
	dist, left := p.n, tn
	for _, r := range t {
		pm := p.mask(r)
		tr := ((^d0 & pm) << 1) & pmOld
		d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		if hp&top != 0 {
			dist++
		} else if hn&top != 0 {
			dist--
		}
		left--
		if dist-left > limit {
			return 0, false // each remaining rune lowers the distance by at most 1
		}
		hp = hp<<1 | 1
		hn <<= 1
		vp = hn | ^(d0 | hp)
		vn = hp & d0
		pmOld = pm
	}
	return dist, dist <= limit
}
