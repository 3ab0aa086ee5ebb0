package gui

import (
	"maps"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
	"servicebp/blueprint/layout"
	"servicebp/canvas"
	"servicebp/internal/state"
)

// fakeTimers stands in for time.AfterFunc: a test fires the timers that
// are due by hand, on its own goroutine.
type fakeTimers struct{ timers []*fakeTimer }

type fakeTimer struct {
	f             func()
	stopped, done bool
}

func (ft *fakeTimers) after(_ time.Duration, f func()) func() bool {
	t := &fakeTimer{f: f}
	ft.timers = append(ft.timers, t)
	return func() bool {
		was := !t.stopped && !t.done
		t.stopped = true
		return was
	}
}

// armed counts the timers that are running.
func (ft *fakeTimers) armed() int {
	n := 0
	for _, t := range ft.timers {
		if !t.stopped && !t.done {
			n++
		}
	}
	return n
}

// fire ends every running timer, as if the delay had passed.
func (ft *fakeTimers) fire() {
	ts := ft.timers
	ft.timers = nil
	for _, t := range ts {
		if !t.stopped && !t.done {
			t.done = true
			t.f()
		}
	}
}

// liveEditor opens fixture with the analysis on a fake timer, analysed
// once.
func liveEditor(t *testing.T, fixture string) (*Editor, *fakeTimers) {
	t.Helper()
	e := testEditor(t, fixture)
	ft := &fakeTimers{}
	e.lint.delay = defaultAnalysisDelay
	e.lint.after = ft.after
	e.lint.flush()
	return e, ft
}

// findingIndex is the row of the panel showing rule's finding on step,
// or -1.
func findingIndex(e *Editor, rule, step string) int {
	for i, f := range e.lint.findingsPanel.findings {
		if f.Rule == rule && f.Step == step {
			return i
		}
	}
	return -1
}

func statValue(t *testing.T, e *Editor, label string) string {
	t.Helper()
	v, ok := e.lint.statsPanel.value(label)
	if !ok {
		t.Fatalf("the stats panel has no row %q: %+v", label, e.lint.statsPanel.rows)
	}
	return v
}

// addFail marks the step as a fail point with no owner, through History.
func addFail(t *testing.T, e *Editor, id string) {
	t.Helper()
	s := *e.Doc().Step(id)
	s.Fail = "Card declined"
	s.Owner = ""
	if !e.apply(blueprint.EditStep(id, s)) {
		t.Fatal("edit refused")
	}
}

func TestAnalysisFollowsEdits(t *testing.T) {
	e, ft := liveEditor(t, "coffee.yaml")
	b := testBoard(t, e)
	rule := analysis.RuleFailPointWithoutOwner
	if findingIndex(e, rule, "tap-card") >= 0 {
		t.Fatal("the fixture already has the finding")
	}
	if got := statValue(t, e, "Fail points"); got != "0" {
		t.Fatalf("fail points before the edit = %s", got)
	}
	runs := e.lint.runs
	marks := b.Scene().Marks()
	if marks["tap-card"] != canvas.MarkWarning || marks["take-order"] != canvas.MarkWarning || marks["enjoy"] != canvas.MarkWarning {
		t.Errorf("markers of the fixture: %v", marks)
	}

	addFail(t, e, "tap-card")
	s := *e.Doc().Step("ask")
	s.Text = "Order a cortado"
	e.apply(blueprint.EditStep("ask", s))
	if e.lint.runs != runs || findingIndex(e, rule, "tap-card") >= 0 {
		t.Fatal("analysis ran before the delay")
	}
	if n := ft.armed(); n != 1 {
		t.Fatalf("%d timers running after two edits, want 1", n)
	}
	ft.fire()
	if e.lint.runs != runs+1 {
		t.Fatalf("two edits ran %d analyses, want 1", e.lint.runs-runs)
	}
	i := findingIndex(e, rule, "tap-card")
	if i < 0 {
		t.Fatalf("the panel does not list %s on tap-card: %+v", rule, e.lint.findingsPanel.findings)
	}
	if got := statValue(t, e, "Fail points"); got != "1" {
		t.Errorf("fail points after the edit = %s, want 1", got)
	}
	if got := b.Scene().Marks()["tap-card"]; got != canvas.MarkWarning {
		t.Errorf("tap-card's marker = %v, want a warning", got)
	}
	if got := e.lint.findingsPanel.warnings.Text; got != "Warnings: 6" {
		t.Errorf("warning count %q", got)
	}

	// Tapping the finding selects its step on the board.
	viewMenuItem(t, e, "View", "Findings").Action()
	if got := e.lint.tabs.SelectedIndex(); got != tabFindings {
		t.Fatalf("View > Findings shows tab %d", got)
	}
	e.SetSelection(state.StepSelection("enjoy"))
	e.lint.findingsPanel.list.Select(i)
	if got := e.Selection().One(state.SelectSteps); got != "tap-card" {
		t.Errorf("tapping the finding selected %v", e.Selection())
	}
	if !b.Selection().Has("tap-card") {
		t.Errorf("the board selected %v", b.Selection())
	}
	assertOpen(t, e, i)

	// Undo removes the finding, after the delay.
	e.store.History().Undo()
	e.store.History().Undo()
	ft.fire()
	if findingIndex(e, rule, "tap-card") >= 0 {
		t.Error("undo left the finding in the panel")
	}
	if got := statValue(t, e, "Fail points"); got != "0" {
		t.Errorf("fail points after undo = %s, want 0", got)
	}
	if got := b.Scene().Marks(); !maps.Equal(got, marks) {
		t.Errorf("markers after undo %v, want %v", got, marks)
	}
}

