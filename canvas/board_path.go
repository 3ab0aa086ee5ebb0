package canvas

import (
	"servicebp/blueprint/layout"
	"servicebp/internal/state"
)

// HighlightPath selects the steps of a path, given in order, and strokes
// the flows joining each step to the next in the selection colour, until
// the selection changes. A pair of steps with no flow between them (in
// either direction) highlights nothing.
func (b *Board) HighlightPath(steps []string) {
	b.SetSelection(state.StepSelection(steps...))
	flows := make(map[layout.FlowKey]bool, len(steps))
	for i := 0; i+1 < len(steps); i++ {
		k := layout.FlowKey{From: steps[i], To: steps[i+1]}
		if b.lay.Route(k) == nil {
			k = layout.FlowKey{From: steps[i+1], To: steps[i]}
		}
		if b.lay.Route(k) != nil {
			flows[k] = true
		}
	}
	b.pathSel = b.selection()
	b.scene.highlight = flows
	b.scene.refresh()
}

// HighlightedFlows returns the flows HighlightPath highlights, while its
// selection lasts.
func (b *Board) HighlightedFlows() map[layout.FlowKey]bool { return b.scene.highlight }

// dropPathHighlight forgets the highlighted flows once the selection is no
// longer the path's.
func (b *Board) dropPathHighlight() {
	if b.scene.highlight != nil && !b.selection().Equal(b.pathSel) {
		b.scene.highlight, b.pathSel = nil, state.Selection{}
	}
}

// SetAnnotations shows or hides the annotations layer: each fail point's
// text and recovery and each wait on its card, under the card text.
func (b *Board) SetAnnotations(on bool) {
	if b.style.Annotations == on {
		return
	}
	b.style.Annotations = on
	b.Reload()
}

// SetEmotionCurve shows or hides the emotion curve under the customer
// lane.
func (b *Board) SetEmotionCurve(on bool) {
	if b.style.NoEmotionCurve == !on {
		return
	}
	b.style.NoEmotionCurve = !on
	b.Reload()
}
