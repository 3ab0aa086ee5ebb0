package merge

import "servicebp/blueprint"

// set is one kind of element (lanes, columns, steps...) in the three
// versions, keyed by id, and the merged result.
type set[T any] struct {
	element                string
	key                    func(T) string
	base, ours, theirs     map[string]*T
	bOrder, oOrder, tOrder []string
	result                 map[string]T
	conflicts              []blueprint.Conflict
	// keptByTheirs holds the elements deleted on one side and kept
	// because the other side edited them: true when THEIRS kept it.
	keptByTheirs map[string]bool
}

func newSet[T any](element string, key func(T) string, base, ours, theirs []T) *set[T] {
	s := &set[T]{element: element, key: key, result: map[string]T{}, keptByTheirs: map[string]bool{}}
	s.base, s.bOrder = index(base, key)
	s.ours, s.oOrder = index(ours, key)
	s.theirs, s.tOrder = index(theirs, key)
	return s
}

// index maps each element's key to it, first one winning, and lists the
// keys in order.
func index[T any](items []T, key func(T) string) (map[string]*T, []string) {
	m := make(map[string]*T, len(items))
	order := make([]string, 0, len(items))
	for i := range items {
		k := key(items[i])
		if _, dup := m[k]; dup {
			continue
		}
		m[k] = &items[i]
		order = append(order, k)
	}
	return m, order
}

// merge decides every element: merged field by field when both sides have
// it; taken when one side added it; dropped when one side deleted it and
// the other left it as it was, or both deleted it. An element deleted on
// one side and edited on the other is kept, as edited, and is a conflict.
func (s *set[T]) merge() {
	seen := make(map[string]bool, len(s.oOrder)+len(s.tOrder))
	for _, order := range [][]string{s.oOrder, s.tOrder} {
		for _, k := range order {
			if seen[k] {
				continue
			}
			seen[k] = true
			s.decide(k)
		}
	}
}

func (s *set[T]) decide(k string) {
	b, o, t := s.base[k], s.ours[k], s.theirs[k]
	switch {
	case o != nil && t != nil:
		m, cs := mergeFields(s.element, k, b, *o, *t)
		s.result[k] = m
		s.conflicts = append(s.conflicts, cs...)
	case o != nil && b == nil:
		s.result[k] = *o
	case t != nil && b == nil:
		s.result[k] = *t
	case o != nil:
		if !sameContent(*b, *o) {
			s.result[k] = *o
			s.keptByTheirs[k] = false
			s.conflicts = append(s.conflicts, blueprint.Conflict{Element: s.element, ID: k, Base: present, Ours: edited(*b, *o), Theirs: "deleted"})
		}
	case t != nil:
		if !sameContent(*b, *t) {
			s.result[k] = *t
			s.keptByTheirs[k] = true
			s.conflicts = append(s.conflicts, blueprint.Conflict{Element: s.element, ID: k, Base: present, Ours: "deleted", Theirs: edited(*b, *t)})
		}
	}
}

// has reports whether the merged result holds k.
func (s *set[T]) has(k string) bool {
	_, ok := s.result[k]
	return ok
}

// restore puts back an element the merge dropped because one side
// deleted it, when the merged result still needs it. It reports false
// when no version has the element.
func (s *set[T]) restore(k string) bool {
	for _, v := range []*T{s.ours[k], s.theirs[k], s.base[k]} {
		if v != nil {
			s.result[k] = *v
			return true
		}
	}
	return false
}

// present is the base value of a conflict about an element the base has.
const present = "present"

// baseState is the base value of a conflict about element k.
func (s *set[T]) baseState(k string) string {
	if s.base[k] == nil {
		return ""
	}
	return present
}

// state says what one side did to element k: "deleted", "added" or
// "kept".
func (s *set[T]) state(side map[string]*T, k string) string {
	switch {
	case side[k] == nil:
		return "deleted"
	case s.base[k] == nil:
		return "added"
	}
	return "kept"
}

// list returns the merged elements in merged order.
func (s *set[T]) list() []T {
	keep := make(map[string]bool, len(s.result))
	for k := range s.result {
		keep[k] = true
	}
	order := mergeOrder(s.bOrder, s.oOrder, s.tOrder, keep)
	out := make([]T, 0, len(order))
	for _, k := range order {
		out = append(out, s.result[k])
	}
	return out
}
