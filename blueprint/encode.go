package blueprint

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
)

// Marshal writes d in canonical form: 2-space indent, keys in the order of
// docs/format.md, defaults omitted, steps sorted by column and lane, each
// step its own block, and no timestamps. The same document always gives the
// same bytes.
//
// Marshal never returns bytes the loader would refuse: it loads its own
// output and compares it with d (see verify). Output over MaxFileSize is
// refused with an error wrapping ErrTooLarge; output that does not load,
// or reads back as a different document, is refused with an "internal
// error" that names the element whose text broke it. Every write path
// (fmt, Save, autosave, new, the clipboard) goes through Marshal, so none
// of them can write such a file.
func Marshal(d *Document) ([]byte, error) {
	out, marks := emit(d)
	if err := verify(d, out, marks); err != nil {
		return nil, err
	}
	return out, nil
}

// emit writes the canonical text of d, and where each element starts in it.
func emit(d *Document) ([]byte, []mark) {
	e := &emitter{}
	e.buf.Grow(256 + 160*len(d.Steps) + 40*len(d.Flows) + 40*len(d.Columns))
	e.marks = make([]mark, 0, 16+len(d.Steps)+len(d.Flows)+len(d.Columns)+len(d.Lanes)+len(d.Lines))
	if d.Comments.Header != "" {
		e.mark(element{kind: elHeader})
		e.comment(d.Comments.Header, 0)
		e.buf.WriteByte('\n')
	}
	version := d.Version
	if version == 0 {
		version = FormatVersion
	}
	e.mark(element{kind: elVersion})
	e.topScalar(d, "servicebp", strconv.Itoa(version))
	if d.Title != "" {
		e.mark(element{kind: elTitle})
		e.topText(d, "title", d.Title)
	} else {
		e.leaveOut(d, "title")
	}
	if d.Description != "" {
		e.mark(element{kind: elDescription})
		e.topText(d, "description", d.Description)
	} else {
		e.leaveOut(d, "description")
	}
	if defaultLanes(d.Lanes) {
		e.leaveOut(d, "lanes")
	} else {
		e.mark(element{kind: elKey, a: "lanes"})
		e.topKey(d, "lanes")
		for _, l := range d.Lanes {
			e.mark(element{kind: elLane, a: l.ID})
			e.flowItem(l.Comment, encodeLane(l))
		}
	}
	if defaultLines(d.Lanes, d.Lines) {
		e.leaveOut(d, "lines")
	} else {
		e.mark(element{kind: elKey, a: "lines"})
		e.topKey(d, "lines")
		for _, l := range d.Lines {
			e.mark(element{kind: elLine, a: l.ID})
			e.flowItem(l.Comment, encodeLine(l))
		}
	}
	steps := canonicalSteps(d)
	if derivableColumns(d.Columns, steps) {
		e.leaveOut(d, "columns")
	} else {
		e.mark(element{kind: elKey, a: "columns"})
		e.topKey(d, "columns")
		for _, c := range d.Columns {
			e.mark(element{kind: elColumn, a: c.ID})
			e.flowItem(c.Comment, encodeColumn(c))
		}
	}
	if len(steps) == 0 {
		e.leaveOut(d, "steps")
	} else {
		e.mark(element{kind: elKey, a: "steps"})
		e.topKey(d, "steps")
		for i := range steps {
			e.mark(element{kind: elStep, a: steps[i].ID})
			e.step(&steps[i])
		}
	}
	if len(d.Flows) == 0 {
		e.leaveOut(d, "flows")
	} else {
		e.mark(element{kind: elKey, a: "flows"})
		e.topKey(d, "flows")
		for _, f := range d.Flows {
			e.mark(element{kind: elFlow, a: f.From, b: f.To})
			e.flowItem(f.Comment, encodeFlow(f))
		}
	}
	e.emitQuestions(d)
	if len(d.Questions) == 0 {
		e.leaveOut(d, "questions")
	}
	if len(d.Lint.Disable) == 0 && d.Lint.LongWait == 0 {
		e.leaveOut(d, "lint")
	} else {
		e.mark(element{kind: elLint})
		e.topKey(d, "lint")
		if len(d.Lint.Disable) > 0 {
			e.buf.WriteString("  disable: ")
			e.flowList(d.Lint.Disable)
			e.buf.WriteByte('\n')
		}
		if d.Lint.LongWait != 0 {
			e.buf.WriteString("  long-wait: ")
			e.buf.WriteString(d.Lint.LongWait.String())
			e.buf.WriteByte('\n')
		}
	}
	e.emitConflicts(d)
	if len(d.Conflicts) == 0 {
		e.leaveOut(d, "conflicts")
	}
	if len(e.carried) > 0 || d.Comments.Footer != "" {
		e.mark(element{kind: elFooter})
		e.buf.WriteByte('\n')
		e.writeCarried()
		if d.Comments.Footer != "" {
			e.comment(d.Comments.Footer, 0)
		}
	}
	return e.buf.Bytes(), e.marks
}