// TestAnalysisFindingsWithoutStep taps a lane's finding: it selects the
// lane it is about.
func TestAnalysisFindingsWithoutStep(t *testing.T) {
	e, ft := liveEditor(t, "coffee.yaml")
	// A name long enough that the finding takes more than one line.
	for _, l := range e.Doc().Lanes {
		e.apply(blueprint.RenameLane(l.ID, l.Name+" the guest sees, touches and keeps at every step of the visit"))
	}
	ft.fire()
	i := findingIndex(e, analysis.RuleEmptyLane, "")
	if i < 0 {
		t.Fatal("the empty lanes are not listed")
	}
	lane := e.lint.findingsPanel.findings[i].Lane
	e.lint.showTab(tabFindings)
	e.SetSelection(state.StepSelection("enjoy"))
	e.lint.findingsPanel.list.Select(i)
	if got := e.Selection().One(state.SelectLane); got != lane || lane == "" {
		t.Errorf("tapping the finding about lane %q selected %v", lane, e.Selection())
	}
	assertOpen(t, e, i)
}

// TestNoEmptyLaneFindingsOnABlankBlueprint: a blueprint just begun has
// empty lanes and columns, and that is no finding.
func TestNoEmptyLaneFindingsOnABlankBlueprint(t *testing.T) {
	e, _ := liveEditor(t, "")
	for _, f := range e.lint.findings {
		if f.Rule == analysis.RuleEmptyLane || f.Rule == analysis.RuleEmptyColumn {
			t.Errorf("finding on a blank blueprint: %s", findingText(&f))
		}
	}
}

// TestHoverShowsTheFinding moves the pointer onto a card with a marker:
// the status bar says what the marker means.
func TestHoverShowsTheFinding(t *testing.T) {
	e, _ := liveEditor(t, "coffee.yaml")
	b := testBoard(t, e)
	r, ok := b.Layout().CardRect("ask")
	if !ok {
		t.Fatal("no card for ask")
	}
	want := findingText(&analysis.ByStep(e.lint.findings)["ask"][0])
	b.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: b.Scene().WorldToScreen(layout.Point{X: r.X + r.W/2, Y: r.Y + r.H/2})}})
	if !strings.Contains(e.ui.notice.Text, want) {
		t.Errorf("hovering ask shows %q, want its finding %q", e.ui.notice.Text, want)
	}
}

