package blueprint

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hangGuard fails the test when f has not returned after 10 seconds: it
// catches a read that blocks forever, and is not a timing assertion.
func hangGuard(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not return: it blocks", what)
	}
}

func TestReadFileRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("pipe.yaml", link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, link} {
		var err error
		hangGuard(t, "ReadFile of a FIFO", func() { _, err = ReadFile(path) })
		if err == nil {
			t.Fatalf("%s: a FIFO was read", path)
		}
		want := path + ":1:1: is not a regular file (a named pipe)"
		if !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error = %q, want it to start with %q", err, want)
		}
	}
}

func TestReadFileRefusesFolderAndDevice(t *testing.T) {
	cases := map[string]string{
		t.TempDir():  "is a directory",
		os.DevNull:   "is not a regular file (a character device)",
		"/no/such/x": "cannot read file: no such file or directory",
	}
	for path, want := range cases {
		_, err := ReadFile(path)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), path+":1:1: ") {
			t.Errorf("ReadFile(%s) = %v, want a positioned %q", path, err, want)
		}
	}
}

func TestReadFileRefusesLargeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(path); err == nil || !strings.Contains(err.Error(), "limited to 10 MB") {
		t.Errorf("ReadFile of an 11 MB file = %v", err)
	}
}

func TestReadFileStateDescribesTheBytes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bp.yaml")
	content := []byte("servicebp: 1\ntitle: State\n")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	data, st, err := ReadFileState(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != string(content) || !st.Exists || st.Size != int64(len(content)) ||
		st.Sum != sha256.Sum256(content) || !st.ModTime.Equal(info.ModTime()) {
		t.Errorf("state = %+v for %q", st, data)
	}
}
