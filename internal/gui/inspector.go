package gui

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// emotions are the choices of the emotion selector, from −2 to +2.
var emotions = []string{"−2", "−1", "0", "+1", "+2"}

// inspector is the side panel that edits the selected element. Each field
// commits one command when the user presses Enter or leaves it.
type inspector struct {
	e       *Editor
	content *fyne.Container
	heading *widget.Label
	shown   fyne.CanvasObject
	// updating is set while the panel copies model values into its
	// widgets, so that their change callbacks do not edit the model.
	updating bool

	step      stepForm
	bulk      bulkForm
	lane      laneForm
	line      lineForm
	flow      flowForm
	laneMoves laneMoves
	column    columnForm
	doc       docForm
	other     *widget.Label
}

type stepForm struct {
	form                                     *widget.Form
	text, notes, owner, duration, wait, fail *field
	recovery                                 *field
	moment                                   *widget.Check
	emotion                                  *widget.Select
	emotionChip                              *emotionChip
}

type laneForm struct {
	form *widget.Form
	name *field
	kind *widget.Select
}

type columnForm struct {
	form        *widget.Form
	name, phase *field
}

func newInspector(e *Editor) *inspector {
	in := &inspector{e: e, heading: widget.NewLabel(""), other: widget.NewLabel("")}
	in.heading.TextStyle = fyne.TextStyle{Bold: true}
	in.other.Wrapping = fyne.TextWrapWord
	in.buildStep()
	in.buildBulk()
	in.buildLane()
	in.buildLaneMoves()
	in.buildLine()
	in.buildFlow()
	in.buildColumn()
	in.buildDoc()
	in.content = container.NewVBox(in.heading, in.other)
	in.shown = in.other
	in.refresh()
	e.store.Subscribe(func(c state.Change) {
		if c.Document || c.Selection {
			in.refresh()
		}
	})
	return in
}

func (in *inspector) buildStep() {
	e := in.e
	f := &in.step
	edit := func(change func(s *blueprint.Step, text string) error) func(state.Selection, string) bool {
		return func(target state.Selection, text string) bool {
			id := target.One(state.SelectSteps)
			return e.editStep(id, func(s *blueprint.Step) error { return change(s, text) })
		}
	}
	f.text = newField(e, true, func(target state.Selection, text string) bool {
		return e.setStepText(target.One(state.SelectSteps), text)
	})
	f.notes = newField(e, true, edit(func(s *blueprint.Step, t string) error { s.Notes = t; return nil }))
	f.owner = newField(e, false, edit(func(s *blueprint.Step, t string) error { s.Owner = strings.TrimSpace(t); return nil }))
	f.duration = newField(e, false, edit(func(s *blueprint.Step, t string) error {
		d, err := parseDurationField(t)
		s.Duration = d
		return err
	}))
	f.wait = newField(e, false, edit(func(s *blueprint.Step, t string) error {
		d, err := parseDurationField(t)
		s.Wait = d
		return err
	}))
	f.fail = newField(e, false, edit(func(s *blueprint.Step, t string) error { s.Fail = strings.TrimSpace(t); return nil }))
	f.recovery = newField(e, false, edit(func(s *blueprint.Step, t string) error { s.Recovery = strings.TrimSpace(t); return nil }))
	f.duration.SetPlaceHolder(lang.L("e.g. {{.Example}}", map[string]any{"Example": "5m"}))
	f.wait.SetPlaceHolder(lang.L("e.g. {{.Example}}", map[string]any{"Example": "1h30m"}))
	f.fail.SetPlaceHolder(lang.L("What can go wrong"))
	f.recovery.SetPlaceHolder(lang.L("How it is put right"))
	f.moment = widget.NewCheck(lang.L("Moment of truth"), func(on bool) {
		if in.updating {
			return
		}
		e.commitField()
		e.editStep(e.Selection().One(state.SelectSteps), func(s *blueprint.Step) error { s.Moment = on; return nil })
	})
	f.emotionChip = newEmotionChip()
	f.emotion = widget.NewSelect(emotionChoices(), func(string) {
		i := f.emotion.SelectedIndex()
		if i >= 0 && e.ui.board != nil {
			f.emotionChip.set(i-2, e.ui.board.Scene().Palette())
		}
		if in.updating || i < 0 {
			return
		}
		e.commitField()
		e.editStep(e.Selection().One(state.SelectSteps), func(s *blueprint.Step) error {
			s.Emotion = i - 2
			return nil
		})
	})
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Text"), f.text),
		widget.NewFormItem(lang.L("Owner"), f.owner),
		widget.NewFormItem(lang.L("Duration"), f.duration),
		widget.NewFormItem(lang.L("Wait point"), f.wait),
		widget.NewFormItem(lang.L("Fail point"), f.fail),
		widget.NewFormItem(lang.L("Recovery"), f.recovery),
		widget.NewFormItem("", f.moment),
		widget.NewFormItem(lang.L("Emotion"), container.NewBorder(nil, nil, f.emotionChip.box, nil, f.emotion)),
		widget.NewFormItem(lang.L("Notes"), f.notes),
	)
}

