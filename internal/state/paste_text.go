package state

import (
	"regexp"
	"strconv"
	"strings"

	"servicebp/blueprint"
)

// TextFragment reads text that is not blueprint YAML, as copied from a
// text editor or a spreadsheet, as a fragment to paste:
//   - lines with no tab become cards of one lane, one card per non-blank
//     line, in successive columns;
//   - a block with tabs becomes a grid: each row a lane, each tab-separated
//     cell a column, and each non-blank cell a card.
//
// The fragment's first lane has the id "customer", so that with nothing
// selected plain lines go to the customer lane when the blueprint has one.
// It returns nil when text holds nothing but blanks.
func TextFragment(text string) *blueprint.Document {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	var rows [][]string
	if strings.Contains(text, "\t") {
		for _, l := range lines {
			rows = append(rows, strings.Split(l, "\t"))
		}
	} else {
		var row []string
		for _, l := range lines {
			if strings.TrimSpace(l) != "" {
				row = append(row, l)
			}
		}
		rows = [][]string{row}
	}
	frag := &blueprint.Document{}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	for i := range rows {
		id := "lane-" + strconv.Itoa(i+1)
		if i == 0 {
			id = "customer"
		}
		frag.Lanes = append(frag.Lanes, blueprint.Lane{ID: id})
	}
	for j := range width {
		frag.Columns = append(frag.Columns, blueprint.Column{ID: "column-" + strconv.Itoa(j+1)})
	}
	for i, r := range rows {
		for j, cell := range r {
			cell = strings.TrimSpace(cell)
			if cell == "" {
				continue
			}
			frag.Steps = append(frag.Steps, blueprint.Step{
				ID:     "step-" + strconv.Itoa(len(frag.Steps)+1),
				Lane:   frag.Lanes[i].ID,
				Column: frag.Columns[j].ID,
				Text:   cell,
			})
		}
	}
	if len(frag.Steps) == 0 {
		return nil
	}
	return frag
}

// blueprintKey matches a line that starts with a top-level key of a
// blueprint file.
var blueprintKey = regexp.MustCompile(`^(servicebp|title|description|lanes|lines|columns|steps|flows|lint|conflicts):(\s|$)`)

// LooksLikeBlueprint reports whether text reads as blueprint YAML (a line
// starts with one of a blueprint's top-level keys), whose errors a paste
// reports rather than taking the text as plain lines.
func LooksLikeBlueprint(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		if blueprintKey.MatchString(strings.TrimRight(l, "\r")) {
			return true
		}
	}
	return false
}
