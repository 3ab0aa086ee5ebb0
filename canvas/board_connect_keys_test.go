package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/internal/state"
)

// TestConnectFromTheKeyboard draws flows with the keyboard only: Add flow
// from here… (StartConnect), the arrows to the card it goes to, Enter;
// and the same to an empty cell, where Enter opens a connected new card.
func TestConnectFromTheKeyboard(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	key := func(n fyne.KeyName) { t.Helper(); b.TypedKey(&fyne.KeyEvent{Name: n}) }

	b.SetSelection(state.StepSelection("card"))
	b.StartConnect("card")
	if b.Mode() != ModeConnect {
		t.Fatalf("mode %v after StartConnect", b.Mode())
	}
	key(fyne.KeyRight)
	if !b.Selection().Equal(state.StepSelection("sip")) {
		t.Fatalf("Right selected %v while drawing a flow, want the card sip", b.Selection())
	}
	if to, ok := b.connectTarget(); !ok || b.over.wire.Position2 != b.toScreen(to) {
		t.Errorf("the wire ends at %v, not at the selected card (%v, %v)", b.over.wire.Position2, to, ok)
	}
	key(fyne.KeyReturn)
	if b.store.Doc().FlowIndex("card", "sip") < 0 {
		t.Fatal("Enter did not add the flow card → sip")
	}
	if b.Mode() != ModeSelect {
		t.Errorf("mode %v after the flow was drawn", b.Mode())
	}

	b.SetSelection(state.StepSelection("card"))
	b.StartConnect("card")
	key(fyne.KeyDown)
	if want := (state.Selection{Kind: state.SelectCell, IDs: []string{"frontstage", "pay"}}); !b.Selection().Equal(want) {
		t.Fatalf("Down selected %v, want the empty cell below", b.Selection())
	}
	key(fyne.KeyEnter)
	if b.editing == nil || b.editing.flowFrom != "card" {
		t.Fatalf("Enter on an empty cell opened %+v, want a new card connected from card", b.editing)
	}
	test.Type(b.edit, "Ring up")
	b.edit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d := b.store.Doc()
	var added string
	for _, s := range d.Steps {
		if s.Text == "Ring up" && s.Lane == "frontstage" && s.Column == "pay" {
			added = s.ID
		}
	}
	if added == "" || d.FlowIndex("card", added) < 0 {
		t.Errorf("steps %v, flows %v: no card Ring up in frontstage × pay with a flow from card", d.Steps, d.Flows)
	}

	// Enter with the start card itself selected keeps drawing.
	b.SetSelection(state.StepSelection("card"))
	b.StartConnect("card")
	key(fyne.KeyReturn)
	if b.Mode() != ModeConnect {
		t.Errorf("Enter on the card the flow starts from ended the drawing (mode %v)", b.Mode())
	}
}
