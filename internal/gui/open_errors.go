package gui

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// This file is what the editor does with a file it cannot open: the
// problems, listed with their lines, and the ways on from there.

// pristine reports whether the open blueprint is the untitled one the
// editor starts with, untouched: a file that cannot be opened is then
// reported on its own, not over a blueprint the user never asked for.
func (e *Editor) pristine() bool {
	return e.Path() == "" && !e.Dirty() && !e.store.CanUndo() && !e.store.CanRedo()
}

// showLoadError shows the problems found in the file at path, with their
// lines. With a blueprint of the user's open, that blueprint stays; over
// the untouched untitled one (servicebp bad.yaml), the window shows only
// the report, titled after the file, until the user picks a way on.
func (e *Editor) showLoadError(path string, err error) {
	lines := problemLines(err)
	title := lang.L("Cannot open {{.Name}}", map[string]any{"Name": filepath.Base(path)})
	var extra []choice
	if st, serr := os.Stat(path); serr == nil && st.Mode().IsRegular() {
		extra = append(extra, choice{label: lang.L("Open in a text editor"), action: func() {
			e.openInTextEditor(path)
			if e.reporting != "" {
				e.showLoadError(path, err)
			}
		}})
	}
	if data, rerr := blueprint.ReadFile(path); rerr == nil {
		if d := blueprint.ParseValid(path, data); d != nil {
			extra = append(extra, choice{label: lang.L("Open what is valid"), action: func() {
				e.endReport()
				e.openPartial(d, path, data)
			}})
		}
	}
	if !e.pristine() {
		e.showProblems(title, lines, extra...)
		return
	}
	e.startReport(path)
	if n := len(extra); n > 0 && extra[n-1].label == lang.L("Open what is valid") {
		extra[n-1].importance = widget.HighImportance
	}
	choices := []choice{
		{label: lang.L("New blueprint"), action: e.endReport},
		{label: lang.L("Open another…"), action: func() {
			e.showFileOpenOr(yamlExts, func(p string) {
				e.endReport()
				e.openPath(p)
			}, func() { e.showLoadError(path, err) })
		}},
		{label: lang.L("Try again"), action: func() {
			e.endReport()
			e.openPath(path)
		}},
	}
	if e.reportQ != nil {
		e.closeQuestion(e.reportQ)
	}
	e.reportQ = e.askWith(title, strings.Join(lines, "\n"), problemsView(lines), append(choices, extra...)...)
	e.reportQ.dialog.Resize(fyne.NewSize(760, 0))
}

// problemLines is err as the lines a problems dialog lists: one
// FILE:LINE:COL: message per problem.
func problemLines(err error) []string {
	var list blueprint.ErrorList
	if !errors.As(err, &list) {
		return []string{err.Error()}
	}
	lines := make([]string, 0, len(list))
	for _, p := range list {
		lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(p.File), p.Line, p.Col, p.Msg))
	}
	return lines
}

// startReport hides the untouched untitled blueprint behind the report on
// path, and titles the window after the file. A blueprint opened or
// started by other means (the File menu's shortcuts still work) ends the
// report.
func (e *Editor) startReport(path string) {
	if e.reporting == "" {
		e.reportHidden = e.win.Content()
		e.win.SetContent(container.NewStack())
		e.reportEnd = e.store.Subscribe(func(c state.Change) {
			if c.Replaced {
				e.endReport()
			}
		})
	}
	e.reporting = path
	e.updateTitle()
}

// endReport shows the editor again after a report (see startReport).
func (e *Editor) endReport() {
	if e.reporting == "" {
		return
	}
	e.reporting = ""
	e.win.SetContent(e.reportHidden)
	e.reportHidden = nil
	e.reportEnd()
	e.reportEnd = nil
	if q := e.reportQ; q != nil {
		e.reportQ = nil
		e.closeQuestion(q)
	}
	e.updateTitle()
	e.focusBoard()
}

// openInTextEditor opens the file at path in the program the system
// edits it with.
func (e *Editor) openInTextEditor(path string) {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = e.openExternal(u)
	}
	if err != nil {
		e.showError(fmt.Errorf("%s: %w", lang.L("Could not open a text editor"), err))
	}
}

// openPartial opens d, the part of the file at path (which holds data)
// that has no errors, as that file: it counts as unsaved, and saving it
// there asks first, since it drops what had errors.
func (e *Editor) openPartial(d *blueprint.Document, path string, data []byte) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	e.store.OpenPartial(d, path)
	e.watch.remember(data)
	e.addRecent(path)
	e.focusBoard()
	e.notify(lang.L("Opened the valid part of {{.Name}}, leaving out what has errors; saving asks before it replaces the file", map[string]any{"Name": filepath.Base(path)}))
}

// askReplacePartial asks before a save writes the valid part of a file
// with errors (see openPartial) over that file, path.
func (e *Editor) askReplacePartial(path string, done func()) {
	e.ask(lang.L("Replace {{.Name}}?", map[string]any{"Name": filepath.Base(path)}),
		lang.L("This blueprint is the part of {{.Name}} that had no errors. Saving it there drops from the file what had errors. Save it as another file to keep the original as it is.", map[string]any{"Name": filepath.Base(path)}),
		choice{label: lang.L("Cancel")},
		choice{label: lang.L("Save as…"), action: func() { e.saveAs(done) }},
		choice{label: lang.L("Replace"), importance: widget.DangerImportance, action: func() { e.writeChecked(path, done) }},
	)
}
