package analysis

import (
	"servicebp/blueprint"
)

// index holds the lookups the rules and stats share, built once per run.
type index struct {
	d *blueprint.Document
	// lane and col map ids to their position; step maps a step id to its
	// index in d.Steps.
	lane map[string]int
	col  map[string]int
	step map[string]int
	// stepLane is each step's lane index, or -1 when its lane is unknown.
	stepLane []int
	// flowsOf lists, per step index, the indexes of the flows that start or
	// end at the step.
	flowsOf [][]int
	// colKinds has, per column, a bit per lane kind with a step in that
	// column; colSteps counts the steps per column.
	colKinds []uint8
	colSteps []int
	// laneSteps counts the steps per lane.
	laneSteps []int
	// lines maps the interaction, visibility and internal line kinds to the
	// index of the lane the first such line sits below. A kind without a
	// usable line is absent.
	lines map[blueprint.LineKind]int
	// hasKind has a bit per lane kind used by some lane.
	hasKind uint8
}

func kindBit(k blueprint.LaneKind) uint8 {
	for i, kk := range blueprint.LaneKinds {
		if kk == k {
			return 1 << i
		}
	}
	return 0
}

func newIndex(d *blueprint.Document) *index {
	x := &index{
		d:         d,
		lane:      make(map[string]int, len(d.Lanes)),
		col:       make(map[string]int, len(d.Columns)),
		step:      make(map[string]int, len(d.Steps)),
		stepLane:  make([]int, len(d.Steps)),
		flowsOf:   make([][]int, len(d.Steps)),
		colKinds:  make([]uint8, len(d.Columns)),
		colSteps:  make([]int, len(d.Columns)),
		laneSteps: make([]int, len(d.Lanes)),
		lines:     make(map[blueprint.LineKind]int, 3),
	}
	for i, l := range d.Lanes {
		if _, dup := x.lane[l.ID]; !dup {
			x.lane[l.ID] = i
		}
		x.hasKind |= kindBit(l.Kind)
	}
	for i, c := range d.Columns {
		if _, dup := x.col[c.ID]; !dup {
			x.col[c.ID] = i
		}
	}
	for _, l := range d.Lines {
		if l.Kind == blueprint.LineCustom {
			continue
		}
		if _, seen := x.lines[l.Kind]; seen {
			continue
		}
		if li, ok := x.lane[l.Below]; ok {
			x.lines[l.Kind] = li
		}
	}
	for i, s := range d.Steps {
		if _, dup := x.step[s.ID]; !dup {
			x.step[s.ID] = i
		}
		li, ok := x.lane[s.Lane]
		if !ok {
			li = -1
		} else {
			x.laneSteps[li]++
		}
		x.stepLane[i] = li
		if ci, ok := x.col[s.Column]; ok {
			x.colSteps[ci]++
			if li >= 0 {
				x.colKinds[ci] |= kindBit(d.Lanes[li].Kind)
			}
		}
	}
	for fi, f := range d.Flows {
		a, okA := x.step[f.From]
		b, okB := x.step[f.To]
		if okA {
			x.flowsOf[a] = append(x.flowsOf[a], fi)
		}
		if okB && b != a {
			x.flowsOf[b] = append(x.flowsOf[b], fi)
		}
	}
	return x
}

// kindOf returns the kind of step i's lane, or "" when its lane is unknown.
func (x *index) kindOf(i int) blueprint.LaneKind {
	if li := x.stepLane[i]; li >= 0 {
		return x.d.Lanes[li].Kind
	}
	return ""
}

// side says where step i sits relative to the line of kind k: -1 above it,
// +1 below it, 0 when the line or the step's lane is unknown.
func (x *index) side(k blueprint.LineKind, i int) int {
	below, ok := x.lines[k]
	li := x.stepLane[i]
	if !ok || li < 0 {
		return 0
	}
	if li <= below {
		return -1
	}
	return 1
}

// crosses reports whether a flow between steps a and b crosses the line of
// kind k.
func (x *index) crosses(k blueprint.LineKind, a, b int) bool {
	sa, sb := x.side(k, a), x.side(k, b)
	return sa != 0 && sb != 0 && sa != sb
}

// ends returns the step indexes of flow fi's two ends, and false when
// either end is unknown.
func (x *index) ends(fi int) (from, to int, ok bool) {
	f := x.d.Flows[fi]
	a, okA := x.step[f.From]
	b, okB := x.step[f.To]
	return a, b, okA && okB
}

// other returns the step index at the far end of flow fi from step i.
func (x *index) other(fi, i int) (int, bool) {
	a, b, ok := x.ends(fi)
	if !ok {
		return 0, false
	}
	if a == i {
		return b, true
	}
	return a, true
}
