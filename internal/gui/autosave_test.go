package gui

import (
	"os"
	"path/filepath"
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
			jp := e.auto.journal()
			if _, err := os.Stat(jp); err != nil {
				t.Fatalf("no journal after an edit: %v", err)
			}
			// The process dies here: nothing removes the journal, and
			// its lock is given up.
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
			// Either way the old journal is gone: discarded, or taken
			// over by the new editor's own journal.
			if _, err := os.Stat(jp); !os.IsNotExist(err) {
				t.Errorf("the dead editor's journal is still there after %s: %v", tc.answer, err)
			}
			if _, err := os.Stat(lockFile(jp)); !os.IsNotExist(err) {
				t.Errorf("the dead editor's lock file is still there after %s: %v", tc.answer, err)
			}
			own := e2.auto.journal()
			_, err := os.Stat(own)
			if exists := err == nil; exists != restored {
				t.Errorf("new journal exists = %v after %s", exists, tc.answer)
			}
			if !restored {
				return
			}
			if d, err := blueprint.Load(own); err != nil || d.Title != "Unsaved work" {
				t.Errorf("the new journal does not hold the restored work: %v", err)
			}
			// A restored blueprint is saved like any other; saving removes
			// the journal.
			if path == "" {
				path = filepath.Join(t.TempDir(), "saved.yaml")
			}
			if !e2.writeFile(path) {
				t.Fatal("save failed")
			}
			if left := cacheFiles(t, cache); len(left) != 0 {
				t.Errorf("files left in the cache after a clean save: %v", left)
			}
			if e2.Dirty() {
				t.Error("dirty after save")
			}
		})
	}
}

// cacheFiles lists the journals and lock files in the cache folder cache.
func cacheFiles(t *testing.T, cache string) []string {
	t.Helper()
	entries, err := os.ReadDir(cache)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, en := range entries {
		if !en.IsDir() {
			out = append(out, en.Name())
		}
	}
	return out
}

func TestAutosaveTimer(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	e := NewEditor(a, Options{CacheDir: cache, AutosaveDelay: time.Hour, WatchInterval: -1, NoticeTime: -1, AnalysisDelay: -1})
	e.Start(copyFixture(t, "coffee.yaml"))
	// Only the edit's timer may fire: Fyne's test driver runs fyne.Do on
	// the timer's goroutine, where a timer set by Start would race with the
	// test's own calls.
	e.opts.AutosaveDelay = 20 * time.Millisecond
	e.apply(blueprint.SetTitle("Typed"))
	jp := e.auto.journal()
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
