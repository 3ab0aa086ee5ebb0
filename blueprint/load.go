package blueprint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxFileSize is the largest blueprint file the loader reads, in bytes.
const MaxFileSize = 10 << 20

// Load reads and validates the blueprint file at path. On failure it returns
// an ErrorList whose entries read PATH:LINE:COL: message. Files over
// MaxFileSize are refused before they are read whole.
func Load(path string) (*Document, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse validates data, the contents of the file name, and returns the
// document. It never panics; on failure it returns an ErrorList with every
// problem found, up to MaxErrors.
func Parse(name string, data []byte) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, internalError(name, r)
		}
	}()
	if len(data) > MaxFileSize {
		return nil, fileError(name, tooLarge(int64(len(data))))
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	src := newSource(data)
	if errs := checkText(name, data); len(errs) > 0 {
		return nil, errs
	}
	if errs := checkDirectives(name, src); len(errs) > 0 {
		return nil, errs
	}
	if errs := prescan(name, data); len(errs) > 0 {
		return nil, errs
	}
	root, errs := decodeYAML(name, src)
	if len(errs) > 0 {
		return nil, errs
	}
	d := &decoder{file: name, src: src}
	doc = d.document(root)
	if len(d.errs) > 0 {
		return nil, withinFile(d.sorted(), src)
	}
	return doc, nil
}

// checkText rejects invalid UTF-8 and the characters a blueprint file may
// not hold raw: control characters other than tab and line breaks, which
// YAML either refuses with poor messages or accepts silently; the
// bidirectional controls, which make a file display in another order than
// it reads (see isBidiControl); the line and paragraph separators, which
// YAML readers disagree on; a byte-order mark after the start; and the
// non-characters U+FFFE and U+FFFF. All but the controls can be written
// escaped inside double quotes, as the canonical writer does. Lines end at
// "\n", "\r\n" or a lone "\r", as in YAML.
func checkText(name string, data []byte) ErrorList {
	var errs ErrorList
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		msg := ""
		switch {
		case r == utf8.RuneError && size == 1:
			return append(errs, &Error{File: name, Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x); blueprint files must be UTF-8", data[i])})
		case r == '\n' || r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			line, col, i = line+1, 1, i+size
			continue
		case r == '\t' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			msg = fmt.Sprintf("control character U+%04X is not allowed", r)
		case isBidiControl(r):
			msg = fmt.Sprintf("bidirectional control character U+%04X is not allowed raw, because it makes the text display in another order than it reads; write it escaped, as \"\\u%04x\" inside double quotes", r, r)
		case r == 0x2028 || r == 0x2029:
			msg = fmt.Sprintf("line or paragraph separator U+%04X is not allowed raw, because YAML readers disagree on whether it ends a line; write it escaped, as \"\\u%04x\" inside double quotes", r, r)
		case r == 0xfeff:
			msg = "a byte-order mark (U+FEFF) is allowed only at the start of the file; write it escaped, as \"\\ufeff\" inside double quotes"
		case r == 0xfffe || r == 0xffff:
			msg = fmt.Sprintf("non-character U+%04X is not allowed raw; write it escaped, as \"\\u%04x\" inside double quotes", r, r)
		}
		if msg != "" {
			errs = append(errs, &Error{File: name, Line: line, Col: col, Msg: msg})
			if len(errs) >= MaxErrors {
				return errs
			}
		}
		i += size
		col++
	}
	return errs
}

// checkDirectives refuses the YAML directives (%YAML, %TAG) that may start
// a file before its first document: a blueprint file needs none, and the
// %YAML 1.1 that yaml.v3 would accept changes nothing it reads.
func checkDirectives(name string, src *source) ErrorList {
	var errs ErrorList
	for n := 1; n <= src.lines(); n++ {
		text := bytes.TrimRight(src.line(n), " \t")
		switch {
		case len(text) == 0 || text[0] == '#':
			continue
		case text[0] != '%':
			return errs
		}
		directive, _, _ := strings.Cut(string(text), " ")
		errs = append(errs, &Error{File: name, Line: n, Col: 1, Msg: fmt.Sprintf("YAML directives (%s) are not allowed in blueprint files, which need none; remove the line", clip(directive, 20))})
	}
	return errs
}

// withinFile moves errors that yaml.v3 placed past the last line (the
// empty value of a file holding only "---", say) onto the last line.
func withinFile(errs ErrorList, src *source) ErrorList {
	last := src.lines()
	for _, e := range errs {
		if e.Line > last {
			e.Line, e.Col = last, 1
		}
	}
	return errs
}

// separatorLine is the line of the "---" that starts a second document:
// the first such line after the first document's content, at or before
// the line yaml.v3 gave for the second document (which may be past the
// end of the file). Without one (a "..." end marker, say) it is that line,
// kept within the file.
func separatorLine(src *source, reported int) int {
	content := false
	for n := 1; n <= src.lines() && n <= reported; n++ {
		l := bytes.TrimRight(src.line(n), " \t\r\n")
		isMarker := bytes.HasPrefix(l, []byte("---")) && (len(l) == 3 || l[3] == ' ' || l[3] == '\t')
		switch {
		case isMarker && content:
			return n
		case isMarker, len(bytes.TrimSpace(l)) == 0, l[0] == '#', l[0] == '%':
		default:
			content = true
		}
	}
	return max(1, min(reported, src.lines()))
}

// decodeYAML parses exactly one YAML document into a node tree.
func decodeYAML(name string, src *source) (*yaml.Node, ErrorList) {
	data := src.data
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			if len(bytes.TrimSpace(data)) == 0 {
				return nil, fileError(name, "file is empty; a blueprint needs at least \"servicebp: 1\"")
			}
			return nil, fileError(name, "file holds only comments; a blueprint needs at least \"servicebp: 1\"")
		}
		return nil, ErrorList{syntaxError(name, src, err)}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, ErrorList{syntaxError(name, src, err)}
	default:
		line := next.Line
		if len(next.Content) > 0 {
			line = next.Content[0].Line
		}
		line = separatorLine(src, line)
		return nil, ErrorList{{File: name, Line: line, Col: 1, Msg: "a second YAML document starts here; a blueprint file holds exactly one document (remove the \"---\" separator)"}}
	}
	if len(root.Content) == 0 {
		return nil, fileError(name, "file is empty; a blueprint needs at least \"servicebp: 1\"")
	}
	return &root, nil
}
