package blueprint

import (
	"fmt"
	"unicode/utf8"
)

// MaxNodes is the most YAML nodes (keys, values, list items, lists and
// mappings) a blueprint file may hold. yaml.v3 builds the whole node tree
// before the loader sees it, at a few hundred bytes a node, so without a
// bound 10 MB of one-letter values would cost a gigabyte. A generated
// 10,000-step blueprint has about 183,000 nodes; real blueprints have a
// few thousand.
const MaxNodes = 250_000

// prescan reads data once, splitting it into tokens the way yaml.v3's
// scanner does, before yaml.v3 builds anything. It counts the nodes the
// tree would have and refuses a file with more than MaxNodes, and it
// refuses anchors and aliases where they are written, which the loader
// would otherwise do only after building the tree. It follows quoted
// scalars, comments, block scalars and multi-line plain scalars as yaml.v3
// does, so that commas, dashes and asterisks inside text are never taken
// for structure. It is linear in the size of data and allocates little.
func prescan(name string, data []byte) ErrorList {
	p := &scanner{file: name, data: data, line: 1, lineStart: true}
	p.run()
	return p.errs
}

// scanner is the state of one prescan.
type scanner struct {
	file string
	data []byte
	i    int // offset of the next byte
	line int // 1-based line of data[i]
	col  int // 0-based column of data[i], in characters

	lineStart bool  // the next token is the first of its line
	flow      int   // depth of flow collections ([ and {)
	indents   []int // columns of the open block collections, as yaml.v3 keeps them
	count     int   // nodes so far
	pending   bool  // an indicator counted the node that comes next

	nodeLine, nodeCol int // where the last node outside flow collections started: a key, if ":" follows on its line

	errs ErrorList
	stop bool // the node limit was passed, or the error list is full
}

func (p *scanner) run() {
	for p.i < len(p.data) && !p.stop {
		switch c := p.data[p.i]; {
		case p.breakAt(p.i) > 0:
			p.advance()
			p.lineStart = true
		case c == ' ' || c == '\t':
			p.advance()
		case c == '#':
			p.skipLine() // a comment, which yaml.v3 skips before it looks at indentation
		case p.lineStart:
			p.lineStart = false
			p.startLine()
		default:
			p.token()
		}
	}
}

// startLine handles the first token of a line: directives, document
// markers and the end of block collections.
func (p *scanner) startLine() {
	if p.col == 0 {
		switch {
		case p.data[p.i] == '%':
			p.skipLine()
			return
		case p.marker('-') || p.marker('.'):
			p.indents, p.pending = p.indents[:0], false
			p.i, p.col = p.i+3, 3
			return
		}
	}
	if p.flow == 0 {
		for len(p.indents) > 0 && p.top() > p.col {
			p.indents = p.indents[:len(p.indents)-1]
		}
		if p.pending && p.col <= p.top() {
			p.pending = false // the value was empty; it is counted already
		}
	}
}

// token reads one token at data[i], which is neither blank nor a break.
func (p *scanner) token() {
	c := p.data[p.i]
	blankNext := p.blankZ(p.i + 1)
	switch {
	case c == '[' || c == '{':
		p.node()
		p.flow++
		p.advance()
		p.entry()
	case c == ']' || c == '}':
		p.flow = max(0, p.flow-1)
		p.pending = false
		p.advance()
	case c == ',' && p.flow > 0:
		p.advance()
		p.entry()
	case c == '-' && blankNext && p.flow == 0:
		p.roll(p.col)
		p.advance()
		p.entry()
	case c == '?' && (p.flow > 0 || blankNext):
		if p.flow == 0 {
			p.roll(p.col)
		}
		p.advance()
		p.entry()
	case c == ':' && (p.flow > 0 || blankNext):
		if p.flow == 0 {
			if p.nodeLine == p.line {
				p.roll(p.nodeCol) // a simple key opens a mapping at its column
			} else {
				p.roll(p.col)
			}
		}
		p.advance()
		p.entry()
	case c == '*':
		p.refuse("aliases (*%s) are not allowed in blueprint files; write the value out, or put text that starts with \"*\" in quotes")
		p.node()
	case c == '&':
		p.refuse("anchors (&%s) are not allowed in blueprint files; put text that starts with \"&\" in quotes")
	case c == '!':
		for p.i < len(p.data) && !p.blankZ(p.i) {
			p.advance()
		}
	case (c == '|' || c == '>') && p.flow == 0:
		p.node()
		p.blockScalar()
	case c == '\'' || c == '"':
		p.node()
		p.quoted(c == '\'')
	default:
		p.node()
		p.plain()
	}
}

