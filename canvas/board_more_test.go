package canvas

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

func TestBoardClipboard(t *testing.T) {
	src := newTestBoard(t, boardDoc())
	clip := fyne.CurrentApp().Clipboard()
	src.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: []string{"ask", "take"}})
	src.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	text := clip.Content()
	for _, want := range []string{"Order a flat white", "Barista takes the order", "from: ask", "to: take"} {
		if !strings.Contains(text, want) {
			t.Errorf("copied YAML lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Drink") || strings.Contains(text, "to: card") {
		t.Errorf("copied YAML holds steps or flows that were not selected:\n%s", text)
	}
	if _, err := blueprint.Parse("clip.yaml", []byte(text)); err != nil {
		t.Fatalf("copied YAML is not a valid blueprint: %v", err)
	}

	t.Run("between blueprints", func(t *testing.T) {
		d := blueprint.New("Tea", blueprint.EnglishNames)
		d.Columns = []blueprint.Column{{ID: "c1"}}
		dst := NewBoard(state.New(d))
		dst.SetSelection(state.Selection{Kind: state.SelectCell, IDs: []string{"customer", "c1"}})
		dst.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
		got := dst.store.History().Doc()
		if len(got.Steps) != 2 || len(got.Flows) != 1 {
			t.Fatalf("pasted %d steps and %d flows, want 2 and 1", len(got.Steps), len(got.Flows))
		}
		a, k := got.Steps[0], got.Steps[1]
		if a.Lane != "customer" || k.Lane != "frontstage" || a.Column != "c1" || k.Column != "c1" {
			t.Errorf("pasted into %s × %s and %s × %s", a.Lane, a.Column, k.Lane, k.Column)
		}
		if f := got.Flows[0]; f.From != a.ID || f.To != k.ID || f.Label != "order" {
			t.Errorf("pasted flow %+v", f)
		}
		if a.Wait != 3*blueprint.Minute || k.Owner != "Barista" {
			t.Error("pasted steps lost their annotations")
		}
		if !dst.Selection().Equal(state.Selection{Kind: state.SelectSteps, IDs: []string{a.ID, k.ID}}) {
			t.Errorf("selection after paste %v", dst.Selection())
		}
		if !dst.store.History().Undo() || dst.store.History().CanUndo() || len(dst.store.History().Doc().Steps) != 0 {
			t.Error("the paste is not one undo step")
		}
	})
	t.Run("within a blueprint, fresh ids and new columns", func(t *testing.T) {
		src.SetSelection(state.Selection{Kind: state.SelectCell, IDs: []string{"customer", "drink"}})
		src.Paste(clip)
		d := src.store.History().Doc()
		if len(d.Steps) != 6 || len(d.Columns) != 3 {
			t.Fatalf("%d steps, %d columns after paste", len(d.Steps), len(d.Columns))
		}
		ids := src.Selection().IDs
		if len(ids) != 2 || ids[0] == "ask" || ids[1] == "take" {
			t.Errorf("pasted ids %v", ids)
		}
		src.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: []string{"sip"}})
		src.Copy(clip)
		src.SetSelection(state.Selection{Kind: state.SelectCell, IDs: []string{"customer", "drink"}})
		src.store.History().Undo()
		src.Reload()
		// Pasting a fragment with nothing selected appends a column.
		src.SetSelection(state.Selection{})
		src.Paste(clip)
		if d := src.store.History().Doc(); len(d.Columns) != 4 || d.Step(src.Selection().IDs[0]).Column != d.Columns[3].ID {
			t.Errorf("paste with no selection: %d columns", len(d.Columns))
		}
	})
	t.Run("cut", func(t *testing.T) {
		src.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: []string{"card"}})
		src.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
		if src.store.History().Doc().Step("card") != nil || !strings.Contains(clip.Content(), "Pay by card") {
			t.Error("cut did not move the step to the clipboard")
		}
	})
	t.Run("text that is not a blueprint", func(t *testing.T) {
		var got error
		src.OnError = func(err error) { got = err }
		clip.SetContent("steps: [")
		n := len(src.store.History().Doc().Steps)
		src.Paste(clip)
		if got == nil || len(src.store.History().Doc().Steps) != n {
			t.Errorf("pasting bad YAML: error %v", got)
		}
	})
	t.Run("duplicate", func(t *testing.T) {
		b := newTestBoard(t, boardDoc())
		b.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: []string{"ask", "card"}})
		b.Duplicate()
		d := b.store.Doc()
		if len(d.Steps) != 6 || len(d.Flows) != 3 {
			t.Fatalf("duplicate gave %d steps, %d flows", len(d.Steps), len(d.Flows))
		}
		for _, id := range b.Selection().IDs {
			if s := d.Step(id); s.Lane != "customer" || (s.Column != "order" && s.Column != "pay") {
				t.Errorf("duplicate %s in %s × %s", id, s.Lane, s.Column)
			}
		}
	})
}

