package gui

import (
	"image/color"
	"path/filepath"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/blueprint/diff"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
	"servicebp/canvas"
	"servicebp/internal/state"
)

// comparer is compare mode: the board shows the open blueprint with the
// changes from another version of it marked, as `servicebp diff --png`
// draws them, beside a list of the changes. F8 and Shift+F8 (or F7) step
// through them, selecting and centring each; Esc leaves. Edits while
// comparing refresh the marks; opening another blueprint leaves.
type comparer struct {
	e *Editor
	// on is set while compare mode lasts.
	on bool
	// old is the other version and name how the bar names it.
	old  *blueprint.Document
	name string
	// doc is the open document compare mode started on: a new one (a file
	// opened, a reload) ends it.
	doc     *blueprint.Document
	oldLay  *layout.Layout
	changes []diff.Change
	// at is the change stepped to, -1 before the first.
	at int

	installed bool
	view      *fyne.Container
	status    *widget.Label
	list      *widget.List
	// selecting is set while the list is selected from step, so that its
	// OnSelected does not step again.
	selecting bool
}

// comparer returns the editor's compare mode, made on first use.
func (e *Editor) comparer() *comparer {
	if e.compare == nil {
		e.compare = &comparer{e: e, at: -1}
	}
	return e.compare
}

// Comparing reports whether the editor is in compare mode.
func (e *Editor) Comparing() bool { return e.compare != nil && e.compare.on }

// showCompareFile asks for another blueprint file and compares the open
// one with it.
func (e *Editor) showCompareFile() {
	e.showFileOpen(yamlExts, func(path string) { e.CompareWithFile(path) })
}

// CompareWithFile compares the open blueprint with the one in path (File >
// Compare with…); a file that does not load gets its problems shown.
func (e *Editor) CompareWithFile(path string) bool {
	old, _, err := readBlueprint(path)
	if err != nil {
		e.showLoadError(path, err)
		return false
	}
	e.startCompare(old, filepath.Base(path))
	return true
}

// CompareWithHEAD compares the open blueprint with its version at git
// HEAD (File > Compare with git HEAD), or says why it cannot.
func (e *Editor) CompareWithHEAD() bool {
	data, err := gitHead(e.Path())
	if err != nil {
		// In the status bar too, where it stays after the dialog.
		e.notify(err.Error())
		e.showError(err)
		return false
	}
	name := "HEAD:" + filepath.Base(e.Path())
	old, err := blueprint.Parse(name, data)
	if err != nil {
		e.showLoadError(name, err)
		return false
	}
	e.startCompare(old, lang.L("git HEAD"))
	return true
}

// startCompare enters compare mode against old, or refreshes it for a new
// other version.
func (e *Editor) startCompare(old *blueprint.Document, name string) {
	b := e.ui.board
	c := e.comparer()
	c.install(b)
	st := b.Style()
	c.old, c.name, c.doc, c.at = old, name, e.Doc(), -1
	c.oldLay = layout.Compute(old, st, b.Measure())
	c.on = true
	c.refresh()
	e.ui.centre.Objects = []fyne.CanvasObject{c.view}
	e.ui.centre.Refresh()
	b.SetEscapeHandler(func() bool { c.stop(); return true })
	e.focusBoard()
}

// install builds the compare view around b and hooks the history and the
// window's keys, once.
func (c *comparer) install(b *canvas.Board) {
	if c.installed {
		return
	}
	c.installed = true
	e := c.e
	c.status = widget.NewLabel("")
	c.status.Truncation = fyne.TextTruncateEllipsis
	prev := widget.NewButton(lang.L("Previous change"), func() { c.step(-1) })
	next := widget.NewButton(lang.L("Next change"), func() { c.step(1) })
	done := widget.NewButton(lang.L("Leave compare mode"), c.stop)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(prev, next, done), c.status)
	c.list = widget.NewList(
		func() int { return len(c.changes) },
		func() fyne.CanvasObject {
			sw := fcanvas.NewRectangle(color.Transparent)
			sw.SetMinSize(fyne.NewSize(10, 10))
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewCenter(sw), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(c.changes) {
				return
			}
			box := o.(*fyne.Container)
			label := box.Objects[0].(*widget.Label)
			sw := box.Objects[1].(*fyne.Container).Objects[0].(*fcanvas.Rectangle)
			ch := c.changes[i]
			label.SetText(changeText(ch))
			pal := b.Scene().Palette()
			sw.FillColor = draw.ChangeColor(&pal, diff.KindOf(ch))
			sw.Refresh()
		})
	c.list.OnSelected = func(i widget.ListItemID) {
		if !c.selecting {
			c.goTo(i)
		}
	}
	width := fcanvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(320, 0))
	side := container.NewStack(width, c.list)
	c.view = container.NewBorder(bar, nil, nil, side, b)

	// The store tells its subscribers in the order they subscribed, so
	// this runs after the board, which lays the edited document out again.
	e.store.Subscribe(func(ch state.Change) {
		if !c.on || !ch.Document {
			return
		}
		if ch.Replaced || e.Doc() != c.doc {
			c.stop()
			e.notify(lang.L("Compare mode ended: another blueprint is open"))
			return
		}
		c.refresh()
	})
	cv := e.win.Canvas()
	keys := cv.OnTypedKey()
	cv.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if c.on && c.key(ev) {
			return
		}
		if keys != nil {
			keys(ev)
		}
	})
}

