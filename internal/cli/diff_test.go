package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// txtarFile is one file of a txtar archive.
type txtarFile struct {
	name string
	data []byte
}

// parseTxtar reads the txtar archives of Go's internal/diff testdata:
// "-- NAME --" lines start files; anything before the first is a comment.
func parseTxtar(data []byte) []txtarFile {
	var files []txtarFile
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		s := strings.TrimSuffix(string(line), "\n")
		if strings.HasPrefix(s, "-- ") && strings.HasSuffix(s, " --") && len(s) > 6 {
			files = append(files, txtarFile{name: s[3 : len(s)-3]})
			continue
		}
		if n := len(files); n > 0 {
			files[n-1].data = append(files[n-1].data, line...)
		}
	}
	return files
}

// cleanTxtar undoes the markers of the Go testdata: "$" ends a line with
// trailing spaces, "^D" ends a file without a final newline.
func cleanTxtar(text []byte) []byte {
	text = bytes.ReplaceAll(text, []byte("$\n"), []byte("\n"))
	return bytes.TrimSuffix(text, []byte("^D\n"))
}

// TestAnchoredDiffGoCases runs the port on the Go tree's own cases.
func TestAnchoredDiffGoCases(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "anchored", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := parseTxtar(data)
			if len(a) != 3 || a[2].name != "diff" {
				t.Fatalf("want three files, the third named diff; got %d", len(a))
			}
			got := anchoredDiff(a[0].name, cleanTxtar(a[0].data), a[1].name, cleanTxtar(a[1].data))
			if want := cleanTxtar(a[2].data); !bytes.Equal(got, want) {
				t.Fatalf("have:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestAnchoredDiffHunks(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n"
	b := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n"
	got := string(anchoredDiff("x.orig", []byte(a), "x", []byte(b)))
	want := "diff x.orig x\n--- x.orig\n+++ x\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n@@ -12,3 +12,4 @@\n 12\n 13\n 14\n+fifteen\n"
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	if d := anchoredDiff("x.orig", []byte(a), "x", []byte(a)); d != nil {
		t.Errorf("equal texts gave %q", d)
	}
}

// applyUnified applies a unified diff to old, checking every context and
// removed line against old, and returns the new text.
func applyUnified(old []byte, diff string) ([]byte, error) {
	src := strings.SplitAfter(string(old), "\n")
	if src[len(src)-1] == "" {
		src = src[:len(src)-1]
	}
	var out []string
	next := 0 // the next line of src not yet copied
	lines := strings.SplitAfter(diff, "\n")
	i := 0
	for i < len(lines) && !strings.HasPrefix(lines[i], "@@ ") {
		i++
	}
	for i < len(lines) && lines[i] != "" {
		var oldStart, oldN, newStart, newN int
		if _, err := fmt.Sscanf(lines[i], "@@ -%d,%d +%d,%d @@", &oldStart, &oldN, &newStart, &newN); err != nil {
			return nil, fmt.Errorf("line %d: bad hunk header %q: %v", i+1, lines[i], err)
		}
		i++
		start := oldStart - 1
		if oldN == 0 {
			start = oldStart
		}
		if start < next || start > len(src) {
			return nil, fmt.Errorf("hunk at old line %d is out of order", oldStart)
		}
		out = append(out, src[next:start]...)
		next = start
		for seenOld, seenNew := 0, 0; seenOld < oldN || seenNew < newN; i++ {
			if i >= len(lines) || lines[i] == "" {
				return nil, fmt.Errorf("hunk at old line %d ends early", oldStart)
			}
			l := lines[i]
			text := l[1:]
			if i+1 < len(lines) && lines[i+1] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if next >= len(src) || src[next] != text {
					return nil, fmt.Errorf("old line %d is %q, the diff says %q", next+1, src[min(next, len(src)-1)], text)
				}
				next++
				seenOld++
				if l[0] == ' ' {
					out = append(out, text)
					seenNew++
				}
			case '+':
				out = append(out, text)
				seenNew++
			default:
				return nil, fmt.Errorf("line %d: unexpected %q in a hunk", i+1, l)
			}
		}
	}
	out = append(out, src[next:]...)
	return []byte(strings.Join(out, "")), nil
}

// TestFmtDiffApplies checks that the output of fmt -d is a unified diff
// that turns the file into its canonical form, applied both by the
// checking applier above and by patch(1).
func TestFmtDiffApplies(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"generated.yaml":  nonCanonical(t, 3000),
		"no-newline.yaml": []byte("title:   Coffee\nservicebp: 1"),
		"hotel.yaml":      hotelRoughened(t),
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, dir, name, string(src))
			code, canonical, stderr := runCLI(t, "", "fmt", path)
			if code != ExitOK {
				t.Fatalf("fmt: exit %d: %s", code, stderr)
			}
			code, diff, stderr := runCLI(t, "", "fmt", "-d", path)
			if code != ExitFailure || diff == "" {
				t.Fatalf("fmt -d: exit %d, %d bytes of diff: %s", code, len(diff), stderr)
			}
			got, err := applyUnified(src, diff)
			if err != nil {
				t.Fatalf("applying the diff: %v\n%s", err, diff)
			}
			if string(got) != canonical {
				t.Fatalf("the applied diff gives:\n%s\nwant:\n%s", got, canonical)
			}
			if _, err := exec.LookPath("patch"); err != nil {
				t.Logf("patch(1) is not installed: %v", err)
				return
			}
			copyPath := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(copyPath, src, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("patch", "--quiet", "--batch", "--no-backup-if-mismatch", copyPath)
			cmd.Stdin = strings.NewReader(diff)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("patch: %v\n%s", err, out)
			}
			patched, err := os.ReadFile(copyPath)
			if err != nil {
				t.Fatal(err)
			}
			if string(patched) != canonical {
				t.Fatalf("patch(1) gives:\n%s\nwant:\n%s", patched, canonical)
			}
		})
	}
}

// hotelRoughened is the hotel template with its flows written in flow
// style and a few blank lines and comments moved about.
func hotelRoughened(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(lintTemplatePath("hotel"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "\ntitle: ", "\ntitle:    ", 1)
	s = strings.ReplaceAll(s, "    owner: ", "    owner:  ")
	s = strings.Replace(s, "    wait: 10m", "    wait: "+strconv.Quote("10m"), 1)
	return []byte(s)
}
