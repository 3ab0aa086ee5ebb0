package gui

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// bulkForm edits several selected cards at once: each change sets the
// field on every one of them, as one undo step. A field whose value
// differs between the cards shows "(mixed)" and changes nothing until it
// is edited.
type bulkForm struct {
	form               *widget.Form
	owner, phase, tags *field
	moment             *widget.Check
	emotion            *widget.Select
}

func (in *inspector) buildBulk() {
	e := in.e
	f := &in.bulk
	f.owner = newField(e, false, func(target state.Selection, t string) bool {
		t = strings.TrimSpace(t)
		return e.editSteps(target.IDs, lang.L("Set owner"), func(s *blueprint.Step) { s.Owner = t })
	})
	f.tags = newField(e, false, func(target state.Selection, t string) bool {
		tags := splitTags(t)
		return e.editSteps(target.IDs, lang.L("Set tags"), func(s *blueprint.Step) { s.Tags = tags })
	})
	f.phase = newField(e, false, func(target state.Selection, t string) bool {
		cols := stepColumns(e.Doc(), target.IDs)
		if len(cols) == 0 {
			return false
		}
		return e.applyPhase(state.PlanSetPhase(e.Doc(), e.untitled(), strings.TrimSpace(t), cols...))
	})
	f.tags.SetPlaceHolder(lang.L("comma-separated"))
	f.moment = widget.NewCheck(lang.L("Moment of truth"), func(on bool) {
		if in.updating {
			return
		}
		e.commitField()
		e.editSteps(e.Selection().IDs, lang.L("Set moment of truth"), func(s *blueprint.Step) { s.Moment = on })
	})
	f.emotion = widget.NewSelect(emotions, func(v string) {
		i := indexOf(emotions, v)
		if in.updating || i < 0 {
			return
		}
		e.commitField()
		e.editSteps(e.Selection().IDs, lang.L("Set emotion"), func(s *blueprint.Step) { s.Emotion = i - 2 })
	})
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Owner"), f.owner),
		widget.NewFormItem(lang.L("Phase"), f.phase),
		widget.NewFormItem(lang.L("Tags"), f.tags),
		widget.NewFormItem("", f.moment),
		widget.NewFormItem(lang.L("Emotion"), f.emotion),
	)
}

// refreshBulk shows the values the selected steps share, and "(mixed)"
// where they differ.
func (in *inspector) refreshBulk(d *blueprint.Document, sel state.Selection) {
	f := &in.bulk
	var steps []*blueprint.Step
	for _, id := range sel.IDs {
		if s := d.Step(id); s != nil {
			steps = append(steps, s)
		}
	}
	if len(steps) == 0 {
		return
	}
	common := func(field *field, value func(s *blueprint.Step) string) {
		v := value(steps[0])
		for _, s := range steps[1:] {
			if value(s) != v {
				field.set(sel, "")
				field.SetPlaceHolder(lang.L("(mixed)"))
				return
			}
		}
		field.set(sel, v)
		field.SetPlaceHolder("")
	}
	common(f.owner, func(s *blueprint.Step) string { return s.Owner })
	common(f.tags, func(s *blueprint.Step) string { return strings.Join(s.Tags, ", ") })
	common(f.phase, func(s *blueprint.Step) string {
		if c := d.Column(s.Column); c != nil {
			return c.Phase
		}
		return ""
	})
	if f.tags.Text == "" && f.tags.PlaceHolder == "" {
		f.tags.SetPlaceHolder(lang.L("comma-separated"))
	}
	moment, emotion := steps[0].Moment, steps[0].Emotion
	mixedMoment, mixedEmotion := false, false
	for _, s := range steps[1:] {
		mixedMoment = mixedMoment || s.Moment != moment
		mixedEmotion = mixedEmotion || s.Emotion != emotion
	}
	f.moment.Partial = mixedMoment
	f.moment.SetChecked(moment && !mixedMoment)
	f.moment.Refresh()
	if mixedEmotion {
		f.emotion.PlaceHolder = lang.L("(mixed)")
		f.emotion.ClearSelected()
	} else {
		f.emotion.SetSelectedIndex(max(-2, min(2, emotion)) + 2)
	}
}

// bulkHeading is the inspector's heading for n selected steps.
func bulkHeading(n int) string {
	return lang.L("{{.Count}} steps selected", map[string]any{"Count": strconv.Itoa(n)})
}

// editSteps applies change to each of the steps ids as one undoable edit
// named label; steps it leaves as they were are not part of the edit.
func (e *Editor) editSteps(ids []string, label string, change func(s *blueprint.Step)) bool {
	d := e.Doc()
	var cmds []blueprint.Command
	for _, id := range ids {
		cur := d.Step(id)
		if cur == nil {
			continue
		}
		s := *cur
		s.Tags = slices.Clone(cur.Tags)
		change(&s)
		if !reflect.DeepEqual(&s, cur) {
			cmds = append(cmds, blueprint.EditStep(id, s))
		}
	}
	if len(cmds) == 0 {
		return true
	}
	return e.apply(blueprint.Batch(label, cmds...))
}

// stepColumns lists the columns of the steps ids, each once, in order.
func stepColumns(d *blueprint.Document, ids []string) []string {
	var cols []string
	for _, id := range ids {
		if s := d.Step(id); s != nil && !slices.Contains(cols, s.Column) {
			cols = append(cols, s.Column)
		}
	}
	return cols
}

// splitTags reads comma-separated tags, without blanks and repeats.
func splitTags(t string) []string {
	var tags []string
	for _, p := range strings.Split(t, ",") {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(tags, p) {
			tags = append(tags, p)
		}
	}
	return tags
}
