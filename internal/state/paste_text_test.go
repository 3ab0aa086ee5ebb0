package state

import (
	"cmp"
	"slices"
	"testing"

	"servicebp/blueprint"
)

// TestTextFragmentPaste pastes plain lines into a selected lane and a
// spreadsheet block into a selected cell.
func TestTextFragmentPaste(t *testing.T) {
	d := blueprint.New("", blueprint.EnglishNames)
	d.Columns = []blueprint.Column{{ID: "c1"}}
	paste := func(text string, sel Selection) *blueprint.Document {
		t.Helper()
		frag := TextFragment(text)
		if frag == nil {
			t.Fatalf("no fragment from %q", text)
		}
		li, ci := PasteAnchor(d, sel, frag)
		p, err := PlanPaste(d, frag, li, ci, "Paste")
		if err != nil {
			t.Fatal(err)
		}
		h := blueprint.NewHistory(d.Clone())
		if err := h.Apply(p.Command); err != nil {
			t.Fatal(err)
		}
		return h.Doc()
	}
	got := paste("Arrive at the hotel\r\n\nCheck in\nGo to the room\n", Selection{Kind: SelectCell, IDs: []string{"frontstage", "c1"}})
	if len(got.Steps) != 3 {
		t.Fatalf("%d cards from three lines", len(got.Steps))
	}
	for i, want := range []string{"Arrive at the hotel", "Check in", "Go to the room"} {
		s := got.Steps[i]
		if s.Text != want || s.Lane != "frontstage" || s.Column != got.Columns[i].ID {
			t.Errorf("card %d: %q in %s × %s", i, s.Text, s.Lane, s.Column)
		}
	}
	got = paste("Arrive\tCheck in\nSign\t\tKey card\n", Selection{Kind: SelectCell, IDs: []string{"customer", "c1"}})
	type cell struct {
		text, lane string
		col        int
	}
	var cells []cell
	for _, s := range got.Steps {
		cells = append(cells, cell{s.Text, s.Lane, got.ColumnIndex(s.Column)})
	}
	slices.SortFunc(cells, func(a, b cell) int {
		if c := cmp.Compare(got.LaneIndex(a.lane), got.LaneIndex(b.lane)); c != 0 {
			return c
		}
		return cmp.Compare(a.col, b.col)
	})
	want := []cell{{"Arrive", "customer", 0}, {"Check in", "customer", 1}, {"Sign", "frontstage", 0}, {"Key card", "frontstage", 2}}
	if len(cells) != len(want) {
		t.Fatalf("grid gave %v, want %v", cells, want)
	}
	for i := range want {
		if cells[i] != want[i] {
			t.Errorf("cell %d: %v, want %v", i, cells[i], want[i])
		}
	}
	if TextFragment(" \n\t\n") != nil {
		t.Error("blank text gave a fragment")
	}
	if !LooksLikeBlueprint("steps: [") || LooksLikeBlueprint("Pay at the desk: card or cash") {
		t.Error("LooksLikeBlueprint misjudges")
	}
}
