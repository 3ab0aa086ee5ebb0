package analysis

import (
	"servicebp/blueprint"
)

// st makes a step.
func st(id, lane, col, text string) blueprint.Step {
	return blueprint.Step{ID: id, Lane: lane, Column: col, Text: text}
}

// fl makes a one-way flow.
func fl(from, to string) blueprint.Flow { return blueprint.Flow{From: from, To: to} }

// mk builds a blueprint with the canonical lanes and lines, the columns the
// steps name (in order of first use) and the given flows.
func mk(steps []blueprint.Step, flows ...blueprint.Flow) *blueprint.Document {
	d := blueprint.New("test", blueprint.EnglishNames)
	d.Columns = nil
	seen := map[string]bool{}
	for _, s := range steps {
		if !seen[s.Column] {
			seen[s.Column] = true
			d.Columns = append(d.Columns, blueprint.Column{ID: s.Column})
		}
	}
	d.Steps = steps
	d.Flows = flows
	return d
}

// with applies edits to d and returns it.
func with(d *blueprint.Document, edits ...func(*blueprint.Document)) *blueprint.Document {
	for _, e := range edits {
		e(d)
	}
	return d
}

// noLine removes the lines of kind k.
func noLine(k blueprint.LineKind) func(*blueprint.Document) {
	return func(d *blueprint.Document) {
		var keep []blueprint.Line
		for _, l := range d.Lines {
			if l.Kind != k {
				keep = append(keep, l)
			}
		}
		d.Lines = keep
	}
}

// moveLine puts the line of kind k below lane.
func moveLine(k blueprint.LineKind, lane string) func(*blueprint.Document) {
	return func(d *blueprint.Document) {
		for i := range d.Lines {
			if d.Lines[i].Kind == k {
				d.Lines[i].Below = lane
			}
		}
	}
}

// addLane inserts a lane after the lane with id after.
func addLane(l blueprint.Lane, after string) func(*blueprint.Document) {
	return func(d *blueprint.Document) {
		i := d.LaneIndex(after) + 1
		d.Lanes = append(d.Lanes[:i], append([]blueprint.Lane{l}, d.Lanes[i:]...)...)
	}
}

// dropLane removes the lane with id.
func dropLane(id string) func(*blueprint.Document) {
	return func(d *blueprint.Document) {
		i := d.LaneIndex(id)
		d.Lanes = append(d.Lanes[:i], d.Lanes[i+1:]...)
	}
}

// setStep edits the step with id.
func setStep(id string, edit func(*blueprint.Step)) func(*blueprint.Document) {
	return func(d *blueprint.Document) { edit(d.Step(id)) }
}
