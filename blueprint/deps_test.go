package blueprint

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoFyneImport enforces that the model and everything under it stays
// free of Fyne, so the CLI and the model tests need no GUI.
func TestNoFyneImport(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 5 {
		t.Fatalf("go list returned too little: %q", out)
	}
	for _, dep := range deps {
		if strings.HasPrefix(dep, "fyne.io/") {
			t.Errorf("blueprint depends on %s", dep)
		}
	}
}
