package canvas

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// TappedSecondary opens the context menu of what is under the pointer.
func (b *Board) TappedSecondary(ev *fyne.PointEvent) {
	h := b.hitAt(ev.Position)
	if h.kind == hitCard || h.kind == hitHandle {
		if !b.selection().Has(h.step) {
			b.selectHit(h)
		}
	} else {
		b.selectHit(h)
	}
	m := b.contextMenu(h)
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if m == nil || c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(m, c, ev.AbsolutePosition)
}

func menuItem(label string, action func()) *fyne.MenuItem {
	return fyne.NewMenuItem(label, action)
}

// contextMenu is the menu for what h names.
func (b *Board) contextMenu(h hit) *fyne.Menu {
	sep := fyne.NewMenuItemSeparator
	switch h.kind {
	case hitCard, hitHandle:
		items := []*fyne.MenuItem{}
		if len(b.selection().IDs) == 1 {
			id := h.step
			items = append(items,
				menuItem(lang.L("Edit text"), b.EditSelection),
				menuItem(lang.L("Add flow from here…"), func() { b.StartConnect(id) }),
				sep())
		}
		items = append(items,
			menuItem(lang.L("Cut"), func() { b.Cut(nil) }),
			menuItem(lang.L("Copy"), func() { b.Copy(nil) }),
			menuItem(lang.L("Duplicate"), b.Duplicate),
			sep(),
			menuItem(lang.L("Delete"), b.DeleteSelection))
		// The card's column and lane, so that they can be managed from
		// the keyboard (Shift+F10) when no cell of them is empty.
		if s := b.store.Doc().Step(h.step); s != nil {
			colItem, laneItem := menuItem(lang.L("Column"), nil), menuItem(lang.L("Lane"), nil)
			colItem.ChildMenu, laneItem.ChildMenu = b.columnMenu(s.Column), b.laneMenu(s.Lane)
			items = append(items, sep(), colItem, laneItem)
		}
		return fyne.NewMenu("", items...)
	case hitFlow:
		k := h.flow
		return fyne.NewMenu("",
			menuItem(lang.L("Edit label"), b.EditSelection),
			menuItem(lang.L("Reverse"), func() { b.apply(blueprint.ReverseFlow(k.From, k.To)) }),
			menuItem(lang.L("Two-way"), func() { b.toggleTwoWay(k.From, k.To) }),
			sep(),
			menuItem(lang.L("Delete"), b.DeleteSelection))
	case hitCell:
		lane, col := h.lane, h.column
		laneItem := menuItem(lang.L("Lane"), nil)
		laneItem.ChildMenu = b.laneMenu(lane)
		items := []*fyne.MenuItem{
			menuItem(lang.L("Add step here"), func() { b.startNewStep(lane, col, "") }),
			menuItem(lang.L("Paste"), func() { b.Paste(nil) }),
			sep(),
		}
		// The column's own items, so that a column without a name or a
		// phase can be managed from any of its cells, and the lane's.
		items = append(items, b.columnMenu(col).Items...)
		return fyne.NewMenu("", append(items, sep(), laneItem)...)
	case hitColumn:
		return b.columnMenu(h.column)
	case hitLane:
		return b.laneMenu(h.lane)
	case hitLine:
		id := h.line
		return fyne.NewMenu("",
			menuItem(lang.L("Move up"), func() { b.moveLine(id, -1) }),
			menuItem(lang.L("Move down"), func() { b.moveLine(id, 1) }),
			sep(),
			menuItem(lang.L("Delete"), b.DeleteSelection))
	}
	return fyne.NewMenu("",
		menuItem(lang.L("Paste"), func() { b.Paste(nil) }),
		sep(),
		menuItem(lang.L("Fit"), b.ZoomToFit),
		menuItem(lang.L("100%"), b.ZoomActual))
}

