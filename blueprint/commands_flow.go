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

// AddFlow returns a command that adds the flow f after the existing flows.
func AddFlow(f Flow) Command {
	return CommandFunc("Add flow", func(d *Document) error {
		if err := cmdCheckFlow(d, &f); err != nil {
			return fmt.Errorf("add flow: %w", err)
		}
		if d.FlowIndex(f.From, f.To) >= 0 {
			return fmt.Errorf("add flow: there is already a flow from %q to %q", f.From, f.To)
		}
		d.Flows = inserted(d.Flows, len(d.Flows), f)
		return nil
	})
}

// DeleteFlow returns a command that deletes the flow from → to.
func DeleteFlow(from, to string) Command {
	return CommandFunc("Delete flow", func(d *Document) error {
		if d.FlowIndex(from, to) < 0 {
			return fmt.Errorf("delete flow: there is no flow from %q to %q", from, to)
		}
		d.Flows = removed(d.Flows, func(f *Flow) bool { return f.From == from && f.To == to })
		return nil
	})
}

// EditFlow returns a command that replaces the flow from → to with f,
// keeping its place among the flows and its source position. Empty
// f.From or f.To keep the flow's current end; setting them re-targets the
// flow, and swapping them reverses it.
func EditFlow(from, to string, f Flow) Command {
	return editFlow("Edit flow", from, to, f, false)
}

// ReverseFlow returns a command that turns the flow from → to around,
// keeping its label and other fields.
func ReverseFlow(from, to string) Command {
	return editFlow("Reverse flow", from, to, Flow{}, true)
}

// editFlow is EditFlow, or with reverse ReverseFlow.
func editFlow(label, from, to string, nf Flow, reverse bool) Command {
	return CommandFunc(label, func(d *Document) error {
		i := d.FlowIndex(from, to)
		if i < 0 {
			return fmt.Errorf("edit flow: there is no flow from %q to %q", from, to)
		}
		old := d.Flows[i]
		f := nf
		if reverse {
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
			return fmt.Errorf("edit flow from %q to %q: %w", from, to, err)
		}
		if j := d.FlowIndex(f.From, f.To); j >= 0 && j != i {
			return fmt.Errorf("edit flow from %q to %q: there is already a flow from %q to %q", from, to, f.From, f.To)
		}
		d.Flows = replaced(d.Flows, i, f)
		return nil
	})
}
