package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"servicebp/blueprint"
)

// EncodeCSV writes t as CSV (RFC 4180, CRLF line ends as spreadsheets
// write them, and a UTF-8 byte order mark so that Excel reads Chinese
// text right). Every cell goes through escapeCell, so no cell opens as a
// formula.
func EncodeCSV(t Table) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	width := 0
	for _, row := range t {
		width = max(width, len(row))
	}
	rec := make([]string, width)
	for _, row := range t {
		for i := range rec {
			rec[i] = ""
			if i < len(row) {
				rec[i] = escapeCell(row[i])
			}
		}
		// A bytes.Buffer does not fail, and every record is valid.
		_ = w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// DecodeCSV reads the CSV text data of the file name. It takes a UTF-8
// byte order mark, quoted cells with newlines, ragged rows, and a
// semicolon or tab separator (what Excel writes in some locales), and
// refuses text that is not UTF-8, files over MaxFileSize and sheets over
// MaxRows or MaxCells, with FILE:ROW:COL errors. Cells escaped by
// EncodeCSV are unescaped.
func DecodeCSV(name string, data []byte) (Table, error) {
	if len(data) > MaxFileSize {
		return nil, fileError(name, fmt.Sprintf("the file is %d bytes; the limit is %d MB", len(data), MaxFileSize>>20))
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return nil, fileError(name, "the file is UTF-16 text; save it as \"CSV UTF-8\"")
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line, col := 1, 1
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				return nil, blueprint.ErrorList{{File: name, Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x); save the sheet as \"CSV UTF-8\"", data[i])}}
			}
			if r == '\n' {
				line, col = line+1, 0
			}
			col++
			i += size
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.Comma = separator(data)
	var t Table
	cells := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, blueprint.ErrorList{{File: name, Line: pe.Line, Col: pe.Column, Msg: pe.Err.Error()}}
			}
			return nil, fileError(name, err.Error())
		}
		cells += len(rec)
		if len(t) >= MaxRows || cells > MaxCells {
			return nil, fileError(name, fmt.Sprintf("the sheet has more than %d rows or %d cells", MaxRows, MaxCells))
		}
		for i, c := range rec {
			rec[i] = unescapeCell(c)
		}
		t = append(t, rec)
	}
	return t, nil
}

// separator guesses the cell separator from the first line: a comma,
// unless the line has none and has semicolons or tabs.
func separator(data []byte) rune {
	line := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line = data[:i]
	}
	if bytes.IndexByte(line, ',') >= 0 {
		return ','
	}
	if bytes.IndexByte(line, ';') >= 0 {
		return ';'
	}
	if bytes.IndexByte(line, '\t') >= 0 {
		return '\t'
	}
	return ','
}

// fileError is a problem with a whole file, reported at its start.
func fileError(name, msg string) error {
	return blueprint.ErrorList{{File: name, Line: 1, Col: 1, Msg: msg}}
}
