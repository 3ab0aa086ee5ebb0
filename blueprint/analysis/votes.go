package analysis

import (
	"slices"

	"servicebp/blueprint"
)

// VotedStep is one step of the dot-vote ranking.
type VotedStep struct {
	ID, Text, Lane, Column string
	Votes                  int
	// Fail reports whether the step is a fail point.
	Fail bool
	// Rank is the 1-based place; steps with the same votes and the same
	// fail-point mark share it.
	Rank int
}

// VoteRanking lists the steps that have votes, most votes first; among
// steps with as many votes, fail points come first, then the canonical
// step order.
func VoteRanking(d *blueprint.Document) []VotedStep {
	var out []VotedStep
	for _, s := range d.Steps {
		if s.Votes > 0 {
			out = append(out, VotedStep{ID: s.ID, Text: s.Text, Lane: s.Lane, Column: s.Column, Votes: s.Votes, Fail: s.Fail != ""})
		}
	}
	slices.SortStableFunc(out, func(a, b VotedStep) int {
		if a.Votes != b.Votes {
			return b.Votes - a.Votes
		}
		return boolRank(b.Fail) - boolRank(a.Fail)
	})
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i].Votes == out[i-1].Votes && out[i].Fail == out[i-1].Fail {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// QuestionCounts counts the parking lot's entries by kind, in the order
// of blueprint.QuestionKinds.
func QuestionCounts(d *blueprint.Document) []int {
	counts := make([]int, len(blueprint.QuestionKinds))
	for _, q := range d.Questions {
		counts[slices.Index(blueprint.QuestionKinds, q.KindOrDefault())]++
	}
	return counts
}
