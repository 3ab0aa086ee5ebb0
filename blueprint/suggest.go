package blueprint

import "strings"

// suggest returns the option closest to s by edit distance, or "" when
// none is close enough to be a likely typo.
func suggest(s string, options []string) string {
	best, bestDist := "", -1
	ls := strings.ToLower(s)
	for _, o := range options {
		if strings.EqualFold(o, s) {
			return o
		}
		dist := editDistance(ls, o)
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

// editDistance is the optimal-string-alignment distance between a and b,
// by runes: insertions, deletions, substitutions and adjacent swaps.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb))
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
