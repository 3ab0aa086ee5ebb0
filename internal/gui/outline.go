package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/internal/state"
)

// outline lists the blueprint's lanes, lines, columns and steps beside the
// board; selecting a row selects that element for the inspector.
type outline struct {
	widget.BaseWidget
	e        *Editor
	list     *outlineList
	rows     []outlineRow
	updating bool
}

type outlineRow struct {
	sel   state.Selection
	label string
}

func newOutline(e *Editor) *outline {
	o := &outline{e: e}
	o.list = &outlineList{e: e}
	o.list.Length = func() int { return len(o.rows) }
	o.list.CreateItem = func() fyne.CanvasObject {
		// A row longer than the panel ends in an ellipsis, not mid-glyph.
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	o.list.UpdateItem = func(i widget.ListItemID, obj fyne.CanvasObject) {
		if i < len(o.rows) {
			obj.(*widget.Label).SetText(o.rows[i].label)
		}
	}
	o.list.ExtendBaseWidget(o.list)
	o.list.OnSelected = func(i widget.ListItemID) {
		if o.updating || i >= len(o.rows) {
			return
		}
		e.SetSelection(o.rows[i].sel)
	}
	o.ExtendBaseWidget(o)
	o.refresh()
	e.store.Subscribe(func(c state.Change) {
		switch {
		case c.Document:
			o.refresh()
		case c.Selection:
			o.showSelection()
		}
	})
	return o
}

// outlineList is the outline's list; Delete and Backspace in it delete
// the selected element, as on the board.
type outlineList struct {
	widget.List
	e *Editor
}

// TypedKey deletes the selection on Delete and Backspace, and moves
// through the list with the other keys.
func (l *outlineList) TypedKey(ev *fyne.KeyEvent) {
	if l.e.paneKey(ev, l.e.ui.board.Modifiers()&fyne.KeyModifierShift != 0) {
		return
	}
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		l.e.deleteSelection()
		return
	}
	l.List.TypedKey(ev)
}

// CreateRenderer shows the list.
func (o *outline) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, nil, o.list))
}

// refresh rebuilds the rows from the document and shows the selection.
func (o *outline) refresh() {
	d := o.e.Doc()
	rows := []outlineRow{{label: "▣ " + labelled(lang.L("Blueprint"), orUntitled(d.Title))}}
	for _, l := range d.Lanes {
		rows = append(rows, outlineRow{state.Selection{Kind: state.SelectLane, IDs: []string{l.ID}}, "▤ " + labelled(lang.L("Lane"), shownLaneName(l))})
	}
	for _, l := range d.Lines {
		rows = append(rows, outlineRow{state.Selection{Kind: state.SelectLine, IDs: []string{l.ID}}, "┄ " + labelled(lang.L("Line"), shownLineName(l))})
	}
	for i, c := range d.Columns {
		label := fmt.Sprintf("▥ %s %d", lang.L("Column"), i+1)
		if c.Name != "" {
			label = labelled(label, c.Name)
		}
		if c.Phase != "" {
			label += "  " + lang.L("[{{.Phase}}]", map[string]any{"Phase": c.Phase})
		}
		rows = append(rows, outlineRow{state.Selection{Kind: state.SelectColumn, IDs: []string{c.ID}}, label})
	}
	for _, s := range d.Steps {
		text := strings.ReplaceAll(s.Text, "\n", " ")
		if text == "" {
			text = "(" + lang.L("empty") + ")"
		}
		rows = append(rows, outlineRow{state.StepSelection(s.ID), "▢ " + text + "   · " + laneName(d, s.Lane) + " × " + columnName(d, s.Column)})
	}
	o.rows = rows
	o.list.Refresh()
	o.showSelection()
}

// showSelection selects the row of the store's selection, or none.
func (o *outline) showSelection() {
	o.updating = true
	defer func() { o.updating = false }()
	sel := o.e.Selection()
	for i, r := range o.rows {
		if r.sel.Equal(sel) {
			o.list.Select(i)
			return
		}
	}
	o.list.UnselectAll()
}

func orUntitled(title string) string {
	if title == "" {
		return untitledName()
	}
	return title
}