func TestBoardZoom(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	pos := fyne.NewPos(420, 260)
	w := b.toWorld(pos)
	b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	b.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.NewDelta(0, 75)})
	if b.Zoom() <= 1.2 {
		t.Fatalf("Ctrl+wheel up zoomed to %g", b.Zoom())
	}
	if got := b.toScreen(w); abs(got.X-pos.X) > 0.01 || abs(got.Y-pos.Y) > 0.01 {
		t.Errorf("the point under the pointer moved from %v to %v", pos, got)
	}
	b.KeyUp(&fyne.KeyEvent{Name: desktop.KeyControlLeft})

	tests := []struct {
		name   string
		mods   []fyne.KeyName
		dx, dy float32
		moveX  bool
	}{
		{"wheel scrolls vertically", nil, 0, -40, false},
		{"Shift+wheel scrolls sideways", []fyne.KeyName{desktop.KeyShiftLeft}, 0, -40, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range tt.mods {
				b.KeyDown(&fyne.KeyEvent{Name: k})
			}
			z, off := b.Zoom(), b.Offset()
			b.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(tt.dx, tt.dy)})
			for _, k := range tt.mods {
				b.KeyUp(&fyne.KeyEvent{Name: k})
			}
			moved := b.Offset().Subtract(off)
			if b.Zoom() != z || (tt.moveX && (moved.X == 0 || moved.Y != 0)) || (!tt.moveX && (moved.Y == 0 || moved.X != 0)) {
				t.Errorf("zoom %g → %g, offset moved %v", z, b.Zoom(), moved)
			}
		})
	}

	t.Run("fit and 100%", func(t *testing.T) {
		b.ZoomToFit()
		p, s := b.screenRect(layout.Rect{W: b.lay.Width, H: b.lay.Height})
		if p.X < 0 || p.Y < 0 || p.X+s.Width > b.Size().Width+0.5 || p.Y+s.Height > b.Size().Height+0.5 {
			t.Errorf("fit shows the drawing at %v size %v in %v", p, s, b.Size())
		}
		b.ZoomActual()
		if b.Zoom() != 1 {
			t.Errorf("100%% gave zoom %g", b.Zoom())
		}
		b.ZoomIn()
		b.ZoomOut()
		if abs(b.Zoom()-1) > 1e-4 {
			t.Errorf("zoom in then out gave %g", b.Zoom())
		}
	})
	t.Run("Space+drag pans", func(t *testing.T) {
		off := b.Offset()
		b.KeyDown(&fyne.KeyEvent{Name: fyne.KeySpace})
		drag(b, cardPos(t, b, "ask"), cardPos(t, b, "ask").AddXY(30, 20), desktop.MouseButtonPrimary)
		b.KeyUp(&fyne.KeyEvent{Name: fyne.KeySpace})
		if got := b.Offset().Subtract(off); got.X != 30 || got.Y != 20 {
			t.Errorf("Space+drag moved the view by %v", got)
		}
		if s := b.store.Doc().Step("ask"); s.Column != "order" || b.store.History().CanUndo() {
			t.Error("Space+drag moved the card")
		}
	})
	t.Run("dragging near the edge scrolls", func(t *testing.T) {
		b.ZoomActual()
		off := b.Offset()
		from := cellPos(t, b, "backstage", "order")
		drag(b, from, fyne.NewPos(b.Size().Width-4, from.Y), desktop.MouseButtonPrimary)
		if b.Offset().X >= off.X {
			t.Errorf("a rubber band at the right edge did not scroll: offset %v → %v", off, b.Offset())
		}
	})
	t.Run("middle drag pans", func(t *testing.T) {
		off := b.Offset()
		drag(b, fyne.NewPos(500, 300), fyne.NewPos(440, 260), desktop.MouseButtonTertiary)
		if got := b.Offset().Subtract(off); got.X != -60 || got.Y != -40 {
			t.Errorf("pan moved the view by %v", got)
		}
	})
}

func TestBoardCulling(t *testing.T) {
	b := newTestBoard(t, bpgen.Generate(500))
	visible, hidden := 0, 0
	b.scene.cards.each(func(it *item) {
		if it.obj.Visible() {
			visible++
		} else {
			hidden++
		}
	})
	if hidden == 0 || visible == 0 {
		t.Errorf("%d card objects visible and %d hidden on a 500-step board", visible, hidden)
	}
}

