package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// boardDoc is a small blueprint: three columns, four steps, two flows.
func boardDoc() *blueprint.Document {
	d := blueprint.New("Coffee", blueprint.EnglishNames)
	d.Columns = []blueprint.Column{{ID: "order", Phase: "Buy"}, {ID: "pay", Phase: "Buy"}, {ID: "drink"}}
	d.Steps = []blueprint.Step{
		{ID: "ask", Lane: "customer", Column: "order", Text: "Order a flat white", Wait: 3 * blueprint.Minute},
		{ID: "take", Lane: "frontstage", Column: "order", Text: "Barista takes the order", Fail: "Wrong milk", Owner: "Barista"},
		{ID: "card", Lane: "customer", Column: "pay", Text: "Pay by card", Moment: true},
		{ID: "sip", Lane: "customer", Column: "drink", Text: "Drink", Emotion: 2},
	}
	d.Flows = []blueprint.Flow{{From: "ask", To: "take", Label: "order"}, {From: "ask", To: "card", TwoWay: true}}
	return d
}

// newTestBoard shows d on a board in a 1000 × 700 test window.
func newTestBoard(t *testing.T, d *blueprint.Document) *Board {
	t.Helper()
	test.NewTempApp(t)
	b := NewBoard(state.New(d))
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1000, 700))
	b.ZoomActual()
	b.setView(1, fyne.NewPos(0, 0))
	return b
}

// cardPos is the board position of the centre of the step's card.
func cardPos(t *testing.T, b *Board, id string) fyne.Position {
	t.Helper()
	r, ok := b.lay.CardRect(id)
	if !ok {
		t.Fatalf("no card for step %q", id)
	}
	return b.toScreen(r.Center())
}

// cellPos is a board position inside the cell, below its cards.
func cellPos(t *testing.T, b *Board, lane, column string) fyne.Position {
	t.Helper()
	lb, cb := b.laneBand(lane), b.columnBox(column)
	if lb == nil || cb == nil {
		t.Fatalf("no cell %s × %s", lane, column)
	}
	return b.toScreen(layout.Point{X: cb.Rect.X + cb.Rect.W/2, Y: lb.Rect.Bottom() - 4})
}

// click presses and releases the primary button at pos, as the desktop
// driver delivers a click.
func click(b *Board, pos fyne.Position, mods fyne.KeyModifier) {
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mods}
	b.MouseDown(ev)
	b.MouseUp(ev)
	b.Tapped(&ev.PointEvent)
}

// drag drags with button from one board position to another in two moves,
// in the desktop driver's order: MouseDown, Dragged…, MouseUp, DragEnd.
func drag(b *Board, from, to fyne.Position, button desktop.MouseButton) {
	b.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: button})
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	b.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: button})
	b.DragEnd()
}

func stepAt(t *testing.T, b *Board, id string) blueprint.Step {
	t.Helper()
	s := b.store.Doc().Step(id)
	if s == nil {
		t.Fatalf("no step %q", id)
	}
	return *s
}

func TestBoardTapSelects(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	var got []state.Selection
	b.store.Subscribe(func(c state.Change) {
		if c.Selection {
			got = append(got, b.store.Selection())
		}
	})
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	test.TapCanvas(c, cardPos(t, b, "take"))
	want := state.Selection{Kind: state.SelectSteps, IDs: []string{"take"}}
	if !b.Selection().Equal(want) || len(got) != 1 || !got[0].Equal(want) {
		t.Fatalf("selection %v, reported %v; want %v", b.Selection(), got, want)
	}
	if !b.scene.selected()["take"] {
		t.Error("the scene does not outline the selected card")
	}
	tests := []struct {
		name string
		pos  fyne.Position
		want state.Selection
	}{
		{"card", cardPos(t, b, "sip"), state.Selection{Kind: state.SelectSteps, IDs: []string{"sip"}}},
		{"empty cell", cellPos(t, b, "backstage", "pay"), state.Selection{Kind: state.SelectCell, IDs: []string{"backstage", "pay"}}},
		{"outside", fyne.NewPos(990, 690), state.Selection{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			click(b, tt.pos, 0)
			if !b.Selection().Equal(tt.want) {
				t.Errorf("selection %v, want %v", b.Selection(), tt.want)
			}
		})
	}
}

