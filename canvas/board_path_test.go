package canvas

import (
	"slices"
	"testing"

	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// TestBoardHighlightPath selects a path on the board: its steps are
// selected and the flow between them is drawn in the selection colour and
// wider, until the user clicks another card.
func TestBoardHighlightPath(t *testing.T) {
	b := newTestBoard(t, boardDoc())
	pal := LightPalette()
	flowSpecs := func(key string) []spec {
		var out []spec
		for _, it := range b.scene.flows.groups[key].items {
			out = append(out, it.sp)
		}
		return out
	}
	before := flowSpecs("ask\x00take")
	other := flowSpecs("ask\x00card")
	// The path runs take ← ask as the flow goes, given in path order.
	b.HighlightPath([]string{"ask", "take"})
	if sel := b.Selection(); sel.Kind != state.SelectSteps || !slices.Equal(sel.IDs, []string{"ask", "take"}) {
		t.Errorf("selection = %+v", sel)
	}
	if hl := b.HighlightedFlows(); len(hl) != 1 || !hl[layout.FlowKey{From: "ask", To: "take"}] {
		t.Errorf("highlighted = %v", hl)
	}
	lit := flowSpecs("ask\x00take")
	if len(lit) == 0 || lit[0].stroke != pal.Selection || lit[0].width <= before[0].width {
		t.Errorf("highlighted flow drawn %+v, before %+v", lit, before)
	}
	if got := flowSpecs("ask\x00card"); got[0].stroke != other[0].stroke {
		t.Errorf("a flow off the path changed: %+v", got[0])
	}
	// A click on another card changes the selection and drops the highlight.
	click(b, cardPos(t, b, "sip"), 0)
	if b.HighlightedFlows() != nil || flowSpecs("ask\x00take")[0].stroke != before[0].stroke {
		t.Errorf("after a click elsewhere: highlighted %v, stroke %v", b.HighlightedFlows(), flowSpecs("ask\x00take")[0].stroke)
	}
	// Steps with no flow between them highlight nothing.
	b.HighlightPath([]string{"take", "sip"})
	if hl := b.HighlightedFlows(); len(hl) != 0 {
		t.Errorf("highlighted %v for steps without a flow", hl)
	}
}
