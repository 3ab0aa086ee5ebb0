package gui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
)

// orphanJournal writes data as the journal of the blueprint at path (""
// for untitled) of an editor that is gone, modified at mod, and returns
// its path.
func orphanJournal(t *testing.T, cache, path, session string, data []byte, mod time.Time) string {
	t.Helper()
	jp := journalFile(cache, path, session)
	if err := os.WriteFile(jp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(jp, mod, mod); err != nil {
		t.Fatal(err)
	}
	return jp
}

// coffeeWith is the coffee fixture with its title changed, written out.
func coffeeWith(t *testing.T, title string) []byte {
	t.Helper()
	d, err := blueprint.Load(filepath.Join("testdata", "coffee.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	d.Title = title
	data, err := blueprint.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestNewerFileThanJournal(t *testing.T) {
	for _, answerWith := range []string{"Restore unsaved changes", "Keep the file"} {
		t.Run(answerWith, func(t *testing.T) {
			a := test.NewTempApp(t)
			cache := t.TempDir()
			path := copyFixture(t, "coffee.yaml")
			journalTime := time.Date(2026, 3, 1, 9, 15, 30, 0, time.Local)
			fileTime := journalTime.Add(2 * time.Hour)
			if err := os.Chtimes(path, fileTime, fileTime); err != nil {
				t.Fatal(err)
			}
			work := coffeeWith(t, "Work from before the checkout")
			jp := orphanJournal(t, cache, path, "1-00000001", work, journalTime)

			e := startEditor(t, a, cache, path)
			if e.question == nil || e.question.title != "The file is newer than its unsaved changes" {
				t.Fatalf("no question about the file newer than its journal")
			}
			for _, want := range []string{"coffee.yaml", "2026-03-01 09:15:30", "2026-03-01 11:15:30"} {
				if !strings.Contains(e.question.message, want) {
					t.Errorf("the question does not name %q: %s", want, e.question.message)
				}
			}
			if _, err := os.Stat(jp); err != nil {
				t.Fatalf("the journal went before the answer: %v", err)
			}
			answer(t, e, answerWith)
			if _, err := os.Stat(jp); !os.IsNotExist(err) {
				t.Errorf("the journal is still offered after %s: %v", answerWith, err)
			}
			if _, err := os.Stat(lockFile(jp)); !os.IsNotExist(err) {
				t.Errorf("its lock file is left: %v", err)
			}
			restored := answerWith == "Restore unsaved changes"
			if got := e.Doc().Title == "Work from before the checkout"; got != restored {
				t.Errorf("title %q after %s", e.Doc().Title, answerWith)
			}
			if e.Dirty() != restored {
				t.Errorf("dirty = %v after %s", e.Dirty(), answerWith)
			}
			if restored {
				if d, err := blueprint.Load(e.auto.journal()); err != nil || d.Title != "Work from before the checkout" {
					t.Errorf("the restored work is not journalled: %v", err)
				}
				return
			}
			// Kept the file: the journal is set aside, whole.
			aside := filepath.Join(cache, setAsideDir, filepath.Base(jp))
			got, err := os.ReadFile(aside)
			if err != nil {
				t.Fatalf("the journal was not set aside: %v", err)
			}
			if string(got) != string(work) {
				t.Errorf("the journal set aside differs from the journal")
			}
			if !strings.Contains(e.ui.notice.Text, aside) {
				t.Errorf("the notice does not say where it went: %q", e.ui.notice.Text)
			}
			if e2 := startEditor(t, a, cache, path); e2.question != nil {
				t.Errorf("a journal set aside is offered again: %q", e2.question.title)
			}
		})
	}
}

// unreadable is a journal that does not load: a flow label with a "?",
// as the writer once wrote them unquoted.
const unreadable = "servicebp: 1\ntitle: Coffee\nflows:\n  - {from: a, to: b, label: Paid? Print receipt}\n"

func TestUnreadableJournalKeptForLater(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	path := copyFixture(t, "coffee.yaml")
	jp := orphanJournal(t, cache, path, "1-00000002", []byte(unreadable), time.Now().Add(time.Minute))
	e := startEditor(t, a, cache, path)
	wantTitle := "The unsaved changes of coffee.yaml could not be read back"
	if e.question == nil || e.question.title != wantTitle {
		t.Fatalf("question %v, want %q", e.question, wantTitle)
	}
	if !strings.Contains(e.question.message, jp) || !strings.Contains(e.question.message, filepath.Base(jp)+":") || !strings.Contains(e.question.message, "YAML") {
		t.Errorf("the question does not say where the journal is and what is wrong: %s", e.question.message)
	}
	if e.question.button("Open the recovered text") == nil {
		t.Error("no button to open the recovered text")
	}
	answer(t, e, "Keep for later")
	if got, err := os.ReadFile(jp); err != nil || string(got) != unreadable {
		t.Fatalf("the journal was not kept as it was: %v", err)
	}
	if e.Doc().Title != "Coffee to go" || e.Dirty() {
		t.Errorf("the open blueprint changed: %q, dirty %v", e.Doc().Title, e.Dirty())
	}
	// Kept for later: the next start asks again.
	e2 := startEditor(t, a, cache, path)
	if e2.question == nil || e2.question.title != wantTitle {
		t.Fatal("a journal kept for later is not offered at the next start")
	}
}

func TestUnreadableJournalText(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	jp := orphanJournal(t, cache, "", "1-00000003", []byte(unreadable), time.Now())
	e := startEditor(t, a, cache, "")
	answer(t, e, "Open the recovered text")
	r := e.auto.recovered
	if r == nil || e.question != r.q || e.question.title != "Recovered text of Untitled" {
		t.Fatalf("the recovered text is not shown: %v", e.question)
	}
	if r.body.Text != unreadable || !r.body.Selectable {
		t.Errorf("the text shown is %q (selectable %v), want the journal's", r.body.Text, r.body.Selectable)
	}

	answer(t, e, "Copy")
	if got := a.Clipboard().Content(); got != unreadable {
		t.Errorf("clipboard %q", got)
	}
	if e.question != r.q {
		t.Fatal("Copy closed the recovered text")
	}
	saved := filepath.Join(t.TempDir(), "recovered.yaml")
	if !r.saveTo(saved) {
		t.Fatal("saving the text failed")
	}
	if got, err := os.ReadFile(saved); err != nil || string(got) != unreadable {
		t.Errorf("saved %q, %v", got, err)
	}
	if !strings.Contains(r.status.Text, "recovered.yaml") {
		t.Errorf("status %q", r.status.Text)
	}
	if _, err := os.Stat(jp); err != nil {
		t.Fatalf("saving the text removed the journal: %v", err)
	}

	// Discard asks first; Cancel goes back to the text.
	answer(t, e, "Discard the journal")
	if e.question == nil || e.question.title != "Discard the recovered text?" {
		t.Fatal("Discard did not ask first")
	}
	answer(t, e, "Cancel")
	if e.question != r.q {
		t.Fatal("Cancel did not go back to the text")
	}
	if _, err := os.Stat(jp); err != nil {
		t.Fatalf("Cancel removed the journal: %v", err)
	}
	answer(t, e, "Discard the journal")
	answer(t, e, "Discard")
	if _, err := os.Stat(jp); !os.IsNotExist(err) {
		t.Errorf("the journal is still there after Discard: %v", err)
	}
	if _, err := os.Stat(lockFile(jp)); !os.IsNotExist(err) {
		t.Errorf("its lock file is still there: %v", err)
	}
}

// TestJournalThatCannotBeRead puts in a journal's place what cannot be
// read as text: a pipe, which must not hang the editor, and a file over
// the size limit. Neither is read, and each is kept.
func TestJournalThatCannotBeRead(t *testing.T) {
	for _, kind := range []string{"pipe", "too large"} {
		t.Run(kind, func(t *testing.T) {
			a := test.NewTempApp(t)
			cache := t.TempDir()
			jp := journalFile(cache, "", "1-00000004")
			switch kind {
			case "pipe":
				if err := syscall.Mkfifo(jp, 0o600); err != nil {
					t.Fatal(err)
				}
			case "too large":
				f, err := os.Create(jp)
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
			e := startEditor(t, a, cache, "")
			if e.question == nil || e.question.title != "The unsaved changes of Untitled could not be read back" {
				t.Fatalf("question %v", e.question)
			}
			if e.question.button("Open the recovered text") != nil {
				t.Error("offers text it could not read")
			}
			answer(t, e, "Keep for later")
			if _, err := os.Lstat(jp); err != nil {
				t.Errorf("the journal was not kept: %v", err)
			}
		})
	}
}

func TestJournalSameAsFileRemovedWithoutAsking(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	path := copyFixture(t, "coffee.yaml")
	jp := orphanJournal(t, cache, path, "1-00000005", coffeeWith(t, "Coffee to go"), time.Now().Add(time.Minute))
	e := startEditor(t, a, cache, path)
	if e.question != nil {
		t.Errorf("asked %q about a journal that holds no unsaved work", e.question.title)
	}
	if _, err := os.Stat(jp); !os.IsNotExist(err) {
		t.Errorf("a journal equal to the file was kept: %v", err)
	}
}

func TestSeveralJournalsOfferedInTurn(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	path := copyFixture(t, "coffee.yaml")
	now := time.Now()
	older := orphanJournal(t, cache, path, "1-00000006", coffeeWith(t, "Older"), now.Add(time.Minute))
	newer := orphanJournal(t, cache, path, "1-00000007", coffeeWith(t, "Newer"), now.Add(2*time.Minute))
	legacy := filepath.Join(cache, journalKey(path)+".yaml")
	if err := os.WriteFile(legacy, []byte(unreadable), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(legacy, now.Add(3*time.Minute), now.Add(3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	e := startEditor(t, a, cache, path)
	// Newest first: the unreadable journal of an older version, then the
	// two others.
	if e.question == nil || !strings.Contains(e.question.title, "could not be read back") {
		t.Fatalf("first question %v", e.question)
	}
	answer(t, e, "Keep for later")
	if e.question == nil || e.question.title != "Restore unsaved changes?" {
		t.Fatal("the second journal is not offered")
	}
	answer(t, e, "Restore")
	if e.Doc().Title != "Newer" {
		t.Errorf("restored %q, want the newer journal first", e.Doc().Title)
	}
	answer(t, e, "Discard")
	if e.question != nil {
		t.Errorf("a fourth question: %q", e.question.title)
	}
	for jp, kept := range map[string]bool{legacy: true, newer: false, older: false} {
		if _, err := os.Stat(jp); (err == nil) != kept {
			t.Errorf("%s kept = %v, want %v", filepath.Base(jp), err == nil, kept)
		}
	}
}
