package blueprint

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func writeTestFile(t *testing.T, path, content string, perm fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
}

func readTestFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// onlyFiles fails when dir holds other names than want (temp files left).
func onlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("folder holds %v, want %v", got, want)
	}
}

func TestWriteFileThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "real")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(sub, "bp.yaml")
	writeTestFile(t, target, "old", 0o640)
	link := filepath.Join(dir, "bp.yaml")
	if err := os.Symlink("real/bp.yaml", link); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFile(link, []byte("new"), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(link)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a regular file")
	}
	if got := readTestFile(t, target); got != "new" {
		t.Errorf("target = %q, want the new contents", got)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o640 {
		t.Errorf("target mode = %v, want 0640 kept", st.Mode().Perm())
	}
	onlyFiles(t, sub, "bp.yaml")
}

func TestWriteFileDanglingSymlinkCreatesTarget(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "out.png")
	if err := os.Symlink("made.png", link); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFile(link, []byte("png"), WriteOptions{Exclusive: true}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link is gone or replaced: %v", err)
	}
	if got := readTestFile(t, filepath.Join(dir, "made.png")); got != "png" {
		t.Errorf("target = %q", got)
	}
	// The target exists now: an exclusive write through the link fails.
	if _, err := WriteFile(link, []byte("again"), WriteOptions{Exclusive: true}); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second exclusive write = %v, want fs.ErrExist", err)
	}
}

func TestWriteFileRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bp.yaml")
	writeTestFile(t, path, "old", 0o444)
	_, err := WriteFile(path, []byte("new"), WriteOptions{})
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("err = %v, want ErrReadOnly (the process runs as uid %d)", err, os.Geteuid())
	}
	if want := path + " is read-only; nothing was written"; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
	if got := readTestFile(t, path); got != "old" {
		t.Errorf("file = %q, want it untouched", got)
	}
	onlyFiles(t, dir, "bp.yaml")
}

func TestWriteFileKeepsOwnerAndSpecialBits(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another owner needs root")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "bp.yaml")
	writeTestFile(t, path, "old", 0o664)
	if err := os.Chown(path, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	mode := fs.ModeSetgid | fs.ModeSetuid | fs.ModeSticky | 0o674
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFile(path, []byte("new"), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != 65534 || st.Gid != 65534 {
		t.Errorf("owner = %d:%d, want 65534:65534 kept", st.Uid, st.Gid)
	}
	if got := info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky); got != mode {
		t.Errorf("mode = %v, want %v", got, mode)
	}
	if got := readTestFile(t, path); got != "new" {
		t.Errorf("file = %q", got)
	}
}

func TestWriteFileKeepsHardLinks(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	writeTestFile(t, a, "old contents", 0o644)
	if err := os.Link(a, b); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	st, err := WriteFile(a, []byte("new"), WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("the write split the hard links")
	}
	if got := readTestFile(t, b); got != "new" {
		t.Errorf("the other link reads %q, want the new contents", got)
	}
	if st.Size != 3 || !st.ModTime.Equal(after.ModTime()) {
		t.Errorf("returned state %+v does not describe the file", st)
	}
	onlyFiles(t, dir, "a.yaml", "b.yaml")
}

func TestWriteFileRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bp.yaml")
	writeTestFile(t, path, "version 1", 0o644)
	_, st, err := ReadFileState(path)
	if err != nil {
		t.Fatal(err)
	}
	// Another program writes the same number of bytes within the clock's
	// granularity: size and time alone would not tell.
	writeTestFile(t, path, "version 2", 0o644)
	if err := os.Chtimes(path, st.ModTime, st.ModTime); err != nil {
		t.Fatal(err)
	}
	_, err = WriteFile(path, []byte("mine"), WriteOptions{Expect: &st})
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("err = %v, want ErrChanged", err)
	}
	if want := path + " changed since it was read; nothing was written"; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
	if got := readTestFile(t, path); got != "version 2" {
		t.Errorf("the other program's write was lost: %q", got)
	}
	onlyFiles(t, dir, "bp.yaml")

	// Unchanged since read (even touched): the write goes ahead, and its
	// state is the next Expect.
	_, st, err = ReadFileState(path)
	if err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	st2, err := WriteFile(path, []byte("mine"), WriteOptions{Expect: &st})
	if err != nil {
		t.Fatalf("unchanged file refused: %v", err)
	}
	if _, err := WriteFile(path, []byte("mine again"), WriteOptions{Expect: &st2}); err != nil {
		t.Errorf("write after own write refused: %v", err)
	}

	// A file expected missing that another program created is refused,
	// and so is a file removed since it was read.
	fresh := filepath.Join(dir, "fresh.yaml")
	missing := MissingFile()
	writeTestFile(t, fresh, "theirs", 0o644)
	if _, err := WriteFile(fresh, []byte("mine"), WriteOptions{Expect: &missing}); !errors.Is(err, ErrChanged) {
		t.Errorf("file created meanwhile: err = %v", err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFile(path, []byte("mine"), WriteOptions{Expect: &st2}); !errors.Is(err, ErrChanged) {
		t.Errorf("file removed meanwhile: err = %v", err)
	}
}

func TestWriteFileHardLinkedRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.yaml")
	writeTestFile(t, a, "v1", 0o644)
	if err := os.Link(a, filepath.Join(dir, "b.yaml")); err != nil {
		t.Fatal(err)
	}
	_, st, err := ReadFileState(a)
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, a, "v2", 0o644)
	if _, err := WriteFile(a, []byte("mine"), WriteOptions{Expect: &st}); !errors.Is(err, ErrChanged) {
		t.Fatalf("err = %v, want ErrChanged", err)
	}
	if got := readTestFile(t, a); got != "v2" {
		t.Errorf("file = %q", got)
	}
	onlyFiles(t, dir, "a.yaml", "b.yaml")
}

func TestWriteFileExclusiveRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.yaml")
	const writers = 16
	var wg sync.WaitGroup
	errs := make([]error, writers)
	start := make(chan struct{})
	for i := range writers {
		wg.Go(func() {
			<-start
			_, errs[i] = WriteFile(path, []byte{byte('a' + i)}, WriteOptions{Exclusive: true})
		})
	}
	close(start)
	wg.Wait()
	won := -1
	for i, err := range errs {
		switch {
		case err == nil && won >= 0:
			t.Fatalf("writers %d and %d both created the file", won, i)
		case err == nil:
			won = i
		case !errors.Is(err, fs.ErrExist):
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if won < 0 {
		t.Fatal("no writer created the file")
	}
	if got := readTestFile(t, path); got != string(rune('a'+won)) {
		t.Errorf("file = %q, want writer %d's", got, won)
	}
	onlyFiles(t, dir, "new.yaml")
}

func TestWriteFileTempNameAndStaleSweep(t *testing.T) {
	dir := t.TempDir()
	tmp, err := createTemp(dir+"/", "bp.yaml")
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(tmp.Name())
	if prefix := ".bp.yaml.servicebp-tmp-" + strconv.Itoa(os.Getpid()) + "-"; !strings.HasPrefix(name, prefix) || len(name) == len(prefix) {
		t.Errorf("temp name %q, want %sRANDOM", name, prefix)
	}
	old := time.Now().Add(-StaleTempAge - time.Hour)
	if err := os.Chtimes(tmp.Name(), old, old); err != nil {
		t.Fatal(err)
	}
	// tmp stays open and locked: a writer still busy. The others are the
	// leftovers of killed writers, a fresh one, and files not ours.
	stale := filepath.Join(dir, ".bp.yaml.servicebp-tmp-99999-123456")
	fresh := filepath.Join(dir, ".bp.yaml.servicebp-tmp-99999-654321")
	otherTool := filepath.Join(dir, ".bp.yaml.tmp-42")
	for _, p := range []string{stale, fresh, otherTool} {
		writeTestFile(t, p, "partial", 0o600)
	}
	for _, p := range []string{stale, otherTool} {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := WriteFile(filepath.Join(dir, "bp.yaml"), []byte("x"), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	onlyFiles(t, dir, filepath.Base(otherTool), name, filepath.Base(fresh), "bp.yaml")
	if err := tmp.Close(); err != nil {
		t.Fatal(err)
	}
	// Unlocked now, it is swept by the next write.
	if _, err := WriteFile(filepath.Join(dir, "bp.yaml"), []byte("y"), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	onlyFiles(t, dir, filepath.Base(otherTool), filepath.Base(fresh), "bp.yaml")
}

func TestWriteFileAsAnotherUserKeepsWhatItMay(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run the write as another user")
	}
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "shared.yaml")
	writeTestFile(t, path, "old", 0o666) // root's, writable by all
	// The helper, as nobody, may not give the file to root: the EPERM is
	// forgiven and the file is saved, nobody's now, with its mode.
	cmd := exec.Command("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", os.Args[0], "-test.run=^TestHelperSave$")
	cmd.Env = append(os.Environ(), "SERVICEBP_HELPER_SAVE="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("save as nobody: %v\n%s", err, out)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st := info.Sys().(*syscall.Stat_t); st.Uid != 65534 || info.Mode().Perm() != 0o666 {
		t.Errorf("owner %d, mode %v; want 65534 and 0666", st.Uid, info.Mode().Perm())
	}
	if got := readTestFile(t, path); got != richSource {
		t.Errorf("file = %q", got)
	}
}

func TestInPlaceRestore(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "target"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("half-written new contents, longer than the old"); err != nil {
		t.Fatal(err)
	}
	backup, err := createTemp(dir+"/", "target")
	if err != nil {
		t.Fatal(err)
	}
	defer removeTemp(backup)
	if _, err := backup.WriteString("old contents"); err != nil {
		t.Fatal(err)
	}
	if err := restore(f, backup); err != nil {
		t.Fatal(err)
	}
	if got := readTestFile(t, f.Name()); got != "old contents" {
		t.Errorf("restored file = %q", got)
	}
}

func TestWriteFileRefusesAnotherUsersFile(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run the write as another user")
	}
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "roots.yaml")
	writeTestFile(t, path, "old", 0o644) // root's; the folder lets anyone rename over it
	cmd := exec.Command("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", os.Args[0], "-test.run=^TestHelperSave$")
	cmd.Env = append(os.Environ(), "SERVICEBP_HELPER_SAVE="+path)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), path+" is read-only; nothing was written") {
		t.Fatalf("save of root's file as nobody: %v\n%s", err, out)
	}
	if got := readTestFile(t, path); got != "old" {
		t.Errorf("file = %q", got)
	}
	onlyFiles(t, dir, "roots.yaml")
}
