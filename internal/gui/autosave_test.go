package gui

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
)

func TestAutosaveJournalAndRecovery(t *testing.T) {
	for _, tc := range []struct {
		name    string
		fixture string
		answer  string
	}{
		{"file restored", "coffee.yaml", "Restore"},
		{"file discarded", "coffee.yaml", "Discard"},
		{"untitled restored", "", "Restore"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			cache := t.TempDir()
			path := copyFixture(t, tc.fixture)
			e := startEditor(t, a, cache, path)
			e.apply(blueprint.SetTitle("Unsaved work"))
			e.auto.flush()
			jp := journalPath(cache, e.Path())
			if _, err := os.Stat(jp); err != nil {
				t.Fatalf("no journal after an edit: %v", err)
			}
			// The process dies here: nothing removes the journal.
			e.auto.stop()
			if path != "" {
				old := time.Now().Add(-time.Minute)
				if err := os.Chtimes(path, old, old); err != nil {
					t.Fatal(err)
				}
			}

			e2 := startEditor(t, a, cache, path)
			if e2.question == nil || e2.question.title != "Restore unsaved changes?" {
				t.Fatalf("recovery not offered")
			}
			answer(t, e2, tc.answer)
			restored := tc.answer == "Restore"
			if got := e2.Doc().Title == "Unsaved work"; got != restored {
				t.Errorf("title %q after %s", e2.Doc().Title, tc.answer)
			}
			if e2.Dirty() != restored {
				t.Errorf("dirty = %v after %s", e2.Dirty(), tc.answer)
			}
			_, err := os.Stat(jp)
			if exists := err == nil; exists != restored {
				t.Errorf("journal exists = %v after %s", exists, tc.answer)
			}
			if !restored {
				return
			}
			// A restored blueprint is saved like any other; saving removes
			// the journal.
			if path == "" {
				path = jp + ".saved.yaml"
			}
			if !e2.writeFile(path) {
				t.Fatal("save failed")
			}
			if _, err := os.Stat(jp); !os.IsNotExist(err) {
				t.Errorf("journal still there after a clean save: %v", err)
			}
			if e2.Dirty() {
				t.Error("dirty after save")
			}
		})
	}
}

func TestStaleJournalIgnored(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	path := copyFixture(t, "coffee.yaml")
	jp := journalPath(cache, path)
	if err := os.WriteFile(jp, []byte("servicebp: 1\ntitle: Old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(jp, old, old); err != nil {
		t.Fatal(err)
	}
	e := startEditor(t, a, cache, path)
	if e.question != nil {
		t.Errorf("offered to restore a journal older than the file: %q", e.question.title)
	}
	if _, err := os.Stat(jp); !os.IsNotExist(err) {
		t.Errorf("stale journal kept: %v", err)
	}
}

func TestAutosaveTimer(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	e := NewEditor(a, Options{CacheDir: cache, AutosaveDelay: time.Hour, WatchInterval: -1, NoticeTime: -1})
	e.Start(copyFixture(t, "coffee.yaml"))
	// Only the edit's timer may fire: Fyne's test driver runs fyne.Do on
	// the timer's goroutine, where a timer set by Start would race with the
	// test's own calls.
	e.opts.AutosaveDelay = 20 * time.Millisecond
	jp := journalPath(cache, e.Path())
	e.apply(blueprint.SetTitle("Typed"))
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := os.Stat(jp); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the journal was not written after the autosave delay")
		}
		time.Sleep(10 * time.Millisecond)
	}
	d, err := blueprint.Load(jp)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Typed" {
		t.Errorf("journal title = %q", d.Title)
	}
}

func TestUndoAfterRestoreGoesBackToDisk(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	path := copyFixture(t, "coffee.yaml")
	e := startEditor(t, a, cache, path)
	e.apply(blueprint.SetTitle("From the journal"))
	e.auto.flush()
	e.auto.stop()
	old := time.Now().Add(-time.Minute)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	e2 := startEditor(t, a, cache, path)
	answer(t, e2, "Restore")
	e2.undo()
	if e2.Doc().Title != "Coffee to go" || e2.Dirty() {
		t.Errorf("after undo: title %q dirty %v, want the file's title and clean", e2.Doc().Title, e2.Dirty())
	}
}
