package analysis

import (
	"slices"

	"servicebp/blueprint"
)

// CriticalPath is the longest path through the flows: the customer's
// end-to-end time when everything that can run in parallel does.
//
// Each step weighs its wait and then its duration; steps with neither
// weigh zero. A one-way flow runs from its "from" step to its "to" step. A
// two-way flow says the two steps depend on each other, not which comes
// first, so it counts once, in time order: from the step in the earlier
// column to the later one, and within a column from the step earlier in
// canonical order (upper lane first). Flows that would close a cycle are
// left out (see Cycles) so the path is always defined.
type CriticalPath struct {
	// Steps lists the path's step ids in order.
	Steps []string
	// Total is the path's length; Wait is the part of it spent waiting.
	Total, Wait blueprint.Duration
	// Slack maps every step in scope to how much longer it could take
	// without lengthening Total; the path's steps have none.
	Slack map[string]blueprint.Duration
}

// WaitShare is the percentage of the path's total spent waiting, rounded to
// one decimal; 0 for an empty path.
func (p CriticalPath) WaitShare() float64 {
	if p.Total <= 0 {
		return 0
	}
	return float64(int64(float64(p.Wait)*1000/float64(p.Total)+0.5)) / 10
}

// Cycle is a loop in the flows. Its steps are listed in flow order from
// the step where the loop was entered; the flow from the last step back to
// the first is the one the critical path leaves out.
type Cycle struct {
	Steps []string
	// Flow is the index in Document.Flows of the flow left out.
	Flow int
}

// graph is the step graph the critical path runs on: per step, the
// indexes of the steps after it, with cycle-closing flows removed.
type graph struct {
	next   [][]int
	prev   [][]int
	cycles []Cycle
}

// flowGraph builds the graph of x's flows and breaks its cycles
// deterministically: a depth-first search from the steps in document order,
// following flows in file order, drops every flow that leads back to a step
// still on the search path.
func flowGraph(x *index) *graph {
	n := len(x.d.Steps)
	type edge struct{ to, flow int }
	out := make([][]edge, n)
	for fi, f := range x.d.Flows {
		a, b, ok := x.ends(fi)
		if !ok {
			continue
		}
		if f.TwoWay && b != a && x.before(b, a) {
			a, b = b, a
		}
		out[a] = append(out[a], edge{b, fi})
	}
	g := &graph{next: make([][]int, n), prev: make([][]int, n)}
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]uint8, n)
	var path []int
	type frame struct{ v, i int }
	for start := range n {
		if state[start] != unseen {
			continue
		}
		stack := []frame{{start, 0}}
		state[start] = onPath
		path = append(path[:0], start)
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.i == len(out[top.v]) {
				state[top.v] = done
				stack = stack[:len(stack)-1]
				path = path[:len(path)-1]
				continue
			}
			e := out[top.v][top.i]
			top.i++
			switch state[e.to] {
			case onPath:
				at := slices.Index(path, e.to)
				c := Cycle{Flow: e.flow}
				for _, v := range path[at:] {
					c.Steps = append(c.Steps, x.d.Steps[v].ID)
				}
				g.cycles = append(g.cycles, c)
				continue
			case unseen:
				state[e.to] = onPath
				path = append(path, e.to)
				stack = append(stack, frame{e.to, 0})
			}
			g.next[top.v] = appendUnique(g.next[top.v], e.to)
			g.prev[e.to] = appendUnique(g.prev[e.to], top.v)
		}
	}
	return g
}

