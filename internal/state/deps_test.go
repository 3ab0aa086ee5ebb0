package state

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoFyneImport enforces that the editor's store stays free of Fyne, so
// that its state and its changes are tested without a GUI.
func TestNoFyneImport(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 5 || !strings.Contains(string(out), "servicebp/blueprint") {
		t.Fatalf("go list returned too little: %q", out)
	}
	for _, dep := range deps {
		if strings.HasPrefix(dep, "fyne.io/") {
			t.Errorf("internal/state depends on %s", dep)
		}
	}
}
