package cli

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"servicebp/blueprint"
	"servicebp/blueprint/diff"
)

// diffOutput writes the changes of a diff as text or JSON.
type diffOutput struct {
	env    Env
	json   bool
	colour bool
}

// ANSI SGR codes for the text output.
const (
	bold   = "1"
	red    = "31"
	green  = "32"
	yellow = "33"
	faint  = "2"
)

// paint wraps s in the SGR code when colour is on.
func (o diffOutput) paint(code, s string) string {
	if !o.colour || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// diffJSON is one change in JSON output; docs/cli.md documents it.
type diffJSON struct {
	Kind    diff.Kind    `json:"kind"`
	Element diff.Element `json:"element"`
	ID      string       `json:"id"`
	Field   string       `json:"field"`
	Old     string       `json:"old"`
	New     string       `json:"new"`
	Line    int          `json:"line"`
}

// write prints the changes: oldName and newName name the files in
// locations; phases is NEW's phase names in column order, the order of the
// text output's groups; header, when not "", is printed first in text
// output (git external mode), and only when there are changes.
func (o diffOutput) write(changes []diff.Change, oldName, newName string, phases []string, header string) error {
	if o.json {
		list := make([]diffJSON, len(changes))
		for i, c := range changes {
			list[i] = diffJSON{Kind: c.Kind, Element: c.Element, ID: c.ID, Field: c.Field, Old: c.Old, New: c.New, Line: c.Line}
		}
		return writeJSON(o.env.Stdout, struct {
			Changes []diffJSON `json:"changes"`
		}{list})
	}
	if len(changes) == 0 {
		return nil
	}
	var b bytes.Buffer
	if header != "" {
		b.WriteString(o.paint(bold, header) + "\n")
	}
	for i, g := range groupByPhase(changes, phases) {
		if i > 0 || header != "" {
			b.WriteByte('\n')
		}
		b.WriteString(o.paint(bold, g.title) + "\n")
		for _, c := range g.changes {
			file := newName
			if c.Kind == diff.Removed {
				file = oldName
			}
			loc := file + ":"
			if c.Line > 0 {
				loc = fmt.Sprintf("%s:%d:", file, c.Line)
			}
			fmt.Fprintf(&b, "  %s %s\n", o.paint(faint, loc), o.describe(c))
		}
	}
	b.WriteString("\n" + summary(changes) + "\n")
	_, err := o.env.Stdout.Write(b.Bytes())
	return err
}

// changeGroup is the changes of one heading of the text output.
type changeGroup struct {
	title   string
	changes []diff.Change
}

// groupByPhase puts the changes to the blueprint's structure (document,
// lanes, lines, phases) first, then the others by phase, in the order of
// phases (NEW's phases), then the phases only OLD has.
func groupByPhase(changes []diff.Change, phases []string) []changeGroup {
	var groups []changeGroup
	at := map[string]int{}
	for _, p := range phases {
		if _, ok := at[p]; !ok {
			at[p] = len(groups)
			groups = append(groups, changeGroup{title: phaseTitle(p)})
		}
	}
	var structure []diff.Change
	for _, c := range changes {
		if !c.InPhase {
			structure = append(structure, c)
			continue
		}
		i, ok := at[c.Group]
		if !ok {
			i = len(groups)
			at[c.Group] = i
			groups = append(groups, changeGroup{title: phaseTitle(c.Group)})
		}
		groups[i].changes = append(groups[i].changes, c)
	}
	// Within a phase: columns, then steps, then flows, each in Compare's
	// order.
	for i := range groups {
		var cols, steps, flows []diff.Change
		for _, c := range groups[i].changes {
			switch c.Element {
			case diff.Column:
				cols = append(cols, c)
			case diff.Step:
				steps = append(steps, c)
			default:
				flows = append(flows, c)
			}
		}
		groups[i].changes = append(append(cols, steps...), flows...)
	}
	kept := groups[:0]
	for _, g := range groups {
		if len(g.changes) > 0 {
			kept = append(kept, g)
		}
	}
	if len(structure) > 0 {
		kept = append([]changeGroup{{title: "Blueprint", changes: structure}}, kept...)
	}
	return kept
}

// phaseTitle is the heading of a phase's changes.
func phaseTitle(name string) string {
	if name == "" {
		return "Columns without a phase"
	}
	return "Phase " + name
}

// phaseOrder lists d's phase names in column order, each once.
func phaseOrder(d *blueprint.Document) []string {
	var names []string
	for _, p := range d.Phases() {
		names = append(names, p.Name)
	}
	return names
}

// topKeyLines maps each top-level key of a blueprint file to its line,
// for the changes to the document's own fields, which the loader keeps no
// position for. Top-level keys start at the beginning of a line.
func topKeyLines(src []byte) map[string]int {
	lines := map[string]int{}
	for n, line := range bytes.Split(src, []byte("\n")) {
		i := bytes.IndexByte(line, ':')
		if i <= 0 || line[0] == ' ' || line[0] == '#' || line[0] == '-' {
			continue
		}
		if key := string(line[:i]); lines[key] == 0 {
			lines[key] = n + 1
		}
	}
	return lines
}

// placeDocumentChanges sets the line of each change to the document's
// own fields: where its key is in NEW (the lint section's for lint
// settings), or 0 when NEW lacks it.
func placeDocumentChanges(changes []diff.Change, newSrc []byte) {
	var lines map[string]int
	for i, c := range changes {
		if c.Element != diff.Document {
			continue
		}
		if lines == nil {
			lines = topKeyLines(newSrc)
		}
		key, _, _ := strings.Cut(c.Field, ".")
		changes[i].Line = lines[key]
	}
}

// summary counts the changes by kind: "5 changes: 2 added, 1 removed, 2 changed".
func summary(changes []diff.Change) string {
	count := map[diff.Kind]int{}
	for _, c := range changes {
		count[c.Kind]++
	}
	var parts []string
	for _, k := range diff.Kinds {
		if n := count[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k))
		}
	}
	return plural(len(changes), "change") + ": " + strings.Join(parts, ", ")
}

