package blueprint

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// LaneIndex returns the index of the lane with id, or -1.
func (d *Document) LaneIndex(id string) int {
	return slices.IndexFunc(d.Lanes, func(l Lane) bool { return l.ID == id })
}

// LineIndex returns the index of the line with id, or -1.
func (d *Document) LineIndex(id string) int {
	return slices.IndexFunc(d.Lines, func(l Line) bool { return l.ID == id })
}

// ColumnIndex returns the index of the column with id, or -1.
func (d *Document) ColumnIndex(id string) int {
	return slices.IndexFunc(d.Columns, func(c Column) bool { return c.ID == id })
}

// StepIndex returns the index of the step with id, or -1.
func (d *Document) StepIndex(id string) int {
	return slices.IndexFunc(d.Steps, func(s Step) bool { return s.ID == id })
}

// FlowIndex returns the index of the flow from → to, or -1.
func (d *Document) FlowIndex(from, to string) int {
	return slices.IndexFunc(d.Flows, func(f Flow) bool { return f.From == from && f.To == to })
}

// Step returns a pointer to the step with id, or nil. The pointer is valid
// until the next edit. Never assign through it: the steps are shared with
// the snapshots History keeps for undo, so change them with a command.
func (d *Document) Step(id string) *Step {
	if i := d.StepIndex(id); i >= 0 {
		return &d.Steps[i]
	}
	return nil
}

// Lane returns a pointer to the lane with id, or nil; like Step's, it is
// for reading.
func (d *Document) Lane(id string) *Lane {
	if i := d.LaneIndex(id); i >= 0 {
		return &d.Lanes[i]
	}
	return nil
}

// Column returns a pointer to the column with id, or nil; like Step's, it
// is for reading.
func (d *Document) Column(id string) *Column {
	if i := d.ColumnIndex(id); i >= 0 {
		return &d.Columns[i]
	}
	return nil
}

// CellSteps returns the ids of the steps in the lane × column cell, in
// stacking order (top first).
func (d *Document) CellSteps(lane, column string) []string {
	var ids []string
	for _, s := range d.Steps {
		if s.Lane == lane && s.Column == column {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// Phase is a run of consecutive columns with the same phase name.
type Phase struct {
	Name string
	// First and Last are the indexes of the phase's first and last columns.
	First, Last int
}

// Phases groups the columns into phases. Columns without a phase form
// unnamed phases of their own runs.
func (d *Document) Phases() []Phase {
	var ps []Phase
	for i, c := range d.Columns {
		if n := len(ps); n > 0 && ps[n-1].Name == c.Phase {
			ps[n-1].Last = i
			continue
		}
		ps = append(ps, Phase{Name: c.Phase, First: i, Last: i})
	}
	return ps
}

// SortSteps puts the steps in canonical order: by column, then by lane,
// keeping the stacking order of the steps within a cell. Steps whose lane or
// column is unknown go last, in their current order.
func (d *Document) SortSteps() {
	col := make(map[string]int, len(d.Columns))
	for i, c := range d.Columns {
		col[c.ID] = i
	}
	lane := make(map[string]int, len(d.Lanes))
	for i, l := range d.Lanes {
		lane[l.ID] = i
	}
	key := func(s Step) (int, int) {
		c, ok1 := col[s.Column]
		l, ok2 := lane[s.Lane]
		if !ok1 || !ok2 {
			return len(d.Columns), 0
		}
		return c, l
	}
	sort.SliceStable(d.Steps, func(i, j int) bool {
		ci, li := key(d.Steps[i])
		cj, lj := key(d.Steps[j])
		if ci != cj {
			return ci < cj
		}
		return li < lj
	})
}

// Clone returns a deep copy of d.
func (d *Document) Clone() *Document {
	c := *d
	c.Lanes = slices.Clone(d.Lanes)
	c.Lines = slices.Clone(d.Lines)
	c.Columns = slices.Clone(d.Columns)
	c.Steps = slices.Clone(d.Steps)
	for i := range c.Steps {
		c.Steps[i].Tags = slices.Clone(c.Steps[i].Tags)
		c.Steps[i].Waiting = slices.Clone(c.Steps[i].Waiting)
		c.Steps[i].KeyComments = maps.Clone(c.Steps[i].KeyComments)
	}
	c.Flows = slices.Clone(d.Flows)
	c.Lint.Disable = slices.Clone(d.Lint.Disable)
	c.Conflicts = slices.Clone(d.Conflicts)
	c.Questions = slices.Clone(d.Questions)
	c.Comments.Keys = cloneMap(d.Comments.Keys)
	c.Comments.KeyLines = cloneMap(d.Comments.KeyLines)
	return &c
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// UniqueID returns an id derived from text that no lane, line, column or
// step of d uses yet: a lowercase slug of its first words, or prefix when
// the text has no letters or digits, with -2, -3 ... appended as needed.
func (d *Document) UniqueID(text, prefix string) string {
	base := Slug(text)
	if base == "" {
		base = prefix
	}
	used := d.usedIDs()
	if !used[base] {
		return base
	}
	for n := 2; ; n++ {
		id := base + "-" + strconv.Itoa(n)
		if !used[id] {
			return id
		}
	}
}

func (d *Document) usedIDs() map[string]bool {
	used := make(map[string]bool, len(d.Steps)+len(d.Columns)+len(d.Lanes)+len(d.Lines))
	for _, s := range d.Steps {
		used[s.ID] = true
	}
	for _, c := range d.Columns {
		used[c.ID] = true
	}
	for _, l := range d.Lanes {
		used[l.ID] = true
	}
	for _, l := range d.Lines {
		used[l.ID] = true
	}
	return used
}

// Slug makes an id from text: lowercase letters and digits of its first
// few words joined by hyphens, at most 24 bytes, cut after a whole word
// (a single longer word is cut short). Letters of any script are kept, so
// Chinese text gives a Chinese id.
func Slug(text string) string { return SlugN(text, 24) }

// SlugN is Slug with at most n bytes, for names longer than ids, such as
// the file name a blueprint's title suggests.
func SlugN(text string, n int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			midWord := !dash && b.Len() > 0
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if b.Len()+len(string(r)) > n {
				// Cut at the end of the last whole word, unless that
				// leaves a single word cut short.
				out := strings.TrimSuffix(b.String(), "-")
				if i := strings.LastIndexByte(out, '-'); midWord && i > 0 {
					out = out[:i]
				}
				return out
			}
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
