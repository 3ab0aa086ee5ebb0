package gui

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// rewrite changes the file on disk as another program would, with a
// modification time the watcher cannot miss.
func rewrite(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), old, new, 1))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
}

func TestReloadOnExternalChange(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.SetSelection(state.StepSelection("ask"))
	rewrite(t, e.Path(), "Order a flat white", "Order an espresso")
	e.watch.check()
	if got := e.Doc().Step("ask").Text; got != "Order an espresso" {
		t.Errorf("not reloaded: text = %q", got)
	}
	if e.question != nil {
		t.Errorf("asked %q with no unsaved changes", e.question.title)
	}
	if !strings.Contains(e.ui.notice.Text, "Reloaded coffee.yaml") {
		t.Errorf("notice = %q", e.ui.notice.Text)
	}
	if e.Dirty() {
		t.Error("dirty after a reload")
	}
	if e.Selection().One(state.SelectSteps) != "ask" {
		t.Error("the selection was lost in the reload")
	}
	if e.ui.inspector.step.text.Text != "Order an espresso" {
		t.Errorf("inspector shows %q", e.ui.inspector.step.text.Text)
	}
}

func TestExternalChangeWithUnsavedEdits(t *testing.T) {
	for _, tc := range []struct {
		answer string
		want   string
	}{
		{"Reload", "Coffee from disk"},
		{"Keep my changes", "Mine"},
	} {
		t.Run(tc.answer, func(t *testing.T) {
			e := testEditor(t, "coffee.yaml")
			e.apply(blueprint.SetTitle("Mine"))
			rewrite(t, e.Path(), "Coffee to go", "Coffee from disk")
			e.watch.check()
			if e.question == nil || e.question.title != "File changed on disk" {
				t.Fatal("no question about the change on disk")
			}
			e.watch.check() // polling goes on while the question is open
			answer(t, e, tc.answer)
			if got := e.Doc().Title; got != tc.want {
				t.Errorf("title = %q, want %q", got, tc.want)
			}
			e.watch.check()
			if e.question != nil {
				t.Errorf("asked again about the same change")
			}
		})
	}
}

func TestOwnSaveIsNotAnExternalChange(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.apply(blueprint.SetTitle("Saved here"))
	e.save(nil)
	e.apply(blueprint.SetTitle("Edited after"))
	e.watch.check()
	if e.question != nil {
		t.Errorf("our own save was taken for an external change: %q", e.question.title)
	}
	if e.Doc().Title != "Edited after" {
		t.Errorf("title = %q", e.Doc().Title)
	}
}

// TestWatcherDoesNotReadWhatIsNotABlueprint replaces the open file with a
// pipe, which a plain read would block on, and with a file over the size
// limit: the editor says so once, keeps the blueprint and asks nothing.
func TestWatcherDoesNotReadWhatIsNotABlueprint(t *testing.T) {
	for _, kind := range []string{"pipe", "too large"} {
		t.Run(kind, func(t *testing.T) {
			e := testEditor(t, "coffee.yaml")
			if err := os.Remove(e.Path()); err != nil {
				t.Fatal(err)
			}
			want := "not a regular file"
			switch kind {
			case "pipe":
				if err := syscall.Mkfifo(e.Path(), 0o644); err != nil {
					t.Fatal(err)
				}
			case "too large":
				want = "10 MB"
				f, err := os.Create(e.Path())
				if err != nil {
					t.Fatal(err)
				}
				if err := f.Truncate(blueprint.MaxFileSize + 1); err != nil {
					t.Fatal(err)
				}
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
			}
			// A read that blocked on the pipe would hang here, and the
			// test would fail by its timeout.
			e.watch.check()
			if e.question != nil {
				t.Errorf("asked %q", e.question.title)
			}
			if !strings.Contains(e.ui.notice.Text, "cannot be read") || !strings.Contains(e.ui.notice.Text, want) {
				t.Errorf("notice %q, want one that says %q", e.ui.notice.Text, want)
			}
			if e.Doc().Title != "Coffee to go" {
				t.Errorf("the blueprint changed: %q", e.Doc().Title)
			}
			e.ui.notice.SetText("")
			e.watch.check()
			if e.ui.notice.Text != "" {
				t.Errorf("said again with no new change: %q", e.ui.notice.Text)
			}
		})
	}
}