func TestBoardShiftClickToggles(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	click(b, cardPos(t, b, "ask"), 0)
	click(b, cardPos(t, b, "card"), fyne.KeyModifierShift)
	click(b, cardPos(t, b, "sip"), fyne.KeyModifierControl)
	if want := (state.Selection{Kind: state.SelectSteps, IDs: []string{"ask", "card", "sip"}}); !b.Selection().Equal(want) {
		t.Fatalf("selection %v, want %v", b.Selection(), want)
	}
	click(b, cardPos(t, b, "card"), fyne.KeyModifierShift)
	if want := (state.Selection{Kind: state.SelectSteps, IDs: []string{"ask", "sip"}}); !b.Selection().Equal(want) {
		t.Fatalf("after toggling card off: %v, want %v", b.Selection(), want)
	}
	// A plain click on one of several selected cards selects only it.
	click(b, cardPos(t, b, "sip"), 0)
	if want := (state.Selection{Kind: state.SelectSteps, IDs: []string{"sip"}}); !b.Selection().Equal(want) {
		t.Errorf("plain click: %v, want %v", b.Selection(), want)
	}
}

func TestBoardRubberBand(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	ra, _ := b.lay.CardRect("ask")
	rt, _ := b.lay.CardRect("take")
	from := b.toScreen(layout.Point{X: ra.X - 8, Y: ra.Y - 8})
	to := b.toScreen(layout.Point{X: rt.Right() - 10, Y: rt.Bottom() - 4})
	// Start on the lane background left of the card, inside the grid.
	// The band is the board's gesture: the store hears of the cards it
	// selects once, when the drag ends (after the press selected the cell).
	var reported []state.Selection
	b.store.Subscribe(func(c state.Change) {
		if c.Selection && b.store.Selection().Kind == state.SelectSteps {
			reported = append(reported, b.store.Selection())
		}
	})
	drag(b, from, to, desktop.MouseButtonPrimary)
	want := state.Selection{Kind: state.SelectSteps, IDs: []string{"ask", "take"}}
	if !b.Selection().Equal(want) || len(reported) != 1 || !reported[0].Equal(want) {
		t.Errorf("band selected %v (cards reported %v), want %v once", b.Selection(), reported, want)
	}
	if b.over.band.Visible() {
		t.Error("the rubber band is still shown after the drag")
	}
}

func TestBoardDoubleTapAddsStep(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	h := b.store.History()
	n := len(h.Doc().Steps)
	b.DoubleTapped(&fyne.PointEvent{Position: cellPos(t, b, "backstage", "pay")})
	if !b.Editing() || !b.edit.Visible() {
		t.Fatal("double-tapping an empty cell did not start editing")
	}
	test.Type(b.edit, "Run the card")
	b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d := h.Doc()
	if len(d.Steps) != n+1 {
		t.Fatalf("%d steps, want %d", len(d.Steps), n+1)
	}
	if b.selection().Kind != state.SelectSteps || len(b.selection().IDs) != 1 {
		t.Fatalf("the new step is not selected: %v", b.selection())
	}
	s := stepAt(t, b, b.selection().IDs[0])
	if s.Text != "Run the card" || s.Lane != "backstage" || s.Column != "pay" {
		t.Errorf("new step %+v", s)
	}
	if !h.Undo() || len(h.Doc().Steps) != n || h.CanUndo() {
		t.Errorf("one undo did not remove the new step (steps %d, can undo %v)", len(h.Doc().Steps), h.CanUndo())
	}

	t.Run("Esc cancels", func(t *testing.T) {
		b.Reload()
		b.DoubleTapped(&fyne.PointEvent{Position: cellPos(t, b, "backstage", "pay")})
		test.Type(b.edit, "Never mind")
		b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if b.Editing() || len(h.Doc().Steps) != n || h.CanUndo() {
			t.Errorf("Esc left editing %v, %d steps, can undo %v", b.Editing(), len(h.Doc().Steps), h.CanUndo())
		}
	})
	t.Run("Shift+Enter makes a new line", func(t *testing.T) {
		b.DoubleTapped(&fyne.PointEvent{Position: cellPos(t, b, "backstage", "pay")})
		test.Type(b.edit, "Two")
		b.edit.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		b.edit.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		test.Type(b.edit, "lines")
		b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if s := stepAt(t, b, b.selection().IDs[0]); s.Text != "Two\nlines" {
			t.Errorf("text %q, want two lines", s.Text)
		}
	})
}

