package sheet

import (
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// formulaStart reports whether a spreadsheet would read a cell starting
// with s as a formula: it starts with = + - @, a tab or a carriage return
// (the OWASP list for CSV injection). A plain number such as -2 is not a
// formula.
func formulaStart(s string) bool {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err != nil
}

// needsQuote reports whether escapeCell prefixes s: s is formula-like once
// its leading apostrophes are removed, and a number behind apostrophes
// counts, so that the apostrophes survive a round trip.
func needsQuote(s string) bool {
	t := strings.TrimLeft(s, "'")
	if t == "" || !strings.ContainsRune("=+-@\t\r", rune(t[0])) {
		return false
	}
	return len(t) < len(s) || formulaStart(t)
}

// escapeCell makes a CSV cell safe to open in a spreadsheet: a cell that
// would start a formula gets a leading apostrophe, which spreadsheets show
// as text. unescapeCell undoes it.
func escapeCell(s string) string {
	if needsQuote(s) {
		return "'" + s
	}
	return s
}

// unescapeCell removes the apostrophe escapeCell added; an apostrophe in
// front of anything that is not formula-like stays.
func unescapeCell(s string) string {
	if strings.HasPrefix(s, "'") && needsQuote(s[1:]) {
		return s[1:]
	}
	return s
}

// joinList writes a list of tags or names in one cell, comma separated, or
// as a YAML flow sequence ([a, "b, c"]) when an item would not survive the
// split.
func joinList(items []string) string {
	plain := true
	for _, it := range items {
		if it == "" || strings.Contains(it, ",") || strings.TrimSpace(it) != it || strings.HasPrefix(it, "[") {
			plain = false
		}
	}
	if plain {
		return strings.Join(items, ", ")
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, it := range items {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: it, Style: yaml.DoubleQuotedStyle})
	}
	out, err := yaml.Marshal(n)
	if err != nil {
		return strings.Join(items, ", ")
	}
	return strings.TrimSpace(string(out))
}

// splitList reads a cell written by joinList, or a hand-written list
// separated by commas (or the Chinese comma and 、).
func splitList(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if strings.HasPrefix(s, "[") {
		var items []string
		if err := yaml.Unmarshal([]byte(s), &items); err != nil {
			return nil, err
		}
		return items, nil
	}
	var items []string
	for _, it := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	return items, nil
}

// parseBool reads a yes/no cell: true, yes, y, x, 1 and ✓ (any case) are
// true; false, no, n, 0 and empty are false.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "x", "1", "✓", "✔", "是":
		return true, true
	case "", "false", "no", "n", "0", "否":
		return false, true
	}
	return false, false
}

// normHeader is the form in which header names are compared: lower case,
// with _ and - as spaces and runs of spaces as one.
func normHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	s = strings.NewReplacer("_", " ", "-", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func isIDRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.'
}
