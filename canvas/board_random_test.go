package canvas

import (
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// TestBoardRandomInput drives the board with random clicks, drags, double
// clicks, typing, keys, shortcuts, wheel events and context-menu items,
// and checks after each that the document is still valid and that undoing
// everything gives back the document it started from.
func TestBoardRandomInput(t *testing.T) {
	docs := []struct {
		name string
		doc  func() *blueprint.Document
	}{
		{"small", boardDoc},
		{"generated", func() *blueprint.Document { return bpgen.Generate(40) }},
	}
	for _, dc := range docs {
		t.Run(dc.name, func(t *testing.T) {
			b := newTestBoard(t, dc.doc())
			start, err := blueprint.Marshal(b.store.Doc())
			if err != nil {
				t.Fatal(err)
			}
			b.OnError = func(error) {}
			clip := fyne.CurrentApp().Clipboard()
			r := rand.New(rand.NewPCG(7, uint64(len(dc.name))))
			pos := func() fyne.Position {
				return fyne.NewPos(r.Float32()*1000, r.Float32()*700)
			}
			keys := []fyne.KeyName{fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyTab,
				fyne.KeyReturn, fyne.KeyF2, fyne.KeyDelete, fyne.KeyEscape}
			for i := 0; i < 400; i++ {
				switch r.IntN(10) {
				case 0, 1:
					mods := []fyne.KeyModifier{0, 0, fyne.KeyModifierShift}[r.IntN(3)]
					click(b, pos(), mods)
				case 2:
					drag(b, pos(), pos(), []desktop.MouseButton{desktop.MouseButtonPrimary, desktop.MouseButtonTertiary}[r.IntN(2)])
				case 3:
					b.DoubleTapped(&fyne.PointEvent{Position: pos()})
					if b.Editing() {
						test.Type(b.edit, "x y")
						b.edit.TypedKey(&fyne.KeyEvent{Name: []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape}[r.IntN(2)]})
					}
				case 4:
					b.TypedKey(&fyne.KeyEvent{Name: keys[r.IntN(len(keys))]})
					if b.Editing() {
						b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
					}
				case 5:
					k := []fyne.KeyName{fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyD}[r.IntN(5)]
					b.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierControl})
				case 6:
					switch r.IntN(4) {
					case 0:
						b.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
					case 1:
						b.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
					case 2:
						b.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
					case 3:
						b.TypedShortcut(&fyne.ShortcutUndo{})
					}
				case 7:
					if r.IntN(2) == 0 {
						b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
					}
					b.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos()}, Scrolled: fyne.NewDelta(0, r.Float32()*100-50)})
					b.KeyUp(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
				case 8, 9:
					m := b.contextMenu(b.hitAt(pos()))
					if it := m.Items[r.IntN(len(m.Items))]; it.Action != nil {
						it.Action()
					}
					if b.Editing() {
						b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
					}
					b.connect = ""
				}
				data, err := blueprint.Marshal(b.store.Doc())
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if _, err := blueprint.Parse("board.yaml", data); err != nil {
					t.Fatalf("step %d: the document is no longer valid: %v\n%s", i, err, data)
				}
			}
			edits := 0
			for b.store.History().Undo() {
				edits++
			}
			if edits < 20 {
				t.Errorf("only %d edits in 400 random inputs", edits)
			}
			end, err := blueprint.Marshal(b.store.Doc())
			if err != nil {
				t.Fatal(err)
			}
			if string(end) != string(start) {
				t.Error("undoing every edit did not restore the document")
			}
		})
	}
}
