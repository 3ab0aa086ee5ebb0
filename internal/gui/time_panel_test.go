package gui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

func TestTimePanel(t *testing.T) {
	e, _ := liveEditor(t, "queue.yaml")
	p := e.lint.timePanel
	if statValue(t, e, "Unexplained") != "1" || statValue(t, e, "Of unknown length") != "1" {
		t.Errorf("stats panel: %+v", e.lint.statsPanel.rows)
	}
	if p.total.Text != "End to end: 26m" || p.share.Text != "Waiting: 20m (76.9%)" || p.steps.Text != "Wait in line → Serve" {
		t.Errorf("path = %q, %q, %q", p.total.Text, p.share.Text, p.steps.Text)
	}
	test.Tap(p.selectPath)
	if sel := e.Selection(); sel.Kind != state.SelectSteps || !slices.Equal(sel.IDs, []string{"line", "serve"}) {
		t.Errorf("selection = %+v, want the path's steps", sel)
	}
	// The board highlights the path's flow, and only while the path is
	// selected.
	board := e.ui.board
	if hl := board.HighlightedFlows(); len(hl) != 1 || !hl[layout.FlowKey{From: "line", To: "serve"}] {
		t.Errorf("highlighted flows = %v, want line → serve", hl)
	}
	e.SetSelection(state.StepSelection("line"))
	if hl := board.HighlightedFlows(); len(hl) != 0 {
		t.Errorf("highlighted flows after selecting one step = %v", hl)
	}
	r := p.rows[0]
	if r.title.Text != "Wait in line: 30/h, 2 servers, 6m each" {
		t.Errorf("queue title = %q", r.title.Text)
	}
	// 30/h, 6 min, 2 servers: ρ = 1.5, overloaded, 4 needed.
	if !strings.Contains(r.detail.Text, "Overloaded: utilisation 150%") || !strings.Contains(r.detail.Text, "4 servers needed") || r.bar.Value != 1 {
		t.Errorf("2 servers: %q, bar %v", r.detail.Text, r.bar.Value)
	}
	// Two more windows: ρ = 0.75, C = 0.5094, Wq = 3m3s, p90 9m46s.
	test.Tap(r.plus)
	test.Tap(r.plus)
	if r.count.Text != "4" || r.detail.Text != "Utilisation 75%, 51% wait, mean wait 3m3s, 90% within 9m46s" || r.bar.Value != 0.75 {
		t.Errorf("4 servers: %q servers, %q, bar %v", r.count.Text, r.detail.Text, r.bar.Value)
	}
	// The what-if never changes the document.
	if got := e.Doc().Step("line").Queue.Servers; got != 2 || e.History().CanUndo() {
		t.Errorf("the document has %d servers, undo %v", got, e.History().CanUndo())
	}
	for range 5 {
		test.Tap(r.minus)
	}
	if r.count.Text != "1" {
		t.Errorf("servers went below one: %q", r.count.Text)
	}
	// A step that loses its queue drops out of the panel on the next analysis.
	s := *e.Doc().Step("line")
	s.Queue = blueprint.Queue{}
	if !e.apply(blueprint.EditStep("line", s)) {
		t.Fatal("edit refused")
	}
	e.lint.flush()
	if len(p.servers) != 0 || len(p.queues.Objects) != 1 || p.queues.Objects[0].(*widget.Label).Text != "No step has a queue." {
		t.Errorf("after removing the queue: %v, %d rows", p.servers, len(p.queues.Objects))
	}
}

// TestLongPathShowsItsEnds: a critical path of many steps names its first
// and last steps and counts those between, rather than listing them all.
func TestLongPathShowsItsEnds(t *testing.T) {
	d := blueprint.New("", blueprint.EnglishNames)
	var ids []string
	for i := range 30 {
		id := fmt.Sprintf("s%d", i)
		d.Steps = append(d.Steps, blueprint.Step{ID: id, Lane: "customer", Column: "column", Text: "Step " + id})
		ids = append(ids, id)
	}
	got := pathText(d, ids)
	if want := "Step s0 → Step s1 → Step s2 → Step s3 → Step s4 → … 21 more … → Step s26 → Step s27 → Step s28 → Step s29"; got != want {
		t.Errorf("path %q\nwant %q", got, want)
	}
	if got := pathText(d, ids[:3]); got != "Step s0 → Step s1 → Step s2" {
		t.Errorf("short path %q", got)
	}
}