func (b *Board) columnMenu(id string) *fyne.Menu {
	d := b.store.Doc()
	i := d.ColumnIndex(id)
	return fyne.NewMenu("",
		menuItem(lang.L("Rename column"), func() { b.startEdit(&editState{kind: editColumnName, id: id}, d.Column(id).Name) }),
		menuItem(lang.L("Set phase…"), func() { b.startEdit(&editState{kind: editPhaseName, id: id}, d.Column(id).Phase) }),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("Insert column before"), func() { b.InsertColumn(i) }),
		menuItem(lang.L("Insert column after"), func() { b.InsertColumn(i + 1) }),
		menuItem(lang.L("Move left"), func() { b.apply(blueprint.MoveColumn(id, i-1)) }),
		menuItem(lang.L("Move right"), func() { b.apply(blueprint.MoveColumn(id, i+1)) }),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("Delete column"), func() { b.delete(state.Selection{Kind: state.SelectColumn, IDs: []string{id}}) }))
}

func (b *Board) laneMenu(id string) *fyne.Menu {
	d := b.store.Doc()
	i := d.LaneIndex(id)
	return fyne.NewMenu("",
		menuItem(lang.L("Rename lane"), func() { b.startEdit(&editState{kind: editLaneName, id: id}, d.Lane(id).Name) }),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("Add lane above"), func() { b.InsertLane(i) }),
		menuItem(lang.L("Add lane below"), func() { b.InsertLane(i + 1) }),
		menuItem(lang.L("Move up"), func() { b.apply(blueprint.MoveLane(id, i-1)) }),
		menuItem(lang.L("Move down"), func() { b.apply(blueprint.MoveLane(id, i+1)) }),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("Delete lane"), func() { b.delete(state.Selection{Kind: state.SelectLane, IDs: []string{id}}) }))
}

// InsertColumn inserts an empty column at index and selects it; inside a
// phase it joins the phase.
func (b *Board) InsertColumn(index int) {
	d := b.store.Doc()
	var c blueprint.Column
	if index > 0 && index < len(d.Columns) && d.Columns[index-1].Phase == d.Columns[index].Phase {
		c.Phase = d.Columns[index].Phase
	}
	c.ID = d.UniqueID(blueprint.ColumnIDText(c), "column")
	if b.apply(blueprint.InsertColumn(c, index)) {
		b.store.Select(state.Selection{Kind: state.SelectColumn, IDs: []string{c.ID}})
		b.RevealSelection()
	}
}

// InsertLane adds a custom lane at index and starts editing its name.
func (b *Board) InsertLane(index int) {
	d := b.store.Doc()
	name := lang.L("New lane")
	l := blueprint.Lane{ID: d.UniqueID(name, "lane"), Name: name, Kind: blueprint.LaneCustom}
	if b.apply(blueprint.AddLane(l, index)) {
		b.store.Select(state.Selection{Kind: state.SelectLane, IDs: []string{l.ID}})
		b.RevealSelection()
		b.startEdit(&editState{kind: editLaneName, id: l.ID}, name)
		b.edit.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// moveLine moves a boundary line one lane up (dir -1) or down (dir 1).
func (b *Board) moveLine(id string, dir int) {
	d := b.store.Doc()
	i := d.LineIndex(id)
	if i < 0 {
		return
	}
	l := d.Lines[i]
	li := d.LaneIndex(l.Below) + dir
	if li < 0 || li >= len(d.Lanes)-1 {
		return
	}
	l.Below = d.Lanes[li].ID
	b.apply(blueprint.EditLine(id, l))
}

// toggleTwoWay makes a flow two-way, or one-way again.
func (b *Board) toggleTwoWay(from, to string) {
	d := b.store.Doc()
	i := d.FlowIndex(from, to)
	if i < 0 {
		return
	}
	f := d.Flows[i]
	f.TwoWay = !f.TwoWay
	b.apply(blueprint.EditFlow(from, to, f))
}

// StartConnect starts a flow from the step: the next click on another
// card ends it there; Esc cancels.
func (b *Board) StartConnect(from string) {
	b.connect = from
	b.over.update(b)
}
