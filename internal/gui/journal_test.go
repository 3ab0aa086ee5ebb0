package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
)

func TestJournalNameCutsAtCharacter(t *testing.T) {
	for _, tc := range []struct {
		name, base string
		want       string
	}{
		// 14 characters of 3 bytes: 42 bytes, cut to 13 (39 bytes) rather
		// than through the 14th.
		{"Chinese", "顾客行为前台员工行为后台员工行", "顾客行为前台员工行为后台员"},
		{"Latin", strings.Repeat("a", 45), strings.Repeat("a", 40)},
		{"mixed", strings.Repeat("a", 38) + "服务", strings.Repeat("a", 38)},
		{"short", "咖啡", "咖啡"},
		{"invalid byte", strings.Repeat("b", 39) + "\xff\xfe", strings.Repeat("b", 39) + "\xff"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key := journalKey(filepath.Join("/work", tc.base+".yaml"))
			i := strings.LastIndex(key, "-")
			base, hash := key[:max(i, 0)], key[i+1:]
			if i < 0 || len(hash) != 16 {
				t.Fatalf("key %q has no hash", key)
			}
			if base != tc.want {
				t.Errorf("base %q, want %q", base, tc.want)
			}
			if len(base) > maxJournalBase {
				t.Errorf("base is %d bytes", len(base))
			}
			if utf8.ValidString(tc.base) && !utf8.ValidString(key) {
				t.Errorf("key %q is not valid UTF-8", key)
			}
		})
	}
}

func TestJournalOfChineseFileName(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	path := filepath.Join(t.TempDir(), "酒店入住与退房流程的服务蓝图草稿第二版.yaml")
	data, err := os.ReadFile(filepath.Join("testdata", "coffee.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	e := startEditor(t, a, cache, path)
	e.apply(blueprint.SetTitle("未保存"))
	if !e.auto.flush() {
		t.Fatal("flush failed")
	}
	name := filepath.Base(e.auto.journal())
	if !utf8.ValidString(name) || !strings.HasPrefix(name, "酒店入住与退房流程的服务蓝-") {
		t.Errorf("journal name %q", name)
	}
	e.auto.stop()
	e2 := startEditor(t, a, cache, path)
	if e2.question == nil || e2.question.title != "Restore unsaved changes?" {
		t.Fatal("the journal of a Chinese file name is not offered")
	}
	answer(t, e2, "Restore")
	if e2.Doc().Title != "未保存" {
		t.Errorf("title %q", e2.Doc().Title)
	}
}

// TestTwoUntitledEditorsKeepTheirJournals runs two untitled editors at
// once: neither offers the other's work, each journals its own, and once
// one is gone a new editor offers its journal, and only its.
func TestTwoUntitledEditorsKeepTheirJournals(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	first := startEditor(t, a, cache, "")
	first.apply(blueprint.SetTitle("First window"))
	if !first.auto.flush() {
		t.Fatal("flush failed")
	}
	second := startEditor(t, a, cache, "")
	if second.question != nil {
		t.Fatalf("the second untitled editor asks %q about the first's work", second.question.title)
	}
	second.apply(blueprint.SetTitle("Second window"))
	if !second.auto.flush() {
		t.Fatal("flush failed")
	}
	if first.auto.journal() == second.auto.journal() {
		t.Fatalf("both editors journal to %s", first.auto.journal())
	}
	for e, want := range map[*Editor]string{first: "First window", second: "Second window"} {
		d, err := blueprint.Load(e.auto.journal())
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != want {
			t.Errorf("journal %s holds %q, want %q", filepath.Base(e.auto.journal()), d.Title, want)
		}
	}

	first.auto.stop() // the first window's process dies
	third := startEditor(t, a, cache, "")
	if third.question == nil || third.question.title != "Restore unsaved changes?" {
		t.Fatal("the journal of the editor that is gone is not offered")
	}
	answer(t, third, "Restore")
	if third.Doc().Title != "First window" {
		t.Errorf("restored %q, want the gone editor's work", third.Doc().Title)
	}
	if third.question != nil {
		t.Errorf("the running editor's journal is offered too: %q", third.question.title)
	}
	if d, err := blueprint.Load(second.auto.journal()); err != nil || d.Title != "Second window" {
		t.Errorf("the running editor's journal changed: %v", err)
	}
}

// TestRunningEditorsJournalOfFileNotOffered opens one file in two
// editors: the second does not offer the first's unsaved work, and their
// journals stay apart.
func TestRunningEditorsJournalOfFileNotOffered(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	path := copyFixture(t, "coffee.yaml")
	first := startEditor(t, a, cache, path)
	first.apply(blueprint.SetTitle("First"))
	if !first.auto.flush() {
		t.Fatal("flush failed")
	}
	second := startEditor(t, a, cache, path)
	if second.question != nil {
		t.Fatalf("asked %q about a running editor's work", second.question.title)
	}
	second.apply(blueprint.SetTitle("Second"))
	if !second.auto.flush() {
		t.Fatal("flush failed")
	}
	if d, err := blueprint.Load(first.auto.journal()); err != nil || d.Title != "First" {
		t.Errorf("the first editor's journal was overwritten: %v", err)
	}
	// Saving in the second removes only its own journal.
	if !second.writeFile(path) {
		t.Fatal("save failed")
	}
	if _, err := os.Stat(first.auto.journal()); err != nil {
		t.Errorf("the first editor's journal went with the second's save: %v", err)
	}
}

// TestJournalNameTakenBefore gives the editor the session of a journal
// already on disk, as a reused process id with the same random number
// would: the editor journals under another name and leaves that one be.
func TestJournalNameTakenBefore(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	path := copyFixture(t, "coffee.yaml")
	e := startEditor(t, a, cache, path)
	taken := e.auto.journal()
	other := []byte("servicebp: 1\ntitle: Someone else's\n")
	if err := os.WriteFile(taken, other, 0o600); err != nil {
		t.Fatal(err)
	}
	e.apply(blueprint.SetTitle("Mine"))
	if !e.auto.flush() {
		t.Fatal("flush failed")
	}
	if e.auto.journal() == taken {
		t.Fatal("journalled over an existing journal")
	}
	if got, err := os.ReadFile(taken); err != nil || string(got) != string(other) {
		t.Errorf("the existing journal changed: %q, %v", got, err)
	}
}

func TestStaleLockRemoved(t *testing.T) {
	a := test.NewTempApp(t)
	cache := t.TempDir()
	stale := filepath.Join(cache, "untitled.1-0000abcd.lock")
	if err := os.WriteFile(stale, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	live := startEditor(t, a, cache, "")
	live.apply(blueprint.SetTitle("Live"))
	live.auto.flush()
	startEditor(t, a, cache, "")
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a free lock without a journal was kept: %v", err)
	}
	if _, err := os.Stat(lockFile(live.auto.journal())); err != nil {
		t.Errorf("a running editor's lock was removed: %v", err)
	}
}

func TestLockJournalExcludes(t *testing.T) {
	jp := filepath.Join(t.TempDir(), "untitled.1-00000001.yaml")
	l, err := lockJournal(jp)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockJournal(jp); err != errJournalBusy {
		t.Fatalf("a held lock was taken again: %v", err)
	}
	l.release()
	l2, err := lockJournal(jp)
	if err != nil {
		t.Fatalf("a released lock cannot be taken: %v", err)
	}
	l2.remove()
	if _, err := os.Stat(lockFile(jp)); !os.IsNotExist(err) {
		t.Errorf("lock file left after remove: %v", err)
	}
}
