package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// captureKeys sends keys to the board's card editor; "+" before a key
// name holds Shift for it.
func captureKeys(b *Board, keys ...fyne.KeyName) {
	for _, k := range keys {
		shift := len(k) > 1 && k[0] == '+'
		if shift {
			k = k[1:]
			b.edit.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
		b.edit.TypedKey(&fyne.KeyEvent{Name: k})
		if shift {
			b.edit.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
	}
}

// captureCell is the lane and column of the step with text, or "".
func captureCell(d *blueprint.Document, text string) string {
	for _, s := range d.Steps {
		if s.Text == text {
			return s.Lane + "×" + s.Column
		}
	}
	return ""
}

func TestQuickCapture(t *testing.T) {
	// Each card is typed, then ended with a key; want is where each typed
	// card ends up, and open is the cell of the editor left open ("" when
	// capture stopped).
	type card struct {
		text string
		key  fyne.KeyName
	}
	tests := []struct {
		name       string
		lane, col  string
		cards      []card
		want       map[string]string
		open       string
		columns    int
		selected   string
		undoSteps  int
		newColumns int
	}{
		{
			name: "Enter walks the lane and opens a new column at the end",
			lane: "backstage", col: "order",
			cards: []card{{"Brew coffee", fyne.KeyReturn}, {"Run the card", fyne.KeyReturn}, {"Wash cups", fyne.KeyReturn}},
			want:  map[string]string{"Brew coffee": "backstage×order", "Run the card": "backstage×pay", "Wash cups": "backstage×drink"},
			open:  "backstage×", selected: "Wash cups", undoSteps: 3,
		},
		{
			name: "a card typed in the new column comes with it, in one undo step",
			lane: "backstage", col: "drink",
			cards: []card{{"Wash cups", fyne.KeyReturn}, {"Stack cups", fyne.KeyReturn}, {"Dry cups", fyne.KeyTab}},
			want:  map[string]string{"Wash cups": "backstage×drink", "Stack cups": "backstage×column", "Dry cups": "backstage×column-2"},
			open:  "support×column-2", selected: "Dry cups", undoSteps: 3, newColumns: 2,
		},
		{
			name: "Esc in the new column leaves no column behind",
			lane: "customer", col: "drink",
			cards: []card{{"Leave", fyne.KeyReturn}, {"Wave", fyne.KeyEscape}},
			want:  map[string]string{"Leave": "customer×drink", "Wave": ""},
			open:  "", selected: "cell customer×drink", undoSteps: 1,
		},
		{
			name: "Enter on an empty card skips the cell",
			lane: "backstage", col: "order",
			cards: []card{{"Brew coffee", fyne.KeyReturn}, {"", fyne.KeyReturn}, {"Wash cups", fyne.KeyEscape}},
			want:  map[string]string{"Brew coffee": "backstage×order", "Wash cups": ""},
			open:  "", selected: "cell backstage×drink", undoSteps: 1,
		},
		{
			name: "Enter on an empty card in the last column stops",
			lane: "support", col: "drink",
			cards: []card{{"", fyne.KeyReturn}},
			want:  map[string]string{},
			open:  "", selected: "cell support×drink",
		},
		{
			name: "Tab goes down a lane, Shift+Tab up",
			lane: "frontstage", col: "pay",
			cards: []card{{"Ring up", fyne.KeyTab}, {"Check stock", fyne.KeyTab}, {"Till", "+" + fyne.KeyTab}, {"Reorder beans", fyne.KeyEscape}},
			want:  map[string]string{"Ring up": "frontstage×pay", "Check stock": "backstage×pay", "Till": "support×pay", "Reorder beans": ""},
			open:  "", selected: "cell backstage×pay", undoSteps: 3,
		},
		{
			name: "Tab in the last lane stops",
			lane: "support", col: "order",
			cards: []card{{"POS", fyne.KeyTab}},
			want:  map[string]string{"POS": "support×order"},
			open:  "", selected: "POS", undoSteps: 1,
		},
		{
			name: "Shift+Enter starts a new line",
			lane: "backstage", col: "drink",
			cards: []card{{"Two", "+" + fyne.KeyReturn}, {"lines", fyne.KeyReturn}},
			want:  map[string]string{"Two\nlines": "backstage×drink"},
			open:  "backstage×", selected: "Two\nlines", undoSteps: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newTestBoard(t, boardDoc())
			h := b.Store()
			before := len(h.Doc().Columns)
			click(b, cellPos(t, b, tc.lane, tc.col), 0)
			for i, c := range tc.cards {
				if c.text != "" {
					if i == 0 {
						b.TypedRune([]rune(c.text)[0])
						test.Type(b.edit, string([]rune(c.text)[1:]))
					} else {
						test.Type(b.edit, c.text)
					}
				} else if i == 0 {
					b.StartCapture(tc.lane, tc.col, "")
				}
				if !b.Capturing() {
					t.Fatalf("card %d (%q): not capturing", i, c.text)
				}
				captureKeys(b, c.key)
			}
			d := h.Doc()
			for text, cell := range tc.want {
				if got := captureCell(d, text); got != cell {
					t.Errorf("%q is in %q, want %q", text, got, cell)
				}
			}
			open := ""
			if b.Capturing() {
				open = b.editing.lane + "×" + b.editing.column
			}
			if open != tc.open {
				t.Errorf("editor open in %q, want %q", open, tc.open)
			}
			sel := ""
			switch b.selection().Kind {
			case state.SelectCell:
				sel = "cell " + b.selection().IDs[0] + "×" + b.selection().IDs[1]
			case state.SelectSteps:
				if s := d.Step(b.selection().IDs[0]); s != nil {
					sel = s.Text
				}
			}
			if sel != tc.selected {
				t.Errorf("selected %q, want %q", sel, tc.selected)
			}
			if got := len(d.Columns) - before; got != tc.newColumns {
				t.Errorf("%d new columns, want %d", got, tc.newColumns)
			}
			if tc.newColumns > 0 && d.Columns[len(d.Columns)-1].Phase != d.Columns[before-1].Phase {
				t.Errorf("the new column is not in the last column's phase")
			}
			undos := 0
			for h.CanUndo() {
				h.Undo()
				undos++
			}
			if undos != tc.undoSteps {
				t.Errorf("%d undo steps, want %d (one per card and per new column)", undos, tc.undoSteps)
			}
		})
	}
}

func TestQuickCaptureOnlyFromTyping(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	// Double-tapping a cell edits one card, without capture.
	b.DoubleTapped(&fyne.PointEvent{Position: cellPos(t, b, "backstage", "order")})
	if !b.Editing() || b.Capturing() {
		t.Fatalf("double tap: editing %v, capturing %v", b.Editing(), b.Capturing())
	}
	test.Type(b.edit, "Grind beans")
	captureKeys(b, fyne.KeyReturn)
	if b.Editing() || captureCell(b.Store().Doc(), "Grind beans") != "backstage×order" {
		t.Errorf("Enter outside capture: editing %v, step in %q", b.Editing(), captureCell(b.Store().Doc(), "Grind beans"))
	}
	// Typing on a selected card does not start a capture.
	click(b, cardPos(t, b, "ask"), 0)
	b.TypedRune('x')
	if b.Editing() {
		t.Errorf("typing on a selected card opened an editor")
	}
	// A capture cannot start in a cell that does not exist.
	b.StartCapture("nope", "order", "x")
	if b.Capturing() {
		t.Errorf("capture started in an unknown lane")
	}
}
