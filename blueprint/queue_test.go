package blueprint

import (
	"bytes"
	"strings"
	"testing"
)

func TestParseRate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Rate
		err  string
	}{
		{"30/h", Rate{30, Hour}, ""},
		{"1/s", Rate{1, Second}, ""},
		{"12/m", Rate{12, Minute}, ""},
		{"400/d", Rate{400, Day}, ""},
		{"1000000/h", Rate{1000000, Hour}, ""},
		{"0/h", Rate{}, "is zero"},
		{"3.5/h", Rate{}, "whole number"},
		{"-3/h", Rate{}, "whole number"},
		{"03/h", Rate{}, "whole number"},
		{"30", Rate{}, "count per unit"},
		{"30/w", Rate{}, "s, m, h or d"},
		{"30/hour", Rate{}, "s, m, h or d"},
		{"/h", Rate{}, "whole number"},
		{"1000001/h", Rate{}, "too large"},
		{"99999999/h", Rate{}, "whole number"},
	} {
		got, err := ParseRate(tc.in)
		switch {
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("ParseRate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseRate(%q) error %v, want one containing %q", tc.in, err, tc.err)
		case err == nil && got.String() != tc.in:
			t.Errorf("%q writes back as %q", tc.in, got.String())
		}
	}
	if r := (Rate{Count: 30, Per: Hour}); r.PerSecond() != 30.0/3600 {
		t.Errorf("PerSecond = %v", r.PerSecond())
	}
}

// TestQueueRejects checks that a bad queue block or waiting list is refused
// at the value that is wrong.
func TestQueueRejects(t *testing.T) {
	head := "servicebp: 1\nsteps:\n  - id: a\n    lane: customer\n    column: c\n"
	for _, tc := range []struct {
		name, src, want string
	}{
		{"zero servers", "    queue: {arrivals: 30/h, servers: 0, service: 6m}\n", "6:38: servers must be a whole number from 1 to 10000, not 0"},
		{"negative servers", "    queue: {arrivals: 30/h, servers: -2, service: 6m}\n", "6:38: servers must be a whole number from 1 to 10000, not -2"},
		{"servers text", "    queue: {arrivals: 30/h, servers: two, service: 6m}\n", "6:38: servers must be a whole number"},
		{"malformed rate", "    queue: {arrivals: 30 an hour, servers: 2, service: 6m}\n", `6:23: invalid arrival rate "30 an hour"`},
		{"zero rate", "    queue: {arrivals: 0/h, servers: 2, service: 6m}\n", `6:23: arrival rate "0/h" is zero`},
		{"zero service", "    queue: {arrivals: 30/h, servers: 2, service: 0m}\n", "6:50: service time must be longer than zero"},
		{"bad service", "    queue: {arrivals: 30/h, servers: 2, service: six}\n", "6:50: service: invalid duration"},
		{"missing servers", "    queue: {arrivals: 30/h, service: 6m}\n", `6:12: a queue is missing its "servers"`},
		{"unknown key", "    queue: {arrivals: 30/h, servers: 2, service: 6m, servres: 3}\n", `6:54: unknown key "servres" in queue; did you mean "servers"?`},
		{"unknown structure", "    queue: {arrivals: 30/h, servers: 2, service: 6m, structure: snak}\n", `6:65: unknown queue structure "snak"; did you mean "snake"?`},
		{"queue a list", "    queue: [30/h]\n", "6:12: queue must be a mapping"},
		{"unknown condition", "    waiting: [explained, knwon-length]\n", `6:26: unknown waiting condition "knwon-length"; did you mean "known-length"?`},
		{"condition twice", "    waiting: [fair, fair]\n", `6:21: waiting condition "fair" is listed twice`},
		{"waiting text", "    waiting: fair\n", "6:14: waiting must be a list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("q.yaml", []byte(head+tc.src))
			if err == nil || !strings.Contains(err.Error(), "q.yaml:"+tc.want) {
				t.Errorf("error %v, want q.yaml:%s", err, tc.want)
			}
		})
	}
}

// TestQueueRoundTrip checks the canonical form of a queue block: keys in
// order, the comments inside it kept above "queue", and a second save the
// same as the first.
func TestQueueRoundTrip(t *testing.T) {
	src := "servicebp: 1\nsteps:\n  - id: a\n    lane: customer\n    column: c\n    wait: 20m\n" +
		"    queue:\n      structure: ticket\n      service: 360s # per customer\n      servers: 2\n      arrivals: 30/h\n" +
		"    waiting: [known-length, explained]\n"
	d, err := Parse("q.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := Queue{Arrivals: Rate{30, Hour}, Servers: 2, Service: 6 * Minute, Structure: StructureTicket}
	if s := d.Steps[0]; s.Queue != want || strings.Join(s.Waiting, ",") != "known-length,explained" {
		t.Fatalf("step = %+v", s)
	}
	out, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	canonical := "servicebp: 1\nsteps:\n  - id: a\n    lane: customer\n    column: c\n    wait: 20m\n" +
		"    # per customer\n    queue:\n      arrivals: 30/h\n      servers: 2\n      service: 6m\n      structure: ticket\n" +
		"    waiting: [known-length, explained]\n"
	if string(out) != canonical {
		t.Errorf("canonical form:\n%s\nwant\n%s", out, canonical)
	}
	d2, err := Parse("q.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	out2, err := Marshal(d2)
	if err != nil || !bytes.Equal(out, out2) {
		t.Errorf("second save differs (%v):\n%s", err, out2)
	}
}

// TestQueueCommands checks that the edit commands refuse a bad queue or
// waiting list, and that an edited step keeps its own copy of the list.
func TestQueueCommands(t *testing.T) {
	d := New("q", EnglishNames)
	d.Columns = []Column{{ID: "c"}}
	h := NewHistory(d)
	s := Step{ID: "a", Lane: "customer", Column: "c", Queue: Queue{Arrivals: Rate{30, Hour}, Servers: 0, Service: Minute}}
	if err := h.Apply(AddStep(s, -1)); err == nil || !strings.Contains(err.Error(), "servers") {
		t.Errorf("zero servers: %v", err)
	}
	s.Queue.Servers, s.Waiting = 2, []string{"patient"}
	if err := h.Apply(AddStep(s, -1)); err == nil || !strings.Contains(err.Error(), "unknown waiting condition") {
		t.Errorf("unknown condition: %v", err)
	}
	s.Waiting = []string{"fair"}
	if err := h.Apply(AddStep(s, -1)); err != nil {
		t.Fatal(err)
	}
	s.Waiting[0] = "group"
	if got := h.Doc().Step("a").Waiting; got[0] != "fair" {
		t.Errorf("the command shares the caller's slice: %v", got)
	}
	if _, err := Marshal(h.Doc()); err != nil {
		t.Errorf("Marshal: %v", err)
	}
}
