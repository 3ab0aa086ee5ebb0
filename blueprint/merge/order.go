package merge

import "slices"

// mergeOrder returns the keys of keep in merged order, given the orders of
// the three versions. The side that reordered elements the other side
// left in place gives the order (OURS when both or neither did); the other
// side's elements that order lacks are inserted after the element they
// follow on their side, and after the first side's own additions there,
// so that two additions at one place come first side first. Keys in keep
// that neither side has follow their predecessor in base, or go last.
func mergeOrder(base, ours, theirs []string, keep map[string]bool) []string {
	inBase := setOf(base)
	primary, secondary := ours, theirs
	if reordered(base, theirs, inBase) && !reordered(base, ours, inBase) {
		primary, secondary = theirs, ours
	}
	inPrimary, inSecondary := setOf(primary), setOf(secondary)
	out := make([]string, 0, len(keep))
	placed := make(map[string]bool, len(keep))
	for _, k := range primary {
		if keep[k] && !placed[k] {
			out = append(out, k)
			placed[k] = true
		}
	}
	insert := func(from []string, inFrom map[string]bool, i int) {
		k := from[i]
		pos := 0
		for j := i - 1; j >= 0; j-- {
			if placed[from[j]] {
				pos = slices.Index(out, from[j]) + 1
				break
			}
		}
		// After the first side's own additions at that place.
		for pos < len(out) && !inBase[out[pos]] && inPrimary[out[pos]] && !inFrom[out[pos]] {
			pos++
		}
		out = slices.Insert(out, pos, k)
		placed[k] = true
	}
	for i, k := range secondary {
		if keep[k] && !placed[k] {
			insert(secondary, inSecondary, i)
		}
	}
	for i, k := range base {
		if keep[k] && !placed[k] {
			insert(base, inBase, i)
		}
	}
	if len(out) < len(keep) {
		// Keys in no version: cannot happen for keys taken from the
		// versions, but keep them rather than lose them.
		var rest []string
		for k := range keep {
			if !placed[k] {
				rest = append(rest, k)
			}
		}
		slices.Sort(rest)
		out = append(out, rest...)
	}
	return out
}

// reordered reports whether side holds the elements it shares with base in
// another order than base.
func reordered(base, side []string, inBase map[string]bool) bool {
	inSide := setOf(side)
	i := 0
	for _, k := range side {
		if !inBase[k] {
			continue
		}
		for i < len(base) && !inSide[base[i]] {
			i++
		}
		if i == len(base) || base[i] != k {
			return true
		}
		i++
	}
	return false
}

func setOf(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}
