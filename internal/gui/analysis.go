package gui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint/analysis"
	"servicebp/canvas"
	"servicebp/internal/state"
)

// defaultAnalysisDelay is how long after the last change of the document
// the findings and stats are brought up to date.
const defaultAnalysisDelay = 300 * time.Millisecond

// analysisDelay is the delay an editor with options o analyses after; a
// negative delay analyses only on demand. Tests of the editor ask for
// that: Fyne's test driver runs fyne.Do on the calling goroutine, so a
// timer that fired during a test would touch its widgets from another
// goroutine.
func analysisDelay(o Options) time.Duration {
	if o.AnalysisDelay != 0 {
		return o.AnalysisDelay
	}
	return defaultAnalysisDelay
}

// analyser keeps the findings and stats of the open blueprint up to date.
// Every change of the history (a committed command, an undo, a reload)
// restarts a timer; when it fires, on the UI goroutine, the document is
// analysed once and the results go to the panels and the board's markers.
// A drag in progress changes no history, so it never triggers analysis;
// and a timer that fires while the board is being dragged waits for
// another delay.
type analyser struct {
	e     *Editor
	delay time.Duration
	// after starts f after d on another goroutine and returns a function
	// that stops it; time.AfterFunc unless a test replaces it.
	after func(d time.Duration, f func()) (stop func() bool)
	stop  func() bool

	// gen counts the changes of the document; done is the generation
	// last analysed.
	gen, done int

	findings []analysis.Finding
	stats    analysis.Stats
	// runs counts the analyses run; took is how long the last one took.
	runs int
	took time.Duration

	// onResult are called after each analysis, on the UI goroutine.
	onResult []func()
	// hovered is the step whose card the pointer is on; hoverNotice is
	// the status bar notice that tells its findings, while it is shown.
	hovered     string
	hoverNotice int

	findingsPanel *findingsPanel
	statsPanel    *statsPanel
	timePanel     *timePanel
	tabs          *container.AppTabs
	// conflicts lists the merge conflicts; see conflicts.go.
	conflicts *conflictsPanel
}

// newAnalyser makes the analyser of the editor's store: every change of
// the document schedules an analysis.
func newAnalyser(e *Editor) *analyser {
	a := &analyser{
		e:     e,
		delay: analysisDelay(e.opts),
		after: func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop },
		done:  -1,
	}
	e.store.Subscribe(func(c state.Change) {
		if c.Document {
			a.schedule()
		}
	})
	return a
}

// schedule notes a change of the document and restarts the timer.
func (a *analyser) schedule() {
	a.gen++
	a.arm()
}

// arm (re)starts the timer for the current generation.
func (a *analyser) arm() {
	if a.stop != nil {
		a.stop()
		a.stop = nil
	}
	if a.delay < 0 {
		return
	}
	gen := a.gen
	a.stop = a.after(a.delay, func() {
		fyne.Do(func() { a.fire(gen) })
	})
}

// fire runs on the UI goroutine when the timer for generation gen ends.
func (a *analyser) fire(gen int) {
	if gen != a.gen || a.done == a.gen {
		return
	}
	if a.dragging() {
		a.arm()
		return
	}
	a.run()
}

// pending reports whether the document changed since the last analysis.
func (a *analyser) pending() bool { return a.done != a.gen }

// flush analyses now if the document changed since the last analysis.
func (a *analyser) flush() {
	if !a.pending() {
		return
	}
	if a.stop != nil {
		a.stop()
		a.stop = nil
	}
	a.run()
}

// cancel stops the timer.
func (a *analyser) cancel() {
	if a.stop != nil {
		a.stop()
		a.stop = nil
	}
}

// dragging reports whether the board has a drag in progress.
func (a *analyser) dragging() bool {
	if a.e.ui == nil || a.e.ui.board == nil {
		return false
	}
	return a.e.ui.board.Dragging()
}

// run analyses the document and hands the results on.
func (a *analyser) run() {
	start := time.Now()
	a.findings, a.stats = analysis.Analyze(a.e.Doc(), analysis.Options{})
	a.took = time.Since(start)
	a.done = a.gen
	a.runs++
	a.markBoard()
	a.refreshHover()
	for _, f := range a.onResult {
		f()
	}
}