func (in *inspector) buildLane() {
	e := in.e
	f := &in.lane
	f.name = newField(e, false, func(target state.Selection, t string) bool {
		id := target.One(state.SelectLane)
		return id != "" && e.renameElement(target, strings.TrimSpace(t))
	})
	f.kind = widget.NewSelect(laneKindLabels(), func(v string) {
		if in.updating {
			return
		}
		e.commitField()
		id := e.Selection().One(state.SelectLane)
		l := e.Doc().Lane(id)
		i := indexOf(laneKindLabels(), v)
		if l == nil || i < 0 || l.Kind == blueprint.LaneKinds[i] {
			return
		}
		k := blueprint.LaneKinds[i]
		nl := *l
		nl.Kind = k
		e.apply(blueprint.EditLane(id, nl))
	})
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Kind"), f.kind),
	)
}

func (in *inspector) buildColumn() {
	e := in.e
	f := &in.column
	f.name = newField(e, false, func(target state.Selection, t string) bool {
		id := target.One(state.SelectColumn)
		c := e.Doc().Column(id)
		if c == nil {
			return false
		}
		return e.renameElement(target, strings.TrimSpace(t))
	})
	f.phase = newField(e, false, func(target state.Selection, t string) bool {
		id := target.One(state.SelectColumn)
		c := e.Doc().Column(id)
		if c == nil {
			return false
		}
		t = strings.TrimSpace(t)
		if c.Phase == "" || t == "" {
			return e.applyPhase(state.PlanSetPhase(e.Doc(), e.untitled(), t, id))
		}
		return e.applyPhase(state.PlanRenamePhase(e.Doc(), e.untitled(), c.Phase, t))
	})
	f.phase.SetPlaceHolder(lang.L("None"))
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Phase"), f.phase),
	)
}

// editStep applies one EditStep command that changes the step id as change
// says; change works on a copy. It returns false when nothing was applied
// because the step is gone or the value is not valid.
func (e *Editor) editStep(id string, change func(s *blueprint.Step) error) bool {
	cur := e.Doc().Step(id)
	if cur == nil {
		return false
	}
	s := *cur
	s.Tags = append([]string(nil), cur.Tags...)
	if err := change(&s); err != nil {
		e.showError(err)
		return false
	}
	if reflect.DeepEqual(&s, cur) {
		return true
	}
	return e.apply(blueprint.EditStep(id, s))
}

// setStepText sets the text of the step id (see state.PlanStepText): in
// an untitled blueprint its id follows the text, and so does the
// selection.
func (e *Editor) setStepText(id, text string) bool {
	cur := e.Doc().Step(id)
	if cur == nil {
		return false
	}
	if cur.Text == text {
		return true
	}
	p := state.PlanStepText(e.Doc(), e.untitled(), *cur, text)
	before := e.Selection()
	if !e.apply(p.Command) {
		return false
	}
	if p.ID != id {
		e.SetSelection(before.RenamedStep(id, p.ID))
	}
	return true
}

