package blueprint

import (
	"bytes"
	"reflect"
	"slices"
	"testing"
)

// cmdFixture builds a rich blueprint for the command tests: six lanes (one
// custom), four lines (one custom, below the custom lane), six columns in
// three phases plus an unphased one, steps with every annotation field,
// cells holding several steps, and flows with labels, comments and two-way
// arrows.
func cmdFixture() *Document {
	d := &Document{
		Version:     FormatVersion,
		Title:       "Overnight hotel stay",
		Description: "From arrival to check-out.\nThe classic example.",
		Lanes: []Lane{
			{ID: "evidence", Name: "Physical evidence", Kind: LaneEvidence},
			{ID: "customer", Name: "Guest actions", Kind: LaneCustomer, Comment: "renamed"},
			{ID: "frontstage", Name: "Frontstage actions", Kind: LaneFrontstage},
			{ID: "partner", Name: "Partner hotels", Kind: LaneCustom},
			{ID: "backstage", Name: "Backstage actions", Kind: LaneBackstage},
			{ID: "support", Name: "Support processes", Kind: LaneSupport},
		},
		Lines: []Line{
			{ID: "interaction", Kind: LineInteraction, Name: "Line of interaction", Below: "customer", Style: StyleSolid},
			{ID: "visibility", Kind: LineVisibility, Name: "Line of visibility", Below: "frontstage", Style: StyleDashed},
			{ID: "partnership", Kind: LineCustom, Name: "Line of partnership", Below: "partner", Style: StyleDotted, Comment: "custom line"},
			{ID: "internal", Kind: LineInternal, Name: "内部互动线", Below: "backstage", Style: StyleDashDot},
		},
		Columns: []Column{
			{ID: "arrive", Phase: "Arrival"},
			{ID: "check-in", Name: "Check in", Phase: "Arrival", Comment: "the busy one"},
			{ID: "room", Phase: "Stay"},
			{ID: "breakfast", Phase: "Stay"},
			{ID: "check-out", Phase: "Departure"},
			{ID: "review"},
		},
		Steps: []Step{
			{ID: "hotel-sign", Lane: "evidence", Column: "arrive", Text: "Hotel sign and entrance"},
			{ID: "arrive-hotel", Lane: "customer", Column: "arrive", Text: "Arrive at the hotel", Emotion: 1, Tags: []string{"start"}},
			{ID: "greet", Lane: "frontstage", Column: "arrive", Text: "Doorman greets,\ntakes bags", Owner: "Doorman", Duration: 2 * Minute, Moment: true},
			{ID: "take-bags", Lane: "frontstage", Column: "arrive", Text: "Bellhop takes bags", Wait: 5 * Minute},
			{ID: "desk", Lane: "evidence", Column: "check-in", Text: "Front desk"},
			{ID: "give-card", Lane: "customer", Column: "check-in", Text: "Give credit card", Emotion: -1},
			{ID: "sign", Lane: "customer", Column: "check-in", Text: "Sign the form"},
			{ID: "check-in-desk", Lane: "frontstage", Column: "check-in", Text: "Check guest in\nand hand over key card",
				Owner: "Front desk", Duration: 3 * Minute, Wait: 10 * Minute, Fail: "Room not ready",
				Recovery: "Offer lounge and drink voucher", Moment: true, Emotion: -2,
				Tags: []string{"peak-hours", "desk"}, Notes: "Card printer jams about once a week.", Comment: "the key step"},
			{ID: "overflow", Lane: "partner", Column: "check-in", Text: "Overflow booking at partner", Fail: "No room at partner"},
			{ID: "pms-lookup", Lane: "backstage", Column: "check-in", Text: "Look up reservation", Duration: 30 * Second},
			{ID: "reservation-system", Lane: "support", Column: "check-in", Text: "Reservation system"},
			{ID: "room-key", Lane: "evidence", Column: "room", Text: "Room and key card"},
			{ID: "sleep", Lane: "customer", Column: "room", Text: "Sleep", Emotion: 2},
			{ID: "clean", Lane: "backstage", Column: "room", Text: "Housekeeping cleans", Owner: "Housekeeping", Duration: Hour + 30*Minute},
			{ID: "eat", Lane: "customer", Column: "breakfast", Text: "Eat breakfast"},
			{ID: "serve", Lane: "frontstage", Column: "breakfast", Text: "Serve breakfast", Wait: 15 * Minute, Fail: "Buffet empty"},
			{ID: "cook", Lane: "backstage", Column: "breakfast", Text: "Cook"},
			{ID: "order-food", Lane: "support", Column: "breakfast", Text: "Order food supplies", Duration: 2 * Day},
			{ID: "pay", Lane: "customer", Column: "check-out", Text: "Pay and leave", Emotion: 1, Moment: true},
			{ID: "bill", Lane: "frontstage", Column: "check-out", Text: "Print the bill"},
			{ID: "billing", Lane: "support", Column: "check-out", Text: "Billing system"},
			{ID: "survey", Lane: "customer", Column: "review", Text: "Answer the survey", Tags: []string{"email"}},
		},
		Flows: []Flow{
			{From: "arrive-hotel", To: "greet"},
			{From: "greet", To: "take-bags", Label: "bags"},
			{From: "give-card", To: "check-in-desk"},
			{From: "sign", To: "check-in-desk", Comment: "signature"},
			{From: "check-in-desk", To: "pms-lookup", TwoWay: true},
			{From: "pms-lookup", To: "reservation-system", TwoWay: true, Label: "query"},
			{From: "check-in-desk", To: "overflow", Label: "full"},
			{From: "eat", To: "serve"},
			{From: "serve", To: "cook"},
			{From: "cook", To: "order-food"},
			{From: "pay", To: "bill", TwoWay: true},
			{From: "bill", To: "billing"},
			{From: "pay", To: "survey"},
		},
		Lint: LintConfig{Disable: []string{"orphan-step"}, LongWait: 20 * Minute},
		Comments: Comments{
			Header: "yaml-language-server: $schema=../docs/servicebp.schema.json",
			Keys:   map[string]string{"steps": "# the cards"},
		},
	}
	return d
}

