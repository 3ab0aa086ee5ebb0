package state

import "servicebp/blueprint"

// DeleteCommand is the one undoable command that deletes what s selects
// (several lanes, columns or lines as one Batch), or nil when s selects
// nothing that can be deleted. The board's Delete key and the editor's
// Edit > Delete both use it.
func DeleteCommand(s Selection) blueprint.Command {
	if len(s.IDs) == 0 {
		return nil
	}
	each := func(mk func(string) blueprint.Command) blueprint.Command {
		if len(s.IDs) == 1 {
			return mk(s.IDs[0])
		}
		cmds := make([]blueprint.Command, len(s.IDs))
		for i, id := range s.IDs {
			cmds[i] = mk(id)
		}
		return blueprint.Batch("", cmds...)
	}
	switch s.Kind {
	case SelectSteps:
		return blueprint.DeleteSteps(s.IDs...)
	case SelectFlow:
		if len(s.IDs) != 2 {
			return nil
		}
		return blueprint.DeleteFlow(s.IDs[0], s.IDs[1])
	case SelectLane:
		return each(blueprint.DeleteLane)
	case SelectColumn:
		return each(blueprint.DeleteColumn)
	case SelectLine:
		return each(blueprint.DeleteLine)
	}
	return nil
}
