package blueprint

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// decimalRE is how the format writes whole numbers: decimal digits with an
// optional sign and no leading zero, not YAML's hex, octal or underscored
// forms.
var decimalRE = regexp.MustCompile(`^[-+]?(0|[1-9][0-9]*)$`)

// maxDepth is the deepest nesting the format uses: top mapping → steps list
// → step mapping → tags list → tag.
const maxDepth = 5

// The keys of each mapping in the format, in canonical order.
var (
	topKeys    = []string{"servicebp", "title", "description", "lanes", "lines", "columns", "steps", "flows", "questions", "lint", "conflicts"}
	laneKeys   = []string{"id", "name", "kind"}
	lineKeys   = []string{"id", "kind", "name", "below", "style"}
	columnKeys = []string{"id", "name", "phase"}
	stepKeys   = []string{"id", "lane", "column", "text", "owner", "duration", "wait", "queue", "waiting", "fail", "recovery", "moment", "emotion", "votes", "tags", "notes", "image"}
	flowKeys   = []string{"from", "to", "label", "two-way"}
	lintKeys   = []string{"disable", "long-wait"}
)

// decoder turns a YAML node tree into a Document, collecting every problem.
type decoder struct {
	file string
	src  *source // the text, to find what yaml.v3 does not keep
	errs ErrorList
	// valid, when set, keeps the document built from the elements that
	// decoded, despite the errors (see ParseValid).
	valid *Document
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, n.Column
	}
	d.errorLineCol(line, col, format, args...)
}

// errorLineCol records a problem at a line and column.
func (d *decoder) errorLineCol(line, col int, format string, args ...any) {
	if len(d.errs) > MaxErrors {
		return
	}
	if len(d.errs) == MaxErrors {
		d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: col, Msg: fmt.Sprintf("too many errors; stopping after %d", MaxErrors)})
		return
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// sorted returns the errors in file order, keeping the "too many errors"
// note last.
func (d *decoder) sorted() ErrorList {
	errs := d.errs
	var tail ErrorList
	if len(errs) > MaxErrors {
		errs, tail = errs[:MaxErrors], errs[MaxErrors:]
	}
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Line != errs[j].Line {
			return errs[i].Line < errs[j].Line
		}
		return errs[i].Col < errs[j].Col
	})
	return append(errs, tail...)
}

