package gui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/canvas"
	"servicebp/internal/state"
)

// This file holds the workshop keys of the editor and of the
// presentation: dot votes on cards and the capture of questions for the
// parking lot. Every change is one undoable command through the history.
//
//	+ (or =)   add a vote to the selected (or spotlit) cards
//	-          remove a vote
//	v          type the number of votes (a group's stickers), then Enter
//	?          capture a question, idea or action about the card

// workshop is the state of the workshop keys: the prompt that is open, if
// any, and the presentation the keys act in.
type workshop struct {
	prompt *workshopPrompt
	// presenter is the open presentation, which shows a copy of the
	// document refreshed after every edit; nil when none is open.
	presenter *canvas.Presenter
	// following reports that the editor's listener that refreshes the
	// presentation is registered.
	following bool
	// ranking and questions are the side panel's workshop tabs.
	ranking   *rankingPanel
	questions *questionsPanel
}

// workshopPrompt is a small modal form: its entries, and submit, which
// Enter in any entry or the OK button runs.
type workshopPrompt struct {
	dialog  *dialog.CustomDialog
	entries []*promptEntry
	kind    *widget.Select
	submit  func()
}

// workshopState returns the editor's workshop state, made on first use.
func (e *Editor) workshopState() *workshop {
	if e.workshop == nil {
		e.workshop = &workshop{}
	}
	return e.workshop
}

// workshopRune handles a workshop key typed in win for the cards targets
// returns; it reports whether it used the key.
func (e *Editor) workshopRune(r rune, win fyne.Window, targets func() []string) bool {
	switch r {
	case '+', '=':
		e.addVotes(win, targets(), 1)
	case '-':
		e.addVotes(win, targets(), -1)
	case 'v', 'V':
		e.promptVotes(win, targets())
	case '?':
		e.promptQuestion(win, targets(), -1)
	default:
		return false
	}
	return true
}

// selectedSteps are the steps selected in the editor.
func (e *Editor) selectedSteps() []string {
	if sel := e.store.Selection(); sel.Kind == state.SelectSteps {
		return sel.IDs
	}
	return nil
}

// editorRune is the editor window's handler of typed characters that no
// widget used: the workshop keys on the selected cards.
func (e *Editor) editorRune(r rune) {
	e.workshopRune(r, e.win, e.selectedSteps)
}

// addVotes adds delta votes to each step of ids, as one edit; with no
// step it says how to pick one.
func (e *Editor) addVotes(win fyne.Window, ids []string, delta int) {
	if len(ids) == 0 {
		e.notify(lang.L("Select a card to vote on"))
		return
	}
	cmds := make([]blueprint.Command, len(ids))
	for i, id := range ids {
		cmds[i] = blueprint.AddVotes(id, delta)
	}
	cmd := cmds[0]
	if len(cmds) > 1 {
		cmd = blueprint.Batch(cmds[0].Label(), cmds...)
	}
	if err := e.store.Apply(cmd); err != nil {
		if delta < 0 {
			e.notify(lang.L("No votes to remove"))
			return
		}
		dialog.ShowError(err, win)
		return
	}
	d := e.Doc()
	if s := d.Step(ids[0]); s != nil && len(ids) == 1 {
		e.notify(lang.L("Votes: {{.Count}}", map[string]any{"Count": s.Votes}))
	}
}

// promptVotes asks for the number of votes of the steps ids: the digits
// typed, then Enter, set it.
func (e *Editor) promptVotes(win fyne.Window, ids []string) {
	if len(ids) == 0 {
		e.notify(lang.L("Select a card to vote on"))
		return
	}
	d := e.Doc()
	// The entry starts empty, so that the digits typed are the count; the
	// current count is its placeholder.
	entry := newPromptEntry()
	entry.SetPlaceHolder("0–" + strconv.Itoa(blueprint.MaxVotes))
	if s := d.Step(ids[0]); s != nil {
		entry.SetPlaceHolder(strconv.Itoa(s.Votes))
	}
	title := lang.L("Set votes")
	what := lang.L("{{.Count}} selected cards", map[string]any{"Count": len(ids)})
	if s := d.Step(ids[0]); s != nil && len(ids) == 1 {
		what = stepTitle(s)
	}
	e.openPrompt(win, title, container.NewVBox(widget.NewLabel(what), entry), []*promptEntry{entry}, nil, func() bool {
		if strings.TrimSpace(entry.Text) == "" {
			return true // Enter alone keeps the count
		}
		n, err := strconv.Atoi(strings.TrimSpace(entry.Text))
		if err != nil || n < 0 || n > blueprint.MaxVotes {
			dialog.ShowError(errors.New(lang.L("Type a whole number of votes from 0 to {{.Max}}", map[string]any{"Max": blueprint.MaxVotes})), win)
			return false
		}
		cmds := make([]blueprint.Command, len(ids))
		for i, id := range ids {
			cmds[i] = blueprint.SetVotes(id, n)
		}
		cmd := cmds[0]
		if len(cmds) > 1 {
			cmd = blueprint.Batch(cmds[0].Label(), cmds...)
		}
		if err := e.store.Apply(cmd); err != nil {
			dialog.ShowError(err, win)
			return false
		}
		return true
	})
}