// appendUnique appends v to s unless s already holds it: two flows between
// the same steps are one dependency.
func appendUnique(s []int, v int) []int {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// before reports whether step a comes before step b in time: an earlier
// column, or the same column and earlier in canonical order.
func (x *index) before(a, b int) bool {
	ca, okA := x.col[x.d.Steps[a].Column]
	cb, okB := x.col[x.d.Steps[b].Column]
	if okA && okB && ca != cb {
		return ca < cb
	}
	return a < b
}

// weight is what step i adds to a path.
func (x *index) weight(i int) blueprint.Duration {
	s := &x.d.Steps[i]
	return max(s.Wait, 0) + max(s.Duration, 0)
}

// pathScratch holds the per-step arrays criticalPath works in, shared by
// the calls for the whole blueprint and each phase so that a phase costs
// time in proportion to its own steps.
type pathScratch struct {
	indeg          []int
	finish, latest []blueprint.Duration
	from           []int
}

func newPathScratch(n int) *pathScratch {
	return &pathScratch{indeg: make([]int, n), finish: make([]blueprint.Duration, n), latest: make([]blueprint.Duration, n), from: make([]int, n)}
}

// criticalPath computes the longest path through members, the step indexes
// in scope in document order; in reports whether a step is one of them.
func criticalPath(x *index, g *graph, sc *pathScratch, members []int, in func(i int) bool) CriticalPath {
	// A topological order of the steps in scope, by Kahn's algorithm,
	// taking ready steps in document order.
	indeg, finish, latest, from := sc.indeg, sc.finish, sc.latest, sc.from
	var order, ready []int
	for _, v := range members {
		indeg[v] = 0
		for _, u := range g.prev[v] {
			if in(u) {
				indeg[v]++
			}
		}
		if indeg[v] == 0 {
			ready = append(ready, v)
		}
	}
	for len(ready) > 0 {
		v := ready[0]
		ready = ready[1:]
		order = append(order, v)
		for _, w := range g.next[v] {
			if !in(w) {
				continue
			}
			if indeg[w]--; indeg[w] == 0 {
				ready = insertSorted(ready, w)
			}
		}
	}
	p := CriticalPath{Slack: make(map[string]blueprint.Duration, len(order))}
	end := -1
	for _, v := range order {
		from[v] = -1
		var start blueprint.Duration
		for _, u := range g.prev[v] {
			if in(u) && (from[v] < 0 || finish[u] > start) {
				start, from[v] = finish[u], u
			}
		}
		finish[v] = start + x.weight(v)
		if end < 0 || finish[v] >= finish[end] {
			end = v
		}
	}
	if end < 0 {
		return p
	}
	p.Total = finish[end]
	for v := end; v >= 0; v = from[v] {
		p.Steps = append(p.Steps, x.d.Steps[v].ID)
		p.Wait += max(x.d.Steps[v].Wait, 0)
	}
	slices.Reverse(p.Steps)
	// Latest finish, backwards: slack is latest finish minus earliest.
	for i := len(order) - 1; i >= 0; i-- {
		v := order[i]
		latest[v] = p.Total
		for _, w := range g.next[v] {
			if in(w) {
				latest[v] = min(latest[v], latest[w]-x.weight(w))
			}
		}
		p.Slack[x.d.Steps[v].ID] = latest[v] - finish[v]
	}
	for _, id := range p.Steps {
		p.Slack[id] = 0
	}
	return p
}

// insertSorted inserts v into the sorted slice s.
func insertSorted(s []int, v int) []int {
	i, _ := slices.BinarySearch(s, v)
	return slices.Insert(s, i, v)
}

// PathStats is the critical path of the whole blueprint and of each phase,
// with the cycles that had to be broken to compute it.
type PathStats struct {
	Whole CriticalPath
	// Phases has one path per phase of Document.Phases, on the steps in
	// the phase's columns and the flows between them.
	Phases []CriticalPath
	Cycles []Cycle
}

// ComputePath returns the critical paths of d. A nil document has none.
func ComputePath(d *blueprint.Document) PathStats {
	if d == nil {
		return PathStats{}
	}
	return pathStats(newIndex(d))
}

func pathStats(x *index) PathStats {
	g := flowGraph(x)
	ps := PathStats{Cycles: g.cycles}
	n := len(x.d.Steps)
	sc := newPathScratch(n)
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	ps.Whole = criticalPath(x, g, sc, all, func(int) bool { return true })
	phases := x.d.Phases()
	phaseOf := make([]int, len(x.d.Columns))
	for pi, p := range phases {
		for ci := p.First; ci <= p.Last; ci++ {
			phaseOf[ci] = pi
		}
	}
	// stepPhase is each step's phase, or -1 when its column is unknown.
	stepPhase := make([]int, n)
	members := make([][]int, len(phases))
	for i, s := range x.d.Steps {
		stepPhase[i] = -1
		if ci, ok := x.col[s.Column]; ok {
			stepPhase[i] = phaseOf[ci]
			members[phaseOf[ci]] = append(members[phaseOf[ci]], i)
		}
	}
	for pi := range phases {
		ps.Phases = append(ps.Phases, criticalPath(x, g, sc, members[pi], func(i int) bool { return stepPhase[i] == pi }))
	}
	return ps
}
