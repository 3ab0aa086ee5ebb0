package gui

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
)

// recoveredText is the window on the raw text of a journal that does not
// load: the text, read-only and selectable, with buttons to save it as a
// file or copy it, to keep the journal for later, or to discard it. Saving
// and copying leave the window open and the journal on disk.
type recoveredText struct {
	e      *Editor
	o      *orphan
	q      *question
	body   *widget.Label
	status *widget.Label
}

// showRecoveredText shows the raw text of the journal o.
func (e *Editor) showRecoveredText(o *orphan) *recoveredText {
	text := string(o.data)
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	name := e.displayName()
	note := widget.NewLabel(lang.L("This is the text of the unsaved changes of {{.Name}}, as they were kept. It does not load as a blueprint: save it as a file to mend it by hand, or copy it.",
		map[string]any{"Name": name}))
	note.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(note, problemLabel(problemText(o.err, 1)))
	r := &recoveredText{e: e, o: o, body: widget.NewLabel(text), status: widget.NewLabel("")}
	r.body.Selectable = true
	r.body.TextStyle = fyne.TextStyle{Monospace: true}
	scroll := container.NewScroll(r.body)
	scroll.SetMinSize(fyne.NewSize(640, 300))
	frame := fcanvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	frame.CornerRadius = theme.InputRadiusSize()
	r.status.Importance = widget.SuccessImportance
	content := container.NewBorder(head, r.status, nil, nil, container.NewStack(frame, scroll))

	title := lang.L("Recovered text of {{.Name}}", map[string]any{"Name": name})
	q := &question{title: title, message: text}
	q.dialog = dialog.NewCustomWithoutButtons(title, content, e.win)
	r.q = q
	keep := widget.NewButton(lang.L("Keep for later"), func() {
		r.hide(e)
		o.lock.release()
		e.journalDone()
	})
	discard := widget.NewButton(lang.L("Discard the journal"), func() {
		r.hide(e)
		e.confirmDiscardJournal(o, r)
	})
	discard.Importance = widget.DangerImportance
	copyText := widget.NewButton(lang.L("Copy"), func() {
		e.app.Clipboard().SetContent(text)
		r.status.SetText(lang.L("Copied the text to the clipboard"))
	})
	save := widget.NewButton(lang.L("Save as file…"), func() {
		e.askSavePath(recoveredFileName(e), yamlExts, func(path string) { r.saveTo(path) })
	})
	save.Importance = widget.HighImportance
	// The destructive button stands apart, at the left end.
	q.buttons = []*widget.Button{discard, keep, copyText, save}
	q.cancel, q.def = keep, save
	q.dialog.SetButtons([]fyne.CanvasObject{discard, layout.NewSpacer(), keep, copyText, save})
	q.dialog.Resize(fyne.NewSize(760, 540))
	e.auto.recovered = r
	r.show(e)
	return r
}

// saveTo writes the journal's text, byte for byte, to path and reports
// whether it did. The journal stays.
func (r *recoveredText) saveTo(path string) bool {
	if err := blueprint.WriteFileAtomic(path, r.o.data, 0o644); err != nil {
		r.e.showError(fmt.Errorf("%s: %w", lang.L("Could not save"), err))
		return false
	}
	r.status.SetText(lang.L("Saved the text as {{.Name}}; the journal stays until you discard it",
		map[string]any{"Name": filepath.Base(path)}))
	return true
}

func (r *recoveredText) show(e *Editor) {
	e.openQuestion(r.q)
	r.q.dialog.Show()
}

func (r *recoveredText) hide(e *Editor) {
	e.closeQuestion(r.q)
}

// confirmDiscardJournal asks before deleting the journal o for good;
// Cancel goes back to its text.
func (e *Editor) confirmDiscardJournal(o *orphan, r *recoveredText) {
	e.ask(lang.L("Discard the recovered text?"),
		lang.L("The unsaved changes of {{.Name}} are deleted for good.", map[string]any{"Name": e.displayName()}),
		choice{label: lang.L("Cancel"), action: func() { r.show(e) }},
		choice{label: lang.L("Discard"), importance: widget.DangerImportance, action: func() {
			o.lock.remove()
			e.journalDone()
		}},
	)
}

// recoveredFileName is the name offered for saving recovered text:
// the blueprint's, with "-recovered".
func recoveredFileName(e *Editor) string {
	return strings.TrimSuffix(suggestedFileName(e), filepath.Ext(suggestedFileName(e))) + "-recovered.yaml"
}
