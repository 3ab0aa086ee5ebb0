package blueprint

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Marshal writes d in canonical form: 2-space indent, keys in the order of
// docs/format.md, defaults omitted, steps sorted by column and lane, each
// step its own block, and no timestamps. The same document always gives the
// same bytes.
func Marshal(d *Document) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: d.Comments.Header}
	top := &yaml.Node{Kind: yaml.MappingNode}
	root.Content = []*yaml.Node{top}
	key := func(name string, value *yaml.Node) {
		k := str(name)
		k.HeadComment = d.Comments.Keys[name]
		if d.Comments.KeyLines[name] != "" {
			if value.Kind == yaml.ScalarNode {
				value.LineComment = d.Comments.KeyLines[name]
			} else {
				k.LineComment = d.Comments.KeyLines[name]
			}
		}
		top.Content = append(top.Content, k, value)
	}
	version := d.Version
	if version == 0 {
		version = FormatVersion
	}
	key("servicebp", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(version)})
	if d.Title != "" {
		key("title", text(d.Title))
	}
	if d.Description != "" {
		key("description", text(d.Description))
	}
	if !defaultLanes(d.Lanes) {
		key("lanes", seq(len(d.Lanes), func(i int) *yaml.Node { return encodeLane(d.Lanes[i]) }))
	}
	if !defaultLines(d.Lanes, d.Lines) {
		key("lines", seq(len(d.Lines), func(i int) *yaml.Node { return encodeLine(d.Lines[i]) }))
	}
	steps := canonicalSteps(d)
	if !derivableColumns(d.Columns, steps) {
		key("columns", seq(len(d.Columns), func(i int) *yaml.Node { return encodeColumn(d.Columns[i]) }))
	}
	if len(steps) > 0 {
		key("steps", seq(len(steps), func(i int) *yaml.Node { return encodeStep(steps[i]) }))
	}
	if len(d.Flows) > 0 {
		key("flows", seq(len(d.Flows), func(i int) *yaml.Node { return encodeFlow(d.Flows[i]) }))
	}
	if len(d.Lint.Disable) > 0 || d.Lint.LongWait != 0 {
		m := mapping(yaml.FlowStyle)
		if len(d.Lint.Disable) > 0 {
			pair(m, "disable", strSeq(d.Lint.Disable))
		}
		if d.Lint.LongWait != 0 {
			pair(m, "long-wait", str(d.Lint.LongWait.String()))
		}
		m.Style = 0
		key("lint", m)
	}
	if d.Comments.Footer != "" {
		top.FootComment = d.Comments.Footer
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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

func encodeLane(l Lane) *yaml.Node {
	m := mapping(yaml.FlowStyle)
	m.HeadComment = l.Comment
	pair(m, "id", str(l.ID))
	if l.Name != defaultLaneName(l) {
		pair(m, "name", str(l.Name))
	}
	if l.Kind != defaultLaneKind(l.ID) {
		pair(m, "kind", str(string(l.Kind)))
	}
	return m
}

func encodeLine(l Line) *yaml.Node {
	m := mapping(yaml.FlowStyle)
	m.HeadComment = l.Comment
	pair(m, "id", str(l.ID))
	if l.Kind != defaultLineKind(l.ID) {
		pair(m, "kind", str(string(l.Kind)))
	}
	if l.Name != defaultLineName(l) {
		pair(m, "name", str(l.Name))
	}
	pair(m, "below", str(l.Below))
	if l.Style != DefaultStyle(l.Kind) {
		pair(m, "style", str(string(l.Style)))
	}
	return m
}

func encodeColumn(c Column) *yaml.Node {
	m := mapping(yaml.FlowStyle)
	m.HeadComment = c.Comment
	pair(m, "id", str(c.ID))
	if c.Name != "" {
		pair(m, "name", str(c.Name))
	}
	if c.Phase != "" {
		pair(m, "phase", str(c.Phase))
	}
	return m
}

func encodeStep(s Step) *yaml.Node {
	m := mapping(0)
	m.HeadComment = s.Comment
	pair(m, "id", str(s.ID))
	pair(m, "lane", str(s.Lane))
	pair(m, "column", str(s.Column))
	opt := func(k, v string) {
		if v != "" {
			pair(m, k, text(v))
		}
	}
	opt("text", s.Text)
	opt("owner", s.Owner)
	if s.Duration != 0 {
		pair(m, "duration", str(s.Duration.String()))
	}
	if s.Wait != 0 {
		pair(m, "wait", str(s.Wait.String()))
	}
	opt("fail", s.Fail)
	opt("recovery", s.Recovery)
	if s.Moment {
		pair(m, "moment", boolean(true))
	}
	if s.Emotion != 0 {
		pair(m, "emotion", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(s.Emotion)})
	}
	if len(s.Tags) > 0 {
		pair(m, "tags", strSeq(s.Tags))
	}
	opt("notes", s.Notes)
	return m
}

func encodeFlow(f Flow) *yaml.Node {
	m := mapping(yaml.FlowStyle)
	m.HeadComment = f.Comment
	pair(m, "from", str(f.From))
	pair(m, "to", str(f.To))
	if f.Label != "" {
		pair(m, "label", str(f.Label))
	}
	if f.TwoWay {
		pair(m, "two-way", boolean(true))
	}
	return m
}

func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11Bool[strings.ToLower(s)] {
		// YAML 1.1 readers take these words for booleans; quote them so
		// the file means the same in every tool.
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

var yaml11Bool = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true}

// text is a string value that is written as a literal block when it spans
// several lines.
func text(s string) *yaml.Node {
	n := str(s)
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func boolean(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func mapping(style yaml.Style) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Style: style}
}

func pair(m *yaml.Node, k string, v *yaml.Node) {
	m.Content = append(m.Content, str(k), v)
}

func seq(n int, item func(i int) *yaml.Node) *yaml.Node {
	s := &yaml.Node{Kind: yaml.SequenceNode, Content: make([]*yaml.Node, n)}
	for i := range n {
		s.Content[i] = item(i)
	}
	return s
}

func strSeq(items []string) *yaml.Node {
	s := seq(len(items), func(i int) *yaml.Node { return str(items[i]) })
	s.Style = yaml.FlowStyle
	return s
}
