// Package bpgen generates large, realistic service blueprints for
// benchmarks and stress tests. Output is deterministic: the same size always
// gives the same document.
package bpgen

import (
	"fmt"

	"servicebp/blueprint"
)

// Generate returns a blueprint with n steps on the five canonical lanes.
// Each column holds one step per lane (the last column may hold fewer);
// columns are grouped six to a phase. Customer steps flow to the next
// customer step and to the frontstage; each lane flows down to the next, so
// flows cross all three lines. Every seventh step is a fail point, every
// fifth a wait point, and every eleventh a moment of truth.
func Generate(n int) *blueprint.Document {
	d := blueprint.New(fmt.Sprintf("Generated blueprint, %d steps", n), blueprint.EnglishNames)
	d.Description = "A generated blueprint for benchmarks."
	d.Columns = nil
	lanes := d.Lanes
	perColumn := len(lanes)
	cols := (n + perColumn - 1) / perColumn
	for c := range cols {
		d.Columns = append(d.Columns, blueprint.Column{
			ID:    fmt.Sprintf("c%04d", c+1),
			Name:  fmt.Sprintf("Column %d", c+1),
			Phase: fmt.Sprintf("Phase %d", c/6+1),
		})
	}
	for i := range n {
		c, l := i/perColumn, i%perColumn
		s := blueprint.Step{
			ID:     fmt.Sprintf("s%05d", i+1),
			Lane:   lanes[l].ID,
			Column: d.Columns[c].ID,
			Text:   fmt.Sprintf("%s step %d: %s", lanes[l].Name, c+1, phrases[i%len(phrases)]),
		}
		if i%7 == 3 {
			s.Fail = "Information is missing or out of date"
			s.Owner = "Team " + string(rune('A'+i%5))
			if i%2 == 0 {
				s.Recovery = "Call the customer back within the hour"
			}
		}
		if i%5 == 1 {
			s.Wait = blueprint.Duration(1+i%20) * blueprint.Minute
		}
		if i%11 == 1 {
			s.Moment = true
			s.Emotion = i%5 - 2
		}
		if i%3 == 0 {
			s.Duration = blueprint.Duration(2+i%9) * blueprint.Minute
		}
		d.Steps = append(d.Steps, s)
	}
	for i, s := range d.Steps {
		l := i % perColumn
		if l < perColumn-1 && i+1 < len(d.Steps) && d.Steps[i+1].Column == s.Column {
			d.Flows = append(d.Flows, blueprint.Flow{From: s.ID, To: d.Steps[i+1].ID, TwoWay: l == 2})
		}
		if l == 1 && i+perColumn < len(d.Steps) {
			d.Flows = append(d.Flows, blueprint.Flow{From: s.ID, To: d.Steps[i+perColumn].ID, Label: "next"})
		}
	}
	d.SortSteps()
	return d
}

var phrases = []string{
	"check the booking details",
	"hand over the documents",
	"confirm the appointment by text message",
	"update the customer record",
	"prepare the order for pickup",
	"answer questions about the bill",
	"escalate to a specialist",
}

// Stack regroups the columns of d k at a time, so that each cell holds k
// cards: a large generated blueprint then stays narrow enough to export
// at scale 1 within the image size limits. d is not changed.
func Stack(d *blueprint.Document, k int) *blueprint.Document {
	d = d.Clone()
	idx := make(map[string]int, len(d.Columns))
	for i, c := range d.Columns {
		idx[c.ID] = i
	}
	for i := range d.Steps {
		d.Steps[i].Column = d.Columns[idx[d.Steps[i].Column]/k*k].ID
	}
	var cols []blueprint.Column
	for i := 0; i < len(d.Columns); i += k {
		cols = append(cols, d.Columns[i])
	}
	d.Columns = cols
	d.SortSteps()
	return d
}
