package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"servicebp/blueprint"
)

// Names are the names of a workbook's sheets in messages: the file for a
// CSV, FILE[SHEET] for an XLSX workbook.
type Names struct {
	Steps, Flows, Blueprint string
}

// Import builds a blueprint from b and returns its canonical YAML. The
// steps sheet is either the table BookOf writes (any columns of
// StepHeader, in any order and case) or a hand-made grid: lane names down
// the first column, step names across the first row (optionally under a
// row of phases whose first cell is "phase"), a step in every filled
// cell. title is the blueprint's title when b has no blueprint sheet.
// Problems are returned as a blueprint.ErrorList of FILE:ROW:COL errors.
func Import(b Book, names Names, title string) ([]byte, error) {
	im := &importer{names: names}
	d := im.base(b.Blueprint, title)
	if len(im.errs) > 0 {
		return nil, im.errs
	}
	im.doc = d
	if len(b.Steps) == 0 || emptyRow(b.Steps[0]) {
		return nil, fileError(names.Steps, "the sheet is empty: the first row names the columns, such as lane, column and text")
	}
	if isTable(b.Steps[0]) {
		im.table(b.Steps)
	} else {
		im.grid(b.Steps, b.Blueprint == nil)
	}
	if b.Flows != nil && !im.full() {
		im.flows(b.Flows)
	}
	if len(im.errs) > 0 {
		return nil, im.errs
	}
	d.SortSteps()
	// Marshal loads its own output and refuses bytes that do not load, so
	// what it returns is a valid blueprint.
	out, err := blueprint.Marshal(d)
	if err != nil {
		return nil, fileError(names.Steps, "the sheet gives a blueprint that does not load: "+strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	return out, nil
}

// importer collects the document and the errors of one import.
type importer struct {
	names Names
	doc   *blueprint.Document
	errs  blueprint.ErrorList
	// colSet and laneSet record the row that set a column's name or
	// phase, or a lane's name, so that rows that disagree are reported.
	colSet  map[string]int
	laneSet map[string]int
	// rowOf is the row each step came from.
	rowOf map[string]int
}

func (im *importer) errorf(file string, row, col int, format string, args ...any) {
	if im.full() {
		return
	}
	im.errs = append(im.errs, &blueprint.Error{File: file, Line: row, Col: col, Msg: fmt.Sprintf(format, args...)})
}

func (im *importer) full() bool { return len(im.errs) >= blueprint.MaxErrors }

// base is the blueprint the rows go into: the blueprint sheet's, or the
// standard lanes and lines with no columns.
func (im *importer) base(t Table, title string) *blueprint.Document {
	if t == nil {
		d := blueprint.New(title, blueprint.EnglishNames)
		d.Columns = nil
		return d
	}
	name := im.names.Blueprint
	if len(t) == 0 || normHeader(cell(t[0], 0)) != "key" || normHeader(cell(t[0], 1)) != "value" {
		im.errorf(name, 1, 1, "the blueprint sheet starts with a row of key and value")
		return nil
	}
	var yamlText strings.Builder
	yamlRow := 0
	comments := map[string]string{}
	for r := 1; r < len(t); r++ {
		k, v := normHeader(cell(t[r], 0)), cell(t[r], 1)
		switch k {
		case "":
			if v != "" {
				im.errorf(name, r+1, 1, "the row has a value but no key")
			}
		case keyYAML:
			if yamlRow == 0 {
				yamlRow = r + 1
			}
			yamlText.WriteString(v)
		case keyStepsComment, keyStepsLineComment, keyFlowsComment, keyFlowsLineComment:
			comments[k] = v
		default:
			im.errorf(name, r+1, 1, "unknown key %q; the keys are yaml, steps comment, steps line comment, flows comment and flows line comment", cell(t[r], 0))
		}
	}
	if yamlRow == 0 {
		im.errorf(name, 1, 1, "the blueprint sheet has no yaml row")
		return nil
	}
	d, err := blueprint.Parse(name, []byte(yamlText.String()))
	if err != nil {
		if list, ok := err.(blueprint.ErrorList); ok {
			for _, e := range list {
				im.errorf(name, yamlRow, 2, "the blueprint's YAML, line %d, column %d: %s", e.Line, e.Col, e.Msg)
			}
		} else {
			im.errorf(name, yamlRow, 2, "the blueprint's YAML: %v", err)
		}
		return nil
	}
	if len(d.Steps) > 0 || len(d.Flows) > 0 {
		im.errorf(name, yamlRow, 2, "the blueprint's YAML has steps or flows; they belong in the steps and flows sheets")
		return nil
	}
	for key, sheetKey := range map[string][2]string{"steps": {keyStepsComment, keyStepsLineComment}, "flows": {keyFlowsComment, keyFlowsLineComment}} {
		if c := comments[sheetKey[0]]; c != "" {
			if d.Comments.Keys == nil {
				d.Comments.Keys = map[string]string{}
			}
			d.Comments.Keys[key] = c
		}
		if c := comments[sheetKey[1]]; c != "" {
			if d.Comments.KeyLines == nil {
				d.Comments.KeyLines = map[string]string{}
			}
			d.Comments.KeyLines[key] = c
		}
	}
	return d
}

// isTable reports whether a header row is that of a steps table rather
// than a grid: it names a text, lane or id column and at least one more
// column of StepHeader.
func isTable(header []string) bool {
	known := map[string]bool{}
	for _, h := range StepHeader {
		known[h] = true
	}
	has := map[string]bool{}
	for _, h := range header {
		if n := normHeader(h); known[n] {
			has[n] = true
		}
	}
	return len(has) >= 2 && (has["text"] || has["lane"] || has["id"])
}

// table reads a steps table.
func (im *importer) table(t Table) {
	name := im.names.Steps
	idx := map[string]int{}
	known := map[string]bool{}
	for _, h := range StepHeader {
		known[h] = true
	}
	for c, h := range t[0] {
		n := normHeader(h)
		if n == "two way" {
			n = "two-way"
		}
		switch {
		case n == "":
			continue
		case !known[n]:
			im.errorf(name, 1, c+1, "unknown column %q; the columns are %s", strings.TrimSpace(h), strings.Join(StepHeader, ", "))
		default:
			if first, dup := idx[n]; dup {
				im.errorf(name, 1, c+1, "column %q twice (first in column %d)", n, first+1)
			}
			idx[n] = c
		}
	}
	if len(im.errs) > 0 {
		return
	}
	im.colSet, im.laneSet, im.rowOf = map[string]int{}, map[string]int{}, map[string]int{}
	get := func(row []string, key string) (string, int) {
		c, ok := idx[key]
		if !ok {
			return "", 0
		}
		return cell(row, c), c + 1
	}
	type pending struct {
		row  int
		step blueprint.Step
	}
	var noID []pending
	for r := 1; r < len(t) && !im.full(); r++ {
		row := t[r]
		if emptyRow(row) {
			continue
		}
		line := r + 1
		colID, colC := get(row, "column")
		colName, colNameC := get(row, "column name")
		phase, phaseC := get(row, "phase")
		laneID, laneC := get(row, "lane")
		laneName, laneNameC := get(row, "lane name")
		id, idC := get(row, "id")
		text, _ := get(row, "text")
		colID, colName = strings.TrimSpace(colID), strings.TrimSpace(colName)
		if _, named := idx["column name"]; !named && colID != blueprint.Slug(colID) {
			// Without a column name column, a column written as a name
			// ("Check in") is named by it.
			colName = colID
		}
		column := im.column(line, colID, max(colC, colNameC, phaseC, 1), colName, strings.TrimSpace(phase))
		if strings.TrimSpace(laneID+laneName+id+text) == "" {
			continue // a row that only declares its column
		}
		if column == "" {
			im.errorf(name, line, max(colC, 1), "the step has no column")
			continue
		}
		lane := im.lane(line, strings.TrimSpace(laneID), max(laneC, laneNameC, 1), strings.TrimSpace(laneName))
		if lane == "" {
			continue
		}
		s := blueprint.Step{Lane: lane, Column: column, Text: text}
		s.ID = strings.TrimSpace(id)
		if s.ID != "" && !validID(s.ID) {
			im.errorf(name, line, idC, "id %q: use letters, digits, '-', '_' and '.', at most 64 characters", s.ID)
			continue
		}
		if !im.fields(line, row, idx, &s) {
			continue
		}
		if s.ID == "" {
			noID = append(noID, pending{line, s})
			continue
		}
		if first, dup := im.rowOf[s.ID]; dup {
			im.errorf(name, line, idC, "duplicate id %q: already used by the step in row %d", s.ID, first)
			continue
		}
		im.rowOf[s.ID] = line
		im.doc.Steps = append(im.doc.Steps, s)
	}
	for _, p := range noID {
		p.step.ID = im.doc.UniqueID(p.step.Text, "step")
		im.rowOf[p.step.ID] = p.row
		im.doc.Steps = append(im.doc.Steps, p.step)
	}
}

// fields reads a row's step fields other than id, lane and column into s.
func (im *importer) fields(line int, row []string, idx map[string]int, s *blueprint.Step) bool {
	name := im.names.Steps
	ok := true
	for _, key := range []string{"owner", "duration", "wait", "fail", "recovery", "moment", "emotion", "votes", "tags", "notes", "queue", "waiting", "comments"} {
		c, has := idx[key]
		if !has {
			continue
		}
		raw := cell(row, c)
		v := strings.TrimSpace(raw)
		bad := func(format string, args ...any) {
			im.errorf(name, line, c+1, key+": "+format, args...)
			ok = false
		}
		switch key {
		case "owner":
			s.Owner = raw
		case "fail":
			s.Fail = raw
		case "recovery":
			s.Recovery = raw
		case "notes":
			s.Notes = raw
		case "duration", "wait":
			if v == "" {
				continue
			}
			d, err := blueprint.ParseDuration(v)
			if err != nil {
				bad("%v", err)
				continue
			}
			if key == "duration" {
				s.Duration = d
			} else {
				s.Wait = d
			}
		case "moment":
			b, good := parseBool(v)
			if !good {
				bad("%q is not true or false", v)
			}
			s.Moment = b
		case "emotion":
			if v == "" {
				continue
			}
			n, err := strconv.Atoi(strings.TrimPrefix(v, "+"))
			if err != nil || n < -2 || n > 2 {
				bad("%q is not a whole number from -2 to 2", v)
				continue
			}
			s.Emotion = n
		case "votes":
			if v == "" {
				continue
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				bad("%q is not a whole number of votes, 0 or more", v)
				continue
			}
			if err := setStepVotes(s, n); err != nil {
				bad("%v", err)
			}
		case "tags", "waiting":
			items, err := splitList(raw)
			if err != nil {
				bad("not a list: %v", err)
				continue
			}
			if key == "tags" {
				s.Tags = items
				continue
			}
			for _, w := range items {
				if !isWaitingCondition(w) {
					bad("unknown condition %q; the conditions are %s", w, strings.Join(blueprint.WaitingConditions, ", "))
				}
			}
			s.Waiting = items
		case "queue":
			if v == "" {
				continue
			}
			q, err := blueprint.ParseQueue(v)
			if err != nil {
				bad("%v", err)
				continue
			}
			s.Queue = q
		case "comments":
			if err := decodeComments(raw, s); err != nil {
				bad("%v", err)
			}
		}
	}
	return ok
}

func isWaitingCondition(w string) bool {
	for _, c := range blueprint.WaitingConditions {
		if c == w {
			return true
		}
	}
	return false
}

// column returns the id of the column a row names, adding the column when
// it is new and applying the row's name and phase; "" when the row names
// none.
func (im *importer) column(line int, id string, at int, name, phase string) string {
	d := im.doc
	i := -1
	switch {
	case id != "":
		i = d.ColumnIndex(id)
	case name != "":
		for j, c := range d.Columns {
			if c.Name == name {
				i = j
				break
			}
		}
	default:
		return ""
	}
	if i < 0 {
		c := blueprint.Column{ID: id, Name: name, Phase: phase}
		if !validID(id) {
			// A name written where the id goes.
			if c.Name == "" {
				c.Name = id
			}
			c.ID = d.UniqueID(c.Name, "column")
		}
		d.Columns = append(d.Columns, c)
		im.colSet[c.ID] = line
		return c.ID
	}
	c := &d.Columns[i]
	first, set := im.colSet[c.ID]
	for _, f := range []struct {
		what, val string
		field     *string
	}{{"name", name, &c.Name}, {"phase", phase, &c.Phase}} {
		if f.val == "" || f.val == *f.field {
			continue
		}
		if set {
			im.errorf(im.names.Steps, line, at, "column %q has the %s %q here but %q in row %d", c.ID, f.what, f.val, *f.field, first)
			continue
		}
		*f.field = f.val
	}
	if !set {
		im.colSet[c.ID] = line
	}
	return c.ID
}

// lane returns the id of the lane a row names, by id or name: an existing
// lane, a standard lane, or a new custom lane.
func (im *importer) lane(line int, id string, at int, name string) string {
	d := im.doc
	i := -1
	if id != "" {
		i = d.LaneIndex(id)
	}
	for _, n := range []string{id, name} {
		if i >= 0 {
			break
		}
		if n == "" {
			continue
		}
		for j, l := range d.Lanes {
			if strings.EqualFold(l.Name, n) {
				i = j
				break
			}
		}
		if k, ok := standardLane(n); i < 0 && ok {
			if i = d.LaneIndex(string(k)); i < 0 {
				lname := name
				if lname == "" {
					lname = n
				}
				d.Lanes = append(d.Lanes, blueprint.Lane{ID: string(k), Kind: k, Name: lname})
				im.laneSet[string(k)] = line
				return string(k)
			}
		}
	}
	if i < 0 {
		if id == "" && name == "" {
			im.errorf(im.names.Steps, line, at, "the step has no lane")
			return ""
		}
		l := blueprint.Lane{ID: id, Name: name, Kind: blueprint.LaneCustom}
		if !validID(id) {
			if l.Name == "" {
				l.Name = id
			}
			l.ID = d.UniqueID(l.Name, "lane")
		}
		if l.Name == "" {
			l.Name = l.ID
		}
		d.Lanes = append(d.Lanes, l)
		im.laneSet[l.ID] = line
		return l.ID
	}
	l := &d.Lanes[i]
	if name != "" && name != l.Name {
		if first, set := im.laneSet[l.ID]; set {
			im.errorf(im.names.Steps, line, at, "lane %q has the name %q here but %q in row %d", l.ID, name, l.Name, first)
			return l.ID
		}
		l.Name = name
	}
	if _, set := im.laneSet[l.ID]; !set {
		im.laneSet[l.ID] = line
	}
	return l.ID
}

// flows reads the flows sheet.
func (im *importer) flows(t Table) {
	name := im.names.Flows
	if len(t) == 0 || emptyRow(t[0]) {
		return
	}
	idx := map[string]int{}
	before := len(im.errs)
	for c, h := range t[0] {
		n := normHeader(h)
		if n == "two way" {
			n = "two-way"
		}
		switch n {
		case "":
		case "from", "to", "label", "two-way", "comment":
			idx[n] = c
		default:
			im.errorf(name, 1, c+1, "unknown column %q; the columns are %s", strings.TrimSpace(h), strings.Join(FlowHeader, ", "))
		}
	}
	for _, k := range []string{"from", "to"} {
		if _, ok := idx[k]; !ok {
			im.errorf(name, 1, 1, "the flows sheet needs a %q column", k)
		}
	}
	if len(im.errs) > before {
		return
	}
	get := func(row []string, key string) string {
		if c, ok := idx[key]; ok {
			return cell(row, c)
		}
		return ""
	}
	seen := map[[2]string]int{}
	for r := 1; r < len(t) && !im.full(); r++ {
		row := t[r]
		if emptyRow(row) {
			continue
		}
		line := r + 1
		f := blueprint.Flow{From: strings.TrimSpace(get(row, "from")), To: strings.TrimSpace(get(row, "to")), Label: get(row, "label"), Comment: get(row, "comment")}
		good := true
		for _, end := range []struct{ key, id string }{{"from", f.From}, {"to", f.To}} {
			if _, ok := im.rowOf[end.id]; !ok && im.doc.StepIndex(end.id) < 0 {
				im.errorf(name, line, idx[end.key]+1, "%s: no step has the id %q", end.key, end.id)
				good = false
			}
		}
		two, ok := parseBool(get(row, "two-way"))
		if !ok {
			im.errorf(name, line, idx["two-way"]+1, "two-way: %q is not true or false", get(row, "two-way"))
			good = false
		}
		f.TwoWay = two
		if !good {
			continue
		}
		if f.From == f.To {
			im.errorf(name, line, idx["to"]+1, "a flow joins two different steps, not %q to itself", f.From)
			continue
		}
		key := [2]string{f.From, f.To}
		if first, dup := seen[key]; dup {
			im.errorf(name, line, 1, "duplicate flow from %q to %q (first in row %d)", f.From, f.To, first)
			continue
		}
		seen[key] = line
		im.doc.Flows = append(im.doc.Flows, f)
	}
}

// cell is row[i], or "" past the end of a ragged row.
func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func emptyRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
