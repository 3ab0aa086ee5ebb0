package analysis

import (
	"slices"
	"testing"

	"servicebp/blueprint"
)

func TestVoteRanking(t *testing.T) {
	d, err := blueprint.Parse("v.yaml", []byte(`servicebp: 1
steps:
  - {id: a, lane: customer, column: c1, votes: 2}
  - {id: b, lane: customer, column: c2, votes: 5}
  - {id: c, lane: customer, column: c3, votes: 2, fail: Jams}
  - {id: d, lane: customer, column: c4}
  - {id: e, lane: customer, column: c5, votes: 2}
questions:
  - {text: One}
  - {text: Two, kind: idea}
  - {text: Three, kind: action}
  - {text: Four, kind: action}
`))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	var ranks []int
	for _, v := range VoteRanking(d) {
		ids, ranks = append(ids, v.ID), append(ranks, v.Rank)
	}
	if want := []string{"b", "c", "a", "e"}; !slices.Equal(ids, want) {
		t.Errorf("ranking %v, want %v", ids, want)
	}
	if want := []int{1, 2, 3, 3}; !slices.Equal(ranks, want) {
		t.Errorf("ranks %v, want %v", ranks, want)
	}
	if got := QuestionCounts(d); !slices.Equal(got, []int{1, 1, 2}) {
		t.Errorf("question counts %v", got)
	}
}
