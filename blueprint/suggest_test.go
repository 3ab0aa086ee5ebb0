package blueprint

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// referenceSuggest is the plain definition of suggest: a full dynamic
// programme for every option, with no index and no early exit. The fast
// suggester must agree with it on every input.
func referenceSuggest(s string, options []string) string {
	best, bestDist := "", -1
	ls := strings.ToLower(s)
	for _, o := range options {
		if strings.EqualFold(o, s) {
			return o
		}
		dist := referenceDistance(ls, o)
		limit := max(1, len(o)/3)
		if strings.HasPrefix(o, ls) && len(ls) >= 3 {
			dist = min(dist, 1)
		}
		if dist <= limit && (bestDist < 0 || dist < bestDist) {
			best, bestDist = o, dist
		}
	}
	return best
}

// referenceDistance is the optimal-string-alignment distance by runes, as
// a dynamic programme; texts over 64 runes are at the longer length.
func referenceDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb))
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func TestDistanceMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabets := []string{"ab", "abc-", "aAbB", "étéÉ", "客户前台", "abcdefghijklmnopqrstuvwxyz0123456789"}
	for i := range 20000 {
		alpha := []rune(alphabets[i%len(alphabets)])
		a := randomText(rng, alpha, rng.IntN(70))
		b := mutate(rng, alpha, a)
		if rng.IntN(4) == 0 {
			b = randomText(rng, alpha, rng.IntN(70))
		}
		want := referenceDistance(a, b)
		p := newPattern(a)
		bn := len([]rune(b))
		for _, limit := range []int{0, 1, 2, 5, 21, 100} {
			got, ok := p.distanceWithin(b, bn, limit)
			if ok != (want <= limit) || (ok && got != want) {
				t.Fatalf("distance(%q, %q) within %d = %d, %v; want %d", a, b, limit, got, ok, want)
			}
		}
	}
}

func TestSuggestMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabets := []string{"ab", "abc-", "aAbB", "ÉéeE", "客户前台", "abcdefghij"}
	for i := range 5000 {
		alpha := []rune(alphabets[i%len(alphabets)])
		opts := make([]string, rng.IntN(12))
		for j := range opts {
			opts[j] = randomText(rng, alpha, rng.IntN(12))
			if j > 0 && rng.IntN(3) == 0 {
				opts[j] = mutate(rng, alpha, opts[rng.IntN(j)])
			}
		}
		s := randomText(rng, alpha, rng.IntN(12))
		if len(opts) > 0 && rng.IntN(2) == 0 {
			s = mutate(rng, alpha, opts[rng.IntN(len(opts))])
		}
		if got, want := suggest(s, opts), referenceSuggest(s, opts); got != want {
			t.Fatalf("suggest(%q, %q) = %q, want %q", s, opts, got, want)
		}
	}
}

func TestSuggest(t *testing.T) {
	long := strings.Repeat("x", 70)
	for _, c := range []struct {
		s    string
		opts []string
		want string
	}{
		{"custmer", []string{"front", "customer", "back"}, "customer"},
		{"CUSTOMER", []string{"customers", "Customer"}, "Customer"},
		{"chek-in", []string{"check-out", "check-in"}, "check-in"},
		{"pay", []string{"payment", "pay-back"}, "payment"},
		{"zzz", []string{"customer", "front"}, ""},
		{"", []string{"a", "bc"}, "a"},
		{long + "y", []string{long}, ""},
		{long, []string{long + "yyyy"}, long + "yyyy"},
	} {
		if got := suggest(c.s, c.opts); got != c.want {
			t.Errorf("suggest(%q, %q) = %q, want %q", c.s, c.opts, got, c.want)
		}
	}
}

// TestBrokenReferencesStopAtTheCap checks that a file with more broken
// references than MaxErrors reports MaxErrors of them, with their hints,
// and then the "too many errors" note.
func TestBrokenReferencesStopAtTheCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("servicebp: 1\ncolumns:\n  - {id: c1}\nsteps:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - {id: step-%03d, lane: customer, column: c1}\n", i)
	}
	b.WriteString("flows:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - {from: step-%03d, to: stp-%03d}\n", i, (i+1)%100)
	}
	_, err := Parse("refs.yaml", []byte(b.String()))
	errs, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("got %v, want an ErrorList", err)
	}
	if len(errs) != MaxErrors+1 {
		t.Fatalf("got %d errors, want %d", len(errs), MaxErrors+1)
	}
	for _, e := range errs[:MaxErrors] {
		if !strings.Contains(e.Msg, `did you mean "step-`) {
			t.Fatalf("error without its hint: %v", e)
		}
	}
	if last := errs[MaxErrors].Msg; !strings.Contains(last, "too many errors") {
		t.Fatalf("last error %q, want the too-many-errors note", last)
	}
}

func randomText(rng *rand.Rand, alpha []rune, n int) string {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = alpha[rng.IntN(len(alpha))]
	}
	return string(rs)
}

// mutate applies a few random edits (insert, delete, substitute, swap).
func mutate(rng *rand.Rand, alpha []rune, s string) string {
	rs := []rune(s)
	for range rng.IntN(4) {
		i := 0
		if len(rs) > 0 {
			i = rng.IntN(len(rs))
		}
		switch op := rng.IntN(4); {
		case op == 0 || len(rs) == 0:
			rs = append(rs[:i], append([]rune{alpha[rng.IntN(len(alpha))]}, rs[i:]...)...)
		case op == 1:
			rs = append(rs[:i], rs[i+1:]...)
		case op == 2:
			rs[i] = alpha[rng.IntN(len(alpha))]
		case i+1 < len(rs):
			rs[i], rs[i+1] = rs[i+1], rs[i]
		}
	}
	return string(rs)
}
