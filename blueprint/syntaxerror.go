package blueprint

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are yaml.v3's parser (not scanner) errors. yaml.v3 reports
// their line 0-based, one less than the line it means, and reports no line
// at all when that is the first line.
var parserProblems = map[string]bool{
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// locators find the column (and, for problems inside a quoted or flow
// scalar, the line) of a YAML syntax error that yaml.v3 reports with a line
// only: each looks at the text of that line, or from it on.
var locators = map[string]func(src *source, line int) (int, int){
	"mapping values are not allowed in this context":               locateColon,
	"found character that cannot start any token":                  locateBadStart,
	"found a tab character that violates indentation":              locateTab,
	"found a tab character where an indentation space is expected": locateTab,
	"found unknown escape character":                               locateBadEscape,
	"found invalid Unicode character escape code":                  locateBadEscape,
	"did not find expected hexdecimal number":                      locateBadEscape,
	"found unexpected end of stream":                               locateOpenQuote,
	"did not find expected ',' or ']'":                             locateFlowProblem,
	"did not find expected ',' or '}'":                             locateFlowProblem,
	"did not find expected key":                                    locateIndentProblem,
	"did not find expected '-' indicator":                          locateIndentProblem,
}

// syntaxError turns a yaml.v3 error into a positioned Error: the line
// corrected where yaml.v3 reports it 0-based, and the column found from the
// text, at the first non-blank character of the line when no locator
// knows better.
func syntaxError(name string, src *source, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil && n > 0 {
			line, msg = n, m[2]
		}
	}
	if parserProblems[msg] {
		line++
	}
	line = max(1, min(line, src.lines()))
	col := firstNonBlank(src.line(line))
	if locate := locators[msg]; locate != nil {
		if l, c := locate(src, line); l > 0 {
			line, col = l, c
		}
	}
	return &Error{File: name, Line: line, Col: col, Msg: "YAML syntax error: " + msg}
}

// firstNonBlank returns the column of the first character of text that is
// not a space or a tab, or 1.
func firstNonBlank(text []byte) int {
	i := len(text) - len(bytes.TrimLeft(text, " \t"))
	if i == len(text) {
		return 1
	}
	return 1 + i
}

// scanQuoted returns the index just past the quoted scalar that starts
// with the quote at text[i], or -1 when it does not end on this line.
func scanQuoted(text []byte, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		switch {
		case q == '"' && text[j] == '\\':
			j++
		case text[j] == q && q == '\'' && j+1 < len(text) && text[j+1] == '\'':
			j++
		case text[j] == q:
			return j + 1
		}
	}
	return -1
}

// tokenStart reports whether text[i] starts a token: it is the first
// character of the line or follows a blank or a flow indicator.
func tokenStart(text []byte, i int) bool {
	return i == 0 || bytes.IndexByte([]byte(" \t,[{"), text[i-1]) >= 0
}

// locateColon finds the ':' that yaml.v3 refuses as a mapping value: a
// colon followed by a blank or the end of the line, outside quotes. A line
// whose first such colon ends a key is refused at its second one; a line
// with only one (a key continuing a plain scalar) at that one.
func locateColon(src *source, line int) (int, int) {
	text := src.line(line)
	var colons []int
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case (c == '"' || c == '\'') && tokenStart(text, i):
			end := scanQuoted(text, i)
			if end < 0 {
				i = len(text)
				continue
			}
			i = end - 1
		case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t'):
			i = len(text)
		case c == ':' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t'):
			colons = append(colons, i)
		}
	}
	switch len(colons) {
	case 0:
		return 0, 0
	case 1:
		return line, src.column(line, colons[0])
	}
	return line, src.column(line, colons[1])
}

