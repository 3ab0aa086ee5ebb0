package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestQuietUnderPOSIXLocale runs the real binary under the C.UTF-8 locale
// that containers and CI use, and checks that nothing but the command's own
// output is printed.
func TestQuietUnderPOSIXLocale(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "servicebp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, env := range []string{"LC_ALL=C.UTF-8", "LANG=C.UTF-8", "LANG=C", "LANG=POSIX"} {
		cmd := exec.Command(bin, "validate", "assets/templates/hotel.yaml")
		cmd.Env = append(os.Environ(), "LC_ALL=", "LANG=", env)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", env, err, stderr.String())
		}
		if stderr.Len() != 0 {
			t.Errorf("%s: unexpected output on stderr:\n%s", env, stderr.String())
		}
		if !bytes.Contains(stdout.Bytes(), []byte("hotel.yaml: ok")) {
			t.Errorf("%s: stdout = %q", env, stdout.String())
		}
	}
}
