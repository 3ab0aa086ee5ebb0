package bpgen

import (
	"bytes"
	"fmt"
	"strings"
)

// The generators below write small files that used to cost minutes or
// gigabytes. They return YAML bytes rather than documents, because most of
// them are not valid blueprints: the point is how fast the loader refuses
// them.

// BrokenRefs returns a blueprint of n steps whose ids are idLen characters
// long, with n flows whose ends name no step. Each broken id differs from a
// real one in its last characters, so a naive "did you mean" search has to
// compare every broken reference with every id in full.
func BrokenRefs(n, idLen int) []byte {
	var b bytes.Buffer
	b.WriteString("servicebp: 1\ntitle: Broken references\ncolumns:\n  - {id: c1, name: One}\nsteps:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: %s, lane: customer, column: c1, text: Step}\n", longID("s", i, idLen))
	}
	b.WriteString("flows:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {from: %s, to: %s}\n", longID("x", i, idLen), longID("y", i, idLen))
	}
	return b.Bytes()
}

// longID is an id of exactly n characters (at least 8): a shared stem and
// the number i at the end, so that ids differ only in their last digits.
func longID(stem string, i, n int) string {
	num := fmt.Sprintf("%07d", i)
	pad := max(0, n-len(stem)-len(num))
	return stem + strings.Repeat("a", pad) + num
}

// LongText returns a valid one-step blueprint whose field (one of "title",
// "description", "owner", "phase", "label", "text", "lane", "column" or
// "line") holds n
// characters of text: words of a few letters, so that wrapping has many
// break opportunities, or one unbroken word when words is false.
func LongText(field string, n int, words bool) []byte {
	long := LongString(n, words)
	title, desc, owner, phase, label, text := "Long text", "A blueprint with long text", "Team", "Arrival", "next", "Greet the guest"
	lane, column, line := "Customer actions", "Check-in", "Line of interaction"
	switch field {
	case "title":
		title = long
	case "description":
		desc = long
	case "owner":
		owner = long
	case "phase":
		phase = long
	case "label":
		label = long
	case "text":
		text = long
	case "lane":
		lane = long
	case "column":
		column = long
	case "line":
		line = long
	}
	return fmt.Appendf(nil, `servicebp: 1
title: %q
description: %q
lanes:
  - {id: customer, name: %q}
  - {id: front, name: Frontstage actions}
lines:
  - {id: interaction, name: %q, below: customer}
columns:
  - {id: c1, name: %q, phase: %q}
  - {id: c2, name: Room, phase: Stay}
steps:
  - id: a
    lane: customer
    column: c1
    text: %q
    owner: %q
  - {id: b, lane: front, column: c2, text: Hand over the key}
flows:
  - {from: a, to: b, label: %q}
`, title, desc, lane, line, column, phase, text, owner, label)
}

// LongString returns n characters of text: words of two to seven letters
// separated by spaces, or a single word when words is false.
func LongString(n int, words bool) string {
	var b strings.Builder
	b.Grow(n)
	for i := 0; b.Len() < n; i++ {
		if words && i%(2+i%6) == 0 && b.Len() > 0 && b.Len() < n-1 {
			b.WriteByte(' ')
			continue
		}
		b.WriteByte(byte('a' + i%26))
	}
	return b.String()
}

// ManyValues returns about size bytes of YAML made of tiny values: one
// step whose tags list is a flow sequence of single letters.
func ManyValues(size int) []byte {
	var b bytes.Buffer
	b.WriteString("servicebp: 1\ncolumns:\n  - {id: c1, name: One}\nsteps:\n  - {id: a, lane: customer, column: c1, text: Step, tags: [a")
	for b.Len() < size-3 {
		b.WriteString(", a")
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// ManyBlockValues is ManyValues with the tags written as a block sequence,
// one "- a" a line.
func ManyBlockValues(size int) []byte {
	var b bytes.Buffer
	b.WriteString("servicebp: 1\ncolumns:\n  - {id: c1, name: One}\nsteps:\n  - id: a\n    lane: customer\n    column: c1\n    tags:\n")
	for b.Len() < size-9 {
		b.WriteString("      - a\n")
	}
	return b.Bytes()
}

// ManyTinySteps returns about size bytes of steps with one-letter ids that
// are all the same, the smallest step the format accepts.
func ManyTinySteps(size int) []byte {
	var b bytes.Buffer
	b.WriteString("servicebp: 1\ncolumns:\n  - {id: c, name: C}\nsteps:\n")
	for b.Len() < size-40 {
		b.WriteString("  - {id: s, lane: customer, column: c}\n")
	}
	return b.Bytes()
}

// Aliases returns about size bytes of YAML that defines one anchor and
// then repeats an alias to it.
func Aliases(size int) []byte {
	var b bytes.Buffer
	b.WriteString("servicebp: 1\ntitle: &a Aliases\nsteps: [*a")
	for b.Len() < size-4 {
		b.WriteString(", *a")
	}
	b.WriteString("]\n")
	return b.Bytes()
}