// TestHoverNoticeFollowsTheFindings keeps the pointer on a card while its
// finding is put right: the next analysis takes the notice away, as it
// does when the pointer leaves a card with findings.
func TestHoverNoticeFollowsTheFindings(t *testing.T) {
	e, ft := liveEditor(t, "coffee.yaml")
	b := testBoard(t, e)
	r, _ := b.Layout().CardRect("ask")
	on := b.Scene().WorldToScreen(layout.Point{X: r.X + r.W/2, Y: r.Y + r.H/2})
	b.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: on}})
	if !strings.Contains(e.ui.notice.Text, "physical evidence") {
		t.Fatalf("hovering ask shows %q, want its missing-evidence finding", e.ui.notice.Text)
	}
	e.apply(blueprint.AddStep(blueprint.Step{ID: "menu-board", Lane: "evidence", Column: "order", Text: "Menu board"}, -1))
	ft.fire()
	if strings.Contains(e.ui.notice.Text, "physical evidence") {
		t.Errorf("after the evidence was added the status bar still says %q", e.ui.notice.Text)
	}
	// A finding that appears while the pointer is on the card is told.
	s := *e.Doc().Step("ask")
	s.Fail = "Order misheard"
	e.apply(blueprint.EditStep("ask", s))
	ft.fire()
	want := analysis.ByStep(e.lint.findings)["ask"]
	if len(want) == 0 || !strings.Contains(e.ui.notice.Text, findingText(&want[0])) {
		t.Errorf("the status bar says %q, want ask's new findings %v", e.ui.notice.Text, want)
	}
	b.MouseOut()
	if e.ui.notice.Text != "" {
		t.Errorf("leaving the card leaves %q in the status bar", e.ui.notice.Text)
	}
}

func TestAnalysisWaitsForDrag(t *testing.T) {
	e, ft := liveEditor(t, "coffee.yaml")
	b := testBoard(t, e)
	runs := e.lint.runs
	from := boardCard(t, b, "enjoy")
	to := boardCell(t, b, "frontstage", "drink")
	drag := func(p fyne.Position) {
		b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: from}, Dragged: fyne.NewDelta(p.X-from.X, p.Y-from.Y)})
		from = p
	}
	// A drag in progress changes nothing and runs no analysis.
	start := from
	for i := 1; i <= 10; i++ {
		drag(fyne.NewPos(start.X+(to.X-start.X)*float32(i)/10, start.Y+(to.Y-start.Y)*float32(i)/10))
	}
	if !b.Dragging() {
		t.Fatal("the board is not dragging")
	}
	if ft.armed() != 0 || e.lint.runs != runs {
		t.Fatalf("dragging armed %d timers and ran %d analyses", ft.armed(), e.lint.runs-runs)
	}
	// An analysis due while the drag goes on waits for it.
	e.lint.schedule()
	ft.fire()
	if e.lint.runs != runs {
		t.Error("analysis ran during a drag")
	}
	if ft.armed() != 1 {
		t.Errorf("the postponed analysis armed %d timers, want 1", ft.armed())
	}
	b.DragEnd()
	if s := e.Doc().Step("enjoy"); s.Lane != "frontstage" {
		t.Fatalf("the drop moved enjoy to %s × %s", s.Lane, s.Column)
	}
	ft.fire()
	if e.lint.runs != runs+1 {
		t.Errorf("the drop ran %d analyses, want 1", e.lint.runs-runs)
	}
	if got := statValue(t, e, "Frontstage actions"); got != "2" {
		t.Errorf("frontstage steps after the drop = %s, want 2", got)
	}
}

// TestAnalysisTimer runs the real timer with a short delay: the result
// arrives through fyne.Do from the timer's goroutine. The edit is made with
// the timer off and the timer armed afterwards: Fyne's test driver runs
// fyne.Do on the calling goroutine, so a timer firing during the edit
// would draw the panels from two goroutines at once, which the app's
// driver never does.
func TestAnalysisTimer(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.lint.delay = -1
	t.Cleanup(e.lint.cancel)
	done := make(chan struct{}, 1)
	e.lint.onResult = append(e.lint.onResult, func() { done <- struct{}{} })
	addFail(t, e, "tap-card")
	if !e.lint.pending() {
		t.Fatal("the edit left no analysis pending")
	}
	e.lint.delay = time.Millisecond
	e.lint.arm()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("no analysis 10 s after an edit")
	}
	if findingIndex(e, analysis.RuleFailPointWithoutOwner, "tap-card") < 0 {
		t.Error("the timed analysis did not list the new finding")
	}
}

