package gui

import (
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/canvas"
	"servicebp/internal/state"
)

// Preference keys.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// Default and minimum window sizes.
var (
	defaultWindowSize = fyne.NewSize(1280, 800)
	minWindowSize     = fyne.NewSize(480, 320)
)

// shell holds the window's widgets around the board.
type shell struct {
	centre    *fyne.Container
	board     *canvas.Board
	outline   *outline
	inspector *inspector
	status    *widget.Label
	// zoom is the board's zoom, in the status bar.
	zoom      *widget.Label
	notice    *widget.Label
	noticeGen int
	// modeHint is the board mode's hint the notice shows, "" for none
	// (see showModeHint).
	modeHint string
	menus    *menus
}

func (e *Editor) buildUI() {
	s := &shell{
		status: widget.NewLabel(""),
		zoom:   widget.NewLabel(""),
		notice: widget.NewLabel(""),
	}
	s.notice.Importance = widget.HighImportance
	// A long notice (the findings of a hovered card) is cut with an
	// ellipsis rather than widening the window past the screen.
	s.notice.Truncation = fyne.TextTruncateEllipsis
	s.outline = newOutline(e)
	s.inspector = newInspector(e)
	s.centre = container.NewStack()
	e.ui = s
	e.timerView = newTimerView(e)
	e.installBoard()
	e.actions = e.actionTable(s.board)
	s.board.SetKeyMap(e.actions)
	s.menus = newMenus(e)
	e.win.SetMainMenu(s.menus.main)
	// The side panel comes after the board so that it is drawn over any
	// part of the drawing that reaches past the board's edge.
	e.lint = newAnalyser(e)
	side := container.NewVSplit(s.inspector.pane(), e.lint.panels(s.outline))
	side.Offset = 0.62
	split := container.NewHSplit(s.centre, side)
	split.Offset = 0.74
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(s.status, s.zoom, e.timerView.object()), s.notice)
	e.win.SetContent(container.NewBorder(nil, bar, nil, nil, split))
	e.addShortcuts()
	e.installPhotos()
	e.store.Subscribe(func(c state.Change) {
		if c.Document || c.Saved || c.File {
			e.updateTitle()
		}
	})
	e.updateTitle()
	e.lint.schedule()
	e.lint.flush()
}

// untitledName is the display name of a blueprint with no file.
func untitledName() string { return lang.L("Untitled") }

// displayName is the open file's base name, or the untitled name.
func (e *Editor) displayName() string {
	if e.Path() == "" {
		return untitledName()
	}
	return filepath.Base(e.Path())
}

// windowTitle is "name.yaml — servicebp", with a leading "• " while there
// are unsaved changes.
func (e *Editor) windowTitle() string {
	if e.reporting != "" {
		// Not "Untitled": the window shows only the report on that file.
		return lang.L("Cannot open {{.Name}}", map[string]any{"Name": filepath.Base(e.reporting)}) + " — servicebp"
	}
	t := e.displayName() + " — servicebp"
	if e.Dirty() {
		t = "• " + t
	}
	return t
}

func (e *Editor) updateTitle() {
	if t := e.windowTitle(); e.win.Title() != t {
		e.win.SetTitle(t)
	}
	if e.ui != nil {
		d := e.Doc()
		e.ui.status.SetText(lang.L("Steps: {{.Steps}} · Columns: {{.Columns}} · Lanes: {{.Lanes}}",
			map[string]any{"Steps": len(d.Steps), "Columns": len(d.Columns), "Lanes": len(d.Lanes)}))
	}
}

// notify shows a short non-modal message in the status bar.
func (e *Editor) notify(msg string) {
	s := e.ui
	s.noticeGen++
	gen := s.noticeGen
	s.notice.SetText(msg)
	if e.opts.NoticeTime < 0 {
		return
	}
	time.AfterFunc(e.opts.NoticeTime, func() {
		fyne.Do(func() {
			if s.noticeGen == gen {
				s.notice.SetText("")
			}
		})
	})
}

// restoreWindowSize sizes the window as it was when last closed.
func (e *Editor) restoreWindowSize() {
	p := e.app.Preferences()
	w := p.FloatWithFallback(prefWidth, float64(defaultWindowSize.Width))
	h := p.FloatWithFallback(prefHeight, float64(defaultWindowSize.Height))
	size := fyne.NewSize(max(float32(w), minWindowSize.Width), max(float32(h), minWindowSize.Height))
	e.win.Resize(size)
}

// rememberWindowSize stores the window size in the preferences.
func (e *Editor) rememberWindowSize() {
	size := e.win.Canvas().Size()
	if size.Width < minWindowSize.Width || size.Height < minWindowSize.Height {
		return
	}
	p := e.app.Preferences()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
}
