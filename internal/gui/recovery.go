package gui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// Recovery never deletes a journal the user has not decided on. At start
// the editor offers, one after another, every journal of the open
// blueprint whose editor is gone:
//   - one that loads, newer than the file: Restore or Discard;
//   - one that loads, but older than the file (a git checkout after a
//     crash): Restore unsaved changes, or Keep the file, which sets the
//     journal aside in the cache folder's set-aside folder;
//   - one that does not load: its raw text, to save or copy, or Keep for
//     later, which leaves it for the next start.
//
// A journal whose blueprint is the same as the file's holds no unsaved
// work and is removed without a question.

// setAsideDir is the folder, in the cache folder, of the journals set
// aside by Keep the file.
const setAsideDir = "set-aside"

// orphan is a journal left by an editor that is gone, locked by this
// editor while it is offered.
type orphan struct {
	journal string
	lock    *journalLock
	mod     time.Time
	// data is the journal's text, nil when it could not be read; doc is
	// its blueprint, nil when it does not load; err says why not.
	data []byte
	doc  *blueprint.Document
	err  error
}

// orphans locks and reads the journals of the open blueprint whose editor
// is gone, newest first.
func (a *autosaver) orphans() []*orphan {
	dir := a.e.opts.CacheDir
	removeStaleLocks(dir)
	paths, err := journalsOf(dir, a.e.Path())
	if err != nil {
		fyne.LogError("servicebp: looking for autosave journals", err)
		return nil
	}
	var out []*orphan
	for _, jp := range paths {
		if a.lock != nil && jp == a.lock.journal {
			continue
		}
		l, err := lockJournal(jp)
		if err != nil {
			if !errors.Is(err, errJournalBusy) {
				fyne.LogError("servicebp: looking for autosave journals", err)
			}
			continue
		}
		if o := readOrphan(jp, l); o != nil {
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(x, y *orphan) int { return y.mod.Compare(x.mod) })
	return out
}

// readOrphan reads the journal jp, whose lock l this editor holds. It
// returns nil, and drops the lock, when the journal is gone.
func readOrphan(jp string, l *journalLock) *orphan {
	o := &orphan{journal: jp, lock: l}
	st, err := os.Lstat(jp)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		l.remove() // its editor removed it after we listed it
		return nil
	case err != nil:
		o.err = err
		return o
	case !st.Mode().IsRegular():
		o.mod = st.ModTime()
		o.err = fmt.Errorf("%s:1:1: is not a regular file", filepath.Base(jp))
		return o
	}
	o.mod = st.ModTime()
	if o.data, o.err = blueprint.ReadFile(jp); o.err != nil {
		return o
	}
	o.doc, o.err = blueprint.Parse(jp, o.data)
	return o
}

// offerRecovery offers the journals of the open blueprint left by editors
// that are gone.
func (e *Editor) offerRecovery() {
	e.auto.pending = e.auto.orphans()
	e.offerJournal()
}

// offerJournal offers the first pending journal; its answer calls
// journalDone, which offers the next.
func (e *Editor) offerJournal() {
	for len(e.auto.pending) > 0 {
		o := e.auto.pending[0]
		switch {
		case o.doc == nil:
			e.offerUnreadable(o)
		case e.sameAsOpen(o.doc):
			o.lock.remove()
			e.auto.pending = e.auto.pending[1:]
			continue
		default:
			if ft, ok := e.fileTime(); ok && !o.mod.After(ft) {
				e.offerNewerFile(o, ft)
			} else {
				e.offerRestore(o)
			}
		}
		return
	}
}

// journalDone drops the journal just answered and offers the next.
func (e *Editor) journalDone() {
	if len(e.auto.pending) > 0 {
		e.auto.pending = e.auto.pending[1:]
	}
	e.offerJournal()
}

// sameAsOpen reports whether d is the open blueprint, written out.
func (e *Editor) sameAsOpen(d *blueprint.Document) bool {
	a, aerr := blueprint.Marshal(d)
	b, berr := blueprint.Marshal(e.Doc())
	return aerr == nil && berr == nil && bytes.Equal(a, b)
}

// fileTime is the open file's modification time, if it has a file.
func (e *Editor) fileTime() (time.Time, bool) {
	if e.Path() == "" {
		return time.Time{}, false
	}
	st, err := os.Stat(e.Path())
	if err != nil {
		return time.Time{}, false
	}
	return st.ModTime(), true
}

// Times in recovery questions.
const (
	recoveryTime = "2006-01-02 15:04"
	exactTime    = "2006-01-02 15:04:05"
)

// offerRestore asks about a journal newer than the file.
func (e *Editor) offerRestore(o *orphan) {
	e.ask(lang.L("Restore unsaved changes?"),
		lang.L("{{.Name}} has changes from {{.Time}} that were never saved. Restore them?",
			map[string]any{"Name": e.displayName(), "Time": o.mod.Format(recoveryTime)}),
		choice{label: lang.L("Discard"), importance: widget.DangerImportance, action: func() {
			o.lock.remove()
			e.journalDone()
		}},
		choice{label: lang.L("Restore"), importance: widget.HighImportance, action: func() {
			e.restore(o)
			e.journalDone()
		}},
	)
}

