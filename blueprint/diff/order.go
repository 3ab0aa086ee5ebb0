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
