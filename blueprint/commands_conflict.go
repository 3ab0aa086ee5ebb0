package blueprint

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// The choices for a merge conflict: which side's value to keep.
const (
	ChooseOurs   = "ours"
	ChooseTheirs = "theirs"
	ChooseBase   = "base"
)

// ResolveConflict returns a command that resolves the merge conflict at
// index in d.Conflicts with the value of one side (ChooseOurs,
// ChooseTheirs or ChooseBase) and deletes its entry; the section goes with
// its last entry. For a field, the field gets that side's value. For an
// element in conflict as a whole, the element is deleted when that side
// deleted it ("deleted", or "deleted step ID" for a flow, which deletes
// the step too; for a question, it unlinks the question and deletes the
// step) and kept otherwise. A "document" conflict can only be
// resolved as OURS (the file already is): THEIRS is in git. The result
// must be a valid blueprint, or the command is refused and changes
// nothing.
func ResolveConflict(index int, choice string) Command {
	return CommandFunc("Resolve conflict", func(d *Document) error {
		return resolveConflict(d, index, choice)
	})
}

func resolveConflict(d *Document, index int, choice string) error {
	if index < 0 || index >= len(d.Conflicts) {
		return fmt.Errorf("resolve conflict: no conflict %d (the file has %d)", index+1, len(d.Conflicts))
	}
	k := d.Conflicts[index]
	var value string
	switch choice {
	case ChooseOurs:
		value = k.Ours
	case ChooseTheirs:
		value = k.Theirs
	case ChooseBase:
		value = k.Base
	default:
		return fmt.Errorf("resolve conflict: choose %s, %s or %s, not %q", ChooseOurs, ChooseTheirs, ChooseBase, choice)
	}
	next := d.Clone()
	var err error
	if k.Element != "document" && (k.Field != "" || k.Element == "title" || k.Element == "description") {
		err = setConflictField(next, k, value)
	} else {
		err = applyElementChoice(next, k, choice, value)
	}
	if err != nil {
		return fmt.Errorf("resolve conflict on %s: %w", conflictName(k), err)
	}
	next.Conflicts = slices.Delete(next.Conflicts, index, index+1)
	if len(next.Conflicts) == 0 {
		next.Conflicts = nil
	}
	if _, err := Marshal(next); err != nil {
		return fmt.Errorf("resolve conflict on %s: the blueprint would not be valid: %w", conflictName(k), err)
	}
	*d = *next
	return nil
}

func conflictName(k Conflict) string {
	s := k.Element
	if k.ID != "" {
		s += " " + k.ID
	}
	if k.Field != "" {
		s += " field " + k.Field
	}
	return s
}

// setConflictField sets the field a conflict names to value, written as
// a blueprint file writes it.
func setConflictField(d *Document, k Conflict, value string) error {
	var target reflect.Value
	switch k.Element {
	case "title":
		d.Title = value
		return nil
	case "description":
		d.Description = value
		return nil
	case "lint":
		target = reflect.ValueOf(&d.Lint).Elem()
	case "step":
		target = fieldsOf(d.Steps, d.StepIndex(k.ID))
	case "lane":
		target = fieldsOf(d.Lanes, d.LaneIndex(k.ID))
	case "line":
		target = fieldsOf(d.Lines, d.LineIndex(k.ID))
	case "column":
		target = fieldsOf(d.Columns, d.ColumnIndex(k.ID))
	case "question":
		target = fieldsOf(d.Questions, d.QuestionIndex(k.ID))
	case "flow":
		from, to, _ := strings.Cut(k.ID, " -> ")
		i := d.FlowIndex(from, to)
		if i < 0 {
			return fmt.Errorf("no flow goes from %q to %q", from, to)
		}
		target = reflect.ValueOf(&d.Flows[i]).Elem()
	default:
		return fmt.Errorf("a %s has no field %q", k.Element, k.Field)
	}
	if !target.IsValid() {
		return fmt.Errorf("no %s has the id %q", k.Element, k.ID)
	}
	for i := range target.NumField() {
		f := target.Type().Field(i)
		if f.IsExported() && f.Name != "ID" && f.Name != "Pos" && fieldKey(f.Name) == k.Field {
			if k.Element == "question" && (f.Name == "Text" || (f.Name == "Step" && value != "" && d.StepIndex(value) < 0)) {
				return fmt.Errorf("a question cannot take %s %q here", k.Field, value)
			}
			return parseFieldValue(target.Field(i), value)
		}
	}
	return fmt.Errorf("a %s has no field %q", k.Element, k.Field)
}