// canonicalSteps returns the steps in canonical order without changing d.
func canonicalSteps(d *Document) []Step {
	c := &Document{Lanes: d.Lanes, Columns: d.Columns, Steps: slices.Clone(d.Steps)}
	c.SortSteps()
	return c.Steps
}

func defaultLanes(lanes []Lane) bool {
	def := DefaultLanes(EnglishNames)
	if len(lanes) != len(def) {
		return false
	}
	for i, l := range lanes {
		if l.ID != def[i].ID || l.Name != def[i].Name || l.Kind != def[i].Kind || l.Comment != "" {
			return false
		}
	}
	return true
}

// defaultLines reports whether the lines are what the loader would give a
// file without a "lines" key.
func defaultLines(lanes []Lane, lines []Line) bool {
	def := defaultLinesFor(lanes)
	if len(lines) != len(def) {
		return false
	}
	for i, l := range lines {
		if l.ID != def[i].ID || l.Kind != def[i].Kind || l.Name != def[i].Name || l.Below != def[i].Below || l.Style != def[i].Style || l.Comment != "" {
			return false
		}
	}
	return true
}

// derivableColumns reports whether the loader would rebuild exactly these
// columns from the steps alone: every column is bare and used, in order.
func derivableColumns(cols []Column, steps []Step) bool {
	if len(cols) == 0 {
		return true
	}
	derived := deriveColumns(steps)
	if len(derived) != len(cols) {
		return false
	}
	for i, c := range cols {
		if c.ID != derived[i].ID || c.Name != "" || c.Phase != "" || c.Comment != "" {
			return false
		}
	}
	return true
}

// kv is one key and its value in a flow mapping; a raw value (a boolean) is
// written as it is, any other through scalar.
type kv struct {
	key, value string
	raw        bool
}

func encodeLane(l Lane) []kv {
	m := []kv{{key: "id", value: l.ID}}
	if l.Name != defaultLaneName(l) {
		m = append(m, kv{key: "name", value: l.Name})
	}
	if l.Kind != defaultLaneKind(l.ID) {
		m = append(m, kv{key: "kind", value: string(l.Kind)})
	}
	return m
}

func encodeLine(l Line) []kv {
	m := []kv{{key: "id", value: l.ID}}
	if l.Kind != defaultLineKind(l.ID) {
		m = append(m, kv{key: "kind", value: string(l.Kind)})
	}
	if l.Name != defaultLineName(l) {
		m = append(m, kv{key: "name", value: l.Name})
	}
	m = append(m, kv{key: "below", value: l.Below})
	if l.Style != DefaultStyle(l.Kind) {
		m = append(m, kv{key: "style", value: string(l.Style)})
	}
	return m
}

func encodeColumn(c Column) []kv {
	m := []kv{{key: "id", value: c.ID}}
	if c.Name != "" {
		m = append(m, kv{key: "name", value: c.Name})
	}
	if c.Phase != "" {
		m = append(m, kv{key: "phase", value: c.Phase})
	}
	return m
}

func encodeFlow(f Flow) []kv {
	m := []kv{{key: "from", value: f.From}, {key: "to", value: f.To}}
	if f.Label != "" {
		m = append(m, kv{key: "label", value: f.Label})
	}
	if f.TwoWay {
		m = append(m, kv{key: "two-way", value: "true", raw: true})
	}
	return m
}

// emitter writes the canonical YAML text, marking where each element
// starts so that a problem found in the output can be traced to it.
type emitter struct {
	buf   bytes.Buffer
	marks []mark
	// carried holds the comments of top-level keys the canonical form
	// leaves out (an empty list, default lanes): they are written above
	// the next key, or before the footer, so that no comment is lost.
	carried []string
}