// describe is one change in words, with its sign: + added, - removed,
// ~ anything else.
func (o diffOutput) describe(c diff.Change) string {
	what := o.element(c)
	switch c.Kind {
	case diff.Added:
		s := "+ " + what
		if c.Element == diff.Step {
			s += " in " + c.NewCell
		}
		return o.paint(green, s)
	case diff.Removed:
		s := "- " + what
		if c.Element == diff.Step {
			s += " from " + c.OldCell
		}
		return o.paint(red, s)
	case diff.Moved:
		return o.paint(yellow, "~ "+what) + " moved: " + c.OldCell + " → " + c.NewCell
	case diff.Renamed:
		return o.paint(yellow, "~ "+what) + " renamed: " + quote(c.Old) + " → " + quote(c.New)
	case diff.Reordered:
		if c.Element == diff.Step {
			return o.paint(yellow, "~ "+what) + " restacked in its cell: " + ordinal(c.Old) + " → " + ordinal(c.New)
		}
		return o.paint(yellow, "~ "+what) + " reordered: " + after(c.OldAfter) + " → " + after(c.NewAfter)
	}
	if c.Element == diff.Document {
		return o.paint(yellow, "~") + " " + fieldChange(c)
	}
	return o.paint(yellow, "~ "+what) + ": " + fieldChange(c)
}

// element names the element of a change: `step greet "Doorman greets
// guest"`, `flow greet → arrivals "list"`, `lane support`, `phase
// "Stay"`.
func (o diffOutput) element(c diff.Change) string {
	switch c.Element {
	case diff.Document:
		return "document"
	case diff.Phase:
		if c.Kind == diff.Renamed {
			return "phase"
		}
		return "phase " + quote(c.ID)
	case diff.Question:
		return "question " + quote(short(c.ID))
	case diff.Flow:
		s := "flow " + c.Label
		if c.Kind == diff.Added && c.New != "" {
			s += " " + quote(c.New)
		}
		if c.Kind == diff.Removed && c.Old != "" {
			s += " " + quote(c.Old)
		}
		return s
	}
	s := string(c.Element) + " " + c.ID
	if c.Label != "" && c.Kind != diff.Renamed {
		s += " " + quote(short(c.Label))
	}
	return s
}

// fieldChange says how a field changed: `wait 10m → 25m`, `fail point
// added: "Room not ready"`, `no longer a moment of truth`.
func fieldChange(c diff.Change) string {
	name, value := c.Field, quote
	switch c.Field {
	case "wait":
		name = "wait point"
		if c.Old != "" && c.New != "" {
			name = "wait"
		}
		value = plain
	case "fail":
		name = "fail point"
	case "duration", "emotion", "tags", "lint.long-wait", "lint.disable", "kind", "style", "below":
		value = plain
	case "moment":
		if c.New != "" {
			return "now a moment of truth"
		}
		return "no longer a moment of truth"
	case "two-way":
		if c.New != "" {
			return "now two-way"
		}
		return "no longer two-way"
	}
	if c.Field == "emotion" {
		value = func(s string) string { return signed(s) }
	}
	if c.Field == "tags" || c.Field == "lint.disable" {
		value = func(s string) string { return "[" + s + "]" }
	}
	switch {
	case c.Old == "":
		return name + " added: " + value(c.New)
	case c.New == "":
		return name + " removed (was " + value(c.Old) + ")"
	}
	return name + " " + value(c.Old) + " → " + value(c.New)
}

func plain(s string) string { return s }

// quote quotes s as Go does, keeping printable Unicode as it is.
func quote(s string) string { return strconv.Quote(s) }

// signed writes an emotion with its sign: "+2", "-1".
func signed(s string) string {
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return "+" + s
	}
	return s
}

// short is the first line of s, cut to 40 characters.
func short(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:39]) + "…"
	}
	return s
}

// after says where a reordered element is: "after backstage", "first".
func after(id string) string {
	if id == "" {
		return "first"
	}
	return "after " + id
}

// ordinal writes a 1-based position as "1st", "2nd", "3rd", "4th".
func ordinal(s string) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return s
	}
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return s + suffix
}