// key handles compare mode's keys: F8 is the next change, Shift+F8 and F7
// the previous one, Esc leaves.
func (c *comparer) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyF8:
		if c.e.ui.board.Modifiers()&fyne.KeyModifierShift != 0 {
			c.step(-1)
		} else {
			c.step(1)
		}
	case fyne.KeyF7:
		c.step(-1)
	case fyne.KeyEscape:
		c.stop()
	default:
		return false
	}
	return true
}

// refresh compares again and marks the board's current layout.
func (c *comparer) refresh() {
	b := c.e.ui.board
	if !c.on {
		return
	}
	doc := c.e.Doc()
	c.changes = diff.Compare(c.old, doc)
	c.at = min(c.at, len(c.changes)-1)
	st := b.Style()
	marks := diff.Marks(c.changes, diff.Picture{
		Old: c.old, New: doc, OldLayout: c.oldLay, NewLayout: b.Layout(),
		Style: st, Measure: b.Measure(), Words: diff.WordsIn(uiLanguage()),
	})
	b.Scene().SetChanges(marks)
	c.list.Refresh()
	c.status.SetText(c.summary())
}

// summary is the bar's text: what is compared, how many changes, and
// which one is stepped to.
func (c *comparer) summary() string {
	args := map[string]any{"Name": c.name, "Count": len(c.changes), "At": c.at + 1}
	switch {
	case len(c.changes) == 0:
		return lang.L("Comparing with {{.Name}}: no changes", args)
	case c.at < 0:
		return lang.L("Comparing with {{.Name}}: {{.Count}} changes (F8: next)", args)
	}
	return lang.L("Comparing with {{.Name}}: change {{.At}} of {{.Count}}", args)
}

// step moves to the next (delta 1) or previous (-1) change, wrapping.
func (c *comparer) step(delta int) {
	n := len(c.changes)
	if !c.on || n == 0 {
		return
	}
	at := c.at + delta
	if c.at < 0 && delta < 0 {
		at = n - 1
	}
	c.goTo((at%n + n) % n)
}

// goTo makes change i the current one: selected in the list, its element
// selected on the board and centred.
func (c *comparer) goTo(i int) {
	if i < 0 || i >= len(c.changes) {
		return
	}
	c.at = i
	c.selecting = true
	c.list.Select(i)
	c.selecting = false
	c.status.SetText(c.summary())
	b := c.e.ui.board
	sel, r, ok := c.target(b, c.changes[i])
	c.e.SetSelection(sel)
	if ok {
		b.CenterOn(r)
	}
}

// target is what the board selects for change ch and the rectangle it
// centres: a step's card (or a removed step's ghost), a flow's route, a
// lane's band or a column; ok is false when the change has no place on
// the board.
func (c *comparer) target(b *canvas.Board, ch diff.Change) (state.Selection, layout.Rect, bool) {
	l := b.Layout()
	switch ch.Element {
	case diff.Step:
		if r, ok := l.CardRect(ch.ID); ok {
			return state.StepSelection(ch.ID), r, true
		}
		if m := b.Scene().Changes(); m != nil {
			for _, g := range m.Ghosts {
				if g.StepID == ch.ID {
					return state.Selection{}, g.Rect, true
				}
			}
		}
	case diff.Flow:
		if from, to, ok := cutFlowID(ch.ID); ok {
			if rt := l.Route(layout.FlowKey{From: from, To: to}); rt != nil {
				return state.Selection{Kind: state.SelectFlow, IDs: []string{from, to}}, rt.Bounds(), true
			}
		}
	case diff.Lane:
		for _, ln := range l.Lanes {
			if ln.ID == ch.ID {
				return state.Selection{Kind: state.SelectLane, IDs: []string{ch.ID}}, ln.Header, true
			}
		}
	case diff.Column:
		for _, col := range l.Columns {
			if col.ID == ch.ID {
				return state.Selection{Kind: state.SelectColumn, IDs: []string{ch.ID}}, col.Rect, true
			}
		}
	}
	return state.Selection{}, layout.Rect{}, false
}

// stop leaves compare mode: the marks go and the board fills the centre
// again.
func (c *comparer) stop() {
	if !c.on {
		return
	}
	c.on = false
	b := c.e.ui.board
	b.Scene().SetChanges(nil)
	b.SetEscapeHandler(nil)
	c.e.ui.centre.Objects = []fyne.CanvasObject{b}
	c.e.ui.centre.Refresh()
	c.changes, c.at = nil, -1
	c.list.UnselectAll()
	c.list.Refresh()
	c.e.focusBoard()
}