func TestStatsRows(t *testing.T) {
	e, _ := liveEditor(t, "coffee.yaml")
	want := map[string]string{
		"Steps":                          "4",
		"Customer actions":               "3",
		"Frontstage actions":             "1",
		"Above":                          "4 (100.0%)",
		"Below":                          "0 (0.0%)",
		"Across the line of interaction": "1",
		"Internal (line of internal interaction)": "0",
		"Wait points":      "1",
		"Moments of truth": "0",
		"Buy":              "3 steps",
		"Sum of waits":     "2m",
	}
	for label, v := range want {
		t.Run(label, func(t *testing.T) {
			if got := statValue(t, e, label); got != v {
				t.Errorf("%s = %q, want %q", label, got, v)
			}
		})
	}
}

// BenchmarkAnalyze1000 measures one analysis of a 1,000-step blueprint,
// as the editor runs it 300 ms after the last edit (never during a drag).
func BenchmarkAnalyze1000(b *testing.B) {
	e := benchEditor(b, 1000)
	for b.Loop() {
		e.lint.schedule()
		e.lint.flush()
	}
	b.ReportMetric(float64(len(e.lint.findings)), "findings")
}

// benchEditor opens a generated blueprint of n steps in an editor.
func benchEditor(b *testing.B, n int) *Editor {
	b.Helper()
	path := generatedFile(b, n)
	a := test.NewTempApp(b)
	e := NewEditor(a, Options{CacheDir: b.TempDir(), AutosaveDelay: time.Hour, WatchInterval: -1, NoticeTime: -1, AnalysisDelay: -1})
	e.Start(path)
	b.Cleanup(func() {
		e.auto.stop()
		e.watch.stop()
	})
	return e
}

func TestAnalysisMarkers(t *testing.T) {
	e, ft := liveEditor(t, "coffee.yaml")
	b := testBoard(t, e)
	if got := b.Scene().Marks()["ask"]; got != canvas.MarkWarning {
		t.Fatalf("ask, a touchpoint without evidence, has marker %v", got)
	}
	// Evidence in ask's column fixes its only finding.
	if !e.apply(blueprint.AddStep(blueprint.Step{ID: "menu", Lane: "evidence", Column: "order", Text: "Menu board"}, -1)) {
		t.Fatal("adding the evidence was refused")
	}
	ft.fire()
	if m, ok := b.Scene().Marks()["ask"]; ok {
		t.Errorf("ask keeps marker %v once its column has evidence", m)
	}
	if m, ok := b.Scene().Marks()["menu"]; ok {
		t.Errorf("the new evidence step has marker %v", m)
	}
	e.store.History().Undo()
	ft.fire()
	if got := b.Scene().Marks()["ask"]; got != canvas.MarkWarning {
		t.Errorf("after undo ask has marker %v, want a warning", got)
	}
}

// assertOpen checks that row i of the findings panel, and only it, shows
// its whole message, on more than one line.
func assertOpen(t *testing.T, e *Editor, i int) {
	t.Helper()
	p := e.lint.findingsPanel
	if p.open != i {
		t.Fatalf("open row %d, want %d", p.open, i)
	}
	w := p.list.Size().Width
	if w <= 0 {
		t.Fatal("the findings list has no width")
	}
	f := &p.findings[i]
	if open, shut := rowHeight(f, p.texts[i], true, w), rowHeight(f, p.texts[i], false, w); open <= shut {
		t.Errorf("the open row is %v high, a closed one %v", open, shut)
	}
}

// viewMenuItem is the main menu's item labelled label in the menu labelled
// menu.
func viewMenuItem(t *testing.T, e *Editor, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range e.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %s > %s", menu, label)
	return nil
}