// locateBadStart finds a character that cannot start a token: a tab in
// the line's indentation, or '@', '`' or a '%' that is not at the start of
// the line, at a token start outside quotes.
func locateBadStart(src *source, line int) (int, int) {
	text := src.line(line)
	if i := bytes.IndexByte(text, '\t'); i >= 0 && len(bytes.TrimLeft(text[:i], " ")) == 0 {
		return line, src.column(line, i)
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !tokenStart(text, i) {
			continue
		}
		switch {
		case c == '"' || c == '\'':
			end := scanQuoted(text, i)
			if end < 0 {
				return 0, 0
			}
			i = end - 1
		case c == '#':
			return 0, 0
		case c == '@' || c == '`' || c == '%' && i > 0:
			return line, src.column(line, i)
		}
	}
	return 0, 0
}

// locateTab finds the first tab of the line's indentation, or of the line.
func locateTab(src *source, line int) (int, int) {
	if i := bytes.IndexByte(src.line(line), '\t'); i >= 0 {
		return line, src.column(line, i)
	}
	return 0, 0
}

// locateBadEscape finds the first escape that YAML does not know in the
// double-quoted scalar that starts on the line, which may go on over later
// lines.
func locateBadEscape(src *source, line int) (int, int) {
	off := quoteOnLine(src, line)
	if off < 0 {
		return 0, 0
	}
	bad := -1
	walkEscapes(src.data, off, func(at int, _ rune, ok bool) bool {
		if !ok {
			bad = at
		}
		return ok
	})
	if bad < 0 {
		return 0, 0
	}
	return src.pos(bad)
}

// quoteOnLine returns the byte offset of the first double quote that opens
// a scalar on the line, or -1.
func quoteOnLine(src *source, line int) int {
	text := src.line(line)
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '#' && (i == 0 || text[i-1] == ' '):
			return -1
		case text[i] == '\'' && tokenStart(text, i):
			end := scanQuoted(text, i)
			if end < 0 {
				return -1
			}
			i = end - 1
		case text[i] == '"' && tokenStart(text, i):
			return src.start[line-1] + i
		}
	}
	return -1
}

// walkEscapes calls fn for each escape of the double-quoted scalar whose
// opening quote is data[off], in order, with the offset of its backslash,
// the character it stands for and whether YAML accepts it, until fn
// returns false or the scalar ends. An escaped line break is skipped.
func walkEscapes(data []byte, off int, fn func(at int, r rune, ok bool) bool) {
	for j := off + 1; j < len(data) && data[j] != '"'; j++ {
		if data[j] != '\\' {
			continue
		}
		if j+1 >= len(data) {
			return
		}
		r, n, ok := decodeEscape(data[j+1:])
		if r != '\n' || !ok || data[j+1] == 'n' {
			if !fn(j, r, ok) {
				return
			}
		}
		j += n
	}
}

// singleEscapes maps YAML's one-character escapes (as yaml.v3 reads them)
// to the character they stand for.
var singleEscapes = map[byte]rune{
	'0': 0, 'a': '\a', 'b': '\b', 't': '\t', '\t': '\t', 'n': '\n', 'v': '\v', 'f': '\f', 'r': '\r', 'e': 0x1b,
	' ': ' ', '"': '"', '\'': '\'', '\\': '\\', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029,
	'\n': '\n', '\r': '\n',
}

// decodeEscape decodes the escape whose text after the backslash starts
// rest: the character, how many bytes after the backslash it takes, and
// whether YAML accepts it. An escaped line break gives '\n'.
func decodeEscape(rest []byte) (rune, int, bool) {
	digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[rest[0]]
	if digits == 0 {
		r, ok := singleEscapes[rest[0]]
		return r, 1, ok
	}
	if len(rest) < 1+digits {
		return 0, len(rest) - 1, false
	}
	v, err := strconv.ParseUint(string(rest[1:1+digits]), 16, 32)
	if err != nil || (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff {
		return 0, digits, false
	}
	return rune(v), digits, true
}

// locateOpenQuote finds the quote on the line that is never closed.
func locateOpenQuote(src *source, line int) (int, int) {
	text := src.line(line)
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '#' && (i == 0 || text[i-1] == ' '):
			return 0, 0
		case (c == '"' || c == '\'') && tokenStart(text, i):
			end := scanQuoted(text, i)
			if end < 0 {
				return line, src.column(line, i)
			}
			i = end - 1
		}
	}
	return 0, 0
}

