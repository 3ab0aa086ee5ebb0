package canvas

import (
	"fmt"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// clipboardOf is c, or the app's clipboard when c is nil.
func clipboardOf(c fyne.Clipboard) fyne.Clipboard {
	if c != nil {
		return c
	}
	return fyne.CurrentApp().Clipboard()
}

// Copy puts the selected steps on the clipboard as blueprint YAML (nil
// means the app's clipboard). It reports whether anything was copied.
func (b *Board) Copy(c fyne.Clipboard) bool {
	if b.selection().Kind != state.SelectSteps {
		return false
	}
	data, err := blueprint.Marshal(state.Fragment(b.store.Doc(), b.selection().IDs))
	if err != nil {
		b.fail(fmt.Errorf("copy: %w", err))
		return false
	}
	clipboardOf(c).SetContent(string(data))
	return true
}

// Cut copies the selected steps and deletes them, as one undo step.
func (b *Board) Cut(c fyne.Clipboard) {
	if b.Copy(c) {
		b.DeleteSelection()
	}
}

// Paste adds the steps of the blueprint YAML on the clipboard (nil means
// the app's clipboard) at the selected cell or card, keeping their
// relative lanes and columns, with fresh ids and the flows between them,
// as one undo step; the pasted steps are selected.
func (b *Board) Paste(c fyne.Clipboard) {
	text := clipboardOf(c).Content()
	if text == "" {
		return
	}
	frag, err := blueprint.Parse("clipboard", []byte(text))
	if err != nil && !state.LooksLikeBlueprint(text) {
		// Plain text or a block copied from a spreadsheet: lines become
		// cards, tab-separated cells a grid.
		frag, err = state.TextFragment(text), nil
		if frag == nil {
			return
		}
	}
	if err != nil {
		b.fail(fmt.Errorf("paste: the clipboard holds no blueprint steps: %w", err))
		return
	}
	li, ci := state.PasteAnchor(b.store.Doc(), b.selection(), frag)
	b.pasteAt(frag, li, ci, "Paste")
}

// Duplicate copies the selected steps, with the flows between them, into
// their own cells below the originals, as one undo step.
func (b *Board) Duplicate() {
	sel := b.selection()
	if sel.Kind != state.SelectSteps {
		return
	}
	p, err := state.PlanDuplicate(b.store.Doc(), sel.IDs)
	if err != nil {
		b.fail(err)
		return
	}
	if p.Command != nil && b.apply(p.Command) {
		b.store.Select(state.StepSelection(p.IDs...))
		b.scrollToSelection()
	}
}

// pasteAt adds the fragment's steps and flows so that its top-left used
// lane and column land at lane li and column ci of the document (see
// state.PlanPaste), and selects the new steps.
func (b *Board) pasteAt(frag *blueprint.Document, li, ci int, label string) {
	p, err := state.PlanPaste(b.store.Doc(), frag, li, ci, label)
	if err != nil {
		b.fail(err)
		return
	}
	if p.Command != nil && b.apply(p.Command) {
		b.store.Select(state.StepSelection(p.IDs...))
		b.scrollToSelection()
	}
}