// questionKindLabels are the kind choices of the question prompt, in the
// order of blueprint.QuestionKinds.
func questionKindLabels() []string {
	return []string{lang.L("Question"), lang.L("Idea"), lang.L("Action")}
}

// questionKindLabel is the label of kind k.
func questionKindLabel(k blueprint.QuestionKind) string {
	for i, kk := range blueprint.QuestionKinds {
		if kk == k {
			return questionKindLabels()[i]
		}
	}
	return questionKindLabels()[0]
}

// promptQuestion captures a question for the parking lot, about the first
// step of ids when there is one; with index ≥ 0 it edits that question
// instead, keeping its step.
func (e *Editor) promptQuestion(win fyne.Window, ids []string, index int) {
	d := e.Doc()
	var q blueprint.Question
	if index >= 0 && index < len(d.Questions) {
		q = d.Questions[index]
	} else if len(ids) > 0 {
		q.Step = ids[0]
	}
	text := newPromptEntry()
	text.SetPlaceHolder(lang.L("What was asked, suggested or agreed"))
	text.SetText(q.Text)
	owner := newPromptEntry()
	owner.SetPlaceHolder(lang.L("Owner (optional)"))
	owner.SetText(q.Owner)
	kind := widget.NewSelect(questionKindLabels(), nil)
	kind.SetSelected(questionKindLabel(q.KindOrDefault()))
	about := lang.L("Not about a card")
	if s := d.Step(q.Step); s != nil {
		about = lang.L("About: {{.Step}}", map[string]any{"Step": stepTitle(s)})
	}
	title := lang.L("Capture a question")
	if index >= 0 {
		title = lang.L("Edit question")
	}
	content := container.NewVBox(widget.NewLabel(about), text, container.NewGridWithColumns(2, kind, owner))
	e.openPrompt(win, title, content, []*promptEntry{text, owner}, kind, func() bool {
		nq := blueprint.Question{Text: strings.TrimSpace(text.Text), Step: q.Step, Owner: strings.TrimSpace(owner.Text)}
		nq.Kind = blueprint.QuestionKinds[max(0, kind.SelectedIndex())]
		var cmd blueprint.Command
		if index >= 0 {
			cmd = blueprint.EditQuestion(index, nq)
		} else {
			cmd = blueprint.AddQuestion(nq, -1)
		}
		if err := e.store.Apply(cmd); err != nil {
			dialog.ShowError(err, win)
			return false
		}
		if index < 0 {
			e.notify(lang.L("Question parked ({{.Count}} in the parking lot)", map[string]any{"Count": len(e.Doc().Questions)}))
		}
		return true
	})
}

// openPrompt shows a small modal form in win with content; Enter in one of
// entries, or OK, runs ok, which closes the form when it returns true.
// The first entry gets the focus.
func (e *Editor) openPrompt(win fyne.Window, title string, content fyne.CanvasObject, entries []*promptEntry, kind *widget.Select, ok func() bool) {
	ws := e.workshopState()
	p := &workshopPrompt{entries: entries, kind: kind}
	p.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	closeIt := func() {
		p.dialog.Hide()
		if ws.prompt == p {
			ws.prompt = nil
		}
		if f, ok := win.Content().(fyne.Focusable); ok {
			win.Canvas().Focus(f)
		} else if win == e.win {
			e.focusBoard()
		}
	}
	p.submit = func() {
		if ok() {
			closeIt()
		}
	}
	cancel := widget.NewButton(lang.L("Cancel"), closeIt)
	confirm := widget.NewButton(lang.L("OK"), p.submit)
	confirm.Importance = widget.HighImportance
	p.dialog.SetButtons([]fyne.CanvasObject{cancel, confirm})
	for _, en := range entries {
		en.OnSubmitted = func(string) { p.submit() }
		en.onEscape = closeIt
	}
	p.dialog.Resize(fyne.NewSize(420, 0))
	ws.prompt = p
	p.dialog.Show()
	if len(entries) > 0 {
		win.Canvas().Focus(entries[0])
	}
}

// stepTitle names a step for people: the first line of its text, or its
// id.
func stepTitle(s *blueprint.Step) string {
	if s.Text == "" {
		return s.ID
	}
	t, _, _ := strings.Cut(s.Text, "\n")
	return t
}

// resetVotes clears every vote, as one edit (Edit > Reset votes).
func (e *Editor) resetVotes() {
	e.commitField()
	if e.Doc().TotalVotes() == 0 {
		e.notify(lang.L("No votes to reset"))
		return
	}
	e.apply(blueprint.ResetVotes())
}

// promptEntry is a one-line entry of a workshop prompt: Enter submits the
// prompt (OnSubmitted) and Esc cancels it.
type promptEntry struct {
	widget.Entry
	onEscape func()
}

func newPromptEntry() *promptEntry {
	e := &promptEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey cancels the prompt on Esc and passes other keys to the entry.
func (e *promptEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}
