package canvas

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
)

// clipboardOf is c, or the app's clipboard when c is nil.
func clipboardOf(c fyne.Clipboard) fyne.Clipboard {
	if c != nil {
		return c
	}
	return fyne.CurrentApp().Clipboard()
}

// Fragment returns a small blueprint holding copies of the steps with the
// given ids, the flows between them, and the lanes and columns they span
// (with those between, so that the steps keep their relative places). It
// is what Copy puts on the clipboard, as YAML.
func Fragment(d *blueprint.Document, ids []string) *blueprint.Document {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	minL, maxL, minC, maxC := len(d.Lanes), -1, len(d.Columns), -1
	var steps []blueprint.Step
	for _, s := range d.Steps {
		if !set[s.ID] {
			continue
		}
		li, ci := d.LaneIndex(s.Lane), d.ColumnIndex(s.Column)
		if li < 0 || ci < 0 {
			continue
		}
		minL, maxL, minC, maxC = min(minL, li), max(maxL, li), min(minC, ci), max(maxC, ci)
		s.Pos = blueprint.Pos{}
		s.Tags = slices.Clone(s.Tags)
		steps = append(steps, s)
	}
	f := &blueprint.Document{Version: blueprint.FormatVersion}
	if len(steps) == 0 {
		return f
	}
	for _, l := range d.Lanes[minL : maxL+1] {
		l.Pos = blueprint.Pos{}
		f.Lanes = append(f.Lanes, l)
	}
	for _, l := range d.Lines {
		if li := d.LaneIndex(l.Below); li >= minL && li < maxL {
			l.Pos = blueprint.Pos{}
			f.Lines = append(f.Lines, l)
		}
	}
	for _, c := range d.Columns[minC : maxC+1] {
		c.Pos = blueprint.Pos{}
		f.Columns = append(f.Columns, c)
	}
	f.Steps = steps
	for _, fl := range d.Flows {
		if set[fl.From] && set[fl.To] {
			fl.Pos = blueprint.Pos{}
			f.Flows = append(f.Flows, fl)
		}
	}
	return f
}

// Copy puts the selected steps on the clipboard as blueprint YAML (nil
// means the app's clipboard). It reports whether anything was copied.
func (b *Board) Copy(c fyne.Clipboard) bool {
	if b.sel.Kind != SelectSteps {
		return false
	}
	data, err := blueprint.Marshal(Fragment(b.hist.Doc(), b.sel.IDs))
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
	if err != nil {
		b.fail(fmt.Errorf("paste: the clipboard holds no blueprint steps: %w", err))
		return
	}
	li, ci := b.pasteAnchor(frag)
	b.pasteAt(frag, li, ci, "Paste")
}

// Duplicate copies the selected steps, with the flows between them, into
// their own cells below the originals, as one undo step.
func (b *Board) Duplicate() {
	if b.sel.Kind != SelectSteps {
		return
	}
	d := b.hist.Doc()
	frag := Fragment(d, b.sel.IDs)
	if len(frag.Steps) == 0 {
		return
	}
	b.pasteAt(frag, d.LaneIndex(frag.Lanes[0].ID), d.ColumnIndex(frag.Columns[0].ID), "Duplicate")
}

// pasteAnchor is the lane and column index where the fragment's first
// lane and column go: the selected cell, card, lane or column, or else
// the lane of the same id and a new column at the end.
func (b *Board) pasteAnchor(frag *blueprint.Document) (li, ci int) {
	d := b.hist.Doc()
	li, ci = -1, len(d.Columns)
	switch b.sel.Kind {
	case SelectCell:
		li, ci = d.LaneIndex(b.sel.IDs[0]), d.ColumnIndex(b.sel.IDs[1])
	case SelectSteps:
		if s := d.Step(b.sel.IDs[0]); s != nil {
			li, ci = d.LaneIndex(s.Lane), d.ColumnIndex(s.Column)
		}
	case SelectLane:
		li = d.LaneIndex(b.sel.IDs[0])
	case SelectColumn:
		ci = d.ColumnIndex(b.sel.IDs[0])
	}
	if li < 0 {
		li = 0
		if first := fragmentLanes(frag); len(first) > 0 {
			if i := d.LaneIndex(first[0]); i >= 0 {
				li = i
			}
		}
	}
	return li, ci
}

