package present

import (
	"reflect"
	"testing"

	"servicebp/blueprint"
)

// notesDoc has columns in phases "AAB" and, in each column, a customer
// step and a frontstage step; step ids are lane then column ("cust1"),
// and every step but front0 has notes.
func notesDoc() *blueprint.Document {
	d := columns("AAB")
	cust, front := d.Lanes[1].ID, d.Lanes[2].ID
	for i, c := range d.Columns {
		n := string(rune('0' + i))
		// The frontstage step comes first in the file: notes follow the
		// lanes, not the file.
		d.Steps = append(d.Steps,
			blueprint.Step{ID: "front" + n, Lane: front, Column: c.ID, Text: "Front " + n, Notes: "say front " + n},
			blueprint.Step{ID: "cust" + n, Lane: cust, Column: c.ID, Text: "Cust " + n, Notes: "say cust " + n})
	}
	d.Steps[0].Notes = ""
	d.Flows = append(d.Flows, blueprint.Flow{From: "cust1", To: "front1"})
	return d
}

func ids(notes []Note) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n.StepID)
	}
	return out
}

func TestSlideNotesFollowTheReveal(t *testing.T) {
	d := notesDoc()
	r := NewReveal(d)
	want := [][]string{
		{"cust0"}, // front0 has no notes
		{"cust0", "cust1", "front1"},
		{"cust2", "front2"}, // a new phase starts a new slide
	}
	for i, w := range want {
		if i > 0 {
			r.Next()
		}
		if got := ids(SlideNotes(d, r, nil)); !reflect.DeepEqual(got, w) {
			t.Errorf("column %d: notes of %v, want %v", i, got, w)
		}
	}
	n := SlideNotes(d, r, nil)[0]
	if n.Text != "Cust 2" || n.Notes != "say cust 2" {
		t.Errorf("note %+v, want the step's text and notes", n)
	}
}

func TestSlideNotesOfTheSpotlight(t *testing.T) {
	d := notesDoc()
	r := NewReveal(d)
	r.Next()
	s := NewSpotlight(d, "front1")
	got := ids(SlideNotes(d, r, s))
	if len(got) == 0 || got[0] != "front1" {
		t.Fatalf("spotlight notes %v, want front1 first", got)
	}
	for _, id := range got {
		if !s.Contains(id) {
			t.Errorf("note of %s, which is outside the spotlight", id)
		}
	}
	if want := []string{"front1", "cust1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("spotlight notes %v, want %v", got, want)
	}
}

func TestSlideNotesEmpty(t *testing.T) {
	d := columns("")
	if got := SlideNotes(d, NewReveal(d), nil); got != nil {
		t.Errorf("notes of a blueprint without columns: %v", got)
	}
}

func TestNextColumn(t *testing.T) {
	d := notesDoc()
	r := NewReveal(d)
	for i, want := range []string{"c1", "c2", ""} {
		if i > 0 {
			r.Next()
		}
		c, ok := NextColumn(d, r)
		if c.ID != want || ok != (want != "") {
			t.Errorf("at column %d: next %q %v, want %q", i, c.ID, ok, want)
		}
	}
}