// node counts a node that starts here, unless the indicator before it
// counted it already.
func (p *scanner) node() {
	if p.flow == 0 {
		p.nodeLine, p.nodeCol = p.line, p.col // inside [ ] or { } the key is the whole collection
	}
	if p.pending {
		p.pending = false
		return
	}
	p.add()
}

// entry counts the node that an indicator (":", "-", "?", ",", "[" or "{")
// introduces: the value, the item or the key, which may be empty.
func (p *scanner) entry() {
	p.pending = false
	p.add()
	p.pending = true
}

func (p *scanner) add() {
	p.count++
	if p.count > MaxNodes {
		p.errs = append(p.errs, &Error{File: p.file, Line: p.line, Col: p.col + 1, Msg: fmt.Sprintf(
			"too many YAML nodes: a blueprint file may hold at most %d keys, values and list items, and this one passes that limit here", MaxNodes)})
		p.stop = true
	}
}

// roll opens a block collection at col, when it is deeper than the
// current one.
func (p *scanner) roll(col int) {
	if p.flow > 0 || col <= p.top() {
		return
	}
	p.node() // the new mapping or list
	p.indents = append(p.indents, col)
}

func (p *scanner) top() int {
	if len(p.indents) == 0 {
		return -1
	}
	return p.indents[len(p.indents)-1]
}

// refuse reports the anchor or alias at data[i] and skips its name.
func (p *scanner) refuse(format string) {
	line, col := p.line, p.col+1
	p.advance()
	start := p.i
	for p.i < len(p.data) && isAnchorChar(p.data[p.i]) {
		p.advance()
	}
	if len(p.errs) == MaxErrors {
		p.errs = append(p.errs, &Error{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf("too many errors; stopping after %d", MaxErrors)})
		p.stop = true
		return
	}
	msg := fmt.Sprintf(format, p.data[start:p.i])
	if p.i == start {
		msg = fmt.Sprintf("a value cannot start with %q, which YAML reads as an alias or an anchor; put the text in quotes", string(p.data[start-1]))
	}
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Col: col, Msg: msg})
}

// isAnchorChar reports whether c may be part of an anchor name in yaml.v3.
func isAnchorChar(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-'
}

// plain skips a plain scalar, which may go on over several lines: in a
// flow collection until an indicator, in block context while the lines are
// indented deeper than the collection it belongs to.
func (p *scanner) plain() {
	for {
		for p.i < len(p.data) && !p.blankZ(p.i) {
			c := p.data[p.i]
			if c == ':' && p.blankZ(p.i+1) {
				return
			}
			if p.flow > 0 && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}') {
				return
			}
			p.advance()
		}
		broke := false
		for p.i < len(p.data) {
			if c := p.data[p.i]; c == ' ' || c == '\t' {
				p.advance()
			} else if p.breakAt(p.i) > 0 {
				p.advance()
				broke = true
			} else {
				break
			}
		}
		switch {
		case p.i >= len(p.data), p.data[p.i] == '#':
			p.lineStart = p.lineStart || broke
			return
		case broke && (p.col == 0 && (p.marker('-') || p.marker('.')) || p.flow == 0 && p.col <= p.top()):
			p.lineStart = true // the next line is not part of the scalar
			return
		}
	}
}

