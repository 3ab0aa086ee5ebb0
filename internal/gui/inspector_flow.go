package gui

import (
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// flowForm edits the selected flow: its label and direction.
type flowForm struct {
	form    *widget.Form
	label   *field
	twoWay  *widget.Check
	reverse *widget.Button
}

// laneMoves are the lane form's buttons that move the lane up and down.
type laneMoves struct {
	up, down *widget.Button
}

func (in *inspector) buildFlow() {
	e := in.e
	f := &in.flow
	edit := func(s state.Selection, change func(fl *blueprint.Flow)) bool {
		if s.Kind != state.SelectFlow || len(s.IDs) != 2 {
			return false
		}
		i := e.Doc().FlowIndex(s.IDs[0], s.IDs[1])
		if i < 0 {
			return false
		}
		fl := e.Doc().Flows[i]
		change(&fl)
		if fl == e.Doc().Flows[i] {
			return true
		}
		return e.apply(blueprint.EditFlow(s.IDs[0], s.IDs[1], fl))
	}
	f.label = newField(e, false, func(target state.Selection, t string) bool {
		return edit(target, func(fl *blueprint.Flow) { fl.Label = strings.TrimSpace(t) })
	})
	f.twoWay = widget.NewCheck(lang.L("Two-way"), func(on bool) {
		if in.updating {
			return
		}
		e.commitField()
		edit(e.Selection(), func(fl *blueprint.Flow) { fl.TwoWay = on })
	})
	f.reverse = widget.NewButton(lang.L("Reverse"), func() {
		e.commitField()
		s := e.Selection()
		if s.Kind != state.SelectFlow || len(s.IDs) != 2 {
			return
		}
		if e.apply(blueprint.ReverseFlow(s.IDs[0], s.IDs[1])) {
			e.SetSelection(state.Selection{Kind: state.SelectFlow, IDs: []string{s.IDs[1], s.IDs[0]}})
		}
	})
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Label"), f.label),
		widget.NewFormItem("", container.NewHBox(f.twoWay, f.reverse)),
	)
}

func (in *inspector) refreshFlow(d *blueprint.Document, s state.Selection) {
	if len(s.IDs) != 2 {
		return
	}
	i := d.FlowIndex(s.IDs[0], s.IDs[1])
	if i < 0 {
		return
	}
	fl := d.Flows[i]
	in.flow.label.set(s, fl.Label)
	in.flow.twoWay.SetChecked(fl.TwoWay)
}

// buildLaneMoves adds Move up and Move down to the lane form.
func (in *inspector) buildLaneMoves() {
	e := in.e
	move := func(delta int) {
		e.commitField()
		id := e.Selection().One(state.SelectLane)
		i := e.Doc().LaneIndex(id)
		if i < 0 || i+delta < 0 || i+delta >= len(e.Doc().Lanes) {
			return
		}
		e.apply(blueprint.MoveLane(id, i+delta))
	}
	in.laneMoves.up = widget.NewButton(lang.L("Move up"), func() { move(-1) })
	in.laneMoves.down = widget.NewButton(lang.L("Move down"), func() { move(1) })
	in.lane.form.Append("", container.NewHBox(in.laneMoves.up, in.laneMoves.down))
}
