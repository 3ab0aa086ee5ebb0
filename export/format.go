package export

import (
	"fmt"
	"path/filepath"
	"strings"

	"servicebp/blueprint"
	"servicebp/export/sheet"
)

// Format is an output file format.
type Format string

// The formats an export writes.
const (
	FormatPNG Format = "png"
	FormatSVG Format = "svg"
	FormatPDF Format = "pdf"
	// FormatCSV is the steps table as CSV, with the flows and the rest of
	// the blueprint in files beside it (see sheet.CompanionPath).
	FormatCSV Format = "csv"
	// FormatXLSX is an XLSX workbook with the sheets steps, flows and
	// blueprint.
	FormatXLSX Format = "xlsx"
)

// Formats are the formats an export writes, by name.
var Formats = []Format{FormatPNG, FormatSVG, FormatPDF, FormatCSV, FormatXLSX}

// FormatNames is the list of formats for messages: "png, svg, pdf, csv,
// xlsx".
func FormatNames() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// ParseFormat returns the format named name (png, svg, pdf, csv, xlsx; any
// case), or an
// error naming the formats.
func ParseFormat(name string) (Format, error) {
	n := strings.ToLower(strings.TrimPrefix(name, "."))
	for _, f := range Formats {
		if string(f) == n {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q; the formats are %s", name, FormatNames())
}

// FormatFor picks the format of an output file: override when not empty,
// else the file's extension. A missing or unknown extension is an error
// that names the formats.
func FormatFor(path, override string) (Format, error) {
	if override != "" {
		return ParseFormat(override)
	}
	ext := filepath.Ext(path)
	if ext == "" {
		return "", fmt.Errorf("%s has no extension to pick the format by; name it .png, .svg, .pdf, .csv or .xlsx, or give --format (%s)", path, FormatNames())
	}
	f, err := ParseFormat(ext)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// IsSheet reports whether f is a spreadsheet format, which holds the
// blueprint's data rather than a picture of it.
func (f Format) IsSheet() bool { return f == FormatCSV || f == FormatXLSX }

// WriteAs renders d in format f to a file at path, atomically: a failed
// export leaves no partial file. CSV writes three files, each atomically:
// the flows and the rest of the blueprint beside path, then the steps at
// path.
func WriteAs(path string, f Format, d *blueprint.Document, opt Options) error {
	var (
		data []byte
		err  error
	)
	if opt.Poster != nil && f != FormatPDF {
		return fmt.Errorf("posters (--paper, --tiles) are PDF only, not %s", strings.ToUpper(string(f)))
	}
	switch f {
	case FormatPNG:
		data, err = PNG(d, opt)
	case FormatSVG:
		data, err = SVG(d, opt)
	case FormatPDF:
		data, err = PDF(d, opt)
	case FormatCSV:
		return writeCSV(path, d)
	case FormatXLSX:
		data, err = xlsx(d)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return err
	}
	return writeFile(path, data, 0o644)
}

// writeCSV writes d's workbook as CSV files.
func writeCSV(path string, d *blueprint.Document) error {
	b, err := sheet.BookOf(d)
	if err != nil {
		return err
	}
	for _, f := range sheet.CSVFiles(path, b) {
		if err := writeFile(f[0], []byte(f[1]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// xlsx encodes d's workbook as XLSX.
func xlsx(d *blueprint.Document) ([]byte, error) {
	b, err := sheet.BookOf(d)
	if err != nil {
		return nil, err
	}
	return sheet.EncodeXLSX(b)
}