// fieldsOf is the addressable element i of s, or the zero Value when i
// is out of range (an id not found).
func fieldsOf[T any](s []T, i int) reflect.Value {
	if i < 0 || i >= len(s) {
		return reflect.Value{}
	}
	return reflect.ValueOf(&s[i]).Elem()
}

// parseFieldValue sets v from its text as a blueprint file writes it; an
// empty text is the zero value.
func parseFieldValue(v reflect.Value, text string) error {
	if text == "" {
		v.SetZero()
		return nil
	}
	if v.Type() == reflect.TypeOf(Queue{}) {
		q, err := ParseQueue(text)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(q))
		return nil
	}
	if v.Type() == reflect.TypeOf(Duration(0)) {
		dur, err := ParseDuration(text)
		if err != nil {
			return err
		}
		v.SetInt(int64(dur))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(text)
	case reflect.Bool:
		b, err := strconv.ParseBool(text)
		if err != nil {
			return fmt.Errorf("%q is not true or false", text)
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", text)
		}
		v.SetInt(n)
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.String {
			return fmt.Errorf("cannot set a list of %s", v.Type().Elem())
		}
		var items []string
		if err := yaml.Unmarshal([]byte(text), &items); err != nil {
			return fmt.Errorf("%q is not a list such as [a, b]", text)
		}
		v.Set(reflect.ValueOf(items).Convert(v.Type()))
	default:
		return fmt.Errorf("cannot set a %s", v.Type())
	}
	return nil
}

// applyElementChoice deletes the element when the chosen side deleted it.
func applyElementChoice(d *Document, k Conflict, choice, value string) error {
	if k.Element == "document" {
		if choice != ChooseOurs {
			return fmt.Errorf("the file holds OURS; take THEIRS from git (git checkout --theirs FILE)")
		}
		return nil
	}
	if step, ok := strings.CutPrefix(value, "deleted step "); ok && k.Element == "flow" {
		from, to, _ := strings.Cut(k.ID, " -> ")
		if d.FlowIndex(from, to) >= 0 {
			if err := DeleteFlow(from, to).Do(d); err != nil {
				return err
			}
		}
		if d.StepIndex(step) >= 0 {
			return DeleteSteps(step).Do(d)
		}
		return nil
	}
	if step, ok := strings.CutPrefix(value, "deleted step "); ok && k.Element == "question" {
		if i := d.QuestionIndex(k.ID); i >= 0 {
			d.Questions[i].Step = ""
		}
		if d.StepIndex(step) >= 0 {
			return DeleteSteps(step).Do(d)
		}
		return nil
	}
	if value != "deleted" {
		return nil
	}
	switch k.Element {
	case "step":
		if d.StepIndex(k.ID) >= 0 {
			return DeleteSteps(k.ID).Do(d)
		}
	case "lane":
		if d.LaneIndex(k.ID) >= 0 {
			return DeleteLane(k.ID).Do(d)
		}
	case "line":
		if d.LineIndex(k.ID) >= 0 {
			return DeleteLine(k.ID).Do(d)
		}
	case "column":
		if d.ColumnIndex(k.ID) >= 0 {
			return DeleteColumn(k.ID).Do(d)
		}
	case "flow":
		from, to, _ := strings.Cut(k.ID, " -> ")
		if d.FlowIndex(from, to) >= 0 {
			return DeleteFlow(from, to).Do(d)
		}
	case "question":
		if i := d.QuestionIndex(k.ID); i >= 0 {
			return DeleteQuestion(i).Do(d)
		}
	}
	return nil
}

// fieldKey turns a Go field name into the file's key: TwoWay → two-way,
// as servicebp merge names fields in conflicts.
func fieldKey(field string) string {
	var b strings.Builder
	for i, r := range field {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('-')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
