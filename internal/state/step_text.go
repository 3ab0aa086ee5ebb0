package state

import (
	"strconv"
	"strings"

	"servicebp/blueprint"
)

// StepText is a planned change of a step's text.
type StepText struct {
	// Command sets the text, and in an untitled blueprint changes the id
	// too (see PlanStepText).
	Command blueprint.Command
	// ID is the step's id once Command is applied.
	ID string
}

// PlanStepText plans setting the text of step s (as it is in d) to text.
// The editor makes a new step's id from its first text, so a card typed
// with a slip ("Chek in") would keep the slip in its id for good. In an
// untitled blueprint (never written to a file, so nothing outside it can
// know its ids), an id still made from the old text follows the new text
// in the same undo step, and the flows and questions that refer to it
// follow too. An id the user chose, or one in a saved blueprint, stays.
func PlanStepText(d *blueprint.Document, untitled bool, s blueprint.Step, text string) StepText {
	ns := s
	ns.Text = text
	p := StepText{Command: blueprint.EditStep(s.ID, ns), ID: s.ID}
	if !untitled || !madeFrom(s.ID, s.Text) {
		return p
	}
	w := *d
	if p.Command.Do(&w) != nil {
		return p
	}
	base := blueprint.Slug(text)
	if base == "" || madeFrom(s.ID, text) {
		return p
	}
	next := w.UniqueID(text, "step")
	p.Command = blueprint.Batch(p.Command.Label(), p.Command, blueprint.RenameStep(s.ID, next))
	p.ID = next
	return p
}

// madeFrom reports whether id is what the editor makes from text: its
// slug, or the slug with -2, -3 ... appended.
func madeFrom(id, text string) bool {
	base := blueprint.Slug(text)
	if base == "" {
		base = "step"
	}
	if id == base {
		return true
	}
	n, ok := strings.CutPrefix(id, base+"-")
	if !ok {
		return false
	}
	v, err := strconv.Atoi(n)
	return err == nil && v >= 2 && strconv.Itoa(v) == n
}
