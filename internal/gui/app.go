// Package gui is servicebp's desktop editor: the application shell around
// the interactive board (window, menus, files, unsaved-changes prompts,
// autosave and recovery, reloading on external change, the inspector panel
// and the translations). The editor's state (the document and its
// history, the selection, the file) lives in a state.Store; every view
// subscribes to it, and every change to the open blueprint is a blueprint
// command applied through it.
package gui

import (
	"net/url"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
	"servicebp/canvas"
	"servicebp/internal/state"
)

// AppID is the application id; Fyne keys the preferences on it.
const AppID = "dev.servicebp.app"

// GUI starts the desktop editor; it implements cli.GUI.
type GUI struct{}

// Open runs the editor on path, or on a new untitled blueprint when path is
// empty, and returns the exit code when the window closes.
func (GUI) Open(path string) int {
	a := app.NewWithID(AppID)
	e := NewEditor(a, Options{})
	e.Start(path)
	a.Run()
	return 0
}

// Present shows path fullscreen in presentation mode; Esc quits.
func (GUI) Present(path, theme string, curve bool, lang i18n.Lang) int {
	return presentFile(path, theme, curve, lang)
}

// Options tune an Editor; the zero value gives the defaults.
type Options struct {
	// CacheDir is where autosave journals go; default
	// os.UserCacheDir()/servicebp.
	CacheDir string
	// AutosaveDelay is how long after an edit the journal is written;
	// default 3 s.
	AutosaveDelay time.Duration
	// NoticeTime is how long a notice stays in the status bar; default
	// 6 s. A negative time keeps notices until the next one.
	NoticeTime time.Duration
	// WatchInterval is how often the open file is checked for changes on
	// disk; default 1 s. A negative interval turns watching off.
	WatchInterval time.Duration
	// AnalysisDelay is how long after the last edit the findings and
	// stats are refreshed; default 300 ms. A negative delay refreshes them
	// only on demand.
	AnalysisDelay time.Duration
	// Clock is the workshop timer's time; nil is time.Now.
	Clock func() time.Time
	// TimerTick is how often a running timer is redrawn; default
	// canvas.TimerTick. A negative tick never redraws by itself: tests
	// call Tick.
	TimerTick time.Duration
	// PhotosInForeground reads the steps' photos on the window's goroutine
	// when they are first shown, instead of in the background with their
	// placeholders showing meanwhile; tests set it.
	PhotosInForeground bool
}

func (o Options) withDefaults() Options {
	if o.CacheDir == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = os.TempDir()
		}
		o.CacheDir = filepath.Join(dir, "servicebp")
	}
	if o.AutosaveDelay == 0 {
		o.AutosaveDelay = 3 * time.Second
	}
	if o.NoticeTime == 0 {
		o.NoticeTime = 6 * time.Second
	}
	if o.WatchInterval == 0 {
		o.WatchInterval = time.Second
	}
	if o.TimerTick == 0 {
		o.TimerTick = canvas.TimerTick
	}
	return o
}

// Editor is one editor window on one blueprint.
type Editor struct {
	app  fyne.App
	win  fyne.Window
	opts Options

	// store holds the open blueprint, its history, the selection and the
	// file; the views below follow it.
	store *state.Store

	// actions is the one table of actions (see actionTable).
	actions  []canvas.Action
	ui       *shell
	auto     *autosaver
	watch    *watcher
	lint     *analyser
	question *question
	// timerView is the workshop timer and its place in the status bar.
	timerView *timerView
	// shortcuts is the open keyboard-shortcuts dialog, or the last one.
	shortcuts *shortcutsDialog
	// templates is the open New from template dialog, or the last one.
	templates *templatesDialog
	// presenter runs View > Present; nil until presentation mode exists.
	presenter func()
	// compare is compare mode (see compare.go), nil until first used.
	compare *comparer
	// workshop is the state of the vote and question keys; see
	// workshop.go.
	workshop *workshop
	// photos are the steps' photos (see photos.go).
	photos *photos
	// openExternal opens a file or address in the program the system
	// uses for it (Fyne's OpenURL); tests replace it.
	openExternal func(*url.URL) error
	// reporting is the file whose problems the window shows in place of
	// the untouched untitled blueprint (see showLoadError), "" when none;
	// reportHidden is the window's content meanwhile, reportQ the report
	// and reportEnd the store subscription that ends it.
	reporting    string
	reportHidden fyne.CanvasObject
	reportQ      *question
	reportEnd    func()
}

// NewEditor makes an editor window in a with an untitled blueprint. Call
// Start to open a file and show the window.
func NewEditor(a fyne.App, opts Options) *Editor {
	setupTranslations(a.Preferences().String(prefLanguage))
	e := &Editor{app: a, opts: opts.withDefaults()}
	// The theme comes before any widget: Fyne keeps the fonts it measured
	// text with, and before the app runs nothing clears them when the
	// theme changes, so a Chinese theme set later would not reach them.
	e.applyTheme(a.Preferences().String(prefTheme))
	e.openExternal = a.OpenURL
	e.store = state.New(e.newDocument())
	e.win = a.NewWindow(untitledName() + " — servicebp")
	e.auto = newAutosaver(e)
	e.watch = newWatcher(e)
	e.buildUI()
	e.SetPresenter(func() { e.Present() })
	e.win.SetCloseIntercept(e.requestClose)
	return e
}

// Start opens path (or keeps the untitled blueprint when path is empty, or
// starts a new blueprint to be saved as path when there is no such file),
// offers to restore an autosave journal, shows the window and starts
// watching the file.
func (e *Editor) Start(path string) {
	e.restoreWindowSize()
	if path != "" {
		e.openOrCreate(path)
	}
	e.win.Show()
	e.focusBoard()
	e.offerRecovery()
	e.watch.start()
}

// Window returns the editor's window.
func (e *Editor) Window() fyne.Window { return e.win }

// Store returns the editor's state: the open blueprint, its history, the
// selection and the file.
func (e *Editor) Store() *state.Store { return e.store }

// History returns the undo history of the open blueprint; every edit goes
// through the store, which owns it.
func (e *Editor) History() *blueprint.History { return e.store.History() }

// Doc returns the open blueprint. Callers must not modify it: apply
// commands through the store.
func (e *Editor) Doc() *blueprint.Document { return e.store.Doc() }

// Path returns the open file, or "" for an untitled blueprint.
func (e *Editor) Path() string { return e.store.Path() }

// untitled reports whether the blueprint has never been written to a
// file (see state.Store.Untitled).
func (e *Editor) untitled() bool { return e.store.Untitled() }

// Dirty reports whether the blueprint has changes not saved to its file.
func (e *Editor) Dirty() bool { return e.store.Dirty() }

// apply runs a command through the store and reports a failure to the
// user. It returns whether the command was applied.
func (e *Editor) apply(c blueprint.Command) bool {
	if err := e.store.Apply(c); err != nil {
		e.showError(err)
		return false
	}
	return true
}

// newDocument is an empty blueprint in the UI language.
func (e *Editor) newDocument() *blueprint.Document {
	return blueprint.New("", defaultNames())
}
