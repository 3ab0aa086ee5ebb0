package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/canvas"
	"servicebp/internal/state"
)

// testBoard returns the editor's board, sized so that the blueprint shows.
func testBoard(t *testing.T, e *Editor) *canvas.Board {
	t.Helper()
	b := e.ui.board
	e.win.Resize(fyne.NewSize(1400, 900))
	return b
}

// boardCard is the board position of the centre of the step's card.
func boardCard(t *testing.T, b *canvas.Board, id string) fyne.Position {
	t.Helper()
	r, ok := b.Layout().CardRect(id)
	if !ok {
		t.Fatalf("no card for step %q", id)
	}
	return b.Scene().WorldToScreen(r.Center())
}

// boardCell is a board position inside the lane × column cell, below its
// cards.
func boardCell(t *testing.T, b *canvas.Board, lane, column string) fyne.Position {
	t.Helper()
	l := b.Layout()
	for _, ln := range l.Lanes {
		for _, c := range l.Columns {
			if ln.ID == lane && c.ID == column {
				return b.Scene().WorldToScreen(layout.Point{X: c.Rect.X + c.Rect.W/2, Y: ln.Rect.Bottom() - 4})
			}
		}
	}
	t.Fatalf("no cell %s × %s", lane, column)
	return fyne.Position{}
}

func TestBoardSelectionFollowsEditor(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b := testBoard(t, e)
	test.TapAt(b, boardCard(t, b, "enjoy"))
	if e.Selection().One(state.SelectSteps) != "enjoy" {
		t.Fatalf("tapping the card selected %v in the editor", e.Selection())
	}
	if got := e.ui.inspector.step.text.Text; got != "Enjoy the coffee" {
		t.Errorf("inspector shows %q", got)
	}
	e.SetSelection(state.StepSelection("ask", "tap-card"))
	if want := (state.Selection{Kind: state.SelectSteps, IDs: []string{"ask", "tap-card"}}); !b.Selection().Equal(want) {
		t.Errorf("board selection %v, want %v", b.Selection(), want)
	}
	// An empty cell is selected, the inspector says so, and it is the
	// target of Insert > Step.
	test.TapAt(b, boardCell(t, b, "backstage", "pay"))
	if want := (state.Selection{Kind: state.SelectCell, IDs: []string{"backstage", "pay"}}); !e.Selection().Equal(want) {
		t.Errorf("tapping an empty cell selected %v, want %v", e.Selection(), want)
	}
	if h := e.ui.inspector.heading.Text; h != lang.L("Cell") {
		t.Errorf("inspector heading %q for a cell", h)
	}
	if txt := e.ui.inspector.other.Text; !strings.Contains(txt, "Backstage actions × ") {
		t.Errorf("inspector says %q for the cell", txt)
	}
	e.insertStep()
	if s := e.Doc().Step(e.Selection().One(state.SelectSteps)); s == nil || s.Lane != "backstage" || s.Column != "pay" {
		t.Errorf("Insert > Step after tapping backstage × pay made %+v", s)
	}
}

func TestBoardFollowsOtherEdits(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b := testBoard(t, e)
	s := *e.Doc().Step("enjoy")
	s.Text = "Sip the coffee slowly"
	if !e.apply(blueprint.EditStep("enjoy", s)) {
		t.Fatal("edit refused")
	}
	if c := b.Layout().Card("enjoy"); c == nil || c.Lines[0].Text != "Sip the coffee slowly" {
		t.Errorf("the board did not lay out the edited text: %+v", c)
	}
	e.store.History().Undo()
	if c := b.Layout().Card("enjoy"); c == nil || c.Lines[0].Text != "Enjoy the coffee" {
		t.Errorf("the board did not follow undo: %+v", c)
	}
}

