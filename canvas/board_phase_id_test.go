package canvas

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// TestBoardSetPhaseGivesTheColumnItsID sets phases from the column menu's
// Set phase…: an unused column with a made-up id takes the phase's id at
// once and stays selected; one with a step is offered the change; and a
// column inserted inside the phase takes the phase's next id.
func TestBoardSetPhaseGivesTheColumnItsID(t *testing.T) {
	test.NewTempApp(t)
	st := newStore(t,
		blueprint.InsertColumn(blueprint.Column{ID: "column-2"}, -1),
		blueprint.AddStep(blueprint.Step{ID: "a", Lane: "customer", Column: "column", Text: "A"}, -1),
	)
	st.MarkSaved(t.TempDir() + "/new.yaml")
	b := NewBoard(st)
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(900, 600))
	var offered []state.IDChange
	b.OnOfferIDs = func(k state.SelectionKind, changes []state.IDChange) {
		if k != state.SelectColumn {
			t.Errorf("offered ids of kind %v", k)
		}
		offered = append(offered, changes...)
	}
	setPhase := func(id, phase string) {
		b.startEdit(&editState{kind: editPhaseName, id: id}, "")
		b.edit.SetText(phase)
		b.commitEdit()
	}

	st.Select(state.Selection{Kind: state.SelectColumn, IDs: []string{"column-2"}})
	setPhase("column-2", "Arrival")
	if c := st.Doc().Column("arrival"); c == nil || c.Phase != "Arrival" || offered != nil {
		t.Fatalf("columns %v, offered %v", st.Doc().Columns, offered)
	}
	if got := st.Selection().One(state.SelectColumn); got != "arrival" {
		t.Errorf("selection %v after the id change", st.Selection())
	}

	setPhase("column", "Arrival")
	if st.Doc().Column("column") == nil || !slices.Equal(offered, []state.IDChange{{Old: "column", New: "arrival-2"}}) {
		t.Errorf("a column with a step: columns %v, offered %v", st.Doc().Columns, offered)
	}

	b.InsertColumn(1)
	if c := st.Doc().Columns[1]; c.ID != "arrival-2" || c.Phase != "Arrival" {
		t.Errorf("inserted inside the phase: %+v", c)
	}
}

// TestBoardUntitledIDsFollow: on a blueprint never saved, a phase set
// and a lane renamed on the board change the made-up ids their steps are
// in at once, and nothing is offered.
func TestBoardUntitledIDsFollow(t *testing.T) {
	test.NewTempApp(t)
	st := newStore(t,
		blueprint.AddLane(blueprint.Lane{ID: "new-lane", Name: "New lane"}, -1),
		blueprint.AddStep(blueprint.Step{ID: "taxi", Lane: "new-lane", Column: "column", Text: "Taxi"}, -1),
	)
	b := NewBoard(st)
	test.NewTempWindow(t, b).Resize(fyne.NewSize(900, 600))
	b.OnOfferIDs = func(k state.SelectionKind, changes []state.IDChange) {
		t.Errorf("offered %v %v in an untitled blueprint", k, changes)
	}
	b.startEdit(&editState{kind: editLaneName, id: "new-lane"}, "New lane")
	b.edit.SetText("Partner taxi firm")
	b.commitEdit()
	b.startEdit(&editState{kind: editPhaseName, id: "column"}, "")
	b.edit.SetText("Arrival")
	b.commitEdit()
	if s := st.Doc().Step("taxi"); s.Lane != "partner-taxi-firm" || s.Column != "arrival" {
		t.Errorf("the step is in lane %q, column %q", s.Lane, s.Column)
	}
}

// TestBoardRenameLaneOffersItsID renames a new lane with a step on the
// board of a saved blueprint: its made-up id is offered, not changed.
func TestBoardRenameLaneOffersItsID(t *testing.T) {
	test.NewTempApp(t)
	st := newStore(t,
		blueprint.AddLane(blueprint.Lane{ID: "new-lane", Name: "New lane"}, -1),
		blueprint.AddStep(blueprint.Step{ID: "taxi", Lane: "new-lane", Column: "column", Text: "Taxi"}, -1),
	)
	st.MarkSaved(t.TempDir() + "/new.yaml")
	b := NewBoard(st)
	test.NewTempWindow(t, b).Resize(fyne.NewSize(900, 600))
	var kind state.SelectionKind
	var offered []state.IDChange
	b.OnOfferIDs = func(k state.SelectionKind, changes []state.IDChange) { kind, offered = k, changes }
	b.startEdit(&editState{kind: editLaneName, id: "new-lane"}, "New lane")
	b.edit.SetText("Partner taxi firm")
	b.commitEdit()
	if l := st.Doc().Lane("new-lane"); l == nil || l.Name != "Partner taxi firm" {
		t.Fatalf("lanes %v", st.Doc().Lanes)
	}
	if kind != state.SelectLane || !slices.Equal(offered, []state.IDChange{{Old: "new-lane", New: "partner-taxi-firm"}}) {
		t.Errorf("offered %v %v", kind, offered)
	}
}

// newStore is a store of a new English blueprint with cmds applied.
func newStore(t *testing.T, cmds ...blueprint.Command) *state.Store {
	t.Helper()
	st := state.New(blueprint.New("", blueprint.EnglishNames))
	for _, c := range cmds {
		if err := st.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	return st
}