// menuAction runs the item labelled label of m.
func menuAction(t *testing.T, m *fyne.Menu, label string) {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			it.Action()
			return
		}
	}
	t.Fatalf("menu has no item %q", label)
}

func TestBoardContextMenus(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	d := func() *blueprint.Document { return b.store.Doc() }
	header := func(col string) fyne.Position {
		cb := b.columnBox(col)
		return b.toScreen(layout.Point{X: cb.Rect.X + cb.Rect.W/2, Y: b.lay.Lanes[0].Rect.Y - 4})
	}
	lane := func(id string) fyne.Position {
		return b.toScreen(b.laneBand(id).Header.Center())
	}
	tests := []struct {
		name  string
		pos   func() fyne.Position
		item  string
		check func() bool
	}{
		{"insert column after", func() fyne.Position { return header("order") }, "Insert column after",
			func() bool { return len(d().Columns) == 4 && d().Columns[1].Phase == "Buy" }},
		{"delete column", func() fyne.Position { return header("drink") }, "Delete column",
			func() bool { return d().ColumnIndex("drink") < 0 && d().Step("sip") == nil }},
		{"move lane down", func() fyne.Position { return lane("evidence") }, "Move down",
			func() bool { return d().Lanes[1].ID == "evidence" }},
		{"add lane below", func() fyne.Position { return lane("support") }, "Add lane below",
			func() bool { return len(d().Lanes) == 6 && b.Editing() }},
		{"add step here", func() fyne.Position { return cellPos(t, b, "support", "pay") }, "Add step here",
			func() bool { return b.Editing() }},
		{"two-way flow", func() fyne.Position {
			r := b.lay.Route(layout.FlowKey{From: "ask", To: "take"})
			p0, p1 := r.Points[len(r.Points)-2], r.Points[len(r.Points)-1]
			return b.toScreen(layout.Point{X: (p0.X + p1.X) / 2, Y: (p0.Y + p1.Y) / 2})
		}, "Two-way", func() bool { return d().Flows[d().FlowIndex("ask", "take")].TwoWay }},
		{"delete card", func() fyne.Position { return cardPos(t, b, "card") }, "Delete",
			func() bool { return d().Step("card") == nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b.cancelEdit()
			h := b.hitAt(tt.pos())
			test.TapSecondaryAt(b, tt.pos())
			menuAction(t, b.contextMenu(h), tt.item)
			if !tt.check() {
				t.Errorf("%q did not do its edit", tt.item)
			}
		})
	}
	t.Run("line moves", func(t *testing.T) {
		b.cancelEdit()
		i := d().LineIndex("interaction")
		before := d().Lines[i].Below
		b.moveLine("interaction", 1)
		if d().Lines[i].Below == before {
			t.Error("the line did not move down")
		}
	})
}

// BenchmarkBoardDragMove500 applies one drag move on a 500-step board:
// the model update, the layout and the scene refresh.
func BenchmarkBoardDragMove500(b *testing.B) {
	test.NewTempApp(b)
	d := bpgen.Generate(500)
	bd := NewBoard(state.New(d))
	w := test.NewTempWindow(b, bd)
	w.Resize(fyne.NewSize(1400, 900))
	s := d.Steps[len(d.Steps)/2]
	other := d.Columns[0].ID
	if other == s.Column {
		other = d.Columns[1].ID
	}
	cols := []string{other, s.Column}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		bd.moveTo([]string{s.ID}, s.ID, s.Lane, cols[i%2], 0)
		i++
	}
	b.StopTimer()
	if n := countUndo(bd.store.History()); n != i {
		b.Fatalf("%d moves applied, want %d", n, i)
	}
}

func countUndo(h *blueprint.History) int {
	n := 0
	for h.Undo() {
		n++
	}
	return n
}

// BenchmarkBoardPan500 scrolls a 500-step board by one wheel notch.
func BenchmarkBoardPan500(b *testing.B) {
	test.NewTempApp(b)
	bd := NewBoard(state.New(bpgen.Generate(500)))
	w := test.NewTempWindow(b, bd)
	w.Resize(fyne.NewSize(1400, 900))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := float32(-25)
		if i%2 == 1 {
			d = 25
		}
		bd.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, d)})
		i++
	}
}

