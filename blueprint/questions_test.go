package blueprint

import (
	"errors"
	"strings"
	"testing"
)

// workshopSource is a canonical file with votes and a parking lot.
const workshopSource = `servicebp: 1
title: 点单 workshop
steps:
  - id: order
    lane: customer
    column: order
    text: Order a flat white
    votes: 7
  - id: pay
    lane: customer
    column: pay
    text: 付款
    fail: Card reader is down
    votes: 1
questions:
  # raised by the night shift
  - {text: "Who restocks the cups?", step: order, owner: Ana}
  - {text: "Offer a loyalty stamp: 集点卡", kind: idea}
  - {text: Call the card vendor, step: pay, owner: 陳, kind: action}
`

// TestWorkshopRoundTrip checks that votes and questions load and save
// byte for byte, and that the loader keeps their values.
func TestWorkshopRoundTrip(t *testing.T) {
	d, err := Parse("w.yaml", []byte(workshopSource))
	if err != nil {
		t.Fatal(err)
	}
	if d.Step("order").Votes != 7 || d.TotalVotes() != 8 {
		t.Errorf("votes %d, total %d; want 7 and 8", d.Step("order").Votes, d.TotalVotes())
	}
	if len(d.Questions) != 3 {
		t.Fatalf("questions %+v", d.Questions)
	}
	q := d.Questions[2]
	if q.Text != "Call the card vendor" || q.Step != "pay" || q.Owner != "陳" || q.Kind != QuestionAction || q.Pos.Line != 19 {
		t.Errorf("question 3 = %+v", q)
	}
	if d.Questions[0].KindOrDefault() != QuestionOpen || d.Questions[0].Comment != "# raised by the night shift" {
		t.Errorf("question 1 = %+v", d.Questions[0])
	}
	out, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != workshopSource {
		t.Fatalf("round trip changed the file:\n%s", unifiedLines(workshopSource, string(out)))
	}
	again, err := Marshal(d.Clone())
	if err != nil || string(again) != workshopSource {
		t.Fatalf("a clone saves differently (%v)", err)
	}
}

// TestWorkshopCanonical checks that zero votes and the default kind are
// left out.
func TestWorkshopCanonical(t *testing.T) {
	src := "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, votes: 0}\nquestions:\n  - {kind: question, text: Why}\n"
	d, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	want := "servicebp: 1\nsteps:\n  - id: a\n    lane: customer\n    column: c\nquestions:\n  - {text: Why}\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestWorkshopRejects checks the positioned errors of bad votes and
// questions.
func TestWorkshopRejects(t *testing.T) {
	step := "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, votes: %s}\n"
	for _, tt := range []struct{ name, src, want string }{
		{"negative votes", strings.Replace(step, "%s", "-3", 1), "3:47: votes cannot be negative (-3)"},
		{"fractional votes", strings.Replace(step, "%s", "1.5", 1), "3:47: votes must be a whole number of dot votes from 0 to 999, not 1.5"},
		{"text votes", strings.Replace(step, "%s", "many", 1), "3:47: votes must be a whole number of dot votes from 0 to 999, not text"},
		{"hex votes", strings.Replace(step, "%s", "0x10", 1), "3:47: votes must be a whole number of dot votes from 0 to 999, not 0x10"},
		{"huge votes", strings.Replace(step, "%s", "99999999999999999999999", 1), "3:47: votes must be at most 999, not 99999999999999999999999"},
		{"votes over max", strings.Replace(step, "%s", "1000", 1), "3:47: votes must be at most 999, not 1000"},
		{"question without text", "servicebp: 1\nquestions:\n  - {owner: Ana}\n", `3:5: a question is missing its "text"`},
		{"empty question", "servicebp: 1\nquestions:\n  - {text: \"  \"}\n", "3:12: a question's text cannot be empty"},
		{"dangling step", "servicebp: 1\nsteps:\n  - {id: order, lane: customer, column: c}\nquestions:\n  - {text: \"Why?\", step: ordr}\n", `5:5: question "Why?": step "ordr": no step has that id; did you mean "order"?`},
		{"bad kind", "servicebp: 1\nquestions:\n  - {text: \"Why?\", kind: idee}\n", `3:26: unknown question kind "idee"; did you mean "idea"?`},
		{"duplicate question", "servicebp: 1\nquestions:\n  - {text: \"Why?\"}\n  - {text: \"Why?\"}\n", `4:5: duplicate question "Why?" (first at line 3)`},
		{"unknown key", "servicebp: 1\nquestions:\n  - {text: \"Why?\", who: Ana}\n", `3:20: unknown key "who" in a question`},
		{"questions not a list", "servicebp: 1\nquestions: hi\n", "2:12: questions must be a list"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(tt.src))
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("got %v, want an ErrorList", err)
			}
			if !strings.Contains(err.Error(), "bad.yaml:"+tt.want) {
				t.Errorf("error:\n%v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// TestMarshalVerifiesWorkshopFields checks that the self-verification of
// Marshal covers votes and questions: a document the loader would refuse
// is not written.
func TestMarshalVerifiesWorkshopFields(t *testing.T) {
	base := func() *Document {
		d, err := Parse("w.yaml", []byte(workshopSource))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tt := range []struct {
		name string
		edit func(*Document)
		want string
	}{
		{"negative votes", func(d *Document) { d.Steps[0].Votes = -1 }, `step "order"`},
		{"too many votes", func(d *Document) { d.Steps[0].Votes = MaxVotes + 1 }, "votes must be at most 999"},
		{"dangling step", func(d *Document) { d.Questions[0].Step = "gone" }, `no step has that id`},
		{"empty text", func(d *Document) { d.Questions[1].Text = "" }, "text cannot be empty"},
		{"bad kind", func(d *Document) { d.Questions[1].Kind = "todo" }, `unknown question kind "todo"`},
		{"duplicate", func(d *Document) { d.Questions[1].Text = d.Questions[0].Text }, "duplicate question"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.edit(d)
			_, err := Marshal(d)
			if err == nil || !strings.Contains(err.Error(), "internal error") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Marshal: %v; want an internal error naming %q", err, tt.want)
			}
		})
	}
}