// fragmentLanes are the fragment's lanes from the first one a step uses.
func fragmentLanes(frag *blueprint.Document) []string {
	minL := len(frag.Lanes)
	for _, s := range frag.Steps {
		minL = min(minL, frag.LaneIndex(s.Lane))
	}
	var ids []string
	for _, l := range frag.Lanes[max(minL, 0):] {
		ids = append(ids, l.ID)
	}
	return ids
}

// pasteAt adds the fragment's steps and flows so that its top-left used
// lane and column land at lane li and column ci of the document; columns
// past the last one are created.
func (b *Board) pasteAt(frag *blueprint.Document, li, ci int, label string) {
	d := b.hist.Doc()
	if len(frag.Steps) == 0 {
		return
	}
	if len(d.Lanes) == 0 {
		b.fail(fmt.Errorf("%s: the blueprint has no lanes", label))
		return
	}
	ci = max(ci, 0)
	minL, minC := len(frag.Lanes), len(frag.Columns)
	for _, s := range frag.Steps {
		minL, minC = min(minL, frag.LaneIndex(s.Lane)), min(minC, frag.ColumnIndex(s.Column))
	}
	// Columns past the end of the document are created, named as in the
	// fragment.
	var newCols []blueprint.Column
	colOf := func(fc int) int { return ci + fc - minC }
	for _, s := range frag.Steps {
		fc := frag.ColumnIndex(s.Column)
		for colOf(fc) >= len(d.Columns)+len(newCols) {
			var c blueprint.Column
			if k := minC + len(d.Columns) + len(newCols) - ci; k >= 0 && k < len(frag.Columns) {
				c = blueprint.Column{Name: frag.Columns[k].Name, Phase: frag.Columns[k].Phase}
			}
			newCols = append(newCols, c)
		}
	}
	texts := make([]string, 0, len(newCols)+len(frag.Steps))
	for range newCols {
		texts = append(texts, "column")
	}
	for _, s := range frag.Steps {
		texts = append(texts, s.Text)
	}
	ids := blueprint.UniqueIDs(d, texts, "step")
	cmds := make([]blueprint.Command, 0, len(texts)+len(frag.Flows))
	colIDs := make([]string, 0, len(d.Columns)+len(newCols))
	for _, c := range d.Columns {
		colIDs = append(colIDs, c.ID)
	}
	for i, c := range newCols {
		c.ID = ids[i]
		colIDs = append(colIDs, c.ID)
		cmds = append(cmds, blueprint.InsertColumn(c, -1))
	}
	ids = ids[len(newCols):]
	newID := make(map[string]string, len(frag.Steps))
	for i, s := range frag.Steps {
		newID[s.ID] = ids[i]
		s.ID = ids[i]
		s.Pos = blueprint.Pos{}
		s.Lane = d.Lanes[clampInt(li+frag.LaneIndex(s.Lane)-minL, 0, len(d.Lanes)-1)].ID
		s.Column = colIDs[max(colOf(frag.ColumnIndex(s.Column)), 0)]
		cmds = append(cmds, blueprint.AddStep(s, -1))
	}
	for _, f := range frag.Flows {
		from, ok1 := newID[f.From]
		to, ok2 := newID[f.To]
		if ok1 && ok2 {
			f.From, f.To, f.Pos = from, to, blueprint.Pos{}
			cmds = append(cmds, blueprint.AddFlow(f))
		}
	}
	if b.apply(blueprint.Batch(label, cmds...)) {
		b.selectOnly(Selection{Kind: SelectSteps, IDs: ids})
		b.scrollToSelection()
	}
}
