package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
	"servicebp/internal/state"
)

// The workshop tabs of the side panel, after Conflicts.
const (
	tabRanking = tabConflicts + 1 + iota
	tabQuestions
)

// rankingPanel lists the voted steps, most votes first and fail points
// first among equals (analysis.VoteRanking); tapping one selects its card.
// A button resets every vote, as one undoable edit.
type rankingPanel struct {
	e       *Editor
	ranking []analysis.VotedStep
	total   *widget.Label
	reset   *widget.Button
	list    *widget.List
	content fyne.CanvasObject
}

func newRankingPanel(e *Editor) *rankingPanel {
	p := &rankingPanel{e: e, total: widget.NewLabel("")}
	// Wrapped, so that the panel does not widen the side panel.
	p.total.Wrapping = fyne.TextWrapWord
	p.reset = widget.NewButton(lang.L("Reset votes"), e.resetVotes)
	p.list = widget.NewList(
		func() int { return len(p.ranking) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, obj fyne.CanvasObject) {
			if i >= 0 && i < len(p.ranking) {
				obj.(*widget.Label).SetText(rankingText(p.ranking[i], p.e.Doc()))
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.Unselect(i)
		if i >= 0 && i < len(p.ranking) {
			revealStep(p.e, p.ranking[i].ID)
		}
	}
	p.content = container.NewBorder(container.NewBorder(nil, nil, nil, p.reset, p.total), nil, nil, nil, p.list)
	p.update()
	return p
}

// rankingText is one row: "1. ● 7  Text · fail point".
func rankingText(v analysis.VotedStep, d *blueprint.Document) string {
	name := v.ID
	if s := d.Step(v.ID); s != nil {
		name = stepTitle(s)
	}
	s := fmt.Sprintf("%d. ● %d  %s", v.Rank, v.Votes, name)
	if v.Fail {
		s += " · " + lang.L("fail point")
	}
	return s
}

// update shows the open blueprint's ranking.
func (p *rankingPanel) update() {
	d := p.e.Doc()
	p.ranking = analysis.VoteRanking(d)
	if total := d.TotalVotes(); total == 0 {
		p.total.SetText(lang.L("No votes yet: select a card and press +"))
		p.reset.Disable()
	} else {
		p.total.SetText(lang.L("{{.Count}} votes", map[string]any{"Count": total}))
		p.reset.Enable()
	}
	p.list.Refresh()
}

// questionsPanel lists the parking lot; each row has Edit and Remove, and
// tapping a row selects the card it is about.
type questionsPanel struct {
	e         *Editor
	questions []blueprint.Question
	header    *widget.Label
	list      *widget.List
	content   fyne.CanvasObject
}

// questionRow is one entry: its kind and text, what it is about, and its
// buttons.
type questionRow struct {
	widget.BaseWidget
	text, meta   *widget.Label
	edit, remove *widget.Button
}

func newQuestionRow() *questionRow {
	r := &questionRow{text: widget.NewLabel(""), meta: widget.NewLabel(""),
		edit: widget.NewButton(lang.L("Edit"), nil), remove: widget.NewButton(lang.L("Remove"), nil)}
	r.text.Wrapping = fyne.TextWrapWord
	r.meta.Importance = widget.LowImportance
	r.meta.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer stacks the text, the details and the buttons.
func (r *questionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.text, container.NewBorder(nil, nil, nil, container.NewHBox(r.edit, r.remove), r.meta)))
}

// show fills the row with question i of p.
func (r *questionRow) show(p *questionsPanel, i int) {
	q := p.questions[i]
	r.text.SetText(labelled(questionKindLabel(q.KindOrDefault()), q.Text))
	meta := ""
	if s := p.e.Doc().Step(q.Step); s != nil {
		meta = "→ " + stepTitle(s)
	}
	if q.Owner != "" {
		if meta != "" {
			meta += " · "
		}
		meta += q.Owner
	}
	r.meta.SetText(meta)
	r.edit.OnTapped = func() { p.e.promptQuestion(p.e.win, nil, i) }
	r.remove.OnTapped = func() { p.e.apply(blueprint.DeleteQuestion(i)) }
}

func newQuestionsPanel(e *Editor) *questionsPanel {
	p := &questionsPanel{e: e, header: widget.NewLabel("")}
	p.header.Wrapping = fyne.TextWrapWord
	add := widget.NewButton(lang.L("Add…"), func() { e.promptQuestion(e.win, e.selectedSteps(), -1) })
	p.list = widget.NewList(
		func() int { return len(p.questions) },
		func() fyne.CanvasObject { return newQuestionRow() },
		func(i widget.ListItemID, obj fyne.CanvasObject) {
			if i >= 0 && i < len(p.questions) {
				obj.(*questionRow).show(p, i)
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.Unselect(i)
		if i >= 0 && i < len(p.questions) && p.questions[i].Step != "" {
			revealStep(p.e, p.questions[i].Step)
		}
	}
	p.content = container.NewBorder(container.NewBorder(nil, nil, nil, add, p.header), nil, nil, nil, p.list)
	p.update()
	return p
}

// update shows the open blueprint's parking lot, when it changed.
func (p *questionsPanel) update() {
	qs := p.e.Doc().Questions
	same := len(qs) == len(p.questions)
	for i := 0; same && i < len(qs); i++ {
		same = qs[i] == p.questions[i]
	}
	if same && p.header.Text != "" {
		return
	}
	p.questions = qs
	if len(qs) == 0 {
		p.header.SetText(lang.L("No questions yet: press ? to park one"))
	} else {
		p.header.SetText(lang.L("{{.Count}} in the parking lot", map[string]any{"Count": len(qs)}))
	}
	p.list.Refresh()
}

// revealStep selects step id and brings its card into view.
func revealStep(e *Editor, id string) {
	if e.Doc().StepIndex(id) < 0 {
		return
	}
	e.SetSelection(state.StepSelection(id))
	e.ui.board.Reveal(id)
}

// addWorkshopTabs adds the Ranking and Questions tabs to the side panel;
// both follow every change of the document.
func (a *analyser) addWorkshopTabs() {
	ws := a.e.workshopState()
	ws.ranking = newRankingPanel(a.e)
	ws.questions = newQuestionsPanel(a.e)
	a.tabs.Append(container.NewTabItem(lang.L("Ranking"), ws.ranking.content))
	a.tabs.Append(container.NewTabItem(lang.L("Questions"), ws.questions.content))
	a.e.store.Subscribe(func(c state.Change) {
		if c.Document || c.Replaced {
			ws.ranking.update()
			ws.questions.update()
		}
	})
}
