package state

import (
	"testing"

	"servicebp/blueprint"
)

// TestOpenPartial: the valid part of a file with errors is that file, but
// unsaved and partial until it is saved or replaced.
func TestOpenPartial(t *testing.T) {
	s := New(blueprint.New("", blueprint.EnglishNames))
	s.OpenPartial(blueprint.New("Part", blueprint.EnglishNames), "/tmp/bad.yaml")
	if s.Path() != "/tmp/bad.yaml" || !s.Dirty() || !s.Partial() {
		t.Fatalf("path %q, dirty %v, partial %v", s.Path(), s.Dirty(), s.Partial())
	}
	s.MarkSaved("/tmp/bad.yaml")
	if s.Dirty() || s.Partial() {
		t.Errorf("after the save: dirty %v, partial %v", s.Dirty(), s.Partial())
	}
	s.OpenPartial(blueprint.New("Part", blueprint.EnglishNames), "/tmp/bad.yaml")
	s.Reload(blueprint.New("Fixed", blueprint.EnglishNames))
	if s.Dirty() || s.Partial() {
		t.Errorf("after a reload: dirty %v, partial %v", s.Dirty(), s.Partial())
	}
}