// document decodes the whole file.
func (d *decoder) document(root *yaml.Node) *Document {
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		d.errorf(top, "the top level must be a mapping of keys such as \"servicebp: 1\", \"title:\" and \"steps:\", not %s", kindName(top))
		return nil
	}
	d.checkNodes(top, 1)
	if len(d.errs) > 0 {
		return nil
	}
	doc := &Document{}
	doc.Comments.Header = root.HeadComment
	doc.Comments.Footer = joinComments(root.FootComment, top.FootComment)
	topFields := d.mapping(top, topKeys, "the top level")
	if len(top.Content) > 0 {
		last := top.Content[len(top.Content)-2]
		doc.Comments.Footer = joinComments(doc.Comments.Footer, last.FootComment)
	}
	for i, f := range topFields {
		if i == 0 && doc.Comments.Header == "" && f.key.HeadComment != "" {
			doc.Comments.Header = f.key.HeadComment
		} else if f.key.HeadComment != "" {
			setComment(&doc.Comments.Keys, f.name, f.key.HeadComment)
		}
		setComment(&doc.Comments.KeyLines, f.name, joinComments(f.key.LineComment, f.value.LineComment))
	}
	keys := fields(topFields)

	if v, ok := keys.get("servicebp"); !ok {
		d.errorf(top, "missing format version: add \"servicebp: %d\" as the first line", FormatVersion)
	} else if n, ok := d.integer(v, "servicebp"); ok {
		switch {
		case n > FormatVersion:
			d.errorf(v, "this file uses servicebp format version %d, but this build reads up to version %d; upgrade servicebp to open it", n, FormatVersion)
		case n < 1:
			d.errorf(v, "invalid format version %d; the current version is %d", n, FormatVersion)
		default:
			doc.Version = n
		}
	}
	if v, ok := keys.get("title"); ok {
		doc.Title, _ = d.str(v, "title")
	}
	if v, ok := keys.get("description"); ok {
		doc.Description, _ = d.str(v, "description")
	}
	if v, ok := keys.get("lanes"); ok {
		for _, n := range d.list(v, "lanes") {
			if l, ok := d.lane(n); ok {
				doc.Lanes = append(doc.Lanes, l)
			}
		}
	} else {
		doc.Lanes = DefaultLanes(EnglishNames)
	}
	if v, ok := keys.get("lines"); ok {
		for _, n := range d.list(v, "lines") {
			if l, ok := d.line(n); ok {
				doc.Lines = append(doc.Lines, l)
			}
		}
	} else {
		doc.Lines = defaultLinesFor(doc.Lanes)
	}
	_, declaredColumns := keys.get("columns")
	// partial holds the steps that had errors but an id: the rules (ids
	// used twice, unknown lanes and columns, flows to missing steps) are
	// still checked on them, so that one load reports all the problems.
	var partial []Step
	if v, ok := keys.get("columns"); ok {
		for _, n := range d.list(v, "columns") {
			if c, ok := d.column(n); ok {
				doc.Columns = append(doc.Columns, c)
			}
		}
	}
	if v, ok := keys.get("steps"); ok {
		for _, n := range d.list(v, "steps") {
			if s, ok := d.step(n); ok {
				doc.Steps = append(doc.Steps, s)
			} else if s.ID != "" {
				partial = append(partial, s)
			}
		}
	}
	if v, ok := keys.get("flows"); ok {
		for _, n := range d.list(v, "flows") {
			if f, ok := d.flow(n); ok {
				doc.Flows = append(doc.Flows, f)
			}
		}
	}
	if v, ok := keys.get("questions"); ok {
		doc.Questions = d.questions(v)
	}
	if v, ok := keys.get("lint"); ok {
		doc.Lint = d.lint(v)
	}
	if v, ok := keys.get("conflicts"); ok {
		doc.Conflicts = d.conflicts(v)
	}
	if !declaredColumns {
		doc.Columns = deriveColumns(doc.Steps)
	}
	d.validate(withPartialSteps(doc, partial, declaredColumns))
	if len(d.errs) > 0 {
		d.valid = doc
		return nil
	}
	doc.SortSteps()
	return doc
}