func durationText(d blueprint.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// restyle redraws every form of the inspector, shown or not, in the
// current theme: a form's labels take their colour when it refreshes,
// and the forms made before the theme was chosen at start-up (or not on
// screen when it changed) kept the old theme's, white on white in Light.
func (in *inspector) restyle() {
	for _, f := range []*widget.Form{in.step.form, in.lane.form, in.line.form, in.flow.form, in.column.form, in.doc.form} {
		if f != nil {
			f.Refresh()
		}
	}
}

// refresh shows the form for the selection and copies the model's values
// into it.
func (in *inspector) refresh() {
	var want fyne.CanvasObject
	e := in.e
	s := e.Selection()
	switch {
	case s.Kind == state.SelectSteps && len(s.IDs) == 1:
		in.heading.SetText(lang.L("Step"))
		want = in.step.form
	case s.Kind == state.SelectSteps && len(s.IDs) > 1:
		in.heading.SetText(bulkHeading(len(s.IDs)))
		want = in.bulk.form
	case s.Kind == state.SelectLane && len(s.IDs) == 1:
		in.heading.SetText(lang.L("Lane"))
		want = in.lane.form
	case s.Kind == state.SelectLine && len(s.IDs) == 1:
		in.heading.SetText(lang.L("Line"))
		want = in.line.form
	case s.Kind == state.SelectColumn && len(s.IDs) == 1:
		in.heading.SetText(lang.L("Column"))
		want = in.column.form
	case s.Kind == state.SelectFlow && len(s.IDs) == 2:
		in.heading.SetText(lang.L("Flow"))
		want = in.flow.form
	case s.Kind == state.SelectNone:
		in.heading.SetText(lang.L("Blueprint"))
		want = in.doc.form
	case s.Kind == state.SelectCell && len(s.IDs) == 2:
		in.heading.SetText(lang.L("Cell"))
		in.other.SetText(lang.L("{{.Lane}} × {{.Column}}\n\nType, press Enter or double-click to add a step here.",
			map[string]any{"Lane": laneName(e.Doc(), s.IDs[0]), "Column": columnName(e.Doc(), s.IDs[1])}))
		want = in.other
	default:
		in.heading.SetText(lang.L("Selection"))
		in.other.SetText(lang.L("{{.Count}} items selected", map[string]any{"Count": strconv.Itoa(len(s.IDs))}))
		want = in.other
	}
	if want != in.shown {
		in.content.Objects = []fyne.CanvasObject{in.heading, want}
		in.shown = want
		in.content.Refresh()
	}
	in.refreshValues()
}

// refreshValues copies the model's values into the visible form.
func (in *inspector) refreshValues() {
	in.updating = true
	defer func() { in.updating = false }()
	d := in.e.Doc()
	s := in.e.Selection()
	switch in.shown {
	case in.step.form:
		st := d.Step(s.One(state.SelectSteps))
		if st == nil {
			return
		}
		f := &in.step
		f.text.set(s, st.Text)
		f.notes.set(s, st.Notes)
		f.owner.set(s, st.Owner)
		f.duration.set(s, durationText(st.Duration))
		f.wait.set(s, durationText(st.Wait))
		f.fail.set(s, st.Fail)
		f.recovery.set(s, st.Recovery)
		f.moment.SetChecked(st.Moment)
		f.emotion.SetSelectedIndex(max(-2, min(2, st.Emotion)) + 2)
	case in.bulk.form:
		in.refreshBulk(d, s)
	case in.lane.form:
		l := d.Lane(s.One(state.SelectLane))
		if l == nil {
			return
		}
		in.lane.name.set(s, shownLaneName(*l))
		in.lane.kind.SetSelectedIndex(indexOf(blueprint.LaneKinds, l.Kind))
	case in.flow.form:
		in.refreshFlow(d, s)
	case in.line.form:
		in.refreshLine(d, s)
	case in.column.form:
		c := d.Column(s.One(state.SelectColumn))
		if c == nil {
			return
		}
		in.column.name.set(s, c.Name)
		in.column.phase.set(s, c.Phase)
	case in.doc.form:
		in.doc.refresh(s, d)
	}
}

// laneKindLabels names the lane kinds in the UI language, in LaneKinds
// order.
func laneKindLabels() []string {
	labels := make([]string, len(blueprint.LaneKinds))
	for i, k := range blueprint.LaneKinds {
		labels[i] = laneKindLabel(k)
	}
	return labels
}

func laneKindLabel(k blueprint.LaneKind) string {
	switch k {
	case blueprint.LaneEvidence:
		return lang.L("Physical evidence")
	case blueprint.LaneCustomer:
		return lang.L("Customer actions")
	case blueprint.LaneFrontstage:
		return lang.L("Frontstage actions")
	case blueprint.LaneBackstage:
		return lang.L("Backstage actions")
	case blueprint.LaneSupport:
		return lang.L("Support processes")
	}
	return lang.L("Custom lane")
}

// indexOf is the index of v in list, or -1 when list does not hold it.
func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// laneName is the name of lane id as the board draws it, or the id when
// there is no such lane.
func laneName(d *blueprint.Document, id string) string {
	if l := d.Lane(id); l != nil {
		return shownLaneName(*l)
	}
	return id
}

// columnName is the name of column id or, when it has none, "Column N"
// by its place, as the outline and the column header tabs count; an
// unknown id is shown as it is.
func columnName(d *blueprint.Document, id string) string {
	i := d.ColumnIndex(id)
	switch {
	case i < 0:
		return id
	case d.Columns[i].Name != "":
		return d.Columns[i].Name
	}
	return fmt.Sprintf("%s %d", lang.L("Column"), i+1)
}