// cmdState is a document as saved, and its exact in-memory form with
// empty and nil slices made equal (saving cannot tell them apart).
type cmdState struct {
	yaml []byte
	doc  *Document
}

func cmdSnap(t *testing.T, d *Document) cmdState {
	t.Helper()
	b, err := Marshal(d)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return cmdState{yaml: b, doc: cmdMem(d)}
}

// cmdMem is d's exact in-memory form, a deep copy with empty and nil
// slices made equal.
func cmdMem(d *Document) *Document {
	c := d.Clone()
	c.Lanes = cmdNilIfEmpty(c.Lanes)
	c.Lines = cmdNilIfEmpty(c.Lines)
	c.Columns = cmdNilIfEmpty(c.Columns)
	c.Steps = cmdNilIfEmpty(c.Steps)
	c.Flows = cmdNilIfEmpty(c.Flows)
	c.Questions = cmdNilIfEmpty(c.Questions)
	for i := range c.Steps {
		c.Steps[i].Tags = cmdNilIfEmpty(c.Steps[i].Tags)
	}
	return c
}

// cmdUntouched fails the test when before, the Document value from before
// an edit, no longer holds want: the edit wrote into a slice it shares
// with the history's snapshots instead of replacing it.
func cmdUntouched(t *testing.T, what string, before *Document, want cmdState) {
	t.Helper()
	if got := cmdMem(before); !reflect.DeepEqual(got, want.doc) {
		t.Fatalf("%s: the edit wrote into the state before it\ngot  %+v\nwant %+v", what, got, want.doc)
	}
}

func cmdNilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// cmdSame fails the test when two states differ, saved bytes or memory.
func cmdSame(t *testing.T, what string, got, want cmdState) {
	t.Helper()
	if !bytes.Equal(got.yaml, want.yaml) {
		t.Fatalf("%s: saved YAML differs\n--- got\n%s\n--- want\n%s", what, got.yaml, want.yaml)
	}
	if !reflect.DeepEqual(got.doc, want.doc) {
		t.Fatalf("%s: document differs in memory\ngot  %+v\nwant %+v", what, got.doc, want.doc)
	}
}

// cmdCheckValid fails the test when d's saved form does not load back, or
// when its steps are not in canonical order.
func cmdCheckValid(t *testing.T, d *Document) {
	t.Helper()
	b, err := Marshal(d)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	if _, err := Parse("edited.yaml", b); err != nil {
		t.Fatalf("saved document does not load: %v\n%s", err, b)
	}
	sorted := slices.Clone(d.Steps)
	(&Document{Lanes: d.Lanes, Columns: d.Columns, Steps: sorted}).SortSteps()
	for i := range sorted {
		if sorted[i].ID != d.Steps[i].ID {
			t.Fatalf("steps are not in canonical order: %q at %d, want %q", d.Steps[i].ID, i, sorted[i].ID)
		}
	}
}

func TestCmdFixtureIsValid(t *testing.T) {
	cmdCheckValid(t, cmdFixture())
}
