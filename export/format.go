package export

import (
	"fmt"
	"path/filepath"
	"strings"

	"servicebp/blueprint"
)

// Format is an output file format.
type Format string

// The formats an export writes.
const (
	FormatPNG Format = "png"
	FormatSVG Format = "svg"
	FormatPDF Format = "pdf"
)

// Formats are the formats an export writes, by name.
var Formats = []Format{FormatPNG, FormatSVG, FormatPDF}

// FormatNames is the list of formats for messages: "png, svg, pdf".
func FormatNames() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// ParseFormat returns the format named name (png, svg, pdf; any case), or an
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
		return "", fmt.Errorf("%s has no extension to pick the format by; name it .png, .svg or .pdf, or give --format (%s)", path, FormatNames())
	}
	f, err := ParseFormat(ext)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// WriteAs renders d in format f to a file at path, atomically: a failed
// export leaves no partial file.
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
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return err
	}
	return writeFile(path, data, 0o644)
}