func TestBoardInlineEditUndo(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	b := testBoard(t, e)
	n := len(e.Doc().Steps)
	b.DoubleTapped(&fyne.PointEvent{Position: boardCell(t, b, "backstage", "pay")})
	ed := e.win.Canvas().Focused()
	if ed == nil || !b.Editing() {
		t.Fatal("double-tapping an empty cell did not focus an inline editor")
	}
	test.Type(ed, "Print receipt")
	// Ctrl+Z from the menu undoes the typing, not the blueprint.
	press(e, &fyne.ShortcutUndo{})
	if len(e.Doc().Steps) != n || !b.Editing() {
		t.Fatalf("Ctrl+Z while typing changed the blueprint (%d steps) or closed the editor", len(e.Doc().Steps))
	}
	ed.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(ed, "Print receipt")
	ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	id := e.Selection().One(state.SelectSteps)
	if st := e.Doc().Step(id); st == nil || st.Text != "Print receipt" || st.Lane != "backstage" {
		t.Fatalf("Enter made %+v", st)
	}
	if e.ui.inspector.step.text.Text != "Print receipt" {
		t.Errorf("inspector shows %q", e.ui.inspector.step.text.Text)
	}
	press(e, &fyne.ShortcutUndo{})
	if len(e.Doc().Steps) != n || e.store.History().CanUndo() {
		t.Errorf("one undo left %d steps (want %d), can undo %v", len(e.Doc().Steps), n, e.store.History().CanUndo())
	}
}

// TestInsertedLaneAndColumnAreShown inserts a lane and a column with the
// Insert menu's keys on a blueprint larger than the window: the view
// scrolls so that the new lane's header and the new column are in sight.
func TestInsertedLaneAndColumnAreShown(t *testing.T) {
	a := test.NewTempApp(t)
	e := startEditor(t, a, t.TempDir(), generatedFile(t, 200))
	b := testBoard(t, e)
	// Lower than the five lanes at 100%.
	e.win.Resize(fyne.NewSize(1400, 500))
	b.ZoomActual()
	inView := func(r layout.Rect) bool {
		p := b.Scene().WorldToScreen(layout.Point{X: r.X, Y: r.Y})
		q := b.Scene().WorldToScreen(layout.Point{X: r.X + r.W, Y: r.Y + r.H})
		return p.X >= 0 && p.Y >= 0 && q.X <= b.Size().Width && q.Y <= b.Size().Height
	}
	e.insertLane()
	id := e.Selection().One(state.SelectLane)
	var header layout.Rect
	for _, l := range b.Layout().Lanes {
		if l.ID == id {
			header = l.Header
		}
	}
	if id == "" || header.H == 0 || !inView(header) {
		t.Errorf("the new lane %q's header %v is out of view", id, header)
	}
	last := e.Doc().Columns[len(e.Doc().Columns)-1].ID
	e.SetSelection(state.Selection{Kind: state.SelectColumn, IDs: []string{last}})
	b.ZoomActual()
	e.insertColumn(true)
	col := e.Selection().One(state.SelectColumn)
	var box layout.Rect
	for _, c := range b.Layout().Columns {
		if c.ID == col {
			box = c.Rect
		}
	}
	// The column's top, where its header tab is, and its width.
	box.H = min(box.H, 100)
	if col == "" || col == last || !inView(box) {
		t.Errorf("the new column %q at %v is out of view", col, box)
	}
}

// TestDoubleClickTitleFocusesItsField: double-clicking the new blueprint's
// title placeholder on the board puts the cursor in the inspector's Title
// field, where typing names the blueprint.
func TestDoubleClickTitleFocusesItsField(t *testing.T) {
	e := testEditor(t, "")
	e.ui.board.OnEditTitle()
	if e.win.Canvas().Focused() != e.ui.inspector.doc.title {
		t.Fatalf("focus on %T, want the Title field", e.win.Canvas().Focused())
	}
	test.Type(e.ui.inspector.doc.title, "Walk-in clinic")
	key(e, "Return")
	if e.Doc().Title != "Walk-in clinic" {
		t.Errorf("title %q", e.Doc().Title)
	}
}
