// Package present holds the state of workshop presentations, without any
// drawing: the progressive reveal of a blueprint column by column and phase
// by phase, and the spotlight on one step's vertical slice. The canvas
// presenter and the slide export drive it; it never imports Fyne.
package present

import "servicebp/blueprint"

// Reveal is the progressive reveal of a blueprint's columns, from left to
// right. The columns up to and including Current are revealed; the others
// are hidden. A blueprint without columns has Current -1.
type Reveal struct {
	n       int
	phases  []blueprint.Phase
	current int
}

// NewReveal starts a reveal of d's columns with the first column shown.
func NewReveal(d *blueprint.Document) *Reveal {
	r := &Reveal{}
	r.SetDocument(d)
	r.current = min(0, r.n-1)
	return r
}

// SetDocument follows a change of d's columns, keeping Current within
// them.
func (r *Reveal) SetDocument(d *blueprint.Document) {
	r.n = len(d.Columns)
	r.phases = d.Phases()
	r.current = max(min(r.current, r.n-1), min(0, r.n-1))
}

// Columns is the number of columns.
func (r *Reveal) Columns() int { return r.n }

// Current is the index of the last revealed column, -1 when there are no
// columns.
func (r *Reveal) Current() int { return r.current }

// Revealed reports whether column i is shown.
func (r *Reveal) Revealed(i int) bool { return i >= 0 && i <= r.current }

// Phases returns the phases of the columns, in order.
func (r *Reveal) Phases() []blueprint.Phase { return r.phases }

// Phase is the index in Phases of the phase holding the current column, -1
// when there are no columns.
func (r *Reveal) Phase() int { return r.phaseOf(r.current) }

func (r *Reveal) phaseOf(col int) int {
	for i, p := range r.phases {
		if col >= p.First && col <= p.Last {
			return i
		}
	}
	return -1
}

// Set reveals the columns up to i, clamped to the columns. It reports
// whether the reveal changed.
func (r *Reveal) Set(i int) bool {
	i = max(min(i, r.n-1), min(0, r.n-1))
	if i == r.current {
		return false
	}
	r.current = i
	return true
}

// Next reveals one more column.
func (r *Reveal) Next() bool { return r.Set(r.current + 1) }

// Prev hides the last revealed column, keeping the first one shown.
func (r *Reveal) Prev() bool { return r.Set(r.current - 1) }

// Home shows the first column only.
func (r *Reveal) Home() bool { return r.Set(0) }

// End reveals every column.
func (r *Reveal) End() bool { return r.Set(r.n - 1) }

// NextPhase completes the current phase when part of it is still hidden,
// and otherwise reveals the whole next phase.
func (r *Reveal) NextPhase() bool {
	p := r.Phase()
	if p < 0 {
		return false
	}
	if r.current < r.phases[p].Last {
		return r.Set(r.phases[p].Last)
	}
	if p+1 < len(r.phases) {
		return r.Set(r.phases[p+1].Last)
	}
	return false
}

// PrevPhase hides the current phase, revealed fully or in part, and shows
// the previous one whole. In the first phase it goes back to the first
// column.
func (r *Reveal) PrevPhase() bool {
	p := r.Phase()
	if p <= 0 {
		return r.Home()
	}
	return r.Set(r.phases[p-1].Last)
}
