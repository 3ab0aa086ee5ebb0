package merge

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"servicebp/blueprint"
)

// mergeFields merges one element field by field: a field both sides give
// the same value, or only one side changed, takes that value; a field the
// two sides changed differently keeps OURS's value and is a conflict. The
// fields are found by reflection, so a field added to the element type
// takes part without a change here. ID and Pos are OURS's; the comment
// fields (named ...Comment or ...Comments) merge the same way but are never
// a conflict. base is nil when the element is new on both sides: a field
// set on one side only is then taken from it.
func mergeFields[T any](element, id string, base *T, ours, theirs T) (T, []blueprint.Conflict) {
	var zero T
	b := reflect.ValueOf(&zero).Elem()
	if base != nil {
		b = reflect.ValueOf(base).Elem()
	}
	o, t := reflect.ValueOf(&ours).Elem(), reflect.ValueOf(&theirs).Elem()
	out := ours
	r := reflect.ValueOf(&out).Elem()
	var conflicts []blueprint.Conflict
	typ := r.Type()
	for i := range typ.NumField() {
		name := typ.Field(i).Name
		if name == "ID" || name == "Pos" || !typ.Field(i).IsExported() {
			continue
		}
		bv, ov, tv := b.Field(i), o.Field(i), t.Field(i)
		switch {
		case equal(ov, tv), equal(tv, bv):
			r.Field(i).Set(ov)
		case equal(ov, bv):
			r.Field(i).Set(tv)
		default:
			r.Field(i).Set(ov)
			if !isComment(name) {
				c := blueprint.Conflict{Element: element, ID: id, Field: keyName(name), Ours: show(ov), Theirs: show(tv)}
				if base != nil {
					c.Base = show(bv)
				}
				conflicts = append(conflicts, c)
			}
		}
	}
	return out, conflicts
}

// changedFields lists the fields (as file keys) in which side differs from
// base, comments left out.
func changedFields[T any](base, side T) []string {
	b, s := reflect.ValueOf(&base).Elem(), reflect.ValueOf(&side).Elem()
	typ := b.Type()
	var out []string
	for i := range typ.NumField() {
		name := typ.Field(i).Name
		if name == "ID" || name == "Pos" || isComment(name) || !typ.Field(i).IsExported() {
			continue
		}
		if !equal(b.Field(i), s.Field(i)) {
			out = append(out, keyName(name))
		}
	}
	return out
}

// sameContent reports whether a and b hold the same element, comments
// and positions aside.
func sameContent[T any](a, b T) bool { return len(changedFields(a, b)) == 0 }

// edited describes a side that changed an element: "edited (text, wait)",
// or "kept" when it did not.
func edited[T any](base, side T) string {
	if f := changedFields(base, side); len(f) > 0 {
		return "edited (" + strings.Join(f, ", ") + ")"
	}
	return "kept"
}

func isComment(field string) bool {
	return strings.HasSuffix(field, "Comment") || strings.HasSuffix(field, "Comments")
}

// equal compares two field values; empty slices and maps are equal
// whether nil or not.
func equal(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Slice, reflect.Map:
		if a.Len() == 0 && b.Len() == 0 {
			return true
		}
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// keyName turns a Go field name into the file's key: TwoWay → two-way.
func keyName(field string) string {
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

// show writes a field value as a blueprint file would hold it; the zero
// value (an unset field) is empty.
func show(v reflect.Value) string {
	if v.IsZero() {
		return ""
	}
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return s.String()
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = listItem(show(v.Index(i)))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v.Interface())
}

// plainItem matches a list item that reads back as itself in a YAML flow
// list. It is compiled on first use: its Unicode classes are costly to
// compile, and most runs of servicebp never merge.
var plainItem = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[\p{L}\p{N}_./]([\p{L}\p{N}_./ -]*[\p{L}\p{N}_./-])?$`)
})

// listItem writes one item of a list value so that it reads back as
// itself in a YAML flow list: plain when it is only letters, digits,
// inner spaces and "_./-", double-quoted otherwise.
func listItem(s string) string {
	switch strings.ToLower(s) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return strconv.Quote(s)
	}
	if plainItem().MatchString(s) {
		return s
	}
	return strconv.Quote(s)
}
