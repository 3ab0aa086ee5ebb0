package blueprint

import (
	"bytes"
	"slices"
)

// ParseValid is for a file that Parse refuses: it returns the part of the
// document that is valid, or nil when the errors leave nothing to keep
// (the YAML cannot be read, or the elements left still break the rules).
// The steps and flows with errors are left out, and so are the steps in
// an unknown lane or column, a second step with an id already used, and
// the flows and lines that lose what they refer to. A file that Parse
// accepts is returned whole.
func ParseValid(name string, data []byte) (doc *Document) {
	defer func() {
		if r := recover(); r != nil {
			doc = nil
		}
	}()
	if d, err := Parse(name, data); err == nil {
		return d
	}
	if len(data) > MaxFileSize {
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(checkText(name, data)) > 0 {
		return nil
	}
	src := newSource(data)
	if len(checkDirectives(name, src)) > 0 || len(prescan(name, data)) > 0 {
		return nil
	}
	root, errs := decodeYAML(name, src)
	if len(errs) > 0 {
		return nil
	}
	dec := &decoder{file: name, src: src}
	if d := dec.document(root); d != nil {
		return d
	}
	d := dec.valid
	if d == nil || len(d.Lanes) == 0 || len(d.Columns) == 0 {
		return nil
	}
	d = d.Clone()
	seen := map[string]bool{}
	d.Steps = slices.DeleteFunc(d.Steps, func(s Step) bool {
		bad := seen[s.ID] || d.LaneIndex(s.Lane) < 0 || d.ColumnIndex(s.Column) < 0
		seen[s.ID] = true
		return bad
	})
	pairs := map[[2]string]bool{}
	d.Flows = slices.DeleteFunc(d.Flows, func(f Flow) bool {
		k := [2]string{f.From, f.To}
		bad := pairs[k] || f.From == f.To || d.StepIndex(f.From) < 0 || d.StepIndex(f.To) < 0
		pairs[k] = true
		return bad
	})
	d.Lines = slices.DeleteFunc(d.Lines, func(l Line) bool {
		i := d.LaneIndex(l.Below)
		return i < 0 || i == len(d.Lanes)-1
	})
	if checkEdited(d) != nil {
		return nil
	}
	d.SortSteps()
	return d
}