func TestBoardHeaderDragReorders(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	d := func() *blueprint.Document { return b.store.Doc() }
	laneHeader := func(id string) fyne.Position { return b.toScreen(b.laneBand(id).Header.Center()) }
	colHeader := func(id string) fyne.Position {
		cb := b.columnBox(id)
		return b.toScreen(layout.Point{X: cb.Rect.X + cb.Rect.W/2, Y: b.lay.Lanes[0].Rect.Y - 4})
	}
	// Drag the physical evidence lane below the frontstage lane.
	fr := b.laneBand("frontstage").Rect
	drag(b, laneHeader("evidence"), b.toScreen(layout.Point{X: 60, Y: fr.Bottom() - 2}), desktop.MouseButtonPrimary)
	if got := []string{d().Lanes[0].ID, d().Lanes[1].ID, d().Lanes[2].ID}; got[2] != "evidence" || got[0] != "customer" {
		t.Errorf("lanes after the drag: %v", got)
	}
	if !b.store.History().Undo() || d().Lanes[0].ID != "evidence" {
		t.Error("undo did not put the lane back")
	}
	b.Reload()
	// Drag the drink column to the front.
	drag(b, colHeader("drink"), colHeader("order").AddXY(-40, 0), desktop.MouseButtonPrimary)
	if d().Columns[0].ID != "drink" {
		t.Errorf("columns after the drag: %s, %s, %s", d().Columns[0].ID, d().Columns[1].ID, d().Columns[2].ID)
	}
	if b.over.drop.Visible() {
		t.Error("the drop mark is still shown")
	}
	// Dropping a column where it was changes nothing.
	b.store.History().Undo()
	b.Reload()
	drag(b, colHeader("pay"), colHeader("pay").AddXY(10, 0), desktop.MouseButtonPrimary)
	if b.store.History().CanUndo() {
		t.Error("dropping a column in its own place made an edit")
	}
}

func TestBoardNewDocumentGetsFreshView(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	b.setView(2, fyne.NewPos(-300, -200))
	b.store.Open(bpgen.Generate(20), "")
	b.Reload()
	if b.Zoom() == 2 || b.Offset() == fyne.NewPos(-300, -200) {
		t.Errorf("view after opening another document: zoom %g offset %v", b.Zoom(), b.Offset())
	}
}

func TestBoardAddCardInNewColumn(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	r, ok := b.newColumnRect()
	if !ok {
		t.Fatal("no slot for a new column")
	}
	lb := b.laneBand("frontstage").Rect
	pos := b.toScreen(layout.Point{X: r.X + r.W/2, Y: lb.Y + lb.H/2})
	b.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	if !b.over.hint.Visible() {
		t.Error("hovering right of the last column shows no hint")
	}
	b.DoubleTapped(&fyne.PointEvent{Position: pos})
	test.Type(b.edit, "Make the coffee")
	b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d := b.store.Doc()
	if len(d.Columns) != 4 {
		t.Fatalf("%d columns, want a fourth", len(d.Columns))
	}
	s := d.Step(b.Selection().IDs[0])
	if s == nil || s.Text != "Make the coffee" || s.Lane != "frontstage" || s.Column != d.Columns[3].ID {
		t.Fatalf("new step %+v", s)
	}
	if !b.store.History().Undo() || b.store.History().CanUndo() || len(b.store.Doc().Columns) != 3 || len(b.store.Doc().Steps) != 4 {
		t.Error("one undo did not remove both the card and its column")
	}
}

func TestBoardEditLabels(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	d := func() *blueprint.Document { return b.store.Doc() }
	r := b.lay.Route(layout.FlowKey{From: "ask", To: "card"})
	p0, p1 := r.Points[0], r.Points[1]
	b.DoubleTapped(&fyne.PointEvent{Position: b.toScreen(layout.Point{X: (p0.X + p1.X) / 2, Y: (p0.Y + p1.Y) / 2})})
	if !b.Editing() {
		t.Fatal("double-tapping a flow did not start editing its label")
	}
	test.Type(b.edit, "pays")
	b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f := d().Flows[d().FlowIndex("ask", "card")]; f.Label != "pays" || !f.TwoWay {
		t.Errorf("flow after editing its label: %+v", f)
	}
	if b.store.History().UndoLabel() == "" || !b.store.History().Undo() || b.store.History().CanUndo() {
		t.Error("the label edit is not one undo step")
	}

	b.Reload()
	ph := b.phaseOf("pay")
	if ph == nil {
		t.Fatal("no phase over column pay")
	}
	b.DoubleTapped(&fyne.PointEvent{Position: b.toScreen(ph.Rect.Center())})
	if !b.Editing() || b.edit.Text != "Buy" {
		t.Fatalf("double-tapping the phase: editing %v with %q", b.Editing(), b.edit.Text)
	}
	b.edit.SetText("Purchase")
	b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d().Columns[0].Phase != "Purchase" || d().Columns[1].Phase != "Purchase" || d().Columns[2].Phase != "" {
		t.Errorf("phases after renaming: %q %q %q", d().Columns[0].Phase, d().Columns[1].Phase, d().Columns[2].Phase)
	}
}