// defaultLinesFor returns the lines a file without a "lines" key gets: the
// canonical lines whose lane exists and is not the last lane, so a renamed
// or extended lane set keeps its lines.
func defaultLinesFor(lanes []Lane) []Line {
	var lines []Line
	for _, l := range DefaultLines(EnglishNames) {
		for i, lane := range lanes {
			if lane.ID == l.Below && i < len(lanes)-1 {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// deriveColumns lists the columns the steps name, in order of first use.
func deriveColumns(steps []Step) []Column {
	var cols []Column
	seen := map[string]bool{}
	for _, s := range steps {
		if s.Column != "" && !seen[s.Column] {
			seen[s.Column] = true
			cols = append(cols, Column{ID: s.Column})
		}
	}
	return cols
}

func setComment(m *map[string]string, key, c string) {
	if c == "" {
		return
	}
	if *m == nil {
		*m = map[string]string{}
	}
	(*m)[key] = c
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// checkNodes refuses the YAML features the format does not use: anchors,
// aliases, explicit tags, merge keys and deep nesting.
func (d *decoder) checkNodes(n *yaml.Node, depth int) {
	switch {
	case n.Kind == yaml.AliasNode:
		d.errorf(n, "aliases (*%s) are not allowed in blueprint files; write the value out", n.Value)
		return
	case n.Anchor != "":
		d.errorf(n, "anchors (&%s) are not allowed in blueprint files", n.Anchor)
	case n.Style&yaml.TaggedStyle != 0:
		d.errorf(n, "YAML tags (%s) are not allowed; quote the value if it must be text", n.Tag)
	case d.startsWith(n, '!'):
		d.errorf(n, "YAML tags (!) are not allowed; quote the value if it must be text")
	case depth > maxDepth && n.Kind != yaml.ScalarNode:
		d.errorf(n, "nesting is too deep: the blueprint format uses at most %d levels", maxDepth)
		return
	}
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 && c.Kind == yaml.ScalarNode && c.Value == "<<" && c.Style == 0 {
			d.errorf(c, "merge keys (<<) are not allowed in blueprint files")
		}
		d.checkNodes(c, depth+1)
	}
}

// startsWith reports whether the text of node n starts with c. yaml.v3
// drops the non-specific tag "!" without a trace, and this finds it.
func (d *decoder) startsWith(n *yaml.Node, c byte) bool {
	if d.src == nil || n.Line < 1 {
		return false
	}
	off := d.src.offset(n.Line, n.Column)
	return off >= 0 && d.src.data[off] == c
}

// field is one key of a mapping.
type field struct {
	name       string
	key, value *yaml.Node
}

// fields are the known keys of one mapping, in file order; the format's
// mappings have at most 13 keys, so a lookup is a short scan.
type fields []field

// get returns the value of key.
func (fs fields) get(key string) (*yaml.Node, bool) {
	for _, f := range fs {
		if f.name == key {
			return f.value, true
		}
	}
	return nil, false
}

// mapping returns the known keys of n, reporting unknown and duplicate
// keys. what names the mapping in messages.
func (d *decoder) mapping(n *yaml.Node, allowed []string, what string) []field {
	fs := make([]field, 0, min(len(n.Content)/2, len(allowed)))
	var seen map[string]*yaml.Node // only for large mappings; small ones scan fs
	if len(n.Content) > 32 {
		seen = make(map[string]*yaml.Node, len(allowed))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "keys must be plain words, not %s", kindName(k))
			continue
		}
		if first := seenKey(n, i, seen, k.Value); first != nil {
			d.errorf(k, "duplicate key %q in %s (first at line %d)", k.Value, what, first.Line)
			continue
		}
		if seen != nil {
			seen[k.Value] = k
		}
		if !contains(allowed, k.Value) {
			msg := fmt.Sprintf("unknown key %q in %s", k.Value, what)
			if s := suggest(k.Value, allowed); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; known keys are " + strings.Join(allowed, ", ")
			}
			d.errorf(k, "%s", msg)
			continue
		}
		fs = append(fs, field{name: k.Value, key: k, value: v})
	}
	return fs
}

// seenKey returns the first key node before Content[i] of mapping n whose
// value is key, looking it up in seen when there is one.
func seenKey(n *yaml.Node, i int, seen map[string]*yaml.Node, key string) *yaml.Node {
	if seen != nil {
		return seen[key]
	}
	for j := 0; j < i; j += 2 {
		if k := n.Content[j]; k.Kind == yaml.ScalarNode && k.Value == key {
			return k
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "an empty value"
		case "!!bool":
			return "true/false"
		case "!!int", "!!float":
			return "a number"
		}
		return "text"
	}
	return "an alias"
}

// isNull reports whether n is an empty value ("key:" with nothing after).
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// str decodes a text value. Numbers are accepted as their text; an empty
// value is the empty string.
func (d *decoder) str(n *yaml.Node, key string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be text, not %s", key, kindName(n))
		return "", false
	}
	switch n.Tag {
	case "!!null":
		return "", true
	case "!!bool":
		d.errorf(n, "%s must be text, not true/false; write it in quotes: %s: %q", key, key, n.Value)
		return "", false
	}
	if i := strings.IndexFunc(n.Value, badControl); i >= 0 {
		d.controlError(n, key, []rune(n.Value[i:])[0])
		return "", false
	}
	return n.Value, true
}

// badControl reports the control characters text may not hold: all but
// tab and line feed. Raw ones are refused before parsing; this catches the
// escaped ones ("\0", "\e", "\x07" ...) of double-quoted scalars.
func badControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n'
}

// controlError reports the control character r in the value of n, at the
// escape that wrote it when it can be found.
func (d *decoder) controlError(n *yaml.Node, key string, r rune) {
	line, col := n.Line, n.Column
	if off := d.src.offset(n.Line, n.Column); off >= 0 && d.src.data[off] == '"' {
		walkEscapes(d.src.data, off, func(at int, er rune, ok bool) bool {
			if ok && badControl(er) {
				line, col = d.src.pos(at)
				return false
			}
			return true
		})
	}
	d.errorLineCol(line, col, "%s contains the control character U+%04X; blueprint text may hold tabs and line breaks but no other control characters", key, r)
}