func TestFindingsInChinese(t *testing.T) {
	useLanguage(t, "zh_CN.UTF-8")
	e, ft := liveEditor(t, "coffee.yaml")
	s := *e.Doc().Step("tap-card")
	s.Fail, s.Wait = "Card declined", 20*blueprint.Minute
	if !e.apply(blueprint.EditStep("tap-card", s)) {
		t.Fatal("edit refused")
	}
	if !e.apply(blueprint.InsertColumn(blueprint.Column{ID: "leave", Name: "Leave"}, -1)) {
		t.Fatal("adding a column refused")
	}
	ft.fire()
	p := e.lint.findingsPanel
	want := map[string]string{
		analysis.RuleEmptyLane:                 "泳道 evidence（Physical evidence）",
		analysis.RuleEmptyColumn:               "列 leave（Leave）",
		analysis.RuleTouchpointWithoutEvidence: "顾客行为 ask “Order a flat white” 与 take-order “Barista takes the order”",
		analysis.RuleFrontstageUnsupported:     "前台行为 take-order",
		analysis.RuleCustomerStepAlone:         "顾客行为 enjoy",
		analysis.RuleFailPointWithoutOwner:     "失误点 tap-card “Tap card”（Card declined）没有负责人",
		analysis.RuleFailPointWithoutRecovery:  "没有补救措施",
		analysis.RuleLongWait:                  "处等待 20m，超过 10m",
		analysis.RuleOrphanStep:                "步骤 tap-card",
	}
	for rule, part := range want {
		t.Run(rule, func(t *testing.T) {
			found := false
			for i, f := range p.findings {
				if f.Rule != rule {
					continue
				}
				found = true
				if text := p.texts[i]; strings.Contains(text, part) {
					return
				}
			}
			if !found {
				t.Fatalf("no %s finding", rule)
			}
			t.Errorf("no %s finding reads %q: %q", rule, part, p.texts)
		})
	}
	for i, text := range p.texts {
		if text == p.findings[i].Message || strings.Contains(text, "{{") {
			t.Errorf("untranslated finding %q", text)
		}
	}
}

func TestFindingsInEnglish(t *testing.T) {
	useLanguage(t, "en_GB.UTF-8")
	e, _ := liveEditor(t, "coffee.yaml")
	p := e.lint.findingsPanel
	if len(p.findings) == 0 {
		t.Fatal("no findings")
	}
	for i, f := range p.findings {
		if p.texts[i] != f.Message {
			t.Errorf("row %d reads %q, want the analysis' message %q", i, p.texts[i], f.Message)
		}
	}
}

// BenchmarkDragFrame1000 measures one frame of dragging a card on a
// 1,000-step blueprint in the editor, with live analysis on: a drag
// changes no history, so it runs no analysis ("analyses/op" stays 0).
func BenchmarkDragFrame1000(b *testing.B) {
	e := benchEditor(b, 1000)
	ft := &fakeTimers{}
	e.lint.delay = defaultAnalysisDelay
	e.lint.after = ft.after
	e.win.Resize(fyne.NewSize(1400, 900))
	board := e.ui.board
	id := e.Doc().Steps[0].ID
	r, ok := board.Layout().CardRect(id)
	if !ok {
		b.Fatal("no card")
	}
	e.SetSelection(state.StepSelection(id))
	at := board.Scene().WorldToScreen(r.Center())
	runs := e.lint.runs
	board.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at}, Dragged: fyne.NewDelta(1, 1)})
	if !board.Dragging() {
		b.Fatal("not dragging")
	}
	step := float32(3)
	i := 0
	for b.Loop() {
		if i%20 == 0 {
			step = -step
		}
		i++
		board.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at}, Dragged: fyne.NewDelta(step, step)})
		ft.fire()
	}
	b.StopTimer()
	board.DragEnd()
	b.ReportMetric(float64(e.lint.runs-runs)/float64(i), "analyses/op")
}

// TestLongNoticeDoesNotWidenTheWindow: a long status-bar notice, such as
// the findings of a hovered card, is cut, not laid out at full width.
func TestLongNoticeDoesNotWidenTheWindow(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	before := e.win.Content().MinSize().Width
	e.notify(strings.Repeat("customer step has no frontstage step in its column ", 20))
	if after := e.win.Content().MinSize().Width; after > before+1 {
		t.Errorf("a long notice widens the window from %v to %v", before, after)
	}
}
