package cli

import (
	"fmt"
	"io"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
)

// statsVotes is the dot votes in stats' JSON output.
type statsVotes struct {
	Total int `json:"total"`
	// Ranking lists the voted steps, most votes first, fail points first
	// among equals.
	Ranking []statsVotedStep `json:"ranking"`
}

// statsVotedStep is one step of the vote ranking.
type statsVotedStep struct {
	Rank  int    `json:"rank"`
	ID    string `json:"id"`
	Text  string `json:"text"`
	Votes int    `json:"votes"`
	Fail  bool   `json:"fail"`
}

// statsQuestions is the parking lot in stats' JSON output.
type statsQuestions struct {
	Count int `json:"count"`
	// ByKind maps question, idea and action to their counts.
	ByKind map[string]int  `json:"by_kind"`
	Items  []statsQuestion `json:"items"`
}

// statsQuestion is one entry of the parking lot.
type statsQuestion struct {
	Text  string `json:"text"`
	Kind  string `json:"kind"`
	Step  string `json:"step,omitempty"`
	Owner string `json:"owner,omitempty"`
}

// addWorkshop fills in the votes and the questions.
func addWorkshop(out *statsOutput, doc *blueprint.Document) {
	out.Votes = statsVotes{Total: doc.TotalVotes(), Ranking: []statsVotedStep{}}
	for _, v := range analysis.VoteRanking(doc) {
		out.Votes.Ranking = append(out.Votes.Ranking, statsVotedStep{Rank: v.Rank, ID: v.ID, Text: v.Text, Votes: v.Votes, Fail: v.Fail})
	}
	out.Questions = statsQuestions{Count: len(doc.Questions), ByKind: map[string]int{}, Items: []statsQuestion{}}
	for i, n := range analysis.QuestionCounts(doc) {
		out.Questions.ByKind[string(blueprint.QuestionKinds[i])] = n
	}
	for _, q := range doc.Questions {
		out.Questions.Items = append(out.Questions.Items, statsQuestion{Text: q.Text, Kind: string(q.KindOrDefault()), Step: q.Step, Owner: q.Owner})
	}
}

// topVotes is how many voted steps the text report of stats lists.
const topVotes = 10

// writeVotesText writes the vote ranking: the first limit steps, or all
// when limit is 0.
func writeVotesText(w io.Writer, v statsVotes, limit int) {
	fmt.Fprintf(w, "Dot votes: %d on %s\n", v.Total, plural(len(v.Ranking), "step"))
	rows := [][]string{{"rank", "votes", "step", "", "text"}}
	for i, s := range v.Ranking {
		if limit > 0 && i == limit {
			break
		}
		fail := ""
		if s.Fail {
			fail = "fail point"
		}
		rows = append(rows, []string{fmt.Sprint(s.Rank), fmt.Sprint(s.Votes), s.ID, fail, oneLine(s.Text)})
	}
	writeTable(w, rows, []bool{true, true, false, false, false})
	if limit > 0 && len(v.Ranking) > limit {
		fmt.Fprintf(w, "  … and %d more (servicebp votes FILE lists them all)\n", len(v.Ranking)-limit)
	}
}

// writeWorkshopText writes the votes and the parking lot, when the
// blueprint has any.
func writeWorkshopText(w io.Writer, s statsOutput) {
	if s.Votes.Total > 0 {
		fmt.Fprintln(w)
		writeVotesText(w, s.Votes, topVotes)
	}
	if s.Questions.Count == 0 {
		return
	}
	q := s.Questions
	fmt.Fprintf(w, "\nParking lot: %s (%d open, %s, %s)\n", plural(q.Count, "item"), q.ByKind["question"],
		plural(q.ByKind["idea"], "idea"), plural(q.ByKind["action"], "action"))
	rows := [][]string{{"kind", "text", "step", "owner"}}
	for _, it := range q.Items {
		rows = append(rows, []string{it.Kind, oneLine(it.Text), it.Step, it.Owner})
	}
	writeTable(w, rows, []bool{false, false, false, false})
}

// oneLine writes a multi-line text on one line of a table.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " / ") }