// markBoard puts a marker, coloured by the worst severity, on the cards
// with findings.
func (a *analyser) markBoard() {
	if a.e.ui == nil || a.e.ui.board == nil {
		return
	}
	a.e.ui.board.SetMarks(stepMarks(a.findings))
}

// hoverFindings says in the status bar what the finding marker of the
// hovered card means: the findings about its step. Leaving the card takes
// that notice away, and a new analysis rewrites it (see refreshHover), so
// it never tells of findings already put right.
func (e *Editor) hoverFindings(stepID string) {
	if e.lint == nil || e.ui == nil {
		return
	}
	e.lint.hovered = stepID
	shown := e.lint.hoverNotice != 0 && e.lint.hoverNotice == e.ui.noticeGen
	var list []analysis.Finding
	if stepID != "" {
		list = analysis.ByStep(e.lint.findings)[stepID]
	}
	if len(list) == 0 {
		if shown {
			e.notify("")
		}
		e.lint.hoverNotice = 0
		return
	}
	texts := make([]string, len(list))
	for i := range list {
		texts[i] = findingText(&list[i])
	}
	e.notify(labelled(lang.L("Findings"), strings.Join(texts, " · ")))
	e.lint.hoverNotice = e.ui.noticeGen
}

// refreshHover rewrites the hovered card's findings notice after an
// analysis, when that notice is still the one shown or the status bar is
// empty: no other notice is overwritten.
func (a *analyser) refreshHover() {
	ui := a.e.ui
	if a.hovered == "" || ui == nil {
		return
	}
	if a.hoverNotice != 0 && a.hoverNotice == ui.noticeGen || ui.notice.Text == "" {
		a.e.hoverFindings(a.hovered)
	}
}

// stepMarks is the marker of each step with findings: its worst severity.
func stepMarks(fs []analysis.Finding) map[string]canvas.Mark {
	marks := make(map[string]canvas.Mark)
	for id, list := range analysis.ByStep(fs) {
		for _, f := range list {
			marks[id] = max(marks[id], severityMark(f.Severity))
		}
	}
	return marks
}

func severityMark(s analysis.Severity) canvas.Mark {
	switch s {
	case analysis.Error:
		return canvas.MarkError
	case analysis.Warning:
		return canvas.MarkWarning
	}
	return canvas.MarkInfo
}

// The tabs of the side panel below the inspector.
const (
	tabOutline = iota
	tabFindings
	tabStats
	tabTime
	tabConflicts
)

// panels makes the Findings and Stats panels and returns the tabs that
// hold them next to outline; the analyser fills them after each analysis.
func (a *analyser) panels(outline fyne.CanvasObject) *container.AppTabs {
	a.findingsPanel = newFindingsPanel(a.e)
	a.statsPanel = newStatsPanel()
	a.timePanel = newTimePanel(a.e)
	findings := container.NewTabItem(lang.L("Findings"), a.findingsPanel.content)
	a.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Outline"), outline),
		findings,
		container.NewTabItem(lang.L("Stats"), a.statsPanel.content),
		container.NewTabItem(lang.L("Time"), a.timePanel.content),
	)
	a.findingsPanel.OnCountChanged = func(n int) {
		title := lang.L("Findings")
		if n > 0 {
			title = lang.L("Findings ({{.Count}})", map[string]any{"Count": n})
		}
		if findings.Text != title {
			findings.Text = title
			a.tabs.Refresh()
		}
	}
	a.addConflictsTab()
	a.addWorkshopTabs()
	a.onResult = append(a.onResult, func() {
		a.findingsPanel.update(a.findings)
		a.statsPanel.update(a.stats)
		a.timePanel.update(a.e.Doc())
	})
	return a.tabs
}

// showTab brings the side panel's tab i to the front.
func (a *analyser) showTab(i int) {
	if a.tabs != nil {
		a.tabs.SelectIndex(i)
	}
}
