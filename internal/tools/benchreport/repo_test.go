package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// root is the module's root, from this package's folder.
const root = "../../.."

func readRepo(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestREADMETableMatchesBudgets keeps the README's table of budgeted
// benchmarks the same as budgets, row by row.
func TestREADMETableMatchesBudgets(t *testing.T) {
	readme := readRepo(t, "README.md")
	_, table, ok := strings.Cut(readme, "The benchmarks that carry a budget")
	if !ok {
		t.Fatal("README.md has no table of the benchmarks that carry a budget")
	}
	var rows []string
	for _, l := range strings.Split(table, "\n")[1:] {
		if l == "" && len(rows) > 0 {
			break
		}
		if strings.HasPrefix(l, "| `") {
			rows = append(rows, l)
		}
	}
	var want []string
	for _, b := range budgets {
		want = append(want, "| `"+pkgName(b.pkg)+"` "+b.name+" | "+b.measures+" | "+format(b.limit, b.unit)+" |")
	}
	if !slices.Equal(rows, want) {
		t.Errorf("README.md's budget table:\n%s\nwant (internal/tools/benchreport/budgets.go):\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

// TestBudgetedBenchmarksExist checks that every budget names a benchmark
// function of its package, so that a rename shows here and not only as
// NOT RUN in make bench.
func TestBudgetedBenchmarksExist(t *testing.T) {
	for _, b := range budgets {
		files, err := filepath.Glob(filepath.Join(root, b.pkg, "*_test.go"))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(data), "func "+b.name+"(b *testing.B)") {
				found = true
			}
		}
		if !found {
			t.Errorf("no func %s in %s/*_test.go", b.name, b.pkg)
		}
	}
}

// makeVar returns the value of the Makefile variable name, joining its
// continued lines.
func makeVar(t *testing.T, makefile, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + name + `\s*:?=((?:.*\\\n)*.*)$`).FindStringSubmatch(makefile)
	if m == nil {
		t.Fatalf("the Makefile does not set %s", name)
	}
	return strings.ReplaceAll(m[1], "\\\n", " ")
}

// TestMakefileListsEveryFuzzTarget checks that make fuzz runs every fuzz
// target of the module, and nothing else.
func TestMakefileListsEveryFuzzTarget(t *testing.T) {
	listed := strings.Fields(makeVar(t, readRepo(t, "Makefile"), "FUZZ_TARGETS"))
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w*)\(f \*testing\.F\)`)
	var found []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(data), -1) {
			found = append(found, "./"+filepath.ToSlash(rel)+"/:"+m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(found)
	slices.Sort(listed)
	if len(found) < 5 || !slices.Equal(found, listed) {
		t.Errorf("the Makefile's FUZZ_TARGETS are\n%s\nthe fuzz targets in the code\n%s", strings.Join(listed, "\n"), strings.Join(found, "\n"))
	}
}

// TestMakeBenchRunsTheReport checks that make bench feeds both benchmark
// runs to this program.
func TestMakeBenchRunsTheReport(t *testing.T) {
	mk := readRepo(t, "Makefile")
	_, rest, ok := strings.Cut(mk, "\nbench:")
	if !ok {
		t.Fatal("the Makefile has no bench target")
	}
	body, _, _ := strings.Cut(rest, "\n\n")
	for _, want := range []string{"-bench . -benchmem", "./...", "-tags e2e", "./e2e/...", "./internal/tools/benchreport"} {
		if !strings.Contains(body, want) {
			t.Errorf("make bench lacks %q:\n%s", want, body)
		}
	}
}
