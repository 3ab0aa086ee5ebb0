package gui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// votesOf is the votes of step id in the editor's document.
func votesOf(t *testing.T, e *Editor, id string) int {
	t.Helper()
	s := e.Doc().Step(id)
	if s == nil {
		t.Fatalf("no step %q", id)
	}
	return s.Votes
}

// openPrompt returns the open workshop prompt, failing without one.
func openPromptOf(t *testing.T, e *Editor) *workshopPrompt {
	t.Helper()
	if e.workshop == nil || e.workshop.prompt == nil {
		t.Fatal("no prompt is open")
	}
	return e.workshop.prompt
}

// submit presses Enter in entry.
func submit(entry fyne.Focusable) {
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// TestVoteKeysInEditor votes with the keys typed on the board: + and -
// add and remove one vote on the selected card, v then digits then Enter
// sets the count, each change one undo step; the Ranking panel follows
// and the saved file holds the votes.
func TestVoteKeysInEditor(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b := e.ui.board
	e.SetSelection(state.StepSelection("ask"))
	e.win.Canvas().Focus(b)
	test.Type(b, "++=")
	if n := votesOf(t, e, "ask"); n != 3 {
		t.Fatalf("after + + =: %d votes, want 3", n)
	}
	test.Type(b, "-")
	if n := votesOf(t, e, "ask"); n != 2 {
		t.Fatalf("after -: %d votes, want 2", n)
	}
	// A group's stickers: v, the count, Enter.
	e.SetSelection(state.StepSelection("tap-card"))
	test.Type(b, "v")
	p := openPromptOf(t, e)
	test.Type(p.entries[0], "12")
	submit(p.entries[0])
	if n := votesOf(t, e, "tap-card"); n != 12 {
		t.Fatalf("v 12 Enter: %d votes, want 12", n)
	}
	if e.workshop.prompt != nil {
		t.Error("the prompt stayed open")
	}
	// Bad counts are refused and keep the prompt open.
	test.Type(b, "v")
	p = openPromptOf(t, e)
	p.entries[0].SetText("1000")
	submit(p.entries[0])
	if n := votesOf(t, e, "tap-card"); n != 12 || e.workshop.prompt == nil {
		t.Errorf("a count of 1000 was taken (%d votes) or closed the prompt", n)
	}
	// Esc cancels.
	p.entries[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.workshop.prompt != nil || votesOf(t, e, "tap-card") != 12 {
		t.Error("Esc did not cancel the prompt")
	}

	// The ranking: most votes first.
	rp := e.workshop.ranking
	if len(rp.ranking) != 2 || rp.ranking[0].ID != "tap-card" || rp.ranking[1].ID != "ask" {
		t.Errorf("ranking %+v", rp.ranking)
	}
	if got := rankingText(rp.ranking[0], e.Doc()); got != "1. ● 12  Tap card" {
		t.Errorf("ranking row %q", got)
	}
	if rp.total.Text != lang.L("{{.Count}} votes", map[string]any{"Count": 14}) {
		t.Errorf("ranking total %q", rp.total.Text)
	}

	e.save(nil)
	data, err := os.ReadFile(e.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "    text: Order a flat white\n    votes: 2\n") || !strings.Contains(string(data), "    votes: 12\n") {
		t.Errorf("the saved file lacks the votes:\n%s", data)
	}

	// Each change was one undo step: set 12, -, =, +, +.
	for _, want := range [][2]int{{2, 0}, {3, 0}, {2, 0}, {1, 0}, {0, 0}} {
		e.undo()
		if a, c := votesOf(t, e, "ask"), votesOf(t, e, "tap-card"); a != want[0] || c != want[1] {
			t.Fatalf("after undo: ask %d, tap-card %d; want %v", a, c, want)
		}
	}
	if e.store.History().CanUndo() {
		t.Error("more undo steps than vote changes")
	}
	if len(e.workshop.ranking.ranking) != 0 || !e.workshop.ranking.reset.Disabled() {
		t.Error("the Ranking panel did not follow the undo")
	}

	// - on a card without votes says so and changes nothing; Reset votes
	// clears every vote in one step.
	test.Type(b, "-")
	if e.store.History().CanUndo() {
		t.Error("- on a card without votes made an edit")
	}
	e.store.History().Redo()
	e.store.History().Redo()
	presentMenuItem(t, e, lang.L("Reset votes")).Action()
	if e.Doc().TotalVotes() != 0 {
		t.Errorf("Reset votes left %d votes", e.Doc().TotalVotes())
	}
	e.undo()
	if e.Doc().TotalVotes() != 2 {
		t.Errorf("undoing the reset gives %d votes, want 2", e.Doc().TotalVotes())
	}
}

// TestVoteKeysInPresentation votes on the spotlit card of the
// presentation: the edits go through the editor's history, the
// presentation shows them, and Ctrl+Z there undoes them.
func TestVoteKeysInPresentation(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	p := e.Present()
	w := presentWindows(e)[0]
	p.TypedRune('+') // nothing spotlit: nothing to vote on
	if e.store.History().CanUndo() {
		t.Fatal("a vote without a spotlit card was made")
	}
	p.SetSpotlight("ask")
	p.TypedRune('+')
	p.TypedRune('+')
	if n := votesOf(t, e, "ask"); n != 2 {
		t.Fatalf("%d votes, want 2", n)
	}
	if s := p.Document().Step("ask"); s == nil || s.Votes != 2 {
		t.Errorf("the presentation does not show the votes: %+v", s)
	}
	p.TypedRune('v')
	pr := openPromptOf(t, e)
	test.Type(pr.entries[0], "7")
	submit(pr.entries[0])
	if n := votesOf(t, e, "ask"); n != 7 {
		t.Fatalf("v 7 Enter in the presentation: %d votes, want 7", n)
	}
	if w.Canvas().Focused() != p {
		t.Error("the presentation lost the keyboard after the prompt")
	}
	sc := w.Canvas().(fyne.Shortcutable)
	sc.TypedShortcut(&fyne.ShortcutUndo{})
	if n := votesOf(t, e, "ask"); n != 2 {
		t.Errorf("Ctrl+Z in the presentation: %d votes, want 2", n)
	}
	if s := p.Document().Step("ask"); s.Votes != 2 {
		t.Errorf("the presentation shows %d votes after undo, want 2", s.Votes)
	}
	sc.TypedShortcut(&fyne.ShortcutRedo{})
	if n := votesOf(t, e, "ask"); n != 7 {
		t.Errorf("Ctrl+Y in the presentation: %d votes, want 7", n)
	}
	if p.Spotlight() == nil || p.Spotlight().Seed != "ask" {
		t.Error("voting lost the spotlight")
	}
	w.Close()
	e.store.History().Undo()
	if s := p.Document().Step("ask"); s.Votes != 7 {
		t.Error("a closed presentation still follows the edits")
	}
}

// TestQuestionCapture parks questions with ? on the board and in the
// presentation, and edits and removes them in the Questions panel, each
// change undoable.
func TestQuestionCapture(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b := e.ui.board
	e.SetSelection(state.StepSelection("take-order"))
	e.win.Canvas().Focus(b)
	test.Type(b, "?")
	p := openPromptOf(t, e)
	test.Type(p.entries[0], "Oat milk every day?")
	test.Type(p.entries[1], "陳")
	p.kind.SetSelected(lang.L("Action"))
	submit(p.entries[0])
	want := blueprint.Question{Text: "Oat milk every day?", Step: "take-order", Owner: "陳", Kind: blueprint.QuestionAction}
	if qs := e.Doc().Questions; len(qs) != 1 || qs[0] != want {
		t.Fatalf("questions %+v, want %+v", qs, want)
	}
	qp := e.workshop.questions
	if len(qp.questions) != 1 {
		t.Fatalf("the Questions panel lists %d", len(qp.questions))
	}

	// In the presentation, about the spotlit card; an empty text is refused.
	pr := e.Present()
	pr.SetSpotlight("enjoy")
	pr.TypedRune('?')
	p = openPromptOf(t, e)
	submit(p.entries[0])
	if len(e.Doc().Questions) != 1 || e.workshop.prompt == nil {
		t.Fatal("an empty question was parked or closed the prompt")
	}
	test.Type(p.entries[0], "Biodegradable cups")
	p.kind.SetSelected(lang.L("Idea"))
	submit(p.entries[0])
	if qs := e.Doc().Questions; len(qs) != 2 || qs[1].Step != "enjoy" || qs[1].Kind != blueprint.QuestionIdea {
		t.Fatalf("questions %+v", qs)
	}
	presentWindows(e)[0].Close()

	// Edit and Remove in the panel.
	row := newQuestionRow()
	row.show(qp, 0)
	if row.text.Text != lang.L("Action")+": Oat milk every day?" || row.meta.Text != "→ Barista takes the order · 陳" {
		t.Errorf("row %q / %q", row.text.Text, row.meta.Text)
	}
	test.Tap(row.edit)
	p = openPromptOf(t, e)
	if p.entries[0].Text != "Oat milk every day?" {
		t.Errorf("the edit prompt shows %q", p.entries[0].Text)
	}
	p.entries[1].SetText("Ana")
	submit(p.entries[0])
	if q := e.Doc().Questions[0]; q.Owner != "Ana" || q.Step != "take-order" {
		t.Errorf("edited question %+v", q)
	}
	row.show(qp, 1)
	test.Tap(row.remove)
	if qs := e.Doc().Questions; len(qs) != 1 || len(qp.questions) != 1 {
		t.Errorf("after Remove: %+v", qs)
	}

	// Undo: the removal, the edit, the two captures.
	for _, n := range []int{2, 2, 1, 0} {
		e.undo()
		if got := len(e.Doc().Questions); got != n {
			t.Fatalf("after undo: %d questions, want %d", got, n)
		}
	}
	if e.Doc().Questions != nil || e.store.History().CanUndo() {
		t.Error("undo did not bring back the blueprint as opened")
	}
	if qp.header.Text != lang.L("No questions yet: press ? to park one") {
		t.Errorf("panel header %q", qp.header.Text)
	}
}
