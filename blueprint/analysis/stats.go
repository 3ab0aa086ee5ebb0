package analysis

import (
	"math"
	"slices"

	"servicebp/blueprint"
)

// Stats are the figures a blueprint is read by.
type Stats struct {
	// Steps is the number of steps.
	Steps int
	// Lanes counts the steps in each lane, in lane order.
	Lanes []LaneStats
	// HasVisibility, HasInteraction and HasInternal say whether the
	// blueprint has a line of that kind; the figures that need a missing
	// line are zero.
	HasVisibility, HasInteraction, HasInternal bool
	// AboveVisibility and BelowVisibility count the steps in the lanes
	// above and below the line of visibility.
	AboveVisibility, BelowVisibility int
	// AboveVisibilityPct and BelowVisibilityPct are those counts as
	// percentages of their sum, rounded to one decimal.
	AboveVisibilityPct, BelowVisibilityPct float64
	// Encounters counts the flows across the line of interaction;
	// InternalEncounters those across the line of internal interaction.
	Encounters, InternalEncounters int
	// FailPoints, WaitPoints and MomentsOfTruth count the steps so marked.
	FailPoints, WaitPoints, MomentsOfTruth int
	// UnexplainedWaits and UnknownLengthWaits count the wait points whose
	// waiting conditions leave out "explained" and "known-length".
	UnexplainedWaits, UnknownLengthWaits int
	// Phases has the per-phase sums, in column order.
	Phases []PhaseStats
}

// LaneStats is the step count of one lane.
type LaneStats struct {
	ID    string
	Name  string
	Kind  blueprint.LaneKind
	Steps int
}

// PhaseStats sums one phase: a run of consecutive columns with the same
// phase name (empty for columns without a phase).
type PhaseStats struct {
	Name string
	// Columns lists the phase's column ids, left to right.
	Columns []string
	// Steps counts the steps in the phase's columns.
	Steps int
	// Duration and Wait are the sums of the durations and waits entered on
	// the phase's steps. They are sums of the entered values, not the
	// end-to-end time of the phase: steps in different lanes may run at the
	// same time.
	Duration, Wait blueprint.Duration
}

// ComputeStats returns the stats of d. A nil document has zero stats.
func ComputeStats(d *blueprint.Document) Stats {
	if d == nil {
		return Stats{}
	}
	return stats(newIndex(d))
}

func stats(x *index) Stats {
	d := x.d
	st := Stats{Steps: len(d.Steps)}
	_, st.HasInteraction = x.lines[blueprint.LineInteraction]
	_, st.HasVisibility = x.lines[blueprint.LineVisibility]
	_, st.HasInternal = x.lines[blueprint.LineInternal]

	st.Lanes = make([]LaneStats, len(d.Lanes))
	for i, l := range d.Lanes {
		st.Lanes[i] = LaneStats{ID: l.ID, Name: l.Name, Kind: l.Kind, Steps: x.laneSteps[i]}
	}
	for i, s := range d.Steps {
		switch x.side(blueprint.LineVisibility, i) {
		case -1:
			st.AboveVisibility++
		case 1:
			st.BelowVisibility++
		}
		if isFail(s) {
			st.FailPoints++
		}
		if isWaitPoint(&s) {
			st.WaitPoints++
			if !slices.Contains(s.Waiting, "explained") {
				st.UnexplainedWaits++
			}
			if !slices.Contains(s.Waiting, "known-length") {
				st.UnknownLengthWaits++
			}
		}
		if s.Moment {
			st.MomentsOfTruth++
		}
	}
	if n := st.AboveVisibility + st.BelowVisibility; n > 0 {
		st.AboveVisibilityPct = pct(st.AboveVisibility, n)
		st.BelowVisibilityPct = pct(st.BelowVisibility, n)
	}
	for fi := range d.Flows {
		a, b, ok := x.ends(fi)
		if !ok {
			continue
		}
		if x.crosses(blueprint.LineInteraction, a, b) {
			st.Encounters++
		}
		if x.crosses(blueprint.LineInternal, a, b) {
			st.InternalEncounters++
		}
	}
	st.Phases = phaseStats(d, x)
	return st
}

func pct(n, total int) float64 {
	return math.Round(float64(n)*1000/float64(total)) / 10
}

func phaseStats(d *blueprint.Document, x *index) []PhaseStats {
	phases := d.Phases()
	out := make([]PhaseStats, len(phases))
	phaseOf := make([]int, len(d.Columns))
	for pi, p := range phases {
		out[pi].Name = p.Name
		for ci := p.First; ci <= p.Last; ci++ {
			out[pi].Columns = append(out[pi].Columns, d.Columns[ci].ID)
			phaseOf[ci] = pi
		}
	}
	for _, s := range d.Steps {
		ci, ok := x.col[s.Column]
		if !ok {
			continue
		}
		p := &out[phaseOf[ci]]
		p.Steps++
		p.Duration += s.Duration
		p.Wait += s.Wait
	}
	return out
}
