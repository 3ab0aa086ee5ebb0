package state

import (
	"slices"

	"servicebp/blueprint"
)

// Rename is a planned rename of a lane or a column.
type Rename struct {
	// Command renames the element, and changes its id too when the id was
	// made up by the editor and nothing refers to it.
	Command blueprint.Command
	// ID is the element's id once Command is applied.
	ID string
	// Offer, when not empty, is an id made from the new name to propose
	// for an element whose made-up id other elements refer to: in a
	// blueprint that has a file, such an id never changes without asking.
	Offer string
}

// PlanRename plans renaming the lane or column that sel selects (one
// lane or one column) to name. It returns a zero Rename for any other
// selection. When untitled, the blueprint has never been written to a
// file, so nothing outside it can know its ids: a made-up id then follows
// the name even when steps refer to it, and they follow too.
func PlanRename(d *blueprint.Document, untitled bool, sel Selection, name string) Rename {
	var (
		id, prefix string
		rename     blueprint.Command
		changeID   func(old, new string) blueprint.Command
		referenced bool
	)
	switch {
	case sel.One(SelectLane) != "":
		id, prefix = sel.IDs[0], "lane"
		rename, changeID = blueprint.RenameLane(id, name), blueprint.RenameLaneID
		referenced = slices.ContainsFunc(d.Steps, func(s blueprint.Step) bool { return s.Lane == id }) ||
			slices.ContainsFunc(d.Lines, func(l blueprint.Line) bool { return l.Below == id })
	case sel.One(SelectColumn) != "":
		id, prefix = sel.IDs[0], "column"
		c := d.Column(id)
		if c == nil {
			return Rename{}
		}
		nc := *c
		nc.Name = name
		rename, changeID = blueprint.EditColumn(id, nc), blueprint.RenameColumnID
		referenced = slices.ContainsFunc(d.Steps, func(s blueprint.Step) bool { return s.Column == id })
	default:
		return Rename{}
	}
	p := Rename{Command: rename, ID: id}
	if name == "" || !blueprint.IsGeneratedID(id) {
		return p
	}
	next := d.UniqueID(name, prefix)
	if next == id || blueprint.IsGeneratedID(next) {
		return p
	}
	if referenced && !untitled {
		p.Offer = next
		return p
	}
	p.Command = blueprint.Batch(rename.Label(), rename, changeID(id, next))
	p.ID = next
	return p
}
