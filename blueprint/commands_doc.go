package blueprint

import (
	"fmt"
	"slices"
	"strings"
)

// SetTitle returns a command that sets the blueprint's title, a single
// line.
func SetTitle(title string) Command {
	return CommandFunc("Set title", func(d *Document) error {
		if err := cmdCheckText("the text", title, false); err != nil {
			return fmt.Errorf("set title: %w", err)
		}
		d.Title = title
		return nil
	})
}

// SetDescription returns a command that sets the blueprint's description,
// which may have several lines.
func SetDescription(text string) Command {
	return CommandFunc("Set description", func(d *Document) error {
		if err := cmdCheckText("the text", text, true); err != nil {
			return fmt.Errorf("set description: %w", err)
		}
		d.Description = text
		return nil
	})
}

type batch struct {
	label string
	cmds  []Command
}

// Batch returns a command that applies cmds in order as one undo step, for
// example a paste, a drag of several selected cards or a multi-delete. If
// one of them fails, the batch changes nothing and Do returns that error.
// An empty label takes the label of the first command. The file format's
// rules are checked once, on the result, so a command may rely on a later
// one to complete it.
func Batch(label string, cmds ...Command) Command {
	return &batch{label: label, cmds: slices.Clone(cmds)}
}

func (c *batch) Label() string {
	if c.label == "" && len(c.cmds) > 0 {
		return c.cmds[0].Label()
	}
	return c.label
}

// Do applies the commands to a copy of d, which it keeps when all of them
// succeed and the result passes the rules.
func (c *batch) Do(d *Document) error {
	if len(c.cmds) == 0 {
		return fmt.Errorf("%s: nothing to do", strings.ToLower(c.Label()))
	}
	w := *d
	if err := c.apply(&w); err != nil {
		return err
	}
	if err := checkEdited(&w); err != nil {
		return fmt.Errorf("%s: %w", strings.ToLower(c.Label()), err)
	}
	*d = w
	return nil
}

// apply runs the commands on w in order without checking the rules in
// between: the edits' own functions directly, nested batches likewise, and
// any other Command through its Do.
func (c *batch) apply(w *Document) error {
	for i, cmd := range c.cmds {
		var err error
		switch cmd := cmd.(type) {
		case nil:
			err = fmt.Errorf("%s: command %d is missing", strings.ToLower(c.Label()), i+1)
		case *edit:
			err = cmd.fn(w)
		case *batch:
			err = cmd.apply(w)
		default:
			err = cmd.Do(w)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ReplaceDocument returns a command that swaps the whole document for a
// copy of doc, for example to take in a file changed on disk while keeping
// the edit undoable. The command keeps its own copy, so the caller may go
// on using doc.
func ReplaceDocument(doc *Document) Command {
	if doc != nil {
		doc = doc.Clone()
	}
	return CommandFunc("Replace document", func(d *Document) error {
		if doc == nil {
			return fmt.Errorf("replace document: no document given")
		}
		*d = *doc.Clone()
		return nil
	})
}