// leaveOut carries the comments of a top-level key that is not written.
func (e *emitter) leaveOut(d *Document, key string) {
	for _, c := range []string{d.Comments.Keys[key], d.Comments.KeyLines[key]} {
		if c != "" {
			e.carried = append(e.carried, c)
		}
	}
}

// writeCarried writes the carried comments, at the top level.
func (e *emitter) writeCarried() {
	for _, c := range e.carried {
		e.comment(c, 0)
	}
	e.carried = e.carried[:0]
}

// mark records that el starts at the current end of the output.
func (e *emitter) mark(el element) {
	e.marks = append(e.marks, mark{off: e.buf.Len(), el: el})
}

// comment writes a comment block (lines already starting with "#") at
// indent, keeping blank lines between comment groups.
func (e *emitter) comment(c string, indent int) {
	for _, line := range strings.Split(c, "\n") {
		line = strings.TrimRight(line, " \t")
		if line == "" {
			e.buf.WriteByte('\n')
			continue
		}
		if line[0] != '#' {
			line = "# " + line
		}
		e.indent(indent)
		e.buf.WriteString(line)
		e.buf.WriteByte('\n')
	}
}

func (e *emitter) indent(n int) {
	for range n {
		e.buf.WriteByte(' ')
	}
}

// lineComment ends the current line with c, if any.
func (e *emitter) lineComment(c string) {
	if c != "" {
		e.buf.WriteByte(' ')
		e.buf.WriteString(strings.ReplaceAll(c, "\n", " "))
	}
	e.buf.WriteByte('\n')
}

// topKey starts a top-level key whose value is a block below it.
func (e *emitter) topKey(d *Document, key string) {
	e.writeCarried()
	if c := d.Comments.Keys[key]; c != "" {
		e.comment(c, 0)
	}
	e.buf.WriteString(key)
	e.buf.WriteByte(':')
	e.lineComment(d.Comments.KeyLines[key])
}

// topScalar writes a top-level key with a value that needs no quoting.
func (e *emitter) topScalar(d *Document, key, value string) {
	e.writeCarried()
	if c := d.Comments.Keys[key]; c != "" {
		e.comment(c, 0)
	}
	e.buf.WriteString(key)
	e.buf.WriteString(": ")
	e.buf.WriteString(value)
	e.lineComment(d.Comments.KeyLines[key])
}

// topText writes a top-level key with a text value: multi-line values as
// literal blocks, where a comment kept at the end of the key's line goes
// above the key instead.
func (e *emitter) topText(d *Document, key, value string) {
	e.writeCarried()
	if c := d.Comments.Keys[key]; c != "" {
		e.comment(c, 0)
	}
	if literalOK(value) {
		if c := d.Comments.KeyLines[key]; c != "" {
			e.comment(c, 0)
		}
		e.buf.WriteString(key)
		e.buf.WriteString(": ")
		e.literal(value, 2)
		return
	}
	e.buf.WriteString(key)
	e.buf.WriteString(": ")
	e.scalar(value, false)
	e.lineComment(d.Comments.KeyLines[key])
}

// flowItem writes one list item as a flow mapping on one line.
func (e *emitter) flowItem(comment string, m []kv) {
	if comment != "" {
		e.comment(comment, 2)
	}
	e.buf.WriteString("  - {")
	for i, p := range m {
		if i > 0 {
			e.buf.WriteString(", ")
		}
		e.buf.WriteString(p.key)
		e.buf.WriteString(": ")
		if p.raw {
			e.buf.WriteString(p.value)
		} else {
			e.scalar(p.value, true)
		}
	}
	e.buf.WriteString("}\n")
}

func (e *emitter) flowList(items []string) {
	e.buf.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			e.buf.WriteString(", ")
		}
		e.scalar(s, true)
	}
	e.buf.WriteByte(']')
}