// flowFrame is one open flow collection while locateFlowProblem scans.
type flowFrame struct {
	open    int  // offset of its bracket
	mapping bool // "{" rather than "["
	state   int  // what it expects next: see locateFlowProblem
}

// The states of a flow collection's entry.
const (
	flowEntry      = iota // an entry, a ',' or the closing bracket
	flowAfterKey          // after a node: ':', ',' or the closing bracket
	flowAfterColon        // after ':': a value, ',' or the closing bracket
	flowAfterValue        // after a value: ',' or the closing bracket
)

// locateFlowProblem finds where a flow collection that starts on the line
// goes wrong: the first node, ':' or bracket where a ',' or the closing
// bracket was expected (such as the "?" that ends a plain scalar inside
// braces), or the opening bracket of a collection never closed.
func locateFlowProblem(src *source, line int) (int, int) {
	text := src.line(line)
	open := -1
	for i := 0; i < len(text) && open < 0; i++ {
		switch c := text[i]; {
		case c == '#' && (i == 0 || text[i-1] == ' '):
			return 0, 0
		case (c == '"' || c == '\'') && tokenStart(text, i):
			end := scanQuoted(text, i)
			if end < 0 {
				return 0, 0
			}
			i = end - 1
		case (c == '{' || c == '[') && tokenStart(text, i):
			open = src.start[line-1] + i
		}
	}
	if open < 0 {
		return 0, 0
	}
	data := src.data
	stack := []flowFrame{{open: open, mapping: data[open] == '{'}}
	blank := func(i int) bool { return i >= len(data) || bytes.IndexByte([]byte(" \t\r\n"), data[i]) >= 0 }
	ends := func(i int) bool { return blank(i) || bytes.IndexByte([]byte(",[]{}"), data[i]) >= 0 }
	for i := open + 1; i < len(data); {
		c, top := data[i], &stack[len(stack)-1]
		switch {
		case blank(i):
			i++
		case c == '#' && blank(i-1):
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == ',':
			top.state = flowEntry
			i++
		case c == '}' || c == ']':
			if (c == '}') != top.mapping {
				return src.pos(i)
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return 0, 0
			}
			stack[len(stack)-1].state = afterNode(stack[len(stack)-1].state)
			i++
		case c == ':' && (ends(i+1) || data[i-1] == '"' || data[i-1] == '\''):
			if top.state != flowAfterKey && top.state != flowEntry {
				return src.pos(i)
			}
			top.state = flowAfterColon
			i++
		case top.state == flowAfterKey || top.state == flowAfterValue:
			return src.pos(i)
		case c == '?' && blank(i+1):
			i++
		case c == '{' || c == '[':
			stack = append(stack, flowFrame{open: i, mapping: c == '{'})
			i++
		case c == '"' || c == '\'':
			end := skipQuoted(data, i)
			if end < 0 {
				return src.pos(i)
			}
			top.state = afterNode(top.state)
			i = end
		default:
			i = skipFlowPlain(data, i)
			top.state = afterNode(top.state)
		}
	}
	return src.pos(stack[len(stack)-1].open)
}

// afterNode is the state of a flow entry once a node has been read in
// state s.
func afterNode(s int) int {
	if s == flowAfterColon {
		return flowAfterValue
	}
	return flowAfterKey
}

// skipQuoted returns the offset just past the quoted scalar that opens at
// data[i], which may span lines, or -1 when it never closes.
func skipQuoted(data []byte, i int) int {
	q := data[i]
	for j := i + 1; j < len(data); j++ {
		switch {
		case q == '"' && data[j] == '\\':
			j++
		case q == '\'' && data[j] == '\'' && j+1 < len(data) && data[j+1] == '\'':
			j++
		case data[j] == q:
			return j + 1
		}
	}
	return -1
}

