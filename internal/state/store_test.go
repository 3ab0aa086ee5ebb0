package state

import (
	"errors"
	"reflect"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// recorder subscribes to a store and keeps the changes it was told of.
type recorder struct {
	changes []Change
	cancel  func()
}

func record(s *Store) *recorder {
	r := &recorder{}
	r.cancel = s.Subscribe(func(c Change) { r.changes = append(r.changes, c) })
	return r
}

// take returns the changes recorded since the last take.
func (r *recorder) take() []Change {
	c := r.changes
	r.changes = nil
	return c
}

func TestStoreNotifies(t *testing.T) {
	s := New(bpgen.Generate(10))
	r := record(s)
	edit := blueprint.SetTitle("Renamed")

	if err := s.Apply(edit); err != nil {
		t.Fatal(err)
	}
	if got, want := r.take(), []Change{{Document: true, History: true, Saved: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Apply: %+v, want %+v", got, want)
	}
	if s.Doc().Title != "Renamed" || !s.Dirty() || s.UndoLabel() == "" {
		t.Errorf("after Apply: title %q, dirty %v, undo label %q", s.Doc().Title, s.Dirty(), s.UndoLabel())
	}

	s.Select(StepSelection("s00001"))
	if got, want := r.take(), []Change{{Selection: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Select: %+v, want %+v", got, want)
	}
	s.Select(StepSelection("s00001"))
	if got := r.take(); len(got) != 0 {
		t.Errorf("selecting the selection again published %+v", got)
	}
	s.Select(StepSelection("no-such-step"))
	if got := r.take(); !reflect.DeepEqual(got, []Change{{Selection: true}}) || s.Selection().Kind != SelectNone {
		t.Errorf("selecting a missing step: %+v, selection %+v", got, s.Selection())
	}

	if !s.Undo() {
		t.Fatal("Undo did nothing")
	}
	if got, want := r.take(), []Change{{Document: true, History: true, Saved: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Undo: %+v, want %+v", got, want)
	}
	if s.Dirty() {
		t.Error("undoing the one edit leaves the store dirty")
	}
	if ok, err := s.Redo(); !ok || err != nil {
		t.Fatalf("Redo = %v, %v", ok, err)
	}
	if got, want := r.take(), []Change{{Document: true, History: true, Saved: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Redo: %+v, want %+v", got, want)
	}
	if ok, err := s.Redo(); ok || err != nil {
		t.Errorf("Redo with nothing to redo = %v, %v", ok, err)
	}
	if got := r.take(); len(got) != 0 {
		t.Errorf("Redo with nothing to redo published %+v", got)
	}

	if err := s.Apply(blueprint.DeleteSteps("no-such-step")); err == nil {
		t.Error("a refused command returned no error")
	}
	if got := r.take(); len(got) != 0 {
		t.Errorf("a refused command published %+v", got)
	}
}

func TestStoreDropsDeletedSelection(t *testing.T) {
	s := New(bpgen.Generate(10))
	s.Select(StepSelection("s00001", "s00002"))
	r := record(s)
	if err := s.Apply(blueprint.DeleteSteps("s00001")); err != nil {
		t.Fatal(err)
	}
	if got, want := r.take(), []Change{{Document: true, History: true, Selection: true, Saved: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("deleting a selected step: %+v, want %+v", got, want)
	}
	if want := StepSelection("s00002"); !s.Selection().Equal(want) {
		t.Errorf("selection %+v, want %+v", s.Selection(), want)
	}
}

func TestStoreFileState(t *testing.T) {
	s := New(bpgen.Generate(3))
	s.Select(StepSelection("s00001"))
	r := record(s)

	s.Open(bpgen.Generate(5), "/tmp/a.yaml")
	if got, want := r.take(), []Change{{Document: true, Replaced: true, History: true, Selection: true, Saved: true, File: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Open: %+v, want %+v", got, want)
	}
	if s.Path() != "/tmp/a.yaml" || s.Selection().Kind != SelectNone || len(s.Doc().Steps) != 5 || s.Dirty() {
		t.Errorf("after Open: path %q, selection %+v, %d steps, dirty %v", s.Path(), s.Selection(), len(s.Doc().Steps), s.Dirty())
	}

	if err := s.Apply(blueprint.SetTitle("x")); err != nil {
		t.Fatal(err)
	}
	r.take()
	s.MarkSaved("/tmp/a.yaml")
	if got, want := r.take(), []Change{{Saved: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("MarkSaved: %+v, want %+v", got, want)
	}
	s.MarkSaved("/tmp/b.yaml")
	if got, want := r.take(), []Change{{File: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("MarkSaved under a new name: %+v, want %+v", got, want)
	}

	s.Select(StepSelection("s00002", "s00004"))
	r.take()
	s.Reload(bpgen.Generate(3))
	if got, want := r.take(), []Change{{Document: true, Replaced: true, History: true, Selection: true, Saved: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Reload: %+v, want %+v", got, want)
	}
	if want := StepSelection("s00002"); !s.Selection().Equal(want) || s.Path() != "/tmp/b.yaml" {
		t.Errorf("after Reload: selection %+v (want %+v), path %q", s.Selection(), want, s.Path())
	}
}

// TestStoreSubscribeAndCancel checks that a view is told of changes
// while subscribed and no longer after it cancels, and that changes a
// subscriber makes reach every subscriber in order.
func TestStoreSubscribeAndCancel(t *testing.T) {
	s := New(bpgen.Generate(3))
	var order []string
	cancelA := s.Subscribe(func(c Change) {
		if c.Document {
			order = append(order, "a:document")
			// A view that selects in answer to an edit: the selection
			// change is delivered after the edit reached everyone.
			s.Select(StepSelection("s00001"))
		}
		if c.Selection {
			order = append(order, "a:selection")
		}
	})
	b := record(s)
	if err := s.Apply(blueprint.SetTitle("t")); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a:document", "a:selection"}; !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	if got, want := b.take(), []Change{{Document: true, History: true, Saved: true}, {Selection: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("second subscriber got %+v, want %+v", got, want)
	}

	cancelA()
	cancelA() // a second cancel is harmless
	order = nil
	s.Select(Selection{})
	if len(order) != 0 {
		t.Errorf("a cancelled subscriber was called: %v", order)
	}
	if got := b.take(); len(got) != 1 {
		t.Errorf("the remaining subscriber got %+v", got)
	}
	b.cancel()
	s.Select(StepSelection("s00002"))
	if got := b.take(); len(got) != 0 {
		t.Errorf("a cancelled recorder got %+v", got)
	}
}

// TestStoreCancelWhilePublishing cancels a later subscriber from an
// earlier one: it is not called for the change being delivered.
func TestStoreCancelWhilePublishing(t *testing.T) {
	s := New(bpgen.Generate(3))
	var cancelB func()
	called := false
	s.Subscribe(func(Change) { cancelB() })
	cancelB = s.Subscribe(func(Change) { called = true })
	s.Select(StepSelection("s00001"))
	if called {
		t.Error("a subscriber cancelled during the delivery was still called")
	}
}

// flaky is a command that can be done once: a redo of it fails, as an edit
// does whose target went away.
type flaky struct{ done int }

func (f *flaky) Do(d *blueprint.Document) error {
	if f.done++; f.done > 1 {
		return errors.New("gone")
	}
	d.Title = "flaky"
	return nil
}
func (f *flaky) Undo(d *blueprint.Document) { d.Title = "" }
func (f *flaky) Label() string              { return "Flaky" }

func TestStoreRedoFails(t *testing.T) {
	s := New(bpgen.Generate(3))
	if err := s.Apply(&flaky{}); err != nil {
		t.Fatal(err)
	}
	s.Undo()
	r := record(s)
	ok, err := s.Redo()
	if ok || !errors.Is(err, ErrRedo) {
		t.Fatalf("failed Redo = %v, %v; want false, ErrRedo", ok, err)
	}
	if got, want := r.take(), []Change{{History: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("failed Redo published %+v, want %+v", got, want)
	}
	if !s.CanRedo() || s.Doc().Title == "flaky" {
		t.Error("the failed redo was dropped, or changed the document")
	}
}

// TestStoreDiskDiffers checks that a document whose file changed under it
// counts as unsaved until it is saved or replaced.
func TestStoreDiskDiffers(t *testing.T) {
	s := New(bpgen.Generate(3))
	r := record(s)
	s.MarkDiskDiffers()
	if !s.Dirty() || !s.DiskDiffers() {
		t.Fatal("not dirty after MarkDiskDiffers")
	}
	if got := r.take(); len(got) != 1 || !got[0].Saved {
		t.Errorf("changes %+v, want one saved-state change", got)
	}
	s.MarkSaved("bp.yaml")
	if s.Dirty() || s.DiskDiffers() {
		t.Error("still dirty after a save")
	}
	s.MarkDiskDiffers()
	s.Reload(bpgen.Generate(2))
	if s.Dirty() {
		t.Error("still dirty after a reload")
	}
}
