package diff

// outOfOrder returns the ids common to old and new (both lists of unique
// ids) that are not in a longest common subsequence of their orders: the
// fewest elements that, moved, turn OLD's order into NEW's. The result
// follows NEW's order.
func outOfOrder(old, new []string) map[string]bool {
	inNew := make(map[string]bool, len(new))
	for _, id := range new {
		inNew[id] = true
	}
	inOld := make(map[string]int, len(old))
	var a []string // old order, common ids only
	for _, id := range old {
		if inNew[id] {
			inOld[id] = len(a)
			a = append(a, id)
		}
	}
	var b []int // for each common id in new order, its index in a
	var bIDs []string
	for _, id := range new {
		if i, ok := inOld[id]; ok {
			b = append(b, i)
			bIDs = append(bIDs, id)
		}
	}
	keep := longestIncreasing(b)
	out := map[string]bool{}
	for i, id := range bIDs {
		if !keep[i] {
			out[id] = true
		}
	}
	return out
}

// longestIncreasing marks the members of a longest strictly increasing
// subsequence of seq (distinct values), in O(n log n) by patience sorting.
func longestIncreasing(seq []int) []bool {
	tails := []int{}              // tails[k]: index in seq of the smallest tail of an increasing run of length k+1
	prev := make([]int, len(seq)) // predecessor of each element in its run
	for i, v := range seq {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if seq[tails[mid]] < v {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[i] = -1
		if lo > 0 {
			prev[i] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	keep := make([]bool, len(seq))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}

// reorderedIDs returns the ids of a list of lanes, lines, columns or
// phases to report as reordered: those outOfOrder finds, less those that
// still follow the same element, since a block moved together reads best
// as a move of its first element. When that leaves none, the first of
// them in NEW's order is reported.
func reorderedIDs(old, new []string) map[string]bool {
	moved := outOfOrder(old, new)
	if len(moved) == 0 {
		return moved
	}
	before := func(ids []string) map[string]string {
		m := make(map[string]string, len(ids))
		for i, id := range ids {
			if i > 0 {
				m[id] = ids[i-1]
			}
		}
		return m
	}
	oldBefore, newBefore := before(old), before(new)
	out := map[string]bool{}
	first := ""
	for _, id := range new {
		if !moved[id] {
			continue
		}
		if first == "" {
			first = id
		}
		if oldBefore[id] != newBefore[id] {
			out[id] = true
		}
	}
	if len(out) == 0 {
		out[first] = true
	}
	return out
}
