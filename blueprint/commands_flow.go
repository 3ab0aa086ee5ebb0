package blueprint

import "fmt"

// cmdCheckFlow checks that f joins two different existing steps with valid
// text. It does not look for duplicates.
func cmdCheckFlow(d *Document, f *Flow) error {
	if d.StepIndex(f.From) < 0 {
		return fmt.Errorf("there is no step %q", f.From)
	}
	if d.StepIndex(f.To) < 0 {
		return fmt.Errorf("there is no step %q", f.To)
	}
	if f.From == f.To {
		return fmt.Errorf("a flow cannot start and end at the same step %q", f.From)
	}
	if err := cmdCheckText("label", f.Label, true); err != nil {
		return err
	}
	return cmdCheckComment(f.Comment)
}

type addFlow struct {
	flow Flow
	pos  int
}

// AddFlow returns a command that adds the flow f after the existing flows.
func AddFlow(f Flow) Command {
	return &addFlow{flow: f}
}

func (c *addFlow) Label() string { return "Add flow" }

func (c *addFlow) Do(d *Document) error {
	if err := cmdCheckFlow(d, &c.flow); err != nil {
		return fmt.Errorf("add flow: %w", err)
	}
	if d.FlowIndex(c.flow.From, c.flow.To) >= 0 {
		return fmt.Errorf("add flow: there is already a flow from %q to %q", c.flow.From, c.flow.To)
	}
	c.pos = len(d.Flows)
	d.Flows = append(d.Flows, c.flow)
	return nil
}

func (c *addFlow) Undo(d *Document) {
	d.Flows = cmdDelete(d.Flows, c.pos)
}

type deleteFlow struct {
	from, to string
	pos      int
	old      Flow
}

// DeleteFlow returns a command that deletes the flow from → to.
func DeleteFlow(from, to string) Command {
	return &deleteFlow{from: from, to: to}
}

func (c *deleteFlow) Label() string { return "Delete flow" }

func (c *deleteFlow) Do(d *Document) error {
	i := d.FlowIndex(c.from, c.to)
	if i < 0 {
		return fmt.Errorf("delete flow: there is no flow from %q to %q", c.from, c.to)
	}
	c.pos, c.old = i, d.Flows[i]
	d.Flows = cmdDelete(d.Flows, i)
	return nil
}

func (c *deleteFlow) Undo(d *Document) {
	d.Flows = cmdInsert(d.Flows, c.pos, c.old)
}

type editFlow struct {
	from, to string
	flow     Flow
	reverse  bool

	pos int
	old Flow
}

// EditFlow returns a command that replaces the flow from → to with f,
// keeping its place among the flows and its source position. Empty
// f.From or f.To keep the flow's current end; setting them re-targets the
// flow, and swapping them reverses it.
func EditFlow(from, to string, f Flow) Command {
	return &editFlow{from: from, to: to, flow: f}
}

// ReverseFlow returns a command that turns the flow from → to around,
// keeping its label and other fields.
func ReverseFlow(from, to string) Command {
	return &editFlow{from: from, to: to, reverse: true}
}

func (c *editFlow) Label() string {
	if c.reverse {
		return "Reverse flow"
	}
	return "Edit flow"
}

func (c *editFlow) Do(d *Document) error {
	i := d.FlowIndex(c.from, c.to)
	if i < 0 {
		return fmt.Errorf("edit flow: there is no flow from %q to %q", c.from, c.to)
	}
	old := d.Flows[i]
	f := c.flow
	if c.reverse {
		f = old
		f.From, f.To = old.To, old.From
	}
	if f.From == "" {
		f.From = old.From
	}
	if f.To == "" {
		f.To = old.To
	}
	f.Pos = old.Pos
	if err := cmdCheckFlow(d, &f); err != nil {
		return fmt.Errorf("edit flow from %q to %q: %w", c.from, c.to, err)
	}
	if j := d.FlowIndex(f.From, f.To); j >= 0 && j != i {
		return fmt.Errorf("edit flow from %q to %q: there is already a flow from %q to %q", c.from, c.to, f.From, f.To)
	}
	c.pos, c.old = i, old
	d.Flows[i] = f
	return nil
}

func (c *editFlow) Undo(d *Document) {
	if c.pos < len(d.Flows) {
		d.Flows[c.pos] = c.old
	}
}
