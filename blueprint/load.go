package blueprint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
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
			doc, err = nil, fileError(name, fmt.Sprintf("internal error while reading the file: %v", r))
		}
	}()
	if len(data) > MaxFileSize {
		return nil, fileError(name, tooLarge(int64(len(data))))
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if errs := checkText(name, data); len(errs) > 0 {
		return nil, errs
	}
	if errs := prescan(name, data); len(errs) > 0 {
		return nil, errs
	}
	root, errs := decodeYAML(name, data)
	if len(errs) > 0 {
		return nil, errs
	}
	d := &decoder{file: name}
	doc = d.document(root)
	if len(d.errs) > 0 {
		return nil, d.sorted()
	}
	return doc, nil
}

// checkText rejects invalid UTF-8 and control characters, which YAML either
// refuses with poor messages or accepts silently.
func checkText(name string, data []byte) ErrorList {
	var errs ErrorList
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return append(errs, &Error{File: name, Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x); blueprint files must be UTF-8", data[i])})
		case r == '\n':
			line, col = line+1, 0
		case r == '\t' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			errs = append(errs, &Error{File: name, Line: line, Col: col, Msg: fmt.Sprintf("control character U+%04X is not allowed", r)})
			if len(errs) >= MaxErrors {
				return errs
			}
		}
		i += size
		col++
	}
	return errs
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// decodeYAML parses exactly one YAML document into a node tree.
func decodeYAML(name string, data []byte) (*yaml.Node, ErrorList) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			if len(bytes.TrimSpace(data)) == 0 {
				return nil, fileError(name, "file is empty; a blueprint needs at least \"servicebp: 1\"")
			}
			return nil, fileError(name, "file holds only comments; a blueprint needs at least \"servicebp: 1\"")
		}
		return nil, ErrorList{syntaxError(name, err)}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, ErrorList{syntaxError(name, err)}
	default:
		line := next.Line
		if len(next.Content) > 0 {
			line = next.Content[0].Line
		}
		return nil, ErrorList{{File: name, Line: line, Col: 1, Msg: "a second YAML document starts here; a blueprint file holds exactly one document (remove the \"---\" separator)"}}
	}
	if len(root.Content) == 0 {
		return nil, fileError(name, "file is empty; a blueprint needs at least \"servicebp: 1\"")
	}
	return &root, nil
}

func syntaxError(name string, err error) *Error {
	msg := err.Error()
	if strings.Contains(msg, "incompatible YAML document") {
		msg += "; remove the %YAML directive line, blueprint files need none"
	}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, convErr := strconv.Atoi(m[1])
		if convErr == nil && line > 0 {
			return &Error{File: name, Line: line, Col: 1, Msg: "YAML syntax error: " + m[2]}
		}
	}
	if len(msg) > 6 && msg[:6] == "yaml: " {
		msg = msg[6:]
	}
	return &Error{File: name, Line: 1, Col: 1, Msg: "YAML syntax error: " + msg}
}
