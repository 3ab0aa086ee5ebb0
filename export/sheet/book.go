package sheet

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"servicebp/blueprint"
)

// stepVotes is the dot-vote count written in the votes column (empty
// when 0).
func stepVotes(s blueprint.Step) int { return s.Votes }

// setStepVotes stores a votes cell on s: a whole number from 0 to
// blueprint.MaxVotes.
func setStepVotes(s *blueprint.Step, n int) error {
	if n < 0 || n > blueprint.MaxVotes {
		return fmt.Errorf("votes %d is out of range 0..%d", n, blueprint.MaxVotes)
	}
	s.Votes = n
	return nil
}

// stepComments is the comments column of a step, as JSON.
type stepComments struct {
	Above string                `json:"above,omitempty"`
	End   string                `json:"end,omitempty"`
	Keys  map[string]keyComment `json:"keys,omitempty"`
}

type keyComment struct {
	Above string `json:"above,omitempty"`
	Line  string `json:"line,omitempty"`
}

// BookOf lays d out as a workbook: a row per step in canonical order, a
// row per flow, and the rest of the blueprint in the blueprint sheet.
// A blueprint with unresolved merge conflicts is refused: they do not fit
// in rows.
func BookOf(d *blueprint.Document) (Book, error) {
	if len(d.Conflicts) > 0 {
		return Book{}, fmt.Errorf("the blueprint has %d unresolved merge conflicts; resolve them before exporting a spreadsheet", len(d.Conflicts))
	}
	var b Book
	lanes := make(map[string]blueprint.Lane, len(d.Lanes))
	for _, l := range d.Lanes {
		lanes[l.ID] = l
	}
	cols := make(map[string]blueprint.Column, len(d.Columns))
	for _, c := range d.Columns {
		cols[c.ID] = c
	}
	c := d.Clone()
	c.SortSteps()
	b.Steps = append(b.Steps, StepHeader)
	for _, s := range c.Steps {
		col, lane := cols[s.Column], lanes[s.Lane]
		comments, err := encodeComments(s)
		if err != nil {
			return Book{}, fmt.Errorf("step %q: %w", s.ID, err)
		}
		row := []string{
			col.Phase, s.Column, s.Lane, s.ID, s.Text, s.Owner,
			durationCell(s.Duration), durationCell(s.Wait), s.Fail, s.Recovery,
			boolCell(s.Moment), intCell(s.Emotion), intCell(stepVotes(s)), joinList(s.Tags), s.Notes,
			col.Name, lane.Name, s.Queue.String(), joinList(s.Waiting), comments,
		}
		b.Steps = append(b.Steps, row)
	}
	b.Flows = append(b.Flows, FlowHeader)
	for _, f := range c.Flows {
		b.Flows = append(b.Flows, []string{f.From, f.To, f.Label, boolCell(f.TwoWay), f.Comment})
	}
	rest, err := skeleton(c)
	if err != nil {
		return Book{}, err
	}
	b.Blueprint = append(Table{BlueprintHeader}, rest...)
	return b, nil
}

// skeleton is the blueprint sheet's rows: d without its steps and flows
// as canonical YAML, in chunks that fit a spreadsheet cell, and the
// comments of the steps: and flows: keys.
func skeleton(d *blueprint.Document) (Table, error) {
	s := d.Clone()
	s.Steps, s.Flows = nil, nil
	keys, lines := s.Comments.Keys, s.Comments.KeyLines
	s.Comments.Keys, s.Comments.KeyLines = nil, nil
	for k, v := range keys {
		if k != "steps" && k != "flows" {
			if s.Comments.Keys == nil {
				s.Comments.Keys = map[string]string{}
			}
			s.Comments.Keys[k] = v
		}
	}
	for k, v := range lines {
		if k != "steps" && k != "flows" {
			if s.Comments.KeyLines == nil {
				s.Comments.KeyLines = map[string]string{}
			}
			s.Comments.KeyLines[k] = v
		}
	}
	if len(d.Steps) > 0 && columnsDerived(d) {
		// The file lists no columns, and without steps nothing would give
		// them: the steps rows do, on import.
		s.Columns = nil
	}
	text, err := blueprint.Marshal(s)
	if err != nil {
		return nil, err
	}
	var t Table
	for _, part := range chunks(string(text), maxCellChars/2) {
		t = append(t, []string{keyYAML, part})
	}
	for _, kv := range [][2]string{
		{keyStepsComment, keys["steps"]}, {keyStepsLineComment, lines["steps"]},
		{keyFlowsComment, keys["flows"]}, {keyFlowsLineComment, lines["flows"]},
	} {
		if kv[1] != "" {
			t = append(t, []string{kv[0], kv[1]})
		}
	}
	return t, nil
}

// columnsDerived reports whether d's columns carry nothing but the ids
// its steps name, in the order the steps first name them: then the
// canonical file leaves them out.
func columnsDerived(d *blueprint.Document) bool {
	seen := map[string]bool{}
	var order []string
	for _, s := range d.Steps {
		if !seen[s.Column] {
			seen[s.Column] = true
			order = append(order, s.Column)
		}
	}
	if len(order) != len(d.Columns) {
		return false
	}
	for i, c := range d.Columns {
		if c.ID != order[i] || c.Name != "" || c.Phase != "" || c.Comment != "" {
			return false
		}
	}
	return true
}

// chunks splits s into pieces of at most n runes.
func chunks(s string, n int) []string {
	var out []string
	for s != "" {
		cut, count := len(s), 0
		for i := range s {
			if count == n {
				cut = i
				break
			}
			count++
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
	return out
}

func encodeComments(s blueprint.Step) (string, error) {
	c := stepComments{Above: s.Comment, End: s.EndComment}
	for k, v := range s.KeyComments {
		if v.Above == "" && v.Line == "" {
			continue
		}
		if c.Keys == nil {
			c.Keys = map[string]keyComment{}
		}
		c.Keys[k] = keyComment{Above: v.Above, Line: v.Line}
	}
	if c.Above == "" && c.End == "" && c.Keys == nil {
		return "", nil
	}
	out, err := json.Marshal(c)
	return string(out), err
}

func decodeComments(cell string, s *blueprint.Step) error {
	if strings.TrimSpace(cell) == "" {
		return nil
	}
	var c stepComments
	if err := json.Unmarshal([]byte(cell), &c); err != nil {
		return fmt.Errorf("comments must be the JSON servicebp writes, such as {\"above\":\"...\"}: %v", err)
	}
	s.Comment, s.EndComment = c.Above, c.End
	if len(c.Keys) > 0 {
		s.KeyComments = make(map[string]blueprint.KeyComment, len(c.Keys))
		for k, v := range c.Keys {
			s.KeyComments[k] = blueprint.KeyComment{Above: v.Above, Line: v.Line}
		}
	}
	return nil
}

func durationCell(d blueprint.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

func boolCell(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func intCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// validID reports whether s may be an id in a blueprint file: letters,
// digits, '-', '_' and '.', at most 64 characters.
func validID(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 64 {
		return false
	}
	for _, r := range s {
		if !isIDRune(r) {
			return false
		}
	}
	return true
}
