package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// choice is one button of a question.
type choice struct {
	label      string
	importance widget.Importance
	action     func()
}

// question is a modal dialog with a message and a row of buttons; the
// editor keeps the open one so that tests can answer it.
type question struct {
	title   string
	message string
	dialog  *dialog.CustomDialog
	content fyne.CanvasObject
	buttons []*widget.Button
	// def is the button Enter presses (the one of high importance), and
	// cancel the one Esc presses (the first); either may be nil.
	def, cancel *widget.Button
	// under is the question that was open when this one opened over it;
	// closed is set once this one is answered or hidden.
	under  *question
	closed bool
}

// openQuestion makes q the question Enter and Esc answer, over the one
// open before it.
func (e *Editor) openQuestion(q *question) {
	if q != e.question {
		q.under = e.question
	}
	q.closed = false
	e.question = q
}

// closeQuestion hides q; if it was the one answering Enter and Esc, the
// question under it that is still open takes them again (a crash
// recovery prompt shown over the report on a bad file hands the keys
// back to the report).
func (e *Editor) closeQuestion(q *question) {
	if q == nil {
		return
	}
	q.dialog.Hide()
	q.closed = true
	if e.question != q {
		return
	}
	under := q.under
	for under != nil && under.closed {
		under = under.under
	}
	e.question = under
}

// ask shows a modal question. Each button closes the dialog and then runs
// its action.
func (e *Editor) ask(title, message string, choices ...choice) *question {
	label := widget.NewLabel(message)
	label.Wrapping = fyne.TextWrapWord
	return e.askWith(title, message, label, choices...)
}

// askWith shows a modal dialog with content and one button per choice.
func (e *Editor) askWith(title, message string, content fyne.CanvasObject, choices ...choice) *question {
	q := &question{title: title, message: message, content: content}
	q.dialog = dialog.NewCustomWithoutButtons(title, content, e.win)
	objs := make([]fyne.CanvasObject, len(choices))
	for i, c := range choices {
		b := widget.NewButton(c.label, func() {
			e.closeQuestion(q)
			if c.action != nil {
				c.action()
			}
		})
		b.Importance = c.importance
		if c.importance == widget.HighImportance {
			q.def = b
		}
		if i == 0 {
			q.cancel = b
		}
		q.buttons = append(q.buttons, b)
		objs[i] = b
	}
	q.dialog.SetButtons(objs)
	q.dialog.Resize(fyne.NewSize(460, 0))
	e.openQuestion(q)
	q.dialog.Show()
	return q
}

// questionKey lets Enter press the open question's default button and Esc
// its first. It reports whether it used the key.
func (e *Editor) questionKey(name fyne.KeyName) bool {
	q := e.question
	if q == nil {
		return false
	}
	var b *widget.Button
	switch name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b = q.def
	case fyne.KeyEscape:
		b = q.cancel
	}
	if b == nil || b.Disabled() {
		return b != nil // a disabled default takes Enter and does nothing
	}
	b.OnTapped()
	return true
}

// button returns the question's button labelled label, or nil.
func (q *question) button(label string) *widget.Button {
	for _, b := range q.buttons {
		if b.Text == label {
			return b
		}
	}
	return nil
}

// showError reports err in a dialog.
func (e *Editor) showError(err error) {
	dialog.ShowError(err, e.win)
}

// showProblems lists problems, one per line, in a scrollable dialog
// whose lines wrap; extra choices come before OK.
func (e *Editor) showProblems(title string, lines []string, extra ...choice) {
	choices := append(extra, choice{label: lang.L("OK"), importance: widget.HighImportance})
	q := e.askWith(title, strings.Join(lines, "\n"), problemsView(lines), choices...)
	q.dialog.Resize(fyne.NewSize(660, 0))
}

// problemsView shows lines, one problem each, wrapping, in a scroll that
// grows with them up to a limit.
func problemsView(lines []string) fyne.CanvasObject {
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(600, min(float32(len(lines))*48+16, 320)))
	return scroll
}