func TestBoardEditCard(t *testing.T) {
	tests := []struct {
		name string
		key  fyne.KeyName
	}{{"Enter", fyne.KeyReturn}, {"F2", fyne.KeyF2}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newTestBoard(t, boardDoc())
			click(b, cardPos(t, b, "sip"), 0)
			b.TypedKey(&fyne.KeyEvent{Name: tt.key})
			if !b.Editing() || b.edit.Text != "Drink" {
				t.Fatalf("editing %v with %q", b.Editing(), b.edit.Text)
			}
			test.Type(b.edit, " it hot")
			b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if s := stepAt(t, b, "sip"); s.Text != "Drink it hot" || s.Emotion != 2 {
				t.Errorf("step after edit: %+v", s)
			}
			if b.store.History().UndoLabel() != "Edit step" || !b.store.History().Undo() || b.store.History().CanUndo() {
				t.Error("the edit is not one undo step")
			}
			if s := stepAt(t, b, "sip"); s.Text != "Drink" {
				t.Errorf("undo left %q", s.Text)
			}
		})
	}
}

func TestBoardDragMovesCard(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	before, err := blueprint.Marshal(b.store.Doc())
	if err != nil {
		t.Fatal(err)
	}
	drag(b, cardPos(t, b, "take"), cellPos(t, b, "backstage", "pay"), desktop.MouseButtonPrimary)
	if s := stepAt(t, b, "take"); s.Lane != "backstage" || s.Column != "pay" {
		t.Fatalf("dragged step is in %s × %s", s.Lane, s.Column)
	}
	if r, _ := b.lay.CardRect("take"); !(layout.Rect{X: b.columnBox("pay").Rect.X, Y: b.laneBand("backstage").Rect.Y, W: b.columnBox("pay").Rect.W, H: b.laneBand("backstage").Rect.H}).Contains(r.Center()) {
		t.Error("the layout was not recomputed after the move")
	}
	if b.over.drop.Visible() || b.over.ghosts[0].Visible() {
		t.Error("drop highlight or ghost still shown")
	}
	if !b.store.History().Undo() || b.store.History().CanUndo() {
		t.Fatal("the drag is not one undo step")
	}
	after, err := blueprint.Marshal(b.store.Doc())
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("undo did not restore the document")
	}

	t.Run("Fyne test.Drag", func(t *testing.T) {
		b.Reload()
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		from, to := cardPos(t, b, "sip"), cellPos(t, b, "customer", "pay")
		test.Drag(c, from, to.X-from.X, to.Y-from.Y)
		if s := stepAt(t, b, "sip"); s.Column != "pay" {
			t.Errorf("sip is in column %s", s.Column)
		}
	})
	t.Run("several cards as one batch", func(t *testing.T) {
		b.store.History().Undo()
		b.Reload()
		b.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: []string{"ask", "take"}})
		drag(b, cardPos(t, b, "ask"), cellPos(t, b, "customer", "drink"), desktop.MouseButtonPrimary)
		if a, k := stepAt(t, b, "ask"), stepAt(t, b, "take"); a.Column != "drink" || k.Column != "drink" || k.Lane != "frontstage" {
			t.Errorf("ask in %s × %s, take in %s × %s", a.Lane, a.Column, k.Lane, k.Column)
		}
		b.store.History().Undo()
		if a := stepAt(t, b, "ask"); a.Column != "order" {
			t.Error("one undo did not move both back")
		}
	})
}

