package gui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// lineForm edits a boundary line: its name, stroke and the lane it runs
// below.
type lineForm struct {
	form  *widget.Form
	name  *field
	style *widget.Select
	below *widget.Select
}

// docForm edits the blueprint's title and description; it shows when
// nothing is selected.
type docForm struct {
	form        *widget.Form
	title, desc *field
}

func (in *inspector) buildLine() {
	e := in.e
	f := &in.line
	edit := func(target state.Selection, change func(l *blueprint.Line)) bool {
		id := target.One(state.SelectLine)
		cur := e.Doc().LineIndex(id)
		if cur < 0 {
			return false
		}
		l := e.Doc().Lines[cur]
		change(&l)
		if l == e.Doc().Lines[cur] {
			return true
		}
		return e.apply(blueprint.EditLine(id, l))
	}
	f.name = newField(e, false, func(target state.Selection, t string) bool {
		return edit(target, func(l *blueprint.Line) { l.Name = strings.TrimSpace(t) })
	})
	f.style = widget.NewSelect(lineStyleLabels(), func(v string) {
		if in.updating {
			return
		}
		e.commitField()
		i := indexOf(lineStyleLabels(), v)
		if i < 0 {
			return
		}
		edit(e.Selection(), func(l *blueprint.Line) { l.Style = blueprint.LineStyles[i] })
	})
	f.below = widget.NewSelect(nil, func(v string) {
		if in.updating {
			return
		}
		e.commitField()
		i := indexOf(f.below.Options, v)
		if i < 0 || i >= len(e.Doc().Lanes) {
			return
		}
		lane := e.Doc().Lanes[i].ID
		edit(e.Selection(), func(l *blueprint.Line) { l.Below = lane })
	})
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Style"), f.style),
		widget.NewFormItem(lang.L("Below lane"), f.below),
	)
}

func (in *inspector) buildDoc() {
	e := in.e
	f := &in.doc
	f.title = newField(e, false, func(_ state.Selection, t string) bool {
		return e.apply(blueprint.SetTitle(strings.TrimSpace(t)))
	})
	f.desc = newField(e, true, func(_ state.Selection, t string) bool {
		return e.apply(blueprint.SetDescription(t))
	})
	f.title.SetPlaceHolder(lang.L("Untitled"))
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Title"), f.title),
		widget.NewFormItem(lang.X("field.description", "Description"), f.desc),
	)
}

func (in *inspector) refreshLine(d *blueprint.Document, s state.Selection) {
	i := d.LineIndex(s.One(state.SelectLine))
	if i < 0 {
		return
	}
	l := d.Lines[i]
	f := &in.line
	f.name.set(s, shownLineName(l))
	f.style.SetSelectedIndex(indexOf(blueprint.LineStyles, l.Style))
	names := make([]string, len(d.Lanes))
	for j, lane := range d.Lanes {
		names[j] = shownLaneName(lane)
	}
	f.below.SetOptions(names)
	f.below.SetSelectedIndex(d.LaneIndex(l.Below))
}

func (f *docForm) refresh(s state.Selection, d *blueprint.Document) {
	f.title.set(s, d.Title)
	f.desc.set(s, d.Description)
}

// lineStyleLabels names the line styles in the UI language, in LineStyles
// order.
func lineStyleLabels() []string {
	return []string{lang.L("Solid"), lang.L("Dashed"), lang.L("Dash-dot"), lang.L("Dotted")}
}
