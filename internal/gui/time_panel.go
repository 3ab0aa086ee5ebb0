package gui

import (
	"fmt"
	"maps"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
	"servicebp/internal/state"
)

// timePanel shows the customer's time through the flows: the critical
// path's total and waiting share, with a button that selects its steps on
// the board, and the queues at the wait points, each with a utilisation
// bar and a servers stepper. The stepper is a what-if: it changes the
// figures shown, never the document.
type timePanel struct {
	e       *Editor
	content fyne.CanvasObject

	total, share, steps *widget.Label
	selectPath          *widget.Button
	queues              *fyne.Container
	note                *widget.Label

	path analysis.PathStats
	// servers holds the what-if number of servers per queue step.
	servers map[string]int
	rows    []*queueRow
}

// queueRow is the widgets of one queue.
type queueRow struct {
	step          string
	title, detail *widget.Label
	bar           *widget.ProgressBar
	count         *widget.Label
	minus, plus   *widget.Button
	box           *fyne.Container
}

func newTimePanel(e *Editor) *timePanel {
	p := &timePanel{e: e, servers: map[string]int{}}
	p.total, p.share, p.steps = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	p.steps.Wrapping = fyne.TextWrapWord
	p.selectPath = widget.NewButton(lang.L("Select the path"), func() {
		if len(p.path.Whole.Steps) > 0 {
			p.e.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: p.path.Whole.Steps})
			p.e.ui.board.HighlightPath(p.path.Whole.Steps)
		}
	})
	p.queues = container.NewVBox()
	p.note = widget.NewLabel(lang.L("Queues follow the M/M/c model: random arrivals, exponential service times, first come first served, steady state. The servers stepper is a what-if and does not change the file."))
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Importance = widget.LowImportance
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	p.content = container.NewVScroll(container.NewVBox(
		heading(lang.L("Critical path")), p.total, p.share, p.steps, p.selectPath,
		heading(lang.L("Queues")), p.queues, p.note))
	return p
}

// update shows the time figures of d.
func (p *timePanel) update(d *blueprint.Document) {
	p.path = analysis.ComputePath(d)
	w := p.path.Whole
	setText(p.total, lang.L("End to end: {{.Total}}", map[string]any{"Total": w.Total.String()}))
	setText(p.share, lang.L("Waiting: {{.Wait}} ({{.Share}}%)", map[string]any{"Wait": w.Wait.String(), "Share": strconv.FormatFloat(w.WaitShare(), 'f', 1, 64)}))
	setText(p.steps, pathText(d, w.Steps))
	if len(w.Steps) == 0 {
		p.selectPath.Disable()
	} else {
		p.selectPath.Enable()
	}
	// Forget what-ifs for queues that are gone.
	maps.DeleteFunc(p.servers, func(id string, _ int) bool {
		s := d.Step(id)
		return s == nil || s.Queue.IsZero()
	})
	p.updateQueues(d)
}

// updateQueues shows the queues of d with the what-if servers.
func (p *timePanel) updateQueues(d *blueprint.Document) {
	qs := analysis.ComputeQueues(d, analysis.QueueOptions{Servers: p.servers})
	for len(p.rows) < len(qs) {
		p.rows = append(p.rows, p.newRow())
	}
	objs := make([]fyne.CanvasObject, 0, len(qs)+1)
	for i, q := range qs {
		r := p.rows[i]
		r.step = q.Step
		s := d.Step(q.Step)
		setText(r.title, lang.L("{{.Step}}: {{.Arrivals}}, {{.Servers}} servers, {{.Service}} each", map[string]any{
			"Step": stepTitle(s), "Arrivals": s.Queue.Arrivals.String(), "Servers": s.Queue.Servers, "Service": s.Queue.Service.String()}))
		r.bar.SetValue(min(q.Utilisation, 1))
		setText(r.count, strconv.Itoa(q.Servers))
		if q.Stable {
			setText(r.detail, lang.L("Utilisation {{.Load}}%, {{.PWait}}% wait, mean wait {{.Mean}}, 90% within {{.P90}}", map[string]any{
				"Load": fmt.Sprintf("%.0f", q.Utilisation*100), "PWait": fmt.Sprintf("%.0f", q.PWait*100),
				"Mean": analysis.RoundDuration(q.MeanWait).String(), "P90": analysis.RoundDuration(q.P90Wait).String()}))
			r.detail.Importance = widget.MediumImportance
		} else {
			setText(r.detail, lang.L("Overloaded: utilisation {{.Load}}%, the line grows without end; {{.Needed}} servers needed", map[string]any{
				"Load": fmt.Sprintf("%.0f", q.Utilisation*100), "Needed": q.ServersNeeded}))
			r.detail.Importance = widget.DangerImportance
		}
		r.detail.Refresh()
		objs = append(objs, r.box)
	}
	if len(qs) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("No step has a queue.")))
	}
	p.queues.Objects = objs
	p.queues.Refresh()
}

func (p *timePanel) newRow() *queueRow {
	r := &queueRow{title: widget.NewLabel(""), detail: widget.NewLabel(""), bar: widget.NewProgressBar(), count: widget.NewLabel("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.detail.Wrapping = fyne.TextWrapWord
	step := func(delta int) func() {
		return func() { p.step(r.step, delta) }
	}
	r.minus = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), step(-1))
	r.plus = widget.NewButtonWithIcon("", theme.ContentAddIcon(), step(1))
	stepper := container.NewHBox(widget.NewLabel(lang.L("Servers")), r.minus, r.count, r.plus)
	r.box = container.NewVBox(r.title, r.bar, stepper, r.detail)
	return r
}

// step changes the what-if servers of the queue at id by delta.
func (p *timePanel) step(id string, delta int) {
	d := p.e.Doc()
	s := d.Step(id)
	if s == nil || s.Queue.IsZero() {
		return
	}
	n, ok := p.servers[id]
	if !ok {
		n = s.Queue.Servers
	}
	n = max(1, min(blueprint.MaxServers, n+delta))
	if n == s.Queue.Servers {
		delete(p.servers, id)
	} else {
		p.servers[id] = n
	}
	p.updateQueues(d)
}

// setText sets l's text when it changed: laying out text is the costly part.
func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// pathShown is how many steps of a long critical path the panel names:
// the first and the last ones, with the count of those between.
const pathShown = 10

// pathText names the steps of a path by their text, joined by arrows; a
// path of more than pathShown steps shows its ends and how many steps lie
// between them.
func pathText(d *blueprint.Document, ids []string) string {
	name := func(id string) string {
		if st := d.Step(id); st != nil {
			return stepTitle(st)
		}
		return id
	}
	var names []string
	if len(ids) <= pathShown {
		for _, id := range ids {
			names = append(names, name(id))
		}
		return strings.Join(names, " → ")
	}
	head, tail := pathShown/2, pathShown/2-1
	for _, id := range ids[:head] {
		names = append(names, name(id))
	}
	names = append(names, lang.L("… {{.Count}} more …", map[string]any{"Count": len(ids) - head - tail}))
	for _, id := range ids[len(ids)-tail:] {
		names = append(names, name(id))
	}
	return strings.Join(names, " → ")
}