// skipFlowPlain returns the offset where a plain scalar that starts at
// data[i] inside a flow collection ends, the way yaml.v3 ends it: at
// , [ ] { } or ?, at ':' before a blank or one of those, at " #", or at a
// line break not followed by more of the scalar.
func skipFlowPlain(data []byte, i int) int {
	stop := func(j int) bool {
		c := data[j]
		switch {
		case bytes.IndexByte([]byte(",[]{}?"), c) >= 0 && j > i:
			return true
		case c == ':':
			return j+1 >= len(data) || bytes.IndexByte([]byte(" \t\r\n,[]{}"), data[j+1]) >= 0
		case c == '#':
			return data[j-1] == ' ' || data[j-1] == '\t'
		}
		return false
	}
	j := i
	for j < len(data) {
		if data[j] == '\n' || data[j] == '\r' {
			k := j
			for k < len(data) && bytes.IndexByte([]byte(" \t\r\n"), data[k]) >= 0 {
				k++
			}
			if k >= len(data) || bytes.IndexByte([]byte(",[]{}?:#\"'"), data[k]) >= 0 {
				return j
			}
			j = k
			continue
		}
		if stop(j) {
			return j
		}
		j++
	}
	return j
}

// locateIndentProblem finds the line that breaks the indentation of the
// block that starts on the line (yaml.v3 reports the block's start): the
// first line, after it, that is indented less than the block it follows
// but more than the block around that, such as a list item one space short.
func locateIndentProblem(src *source, line int) (int, int) {
	if l, c := locateIndentBreak(src, line); l > 0 {
		return l, c
	}
	return locateAfterQuoted(src, line)
}

// locateAfterQuoted finds text after a quoted scalar on the line, such as
// the x of 'it”s' x, which yaml.v3 refuses as a missing key.
func locateAfterQuoted(src *source, line int) (int, int) {
	text := src.line(line)
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '#' && (i == 0 || text[i-1] == ' '):
			return 0, 0
		case (c == '"' || c == '\'') && tokenStart(text, i):
			end := scanQuoted(text, i)
			if end < 0 {
				return 0, 0
			}
			j := end
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			if j < len(text) && bytes.IndexByte([]byte("#:,]}"), text[j]) < 0 {
				return line, src.column(line, j)
			}
			i = end - 1
		}
	}
	return 0, 0
}

// locateIndentBreak finds the first line after the block that starts on
// the line that is indented between two of the blocks open around it.
func locateIndentBreak(src *source, line int) (int, int) {
	stack := entryIndents(src.line(line), nil)
	scalarIndent := -1 // the indent of a key whose block scalar's lines are skipped
	for n := line + 1; n <= src.lines(); n++ {
		text := src.line(n)
		trimmed := bytes.TrimLeft(text, " ")
		if len(bytes.TrimSpace(trimmed)) == 0 {
			continue
		}
		i := len(text) - len(trimmed)
		if scalarIndent >= 0 && i > scalarIndent {
			continue
		}
		scalarIndent = -1
		if trimmed[0] == '#' {
			continue
		}
		popped := false
		for len(stack) > 0 && stack[len(stack)-1] > i {
			stack, popped = stack[:len(stack)-1], true
		}
		switch {
		case len(stack) == 0:
			return 0, 0
		case popped && stack[len(stack)-1] < i:
			return n, i + 1
		case stack[len(stack)-1] < i:
			stack = append(stack, i)
		}
		stack = entryIndents(text, stack)
		if v := bytes.TrimRight(text, " "); bytes.HasSuffix(v, []byte("|")) || bytes.HasSuffix(v, []byte("|-")) || bytes.HasSuffix(v, []byte(">")) || bytes.HasSuffix(v, []byte(">-")) {
			scalarIndent = i
		}
	}
	return 0, 0
}

// entryIndents adds to stack the indents a line opens: its own, and that
// of the content after each "- " that starts it.
func entryIndents(text []byte, stack []int) []int {
	i := len(text) - len(bytes.TrimLeft(text, " "))
	if len(stack) == 0 || stack[len(stack)-1] < i {
		stack = append(stack, i)
	}
	for i+1 < len(text) && text[i] == '-' && text[i+1] == ' ' {
		i += 2
		for i < len(text) && text[i] == ' ' {
			i++
		}
		stack = append(stack, i)
	}
	return stack
}
