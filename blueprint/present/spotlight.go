package present

import "servicebp/blueprint"

// Spotlight is the vertical slice of one step: the touchpoint, what the
// customer does there, and the backstage and support work that feeds it.
//
// The slice of a seed step is built in three parts:
//
//  1. The column: every step joined to the seed by a chain of flows that
//     stay inside the seed's column, in either direction and across any
//     lanes. This is the moment itself, from the customer's action down to
//     the systems it touches.
//  2. The feeders: from each step of the slice that lies below the line of
//     interaction (frontstage and deeper), flows are followed, in either
//     direction and into any column, to steps in strictly deeper lanes,
//     repeatedly. This adds work done earlier behind the scenes (bags
//     stored by the bell staff for the bellperson who brings them to the
//     room, the kitchen that prepared the tray the waiter delivers) without
//     wandering along the customer's journey: a flow to a step in the same
//     lane or higher up, in another column, is the next moment, not a
//     feeder, and is not followed.
//  3. The evidence: the steps of evidence lanes in the seed's column.
//
// The line of interaction is the line of that kind; without one, the last
// customer lane (or else the last evidence lane) is taken as the customer
// side, and without those every lane counts as below it.
type Spotlight struct {
	// Seed is the step the slice was built from.
	Seed  string
	steps map[string]bool
}

// NewSpotlight returns the vertical slice of step seed in d, or nil when d
// has no such step.
func NewSpotlight(d *blueprint.Document, seed string) *Spotlight {
	si := d.StepIndex(seed)
	if si < 0 {
		return nil
	}
	lane := make(map[string]int, len(d.Lanes))
	for i, l := range d.Lanes {
		lane[l.ID] = i
	}
	byID := make(map[string]*blueprint.Step, len(d.Steps))
	for i := range d.Steps {
		byID[d.Steps[i].ID] = &d.Steps[i]
	}
	adj := make(map[string][]string, len(d.Flows))
	for _, f := range d.Flows {
		if byID[f.From] == nil || byID[f.To] == nil || f.From == f.To {
			continue
		}
		adj[f.From] = append(adj[f.From], f.To)
		adj[f.To] = append(adj[f.To], f.From)
	}
	depth := func(id string) int {
		if i, ok := lane[byID[id].Lane]; ok {
			return i
		}
		return -1
	}
	col := d.Steps[si].Column
	in := map[string]bool{seed: true}

	// 1. The seed's column.
	queue := []string{seed}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, n := range adj[id] {
			if !in[n] && byID[n].Column == col {
				in[n] = true
				queue = append(queue, n)
			}
		}
	}

	// 2. The feeders, strictly deeper at every step of the walk.
	boundary := interactionBoundary(d)
	for id := range in {
		if depth(id) > boundary {
			queue = append(queue, id)
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, n := range adj[id] {
			if !in[n] && depth(n) > depth(id) {
				in[n] = true
				queue = append(queue, n)
			}
		}
	}

	// 3. The evidence in the seed's column.
	for _, s := range d.Steps {
		if s.Column != col {
			continue
		}
		if l := d.Lane(s.Lane); l != nil && l.Kind == blueprint.LaneEvidence {
			in[s.ID] = true
		}
	}
	return &Spotlight{Seed: seed, steps: in}
}

// interactionBoundary is the index of the lowest lane on the customer's
// side of the line of interaction, or -1 when every lane is below it.
func interactionBoundary(d *blueprint.Document) int {
	for _, ln := range d.Lines {
		if ln.Kind == blueprint.LineInteraction {
			if i := d.LaneIndex(ln.Below); i >= 0 {
				return i
			}
		}
	}
	for _, k := range []blueprint.LaneKind{blueprint.LaneCustomer, blueprint.LaneEvidence} {
		for i := len(d.Lanes) - 1; i >= 0; i-- {
			if d.Lanes[i].Kind == k {
				return i
			}
		}
	}
	return -1
}

// Contains reports whether step id is in the slice. A nil spotlight
// contains nothing.
func (s *Spotlight) Contains(id string) bool { return s != nil && s.steps[id] }

// Flow reports whether the flow between from and to belongs to the slice:
// both its ends do.
func (s *Spotlight) Flow(from, to string) bool { return s.Contains(from) && s.Contains(to) }

// Len is the number of steps in the slice.
func (s *Spotlight) Len() int {
	if s == nil {
		return 0
	}
	return len(s.steps)
}

// IDs returns the ids of the slice's steps in d's step order.
func (s *Spotlight) IDs(d *blueprint.Document) []string {
	var ids []string
	for _, st := range d.Steps {
		if s.Contains(st.ID) {
			ids = append(ids, st.ID)
		}
	}
	return ids
}
