package gui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/analysis"
	"servicebp/internal/state"
)

// findingsPanel lists the lint findings of the open blueprint, with counts
// by severity above the list. A row shows the first line of its message;
// the row last tapped opens to show it in full. Tapping a finding about a
// step also selects the step and brings its card into view; findings about
// a lane or a column select nothing.
type findingsPanel struct {
	e        *Editor
	findings []analysis.Finding
	// texts are the findings' messages in the UI language.
	texts []string

	errors, warnings, infos *widget.Label
	list                    *widget.List
	none                    *widget.Label
	content                 fyne.CanvasObject
	// open is the row showing its whole message, or -1.
	open int
	// OnCountChanged is called with the number of findings after each
	// update, for the tab title.
	OnCountChanged func(n int)
}

// Severity icons, coloured by the theme.
var (
	iconError   = theme.NewErrorThemedResource(theme.ErrorIcon())
	iconWarning = theme.NewWarningThemedResource(theme.WarningIcon())
	iconInfo    = theme.NewPrimaryThemedResource(theme.InfoIcon())
)

func severityIcon(s analysis.Severity) fyne.Resource {
	switch s {
	case analysis.Error:
		return iconError
	case analysis.Warning:
		return iconWarning
	}
	return iconInfo
}

// ruleTitle is a rule's short name in the UI language.
func ruleTitle(id string) string {
	switch id {
	case analysis.RuleTouchpointWithoutEvidence:
		return lang.L("Touchpoint without evidence")
	case analysis.RuleFrontstageUnsupported:
		return lang.L("Frontstage step without support")
	case analysis.RuleCustomerStepAlone:
		return lang.L("Customer step alone")
	case analysis.RuleFailPointWithoutOwner:
		return lang.L("Fail point without owner")
	case analysis.RuleFailPointWithoutRecovery:
		return lang.L("Fail point without recovery")
	case analysis.RuleLongWait:
		return lang.L("Long wait")
	case analysis.RuleVisibilityLeak:
		return lang.L("Backstage straight to the customer")
	case analysis.RuleDanglingFlow:
		return lang.L("Dangling flow")
	case analysis.RuleEmptyLane:
		return lang.L("Empty lane")
	case analysis.RuleEmptyColumn:
		return lang.L("Empty column")
	case analysis.RuleOrphanStep:
		return lang.L("Step without flows")
	case analysis.RuleTextTooLong:
		return lang.L("Text too long for projection")
	case analysis.RuleUnknownRule:
		return lang.L("Unknown rule")
	case analysis.RuleQueueOverloaded:
		return lang.L("Queue overloaded")
	case analysis.RuleWaitOffEstimate:
		return lang.L("Wait off the queue's estimate")
	case analysis.RuleWaitingPrinciples:
		return lang.L("Waiting made easier")
	case analysis.RuleStaffInSight:
		return lang.L("Staff in sight of the customer")
	case analysis.RuleFlowCycle:
		return lang.L("Flows in a cycle")
	case analysis.RuleUnresolvedConflict:
		return lang.L("Unresolved merge conflict")
	}
	return id
}

// findingRow is the template of one row: icon, title and message.
type findingRow struct {
	widget.BaseWidget
	icon    *widget.Icon
	title   *widget.Label
	message *widget.Label
}

func newFindingRow() *findingRow {
	r := &findingRow{icon: widget.NewIcon(iconInfo), title: widget.NewLabel(""), message: widget.NewLabel("")}
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.message.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the icon out left of the two lines of text.
func (r *findingRow) CreateRenderer() fyne.WidgetRenderer {
	text := container.New(&tightVBox{}, r.title, r.message)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewCenter(r.icon), nil, text))
}

// show fills the row with f; an open row wraps the whole message.
func (r *findingRow) show(f *analysis.Finding, text string, open bool) {
	r.icon.SetResource(severityIcon(f.Severity))
	r.title.SetText(ruleTitle(f.Rule) + "  · " + f.Rule)
	if open {
		r.message.Truncation, r.message.Wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
	} else {
		r.message.Truncation, r.message.Wrapping = fyne.TextTruncateEllipsis, fyne.TextWrapOff
	}
	r.message.SetText(text)
}

// rowHeight is the height of a row showing f, open or not, width wide.
func rowHeight(f *analysis.Finding, text string, open bool, width float32) float32 {
	r := newFindingRow()
	r.show(f, text, open)
	if open && width > 0 {
		// A wrapped label is as tall as its text at the width it has.
		r.Resize(fyne.NewSize(width, r.MinSize().Height))
	}
	return r.MinSize().Height
}