// offerNewerFile asks about a journal older than the file it belongs to,
// naming both times.
func (e *Editor) offerNewerFile(o *orphan, fileTime time.Time) {
	intro := lang.L("{{.Name}} was changed after its unsaved changes were kept, by a git checkout for example.",
		map[string]any{"Name": e.displayName()})
	rows := [][2]string{
		{lang.L("Unsaved changes"), o.mod.Format(exactTime)},
		{lang.L("File changed"), fileTime.Format(exactTime)},
	}
	outro := lang.L("Restore the changes in place of the file's newer content, or keep the file and set the changes aside?")
	times := container.New(layout.NewFormLayout())
	var msg []string
	for _, r := range rows {
		times.Add(widget.NewLabelWithStyle(r[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		times.Add(widget.NewLabel(r[1]))
		msg = append(msg, r[0]+": "+r[1])
	}
	content := container.NewVBox(wrapped(intro), times, wrapped(outro))
	q := e.askWith(lang.L("The file is newer than its unsaved changes"),
		strings.Join(append(append([]string{intro}, msg...), outro), "\n"), content,
		choice{label: lang.L("Keep the file"), action: func() {
			e.setAside(o)
			e.journalDone()
		}},
		choice{label: lang.L("Restore unsaved changes"), importance: widget.HighImportance, action: func() {
			e.restore(o)
			e.journalDone()
		}},
	)
	q.dialog.Resize(fyne.NewSize(520, 0))
}

// offerUnreadable tells that a journal does not load and offers its raw
// text; Keep for later leaves it on disk for the next start.
func (e *Editor) offerUnreadable(o *orphan) {
	choices := []choice{{label: lang.L("Keep for later"), action: func() {
		o.lock.release()
		e.journalDone()
	}}}
	if o.data != nil {
		choices = append(choices, choice{label: lang.L("Open the recovered text"), importance: widget.HighImportance, action: func() {
			e.showRecoveredText(o)
		}})
	}
	intro := lang.L("The changes kept at {{.Time}} do not load as a blueprint. They stay on disk until you discard them.",
		map[string]any{"Time": o.mod.Format(recoveryTime)})
	problem := problemText(o.err, 3)
	content := container.NewVBox(wrapped(intro), problemLabel(problem), pathLabel(o.journal))
	q := e.askWith(lang.L("The unsaved changes of {{.Name}} could not be read back", map[string]any{"Name": e.displayName()}),
		intro+"\n"+problem+"\n"+o.journal, content, choices...)
	q.dialog.Resize(fyne.NewSize(560, 0))
}

// wrapped is a label of text wrapped at words.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// problemLabel shows why a journal does not load, in monospace.
func problemLabel(problem string) *widget.Label {
	l := widget.NewLabelWithStyle(problem, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return l
}

// pathLabel shows where a journal is, selectable so that it can be
// copied.
func pathLabel(path string) *widget.Label {
	l := widget.NewLabelWithStyle(path, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	l.Wrapping = fyne.TextWrapBreak
	l.Selectable = true
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// problemText is the first limit problems of err, one per line, with the
// journal's base name in place of its path.
func problemText(err error, limit int) string {
	if err == nil {
		err = errUnknown
	}
	var list blueprint.ErrorList
	var lines []string
	if errors.As(err, &list) {
		for _, p := range list {
			lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(p.File), p.Line, p.Col, p.Msg))
		}
	} else {
		lines = strings.Split(err.Error(), "\n")
	}
	if len(lines) > limit {
		lines = append(lines[:limit], lang.L("(and {{.Count}} more)", map[string]any{"Count": len(lines) - limit}))
	}
	return strings.Join(lines, "\n")
}

var errUnknown = errors.New("unknown problem")

// restore replaces the blueprint with the journal's as one undoable edit,
// so that it counts as unsaved until saved or discarded and Undo goes back
// to the file as it is on disk. The journal is removed once this editor
// has journalled the restored blueprint itself.
func (e *Editor) restore(o *orphan) {
	e.store.Select(state.Selection{})
	if !e.apply(blueprint.ReplaceDocument(o.doc)) {
		o.lock.release()
		return
	}
	if e.auto.flush() {
		o.lock.remove()
	} else {
		o.lock.release()
	}
	e.notify(lang.L("Restored unsaved changes to {{.Name}}", map[string]any{"Name": filepath.Base(e.displayName())}))
}

// setAside moves the journal into the set-aside folder, where recovery
// does not look, and tells where it went.
func (e *Editor) setAside(o *orphan) {
	dest, err := moveAside(o.journal, filepath.Join(e.opts.CacheDir, setAsideDir))
	if err != nil {
		o.lock.release()
		e.showError(fmt.Errorf("%s: %w", lang.L("Could not set the unsaved changes aside"), err))
		return
	}
	o.lock.remove() // only the lock file is left to remove
	e.notify(lang.L("Set the unsaved changes aside in {{.Path}}", map[string]any{"Path": dest}))
}

// moveAside renames the journal jp into dir, under a name no other file
// there has, and returns its new path.
func moveAside(jp, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create %s: %w", dir, err)
	}
	base := strings.TrimSuffix(filepath.Base(jp), ".yaml")
	dest := filepath.Join(dir, base+".yaml")
	for i := 2; i < 1000; i++ {
		if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
			if err := os.Rename(jp, dest); err != nil {
				return "", fmt.Errorf("move the journal aside: %w", err)
			}
			return dest, nil
		}
		dest = filepath.Join(dir, fmt.Sprintf("%s.%d.yaml", base, i))
	}
	return "", fmt.Errorf("move the journal aside: %s has too many journals named %s", dir, base)
}
