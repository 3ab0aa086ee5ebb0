package blueprint

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Conflict is one unresolved merge conflict, as `servicebp merge` records
// it in the top-level "conflicts" section: the same field changed
// differently on both sides, or an element deleted on one side and edited
// or used on the other. The document holds OURS's value; the entry keeps
// the other values so that nothing is lost. The loader accepts the
// section and `servicebp validate` reports each entry as an error until
// it is deleted.
type Conflict struct {
	// Element says what the conflict is about: one of ConflictElements.
	Element string
	// ID names the element: a lane, line, column or step id, or
	// "FROM -> TO" for a flow, the text for a question; empty for the title, description, lint
	// settings and the document.
	ID string
	// Field is the field that was changed on both sides ("wait", "text",
	// "name"...), or empty when the element as a whole is in conflict.
	Field string
	// Base, Ours and Theirs are the values in the common ancestor and on
	// each side, as they are written in a blueprint file, or a short
	// description ("deleted", "edited: text, wait") for a whole element.
	// Empty means the value is not set (or the element is not there).
	Base, Ours, Theirs string
	Comment            string
	Pos                Pos
}

// ConflictElements lists the values of Conflict.Element.
var ConflictElements = []string{"title", "description", "lane", "line", "column", "step", "flow", "question", "lint", "document"}

// conflictKeys are the keys of one conflicts entry, in canonical order.
var conflictKeys = []string{"element", "id", "field", "base", "ours", "theirs"}

// FlowID is how a conflict names the flow from → to.
func FlowID(from, to string) string { return from + " -> " + to }

// Message is the error validate reports for c.
func (c Conflict) Message() string {
	var b strings.Builder
	b.WriteString("unresolved merge conflict: ")
	b.WriteString(c.Element)
	if c.ID != "" {
		b.WriteByte(' ')
		b.WriteString(c.ID)
	}
	if c.Field != "" {
		b.WriteString(" field ")
		b.WriteString(c.Field)
	}
	fmt.Fprintf(&b, ": ours %s, theirs %s (base %s); choose one and delete this entry",
		conflictValue(c.Ours), conflictValue(c.Theirs), conflictValue(c.Base))
	return b.String()
}

// conflictValue shows a conflict value in a message on one line.
// ConflictValue is v as a conflict's message writes it: "(none)" when
// empty, quoted when it holds line breaks, tabs or outer spaces, and cut
// to 80 characters.
func ConflictValue(v string) string { return conflictValue(v) }

func conflictValue(v string) string {
	switch {
	case v == "":
		return "(none)"
	case strings.ContainsAny(v, "\n\t") || strings.TrimSpace(v) != v:
		return clip(fmt.Sprintf("%q", v), 80)
	}
	return clip(v, 80)
}

// ConflictErrors returns one error per unresolved merge conflict in d, at
// its entry's position in file, for validate to report.
func ConflictErrors(file string, d *Document) ErrorList {
	var errs ErrorList
	for _, c := range d.Conflicts {
		line, col := c.Pos.Line, c.Pos.Col
		if line < 1 {
			line, col = 1, 1
		}
		errs = append(errs, &Error{File: file, Line: line, Col: col, Msg: c.Message()})
	}
	return errs
}

// conflicts decodes the "conflicts" section.
func (d *decoder) conflicts(n *yaml.Node) []Conflict {
	var out []Conflict
	for _, item := range d.list(n, "conflicts") {
		f, ok := d.item(item, conflictKeys, "conflict")
		if !ok {
			continue
		}
		c := Conflict{Comment: itemComment(item), Pos: pos(item)}
		if v, has := d.required(f, item, "element", "a conflict"); has {
			c.Element, ok = d.str(v, "element")
			if ok && !slices.Contains(ConflictElements, c.Element) {
				d.errorf(v, "unknown conflict element %q; use one of %s", c.Element, strings.Join(ConflictElements, ", "))
				ok = false
			}
		} else {
			ok = false
		}
		for _, k := range []struct {
			key string
			to  *string
		}{{"id", &c.ID}, {"field", &c.Field}, {"base", &c.Base}, {"ours", &c.Ours}, {"theirs", &c.Theirs}} {
			if v, has := f.get(k.key); has {
				var sok bool
				*k.to, sok = d.str(v, k.key)
				ok = ok && sok
			}
		}
		if ok {
			out = append(out, c)
		}
	}
	return out
}

// encodeConflict is the flow mapping of one conflicts entry; empty values
// are left out.
func encodeConflict(c Conflict) []kv {
	m := []kv{{key: "element", value: c.Element}}
	for _, p := range []kv{{key: "id", value: c.ID}, {key: "field", value: c.Field}, {key: "base", value: c.Base}, {key: "ours", value: c.Ours}, {key: "theirs", value: c.Theirs}} {
		if p.value != "" {
			m = append(m, p)
		}
	}
	return m
}

// emitConflicts writes the "conflicts" section, if d has one.
func (e *emitter) emitConflicts(d *Document) {
	if len(d.Conflicts) == 0 {
		return
	}
	e.mark(element{kind: elKey, a: "conflicts"})
	e.topKey(d, "conflicts")
	for _, c := range d.Conflicts {
		e.mark(element{kind: elConflict, a: c.Element, b: c.ID})
		e.flowItem(c.Comment, encodeConflict(c))
	}
}

// conflictsDifference compares the conflicts written with those read back.
func conflictsDifference(want, got []Conflict) (element, string) {
	if len(got) != len(want) {
		return element{kind: elKey, a: "conflicts"}, fmt.Sprintf("%d conflicts instead of %d", len(got), len(want))
	}
	for i, c := range want {
		g := got[i]
		if what := fieldsDiff("element", g.Element, c.Element, "id", g.ID, c.ID, "field", g.Field, c.Field,
			"base", g.Base, c.Base, "ours", g.Ours, c.Ours, "theirs", g.Theirs, c.Theirs); what != "" {
			return element{kind: elConflict, a: c.Element, b: c.ID}, what
		}
	}
	return element{}, ""
}