func TestBoardKeys(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	ctrl := func(k fyne.KeyName) {
		b.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierControl})
	}
	key := func(k fyne.KeyName) { b.TypedKey(&fyne.KeyEvent{Name: k}) }
	click(b, cardPos(t, b, "ask"), 0)
	steps := []struct {
		name string
		do   func()
		want state.Selection
	}{
		{"down to the next lane", func() { key(fyne.KeyDown) }, state.Selection{Kind: state.SelectSteps, IDs: []string{"take"}}},
		{"right to an empty cell", func() { key(fyne.KeyRight) }, state.Selection{Kind: state.SelectCell, IDs: []string{"frontstage", "pay"}}},
		{"up to a card", func() { key(fyne.KeyUp) }, state.Selection{Kind: state.SelectSteps, IDs: []string{"card"}}},
		{"tab to the next card", func() { key(fyne.KeyTab) }, state.Selection{Kind: state.SelectSteps, IDs: []string{"sip"}}},
		{"tab wraps around", func() { key(fyne.KeyTab) }, state.Selection{Kind: state.SelectSteps, IDs: []string{"ask"}}},
		{"escape clears", func() { key(fyne.KeyEscape) }, state.Selection{}},
	}
	for _, s := range steps {
		s.do()
		if !b.Selection().Equal(s.want) {
			t.Fatalf("%s: selection %v, want %v", s.name, b.Selection(), s.want)
		}
	}

	t.Run("Ctrl+arrows move the card", func(t *testing.T) {
		click(b, cardPos(t, b, "take"), 0)
		ctrl(fyne.KeyRight)
		ctrl(fyne.KeyDown)
		if s := stepAt(t, b, "take"); s.Column != "pay" || s.Lane != "backstage" {
			t.Errorf("take is in %s × %s", s.Lane, s.Column)
		}
		b.store.History().Undo()
		b.store.History().Undo()
		b.Reload()
		if s := stepAt(t, b, "take"); s.Column != "order" || s.Lane != "frontstage" {
			t.Errorf("after undo take is in %s × %s", s.Lane, s.Column)
		}
	})
	t.Run("typing in a cell starts a card", func(t *testing.T) {
		click(b, cellPos(t, b, "support", "drink"), 0)
		b.TypedRune('W')
		test.Type(b.edit, "ash cups")
		b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if s := stepAt(t, b, b.selection().IDs[0]); s.Text != "Wash cups" || s.Lane != "support" {
			t.Errorf("typed step %+v", s)
		}
	})
}

// TestBoardKeyMap checks that the board's key map is its actions' keys,
// every one of them and nothing else, and that the arrows select.
func TestBoardKeyMap(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	n := 0
	for _, a := range b.Actions() {
		for _, k := range a.Keys {
			n++
			if got := b.KeyMap()[k]; got == nil || got.ID != a.ID {
				t.Errorf("%s runs %v, want %s", k, got, a.ID)
			}
		}
	}
	if len(b.KeyMap()) != n {
		t.Errorf("the key map has %d keys, the actions %d", len(b.KeyMap()), n)
	}
	for k, id := range map[Key]string{
		Plain(fyne.KeyUp): "select-up", Plain(fyne.KeyDown): "select-down",
		Plain(fyne.KeyLeft): "select-left", Plain(fyne.KeyRight): "select-right",
		Ctrl(fyne.KeyD, false): "duplicate", Ctrl(fyne.KeyLeft, false): "move-left",
	} {
		if a := b.KeyMap()[k]; a == nil || a.ID != id {
			t.Errorf("%s runs %v, want %s", k, a, id)
		}
	}
	// A replaced action runs instead of the board's own.
	ran := false
	acts := b.Actions()
	for i := range acts {
		if acts[i].ID == "select-all" {
			acts[i].Run = func() { ran = true }
		}
	}
	b.SetKeyMap(acts)
	b.TypedShortcut(&fyne.ShortcutSelectAll{})
	if !ran || b.Selection().Kind != state.SelectNone {
		t.Errorf("Ctrl+A after SetKeyMap: replacement ran %v, selection %v", ran, b.Selection())
	}
}

func TestBoardConnectorDrawsFlow(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	click(b, cardPos(t, b, "take"), 0)
	h, ok := b.handleAt("take")
	if !ok || !b.over.handle.Visible() {
		t.Fatal("the selected card shows no connector handle")
	}
	if got := b.hitAt(h).kind; got != hitHandle {
		t.Fatalf("hit at the handle is %v", got)
	}
	drag(b, h, cardPos(t, b, "card"), desktop.MouseButtonPrimary)
	d := b.store.Doc()
	if d.FlowIndex("take", "card") < 0 {
		t.Fatal("no flow take → card")
	}
	if want := (state.Selection{Kind: state.SelectFlow, IDs: []string{"take", "card"}}); !b.Selection().Equal(want) {
		t.Errorf("selection %v, want the new flow", b.Selection())
	}
	if s := stepAt(t, b, "take"); s.Column != "order" {
		t.Error("drawing a flow moved the card")
	}
	b.store.History().Undo()
	if d := b.store.Doc(); d.FlowIndex("take", "card") >= 0 {
		t.Error("undo kept the flow")
	}

	t.Run("from the context menu", func(t *testing.T) {
		b.Reload()
		b.StartConnect("sip")
		click(b, cardPos(t, b, "take"), 0)
		if b.store.Doc().FlowIndex("sip", "take") < 0 {
			t.Error("no flow sip → take")
		}
	})
}

