package sheet

import (
	"strings"

	"servicebp/blueprint"
)

// phaseHeaders are the first cells that mark a grid's first row as its
// row of phases.
var phaseHeaders = map[string]bool{"phase": true, "phases": true, "stage": true, "stages": true, "阶段": true, "階段": true}

// grid reads a hand-made grid: lane names down the first column, step (or
// column) names across the first row, one step in each filled cell. A
// first row whose first cell is "phase" gives the phases of the columns
// below it; a blank phase cell continues the phase on its left, as merged
// cells read. With own, the grid's lanes replace the standard ones: the
// blueprint has the lanes the sheet lists, in its order, and the standard
// lines between those that remain.
func (im *importer) grid(t Table, own bool) {
	name := im.names.Steps
	d := im.doc
	im.colSet, im.laneSet, im.rowOf = map[string]int{}, map[string]int{}, map[string]int{}
	h := 0
	var phases []string
	if phaseHeaders[normHeader(cell(t[0], 0))] {
		phase := ""
		for c := 1; c < len(t[0]); c++ {
			if p := strings.TrimSpace(t[0][c]); p != "" {
				phase = p
			}
			phases = append(phases, phase)
		}
		h = 1
	}
	if h >= len(t) {
		im.errorf(name, 1, 1, "the sheet has a row of phases but no row of steps under it")
		return
	}
	width := 0
	for _, row := range t[h:] {
		width = max(width, len(row))
	}
	cols := make([]string, width)
	for c := 1; c < width; c++ {
		n := strings.TrimSpace(cell(t[h], c))
		if n == "" {
			continue
		}
		col := blueprint.Column{Name: n, ID: d.UniqueID(n, "column")}
		if c-1 < len(phases) {
			col.Phase = phases[c-1]
		}
		d.Columns = append(d.Columns, col)
		cols[c] = col.ID
	}
	if own {
		d.Lanes, d.Lines = nil, nil
	}
	for r := h + 1; r < len(t) && !im.full(); r++ {
		row := t[r]
		if emptyRow(row[min(1, len(row)):]) {
			continue
		}
		line := r + 1
		laneName := strings.TrimSpace(cell(row, 0))
		if laneName == "" {
			im.errorf(name, line, 1, "the row has steps but no lane name in its first cell")
			continue
		}
		lane := im.lane(line, "", 1, laneName)
		for c := 1; c < len(row); c++ {
			text := strings.TrimSpace(row[c])
			if text == "" {
				continue
			}
			if cols[c] == "" {
				im.errorf(name, line, c+1, "the cell is under a column with no name in row %d", h+1)
				continue
			}
			s := blueprint.Step{ID: d.UniqueID(text, "step"), Lane: lane, Column: cols[c], Text: text}
			im.rowOf[s.ID] = line
			d.Steps = append(d.Steps, s)
		}
	}
	if len(d.Steps) == 0 && len(im.errs) == 0 {
		im.errorf(name, 1, 1, "the sheet has no steps: lanes go down the first column, steps across the first row, and each filled cell is a step")
		return
	}
	if own {
		d.Lines = gridLines(d.Lanes)
	}
}

// gridLines are the standard lines that fit lanes: each below its
// standard lane, when that lane is there and is not the last one.
func gridLines(lanes []blueprint.Lane) []blueprint.Line {
	var out []blueprint.Line
	for _, l := range blueprint.DefaultLines(blueprint.EnglishNames) {
		for i, lane := range lanes {
			if lane.ID == l.Below && i < len(lanes)-1 {
				out = append(out, l)
			}
		}
	}
	return out
}
