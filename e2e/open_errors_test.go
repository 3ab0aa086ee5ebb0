//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOpenFileWithErrorsFromCommandLine runs servicebp bad.yaml: the
// window is titled after the file while its problems are shown, never
// "Untitled"; Enter opens what is valid as that file, unsaved, and
// quitting then asks to save.
func TestOpenFileWithErrorsFromCommandLine(t *testing.T) {
	en := newEnv(t)
	path := filepath.Join(t.TempDir(), "bad.yaml")
	src := "servicebp: 1\ntitle: Broken hotel\nsteps:\n" +
		"  - {id: arrive, lane: customer, column: c, text: Arrive}\n" +
		"  - {id: lost, lane: nowhere, column: c, text: Lost}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	a := en.start(t, path)
	a.waitTitle("not titled after the bad file", func(s string) bool { return s == "Cannot open bad.yaml — servicebp" })
	screenshot(t, "editor-bad-file")

	a.key("Return") // Open what is valid
	a.waitTitle("the valid part is not open as bad.yaml, unsaved", func(s string) bool { return s == "• bad.yaml — servicebp" })
	time.Sleep(500 * time.Millisecond) // the next frames
	screenshot(t, "editor-bad-file-valid-part")
	if strings.Contains(a.title(), "Untitled") {
		t.Errorf("title %q", a.title())
	}

	a.key("ctrl+q")
	time.Sleep(500 * time.Millisecond)
	screenshot(t, "editor-bad-file-quit")
	if a.exited() {
		t.Fatal("quit without asking, with the valid part unsaved")
	}
	a.key("Return") // Save
	time.Sleep(500 * time.Millisecond)
	screenshot(t, "editor-bad-file-replace")
	a.key("Escape") // Cancel: the file stays as it is
	time.Sleep(500 * time.Millisecond)
	if a.exited() {
		t.Fatal("Save quit without asking before replacing the file")
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != src {
		t.Errorf("the file changed before any save: %v", err)
	}
}
