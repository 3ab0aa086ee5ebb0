package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"servicebp/internal/state"
)

// TestQuickShiftClicks clicks one card and Shift+clicks two more within
// the double-tap interval, which Fyne reports as a double tap after the
// second click: all three stay selected, and no editor opens. A real
// double click on one card still edits it.
func TestQuickShiftClicks(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	press := func(id string, mods fyne.KeyModifier) fyne.Position {
		t.Helper()
		p := cardPos(t, b, id)
		ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary, Modifier: mods}
		b.MouseDown(ev)
		b.MouseUp(ev)
		return p
	}
	press("ask", 0)
	p := press("card", fyne.KeyModifierShift)
	b.DoubleTapped(&fyne.PointEvent{Position: p})
	press("sip", fyne.KeyModifierShift)
	if want := (state.Selection{Kind: state.SelectSteps, IDs: []string{"ask", "card", "sip"}}); !b.Selection().Equal(want) {
		t.Errorf("selection %v, want ask, card and sip", b.Selection())
	}
	if b.editing != nil {
		t.Errorf("an editor opened for %+v", b.editing)
	}

	// Two quick plain clicks on two cards: the second selects its card.
	press("ask", 0)
	p = press("take", 0)
	b.DoubleTapped(&fyne.PointEvent{Position: p})
	if b.editing != nil || !b.Selection().Equal(state.StepSelection("take")) {
		t.Errorf("two clicks on two cards: editing %+v, selection %v", b.editing, b.Selection())
	}

	press("take", 0)
	p = press("take", 0)
	b.DoubleTapped(&fyne.PointEvent{Position: p})
	if b.editing == nil || b.editing.id != "take" {
		t.Errorf("a double click on take opened %+v", b.editing)
	}
}