// step writes one step as a block mapping.
func (e *emitter) step(s *Step) {
	if s.Comment != "" {
		e.comment(s.Comment, 2)
	}
	kc := s.KeyComments
	e.buf.WriteString("  - id: ")
	e.scalar(s.ID, false)
	e.lineComment(kc["id"].Line)
	e.stepScalar(kc, "lane", s.Lane)
	e.stepScalar(kc, "column", s.Column)
	e.stepText(kc, "text", s.Text)
	e.stepText(kc, "owner", s.Owner)
	if s.hasKey("duration") {
		e.stepRaw(kc, "duration", s.Duration.String())
	}
	if s.hasKey("wait") {
		e.stepRaw(kc, "wait", s.Wait.String())
	}
	if s.hasKey("queue") {
		e.queue(kc, s.Queue)
	}
	if s.hasKey("waiting") {
		e.stepKey(kc, "waiting")
		e.flowList(s.Waiting)
		e.lineComment(kc["waiting"].Line)
	}
	e.stepText(kc, "fail", s.Fail)
	e.stepText(kc, "recovery", s.Recovery)
	if s.hasKey("moment") {
		e.stepRaw(kc, "moment", "true")
	}
	if s.hasKey("emotion") {
		e.stepRaw(kc, "emotion", strconv.Itoa(s.Emotion))
	}
	if s.hasKey("votes") {
		e.stepRaw(kc, "votes", strconv.Itoa(s.Votes))
	}
	if s.hasKey("tags") {
		e.stepKey(kc, "tags")
		e.flowList(s.Tags)
		e.lineComment(kc["tags"].Line)
	}
	e.stepText(kc, "notes", s.Notes)
	e.stepText(kc, "image", s.Image)
	if s.EndComment != "" {
		e.comment(s.EndComment, 4)
	}
}

// hasKey reports whether the canonical form of s writes key: keys with a
// zero value (no owner, moment: false, emotion: 0 ...) are left out.
func (s *Step) hasKey(key string) bool {
	switch key {
	case "id", "lane", "column":
		return true
	case "text":
		return s.Text != ""
	case "owner":
		return s.Owner != ""
	case "duration":
		return s.Duration != 0
	case "wait":
		return s.Wait != 0
	case "queue":
		return !s.Queue.IsZero()
	case "waiting":
		return len(s.Waiting) > 0
	case "fail":
		return s.Fail != ""
	case "recovery":
		return s.Recovery != ""
	case "moment":
		return s.Moment
	case "emotion":
		return s.Emotion != 0
	case "votes":
		return s.Votes != 0
	case "tags":
		return len(s.Tags) > 0
	case "notes":
		return s.Notes != ""
	case "image":
		return s.Image != ""
	}
	return false
}

// stepKey writes the comment kept above a step's key, then the key.
func (e *emitter) stepKey(kc map[string]KeyComment, key string) {
	if c := kc[key].Above; c != "" {
		e.comment(c, 4)
	}
	e.buf.WriteString("    ")
	e.buf.WriteString(key)
	e.buf.WriteString(": ")
}

// stepRaw writes a step's key with a value that needs no quoting.
func (e *emitter) stepRaw(kc map[string]KeyComment, key, value string) {
	e.stepKey(kc, key)
	e.buf.WriteString(value)
	e.lineComment(kc[key].Line)
}

// stepScalar writes a step's key with a one-line value.
func (e *emitter) stepScalar(kc map[string]KeyComment, key, value string) {
	e.stepKey(kc, key)
	e.scalar(value, false)
	e.lineComment(kc[key].Line)
}

// stepText writes a step's text key, if it has a value: multi-line values
// as literal blocks, where a comment kept at the end of the key's line
// goes above the key instead.
func (e *emitter) stepText(kc map[string]KeyComment, key, value string) {
	if value == "" {
		return
	}
	if !literalOK(value) {
		e.stepScalar(kc, key, value)
		return
	}
	if c := kc[key]; c.Line != "" {
		kc = map[string]KeyComment{key: {Above: joinComments(c.Above, c.Line)}}
	}
	e.stepKey(kc, key)
	e.literal(value, 6)
}

// literal writes a multi-line value as a literal block scalar ("|-" or
// "|"), its lines at indent.
func (e *emitter) literal(s string, indent int) {
	body := s
	if strings.HasSuffix(s, "\n") {
		e.buf.WriteString("|\n")
		body = s[:len(s)-1]
	} else {
		e.buf.WriteString("|-\n")
	}
	for _, line := range strings.Split(body, "\n") {
		if line != "" {
			e.indent(indent)
			e.buf.WriteString(line)
		}
		e.buf.WriteByte('\n')
	}
}