func (d *decoder) integer(n *yaml.Node, key string) (int, bool) {
	isNumber := n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float")
	if !isNumber {
		d.errorf(n, "%s must be a whole number, not %s", key, kindName(n))
		return 0, false
	}
	if n.Tag == "!!int" && !decimalRE.MatchString(n.Value) {
		d.errorf(n, "%s must be a whole number written in decimal, such as 1 or -2, not %s", key, n.Value)
		return 0, false
	}
	v, err := strconv.ParseInt(n.Value, 10, 32)
	if err != nil || n.Tag != "!!int" {
		d.errorf(n, "%s must be a small whole number, not %s", key, n.Value)
		return 0, false
	}
	return int(v), true
}

func (d *decoder) boolean(n *yaml.Node, key string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s must be true or false, not %s", key, kindName(n))
		return false, false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE", true
}

func (d *decoder) duration(n *yaml.Node, key string) (Duration, bool) {
	s, ok := d.str(n, key)
	if !ok {
		return 0, false
	}
	if s == "" {
		return 0, true
	}
	v, err := ParseDuration(s)
	if err != nil {
		d.errorf(n, "%s: %v", key, err)
		return 0, false
	}
	if v == 0 {
		d.errorf(n, "%s must be longer than zero; remove the key instead", key)
		return 0, false
	}
	return v, true
}

// id decodes an identifier.
func (d *decoder) id(n *yaml.Node, key string) (string, bool) {
	s, ok := d.str(n, key)
	if !ok {
		return "", false
	}
	if err := checkIDSyntax(s); err != nil {
		d.errorf(n, "%s: %v", key, err)
		return "", false
	}
	return s, true
}

func (d *decoder) list(n *yaml.Node, key string) []*yaml.Node {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list (items start with \"- \"), not %s", key, kindName(n))
		return nil
	}
	return n.Content
}

func (d *decoder) strList(n *yaml.Node, key string) []string {
	var out []string
	for _, item := range d.list(n, key) {
		if s, ok := d.str(item, key+" item"); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// item checks that a list item is a mapping and returns its fields.
func (d *decoder) item(n *yaml.Node, keys []string, what string) (fields, bool) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "each %s must be a mapping such as {%s: ...}, not %s", what, keys[0], kindName(n))
		return nil, false
	}
	return fields(d.mapping(n, keys, "a "+what)), true
}

func comment(n *yaml.Node) string { return joinComments(n.HeadComment, n.LineComment) }

func pos(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// required reports a missing key of an element.
func (d *decoder) required(f fields, n *yaml.Node, key, what string) (*yaml.Node, bool) {
	v, ok := f.get(key)
	if !ok {
		d.errorf(n, "%s is missing its %q", what, key)
	}
	return v, ok
}

// missingRef is the lane and column of a partial step that lacks one, in
// the document withPartialSteps makes: no id in a file can be it.
const missingRef = "\x00missing"

// withPartialSteps returns doc for checking the rules, with the steps
// that had errors (partial) put back among its steps in file order. A lane
// or column that a partial step lacks (already reported as missing) is a
// placeholder the check document has, so it is not reported twice.
func withPartialSteps(doc *Document, partial []Step, declaredColumns bool) *Document {
	if len(partial) == 0 {
		return doc
	}
	c := *doc
	c.Steps = make([]Step, 0, len(doc.Steps)+len(partial))
	i, j := 0, 0
	for i < len(doc.Steps) || j < len(partial) {
		if j == len(partial) || (i < len(doc.Steps) && doc.Steps[i].Pos.Line <= partial[j].Pos.Line) {
			c.Steps = append(c.Steps, doc.Steps[i])
			i++
			continue
		}
		s := partial[j]
		j++
		if s.Lane == "" {
			s.Lane = missingRef
		}
		if s.Column == "" {
			s.Column = missingRef
		}
		c.Steps = append(c.Steps, s)
	}
	if declaredColumns {
		c.Columns = append([]Column{{ID: missingRef}}, doc.Columns...)
	} else {
		c.Columns = deriveColumns(c.Steps)
	}
	if len(doc.Lanes) > 0 {
		// Put first, so that the last lane stays the last.
		c.Lanes = append([]Lane{{ID: missingRef}}, doc.Lanes...)
	}
	return &c
}