func TestBoardDelete(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	// The flow ask → take runs down between the two cards.
	r := b.lay.Route(layout.FlowKey{From: "ask", To: "take"})
	if r == nil || len(r.Points) < 2 {
		t.Fatal("no route ask → take")
	}
	p0, p1 := r.Points[len(r.Points)-2], r.Points[len(r.Points)-1]
	click(b, b.toScreen(layout.Point{X: (p0.X + p1.X) / 2, Y: (p0.Y + p1.Y) / 2}), 0)
	if want := (state.Selection{Kind: state.SelectFlow, IDs: []string{"ask", "take"}}); !b.Selection().Equal(want) {
		t.Fatalf("clicking the flow selected %v", b.Selection())
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	d := b.store.Doc()
	if d.FlowIndex("ask", "take") >= 0 || len(d.Steps) != 4 {
		t.Fatalf("Delete left the flow (steps %d)", len(d.Steps))
	}
	b.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: []string{"ask", "sip"}})
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if d := b.store.Doc(); len(d.Steps) != 2 || d.Step("ask") != nil || len(d.Flows) != 0 {
		t.Fatalf("after deleting two steps: %d steps, %d flows", len(d.Steps), len(d.Flows))
	}
	if _, ok := b.lay.CardRect("ask"); ok {
		t.Error("the deleted card is still laid out")
	}
	b.store.History().Undo()
	b.store.History().Undo()
	if d := b.store.Doc(); len(d.Steps) != 4 || len(d.Flows) != 2 {
		t.Errorf("undo restored %d steps and %d flows", len(d.Steps), len(d.Flows))
	}
}

// TestBoardEditorFollowsZoom checks that the inline editor shows text at
// the size the board draws it: the card's text size times the zoom, kept
// readable, and a lane name at the header size.
func TestBoardEditorFollowsZoom(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	textSize := func() float32 { return b.editTheme.Size(theme.SizeNameText) }
	for _, tc := range []struct {
		zoom, want float32
	}{
		{1, b.style.TextSize},
		{2, 2 * b.style.TextSize},
		{MinZoom, minEditTextSize},
		{MaxZoom, maxEditTextSize},
	} {
		b.setView(tc.zoom, fyne.NewPos(0, 0))
		b.DoubleTapped(&fyne.PointEvent{Position: cardPos(t, b, "ask")})
		if !b.Editing() {
			t.Fatalf("zoom %g: double-tapping a card did not start editing", tc.zoom)
		}
		if got := textSize(); got != tc.want {
			t.Errorf("zoom %g: editor text size %g, want %g", tc.zoom, got, tc.want)
		}
		b.cancelEdit()
	}
	// The size changes while editing, when the zoom does.
	b.setView(1, fyne.NewPos(0, 0))
	b.DoubleTapped(&fyne.PointEvent{Position: cardPos(t, b, "ask")})
	b.setView(1.5, b.Offset())
	if got, want := textSize(), 1.5*b.style.TextSize; got != want {
		t.Errorf("after zooming while editing: text size %g, want %g", got, want)
	}
	b.cancelEdit()
	// Other sizes come from the app's theme.
	if got, want := b.editTheme.Size(theme.SizeNamePadding), theme.Current().Size(theme.SizeNamePadding); got != want {
		t.Errorf("padding %g, want the theme's %g", got, want)
	}
}

// TestBoardFollowsStoreUntilClosed: the board is a view of its store; it
// lays out every edit and shows every selection, whoever made them, and
// stops following once closed.
func TestBoardFollowsStoreUntilClosed(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	st := b.Store()
	n := len(b.lay.Cards)
	if err := st.Apply(blueprint.DeleteSteps("take")); err != nil {
		t.Fatal(err)
	}
	if len(b.lay.Cards) != n-1 {
		t.Errorf("after an edit made through the store the board shows %d cards, want %d", len(b.lay.Cards), n-1)
	}
	st.Select(state.StepSelection("ask"))
	if !b.scene.selected()["ask"] {
		t.Error("a selection made through the store is not outlined")
	}
	b.Close()
	lay := b.lay
	if !st.Undo() {
		t.Fatal("nothing to undo")
	}
	if b.lay != lay {
		t.Error("a closed board still lays out the store's edits")
	}
}