// quoted skips a single- or double-quoted scalar, which may span lines.
func (p *scanner) quoted(single bool) {
	p.advance()
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case single && c == '\'':
			p.advance()
			if p.i >= len(p.data) || p.data[p.i] != '\'' {
				return
			}
		case !single && c == '"':
			p.advance()
			return
		case !single && c == '\\':
			p.advance()
			if p.i < len(p.data) {
				p.advance()
			}
			continue
		}
		p.advance()
	}
}

// blockScalar skips a literal (|) or folded (>) scalar: its header, and
// then every line indented at least as deep as its content, which yaml.v3
// takes from the indicator or the first line that is not empty, and every
// empty line among them.
func (p *scanner) blockScalar() {
	p.advance()
	increment := 0
	for range 2 {
		if p.i < len(p.data) {
			if c := p.data[p.i]; c >= '1' && c <= '9' {
				increment = int(c - '0')
				p.advance()
			} else if c == '+' || c == '-' {
				p.advance()
			}
		}
	}
	p.skipLine() // blanks and a comment; anything else is a syntax error
	if p.i < len(p.data) {
		p.advance() // the line break
	}
	indent := 0
	if increment > 0 {
		indent = max(p.top(), 0) + increment
	} else {
		// The first line with text sets the indentation; empty lines
		// before it can only deepen it.
		for j := p.i; j < len(p.data); {
			n := 0
			for j+n < len(p.data) && p.data[j+n] == ' ' {
				n++
			}
			indent = max(indent, n)
			b := p.breakAt(j + n)
			if b == 0 {
				break
			}
			j += n + b
		}
		indent = max(indent, p.top()+1, 1)
	}
	for p.i < len(p.data) {
		n := 0
		for p.i+n < len(p.data) && p.data[p.i+n] == ' ' && n < indent {
			n++
		}
		if n < indent && p.i+n < len(p.data) && p.breakAt(p.i+n) == 0 {
			break // a line less indented than the content ends the scalar
		}
		p.skipLine()
		if p.i < len(p.data) {
			p.advance()
		}
	}
	p.lineStart = true
}

// skipLine moves to the line break that ends the current line.
func (p *scanner) skipLine() {
	for p.i < len(p.data) && p.breakAt(p.i) == 0 {
		p.advance()
	}
}

// advance moves past one character, or one line break.
func (p *scanner) advance() {
	if b := p.breakAt(p.i); b > 0 {
		p.i += b
		p.line++
		p.col = 0
		return
	}
	if c := p.data[p.i]; c < utf8.RuneSelf {
		p.i++
	} else {
		_, size := utf8.DecodeRune(p.data[p.i:])
		p.i += size
	}
	p.col++
}

// breakAt returns the length of the line break at data[j] (CR LF, CR, LF,
// or U+2028 and U+2029, which yaml.v3 also takes for breaks), or 0.
func (p *scanner) breakAt(j int) int {
	if j >= len(p.data) {
		return 0
	}
	switch p.data[j] {
	case '\n':
		return 1
	case '\r':
		if j+1 < len(p.data) && p.data[j+1] == '\n' {
			return 2
		}
		return 1
	case 0xe2:
		if j+2 < len(p.data) && p.data[j+1] == 0x80 && (p.data[j+2] == 0xa8 || p.data[j+2] == 0xa9) {
			return 3
		}
	}
	return 0
}

// blankZ reports whether data[j] is a blank, a line break or the end.
func (p *scanner) blankZ(j int) bool {
	return j >= len(p.data) || p.data[j] == ' ' || p.data[j] == '\t' || p.breakAt(j) > 0
}

func (p *scanner) byteAt(j int) byte {
	if j < len(p.data) {
		return p.data[j]
	}
	return 0
}

// marker reports whether a document marker (--- or ... when c is '.')
// starts at data[i].
func (p *scanner) marker(c byte) bool {
	return p.byteAt(p.i) == c && p.byteAt(p.i+1) == c && p.byteAt(p.i+2) == c && p.blankZ(p.i+3)
}