// tightVBox stacks its objects with no padding between them.
type tightVBox struct{}

// MinSize is the widest object by the sum of the heights, with the
// labels' own inner padding cut in half between rows.
func (*tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	if n := len(objs); n > 1 {
		s.Height -= float32(n-1) * theme.InnerPadding()
	}
	return s
}

// Layout places the objects top to bottom.
func (*tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - theme.InnerPadding()
	}
}

func newFindingsPanel(e *Editor) *findingsPanel {
	p := &findingsPanel{
		e:        e,
		errors:   widget.NewLabel("0"),
		warnings: widget.NewLabel("0"),
		infos:    widget.NewLabel("0"),
		none:     widget.NewLabel(lang.L("No findings")),
		open:     -1,
	}
	p.none.Importance = widget.LowImportance
	p.list = widget.NewList(
		func() int { return len(p.findings) },
		func() fyne.CanvasObject { return newFindingRow() },
		func(i widget.ListItemID, obj fyne.CanvasObject) {
			if i >= 0 && i < len(p.findings) {
				obj.(*findingRow).show(&p.findings[i], p.texts[i], i == p.open)
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.Unselect(i)
		p.reveal(i)
	}
	counts := container.NewHBox(
		widget.NewIcon(iconError), p.errors,
		widget.NewIcon(iconWarning), p.warnings,
		widget.NewIcon(iconInfo), p.infos,
	)
	body := container.NewStack(p.list, container.NewVBox(p.none))
	p.content = container.NewBorder(counts, nil, nil, nil, body)
	return p
}

// update shows fs.
func (p *findingsPanel) update(fs []analysis.Finding) {
	p.findings = fs
	p.texts = make([]string, len(fs))
	for i := range fs {
		p.texts[i] = findingText(&fs[i])
	}
	ne, nw, ni := analysis.Count(fs)
	p.errors.SetText(labelled(lang.L("Errors"), strconv.Itoa(ne)))
	p.warnings.SetText(labelled(lang.L("Warnings"), strconv.Itoa(nw)))
	p.infos.SetText(labelled(lang.L("Info"), strconv.Itoa(ni)))
	if len(fs) == 0 {
		p.none.Show()
	} else {
		p.none.Hide()
	}
	p.setOpen(-1)
	p.list.UnselectAll()
	p.list.Refresh()
	if p.OnCountChanged != nil {
		p.OnCountChanged(len(fs))
	}
}

// reveal shows finding i in full and selects what it is about on the
// board: its step (scrolling the board to it), its flow, its lane or its
// column.
func (p *findingsPanel) reveal(i int) {
	if i < 0 || i >= len(p.findings) {
		return
	}
	f := &p.findings[i]
	p.setOpen(i)
	d := p.e.Doc()
	switch {
	case f.Step != "" && d.StepIndex(f.Step) >= 0:
		p.e.SetSelection(state.StepSelection(f.Step))
		p.e.ui.board.Reveal(f.Step)
	case f.Flow != nil:
		p.e.SetSelection(state.Selection{Kind: state.SelectFlow, IDs: []string{f.Flow.From, f.Flow.To}})
		p.e.ui.board.Reveal(f.Flow.From)
	case f.Lane != "" && f.Column != "":
		p.e.SetSelection(state.Selection{Kind: state.SelectCell, IDs: []string{f.Lane, f.Column}})
	case f.Lane != "":
		p.e.SetSelection(state.Selection{Kind: state.SelectLane, IDs: []string{f.Lane}})
	case f.Column != "":
		p.e.SetSelection(state.Selection{Kind: state.SelectColumn, IDs: []string{f.Column}})
	}
}

// setOpen opens row i (-1 for none) and closes the one open before.
func (p *findingsPanel) setOpen(i int) {
	prev := p.open
	p.open = i
	width := p.list.Size().Width - 2*theme.Padding()
	if prev >= 0 && prev < len(p.findings) && prev != i {
		p.list.SetItemHeight(prev, rowHeight(&p.findings[prev], p.texts[prev], false, width))
		p.list.RefreshItem(prev)
	}
	if i >= 0 && i < len(p.findings) {
		p.list.SetItemHeight(i, rowHeight(&p.findings[i], p.texts[i], true, width))
		p.list.RefreshItem(i)
	}
}
