package blueprint

import (
	"fmt"
	"slices"
	"strings"
)

type setText struct {
	label     string
	field     func(d *Document) *string
	text      string
	multiline bool
	old       string
}

// SetTitle returns a command that sets the blueprint's title, a single
// line.
func SetTitle(title string) Command {
	return &setText{label: "Set title", text: title, field: func(d *Document) *string { return &d.Title }}
}

// SetDescription returns a command that sets the blueprint's description,
// which may have several lines.
func SetDescription(text string) Command {
	return &setText{label: "Set description", text: text, multiline: true,
		field: func(d *Document) *string { return &d.Description }}
}

func (c *setText) Label() string { return c.label }

func (c *setText) Do(d *Document) error {
	if err := cmdCheckText("the text", c.text, c.multiline); err != nil {
		return fmt.Errorf("%s: %w", strings.ToLower(c.label), err)
	}
	p := c.field(d)
	c.old, *p = *p, c.text
	return nil
}

func (c *setText) Undo(d *Document) {
	*c.field(d) = c.old
}

type batch struct {
	label string
	cmds  []Command
}

// Batch returns a command that applies cmds in order as one undo step, for
// example a paste, a drag of several selected cards or a multi-delete. If
// one of them fails, the ones already applied are undone and Do returns
// that error. An empty label takes the label of the first command. Each
// command records its undo information in itself, so one command value
// must not appear twice in a batch or be applied twice.
func Batch(label string, cmds ...Command) Command {
	return &batch{label: label, cmds: slices.Clone(cmds)}
}

func (c *batch) Label() string {
	if c.label == "" && len(c.cmds) > 0 {
		return c.cmds[0].Label()
	}
	return c.label
}

func (c *batch) Do(d *Document) error {
	if len(c.cmds) == 0 {
		return fmt.Errorf("%s: nothing to do", strings.ToLower(c.Label()))
	}
	for i, cmd := range c.cmds {
		if cmd == nil {
			c.undo(d, i)
			return fmt.Errorf("%s: command %d is missing", strings.ToLower(c.Label()), i+1)
		}
		if err := cmd.Do(d); err != nil {
			c.undo(d, i)
			return err
		}
	}
	return nil
}

// undo reverts the first n commands, last first.
func (c *batch) undo(d *Document, n int) {
	for i := n - 1; i >= 0; i-- {
		c.cmds[i].Undo(d)
	}
}

func (c *batch) Undo(d *Document) {
	c.undo(d, len(c.cmds))
}

type replaceDocument struct {
	doc *Document
	old Document
}

// ReplaceDocument returns a command that swaps the whole document for a
// copy of doc, for example to take in a file changed on disk while keeping
// the edit undoable. The command keeps its own copy, so the caller may go
// on using doc.
func ReplaceDocument(doc *Document) Command {
	if doc != nil {
		doc = doc.Clone()
	}
	return &replaceDocument{doc: doc}
}

func (c *replaceDocument) Label() string { return "Replace document" }

func (c *replaceDocument) Do(d *Document) error {
	if c.doc == nil {
		return fmt.Errorf("replace document: no document given")
	}
	c.old = *d
	*d = *c.doc.Clone()
	return nil
}

func (c *replaceDocument) Undo(d *Document) {
	*d = c.old
	c.old = Document{}
}
