package diff

import (
	"os"
	"path/filepath"
	"servicebp/blueprint/i18n"
	"slices"
	"testing"
	"unicode/utf8"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
)

func monospace(text string, size float32, bold bool) (float32, float32) {
	return float32(utf8.RuneCountInString(text)) * size * 0.6, size * 1.3
}

func loadPicture(t *testing.T, name string) *blueprint.Document {
	t.Helper()
	path := filepath.Join("testdata", "picture", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := blueprint.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func picture(old, new, laidOut *blueprint.Document) Picture {
	st := layout.DefaultStyle()
	return Picture{
		Old: old, New: new,
		OldLayout: layout.Compute(old, st, monospace), NewLayout: layout.Compute(laidOut, st, monospace),
		Style: st, Measure: monospace, Words: EnglishWords,
	}
}

func tagTexts(ch draw.StepChange) []string {
	var out []string
	for _, t := range ch.Tags {
		out = append(out, t.Label.Text)
	}
	return out
}

// TestMarks marks the fixture's changes on the layout WithGhosts gives:
// every changed card has its kind and tags, the moved card an arrow from
// its old cell, the removed card and flows are laid out and marked.
func TestMarks(t *testing.T) {
	old, new := loadPicture(t, "old.yaml"), loadPicture(t, "new.yaml")
	changes := Compare(old, new)
	ghosts := WithGhosts(old, new, changes)
	p := picture(old, new, ghosts)
	ch := Marks(changes, p)
	want := map[string]struct {
		kind draw.ChangeKind
		tags []string
	}{
		"take-order": {draw.ChangeEdited, []string{"text, duration"}},
		"wait-drink": {draw.ChangeEdited, []string{"wait, fail"}},
		"call":       {draw.ChangeAdded, []string{"added"}},
		"make":       {draw.ChangeMoved, []string{"from Order"}},
		"pay":        {draw.ChangeRemoved, []string{"removed"}},
	}
	if len(ch.Steps) != len(want) {
		t.Errorf("%d steps marked, want %d: %v", len(ch.Steps), len(want), ch.Steps)
	}
	for id, w := range want {
		got := ch.Steps[id]
		if got.Kind != w.kind || !slices.Equal(tagTexts(got), w.tags) {
			t.Errorf("%s: kind %d tags %q, want %d %q", id, got.Kind, tagTexts(got), w.kind, w.tags)
		}
		card := p.NewLayout.Card(id)
		for _, tg := range got.Tags {
			if tg.Rect.X < card.Rect.X || tg.Rect.Right() > card.Rect.Right() {
				t.Errorf("%s: tag %v outside the card %v", id, tg.Rect, card.Rect)
			}
		}
	}
	// The move arrow starts in Backstage × Order.
	from := ch.Steps["make"].From
	if from == nil {
		t.Fatal("the moved card has no arrow")
	}
	if lane, col, ok := p.NewLayout.CellAt(*from); !ok || lane != "backstage" || col != "order" {
		t.Errorf("the arrow starts in %s × %s", lane, col)
	}
	wantFlows := map[layout.FlowKey]draw.ChangeKind{
		{From: "choose", To: "take-order"}: draw.ChangeEdited,
		{From: "make", To: "call"}:         draw.ChangeAdded,
		{From: "call", To: "wait-drink"}:   draw.ChangeAdded,
		{From: "pay", To: "pos"}:           draw.ChangeRemoved,
		{From: "make", To: "wait-drink"}:   draw.ChangeRemoved,
	}
	for k, kind := range wantFlows {
		if ch.Flows[k] != kind {
			t.Errorf("flow %v marked %d, want %d", k, ch.Flows[k], kind)
		}
		if p.NewLayout.Route(k) == nil {
			t.Errorf("flow %v is not laid out", k)
		}
	}
	if len(ch.Ghosts) != 0 {
		t.Errorf("placed ghosts %v beside a laid-out one", ch.Ghosts)
	}
	// The panel grows the layout and lists every line.
	lines := []PanelLine{{draw.ChangeAdded, "+ one"}, {draw.ChangeRemoved, "- two"}, {draw.ChangeMoved, "~ three"}}
	grown := AddPanel(ch, p, lines, 2)
	if ch.Panel == nil || grown.Height <= p.NewLayout.Height || ch.Panel.Rect.Bottom() > grown.Height {
		t.Fatalf("panel %v in a layout %g high (was %g)", ch.Panel, grown.Height, p.NewLayout.Height)
	}
	if n := len(ch.Panel.Entries); n != 2 || ch.Panel.Entries[1].Text.Text != "… and 2 more (see the text report)" {
		t.Errorf("panel entries %+v", ch.Panel.Entries)
	}
	if len(ch.Panel.Key) != 4 {
		t.Errorf("panel key %+v", ch.Panel.Key)
	}
}

// TestWithGhosts puts the removed step after the step it followed in OLD,
// adds back the removed flows whose ends are there, leaves out a step
// whose lane is gone, and leaves NEW unchanged.
func TestWithGhosts(t *testing.T) {
	old, new := loadPicture(t, "old.yaml"), loadPicture(t, "new.yaml")
	n := len(new.Steps)
	g := WithGhosts(old, new, Compare(old, new))
	if len(new.Steps) != n {
		t.Fatal("NEW was changed")
	}
	var ids []string
	for _, s := range g.Steps {
		ids = append(ids, s.ID)
	}
	if i := slices.Index(ids, "pay"); i < 1 || ids[i-1] != "take-order" {
		t.Errorf("steps %v: pay should follow take-order", ids)
	}
	data, err := blueprint.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := blueprint.Parse("ghosts.yaml", data); err != nil {
		t.Errorf("the ghost document does not load: %v", err)
	}
	// A lane removed with its step: no ghost, no flow to it.
	gone := new.Clone()
	gone.Lanes = slices.DeleteFunc(gone.Lanes, func(l blueprint.Lane) bool { return l.ID == "support" })
	gone.Lines = slices.DeleteFunc(gone.Lines, func(l blueprint.Line) bool { return l.Below == "support" })
	gone.Steps = slices.DeleteFunc(gone.Steps, func(s blueprint.Step) bool { return s.Lane == "support" })
	changes := Compare(old, gone)
	g = WithGhosts(old, gone, changes)
	for _, s := range g.Steps {
		if s.ID == "pos" {
			t.Error("a ghost in a lane that is gone")
		}
	}
	for _, f := range g.Flows {
		if f.To == "pos" {
			t.Errorf("flow %v to a step that is not there", f)
		}
	}
	ch := Marks(changes, picture(old, gone, g))
	if _, ok := ch.Steps["pos"]; ok || len(ch.Ghosts) != 0 {
		t.Errorf("pos marked %v, ghosts %v", ch.Steps["pos"], ch.Ghosts)
	}
}

// TestGhostInCell places removed cards on NEW's own layout (as the editor
// does): in an emptied cell the ghost sits inside it; in a cell with no
// room there is none.
func TestGhostInCell(t *testing.T) {
	old, new := loadPicture(t, "old.yaml"), loadPicture(t, "new.yaml")
	new.Steps = slices.DeleteFunc(new.Steps, func(s blueprint.Step) bool { return s.ID == "pos" })
	changes := Compare(old, new)
	p := picture(old, new, new)
	ch := Marks(changes, p)
	var got []string
	for _, g := range ch.Ghosts {
		got = append(got, g.StepID)
		if g.StepID != "pos" {
			continue
		}
		lane, col, ok := p.NewLayout.CellAt(g.Rect.Center())
		if !ok || lane != "support" || col != "order" || len(g.Lines) == 0 || g.Tag.Label.Text != "removed" {
			t.Errorf("ghost of pos in %s × %s: %+v", lane, col, g)
		}
		for _, c := range p.NewLayout.Cards {
			if c.Rect.Intersects(g.Rect) {
				t.Errorf("ghost %v covers card %s", g.Rect, c.StepID)
			}
		}
	}
	if !slices.Contains(got, "pos") {
		t.Errorf("ghosts %v, want pos", got)
	}
	if slices.Contains(got, "pay") {
		t.Error("pay has a ghost in a cell with no room")
	}
}

// TestWordsIn writes the tags and key in the chosen language, from the
// catalogue.
func TestWordsIn(t *testing.T) {
	old, new := loadPicture(t, "old.yaml"), loadPicture(t, "new.yaml")
	if WordsIn("") != EnglishWords || EnglishWords.Added != "added" {
		t.Errorf("the default words are %+v", WordsIn(""))
	}
	w := WordsIn(i18n.Simplified)
	if w.Title != "变更" || WordsIn(i18n.Traditional).Title != "變更" {
		t.Fatalf("Chinese words %+v", w)
	}
	changes := Compare(old, new)
	p := picture(old, new, WithGhosts(old, new, changes))
	p.Words = w
	ch := Marks(changes, p)
	if got := tagTexts(ch.Steps["call"]); !slices.Equal(got, []string{"新增"}) {
		t.Errorf("added tag %q", got)
	}
	if got := tagTexts(ch.Steps["make"]); !slices.Equal(got, []string{"移自 Order"}) {
		t.Errorf("moved tag %q", got)
	}
}
