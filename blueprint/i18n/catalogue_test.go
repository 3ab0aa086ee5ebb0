package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"servicebp/blueprint"
)

// keyCall matches the calls that look a literal key up: Fyne's lang.L,
// lang.X and lang.N, this package's M and T, and list separators.
var keyCall = regexp.MustCompile(`(?:\blang\.(?:L|X|N)\(|\bi18n\.M\(|\.T\(|\bSep:\s*)\s*("(?:[^"\\]|\\.)*")`)

// moduleRoot is the directory of go.mod, above this package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package")
		}
		dir = parent
	}
}

// usedKeys scans every production Go file of the module for literal keys
// and returns each with the first file that uses it.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	root := moduleRoot(t)
	keys := map[string]string{}
	packages := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for _, m := range keyCall.FindAllStringSubmatch(string(src), -1) {
			key, err := strconv.Unquote(m[1])
			if err != nil {
				t.Errorf("%s: %v", rel, err)
				continue
			}
			if _, ok := keys[key]; !ok {
				keys[key] = rel
			}
			packages[filepath.Dir(rel)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The scan must reach every package that translates.
	for _, pkg := range []string{"internal/gui", "canvas", "blueprint/analysis", "blueprint/layout"} {
		if !packages[pkg] {
			t.Errorf("the scan found no translated string in %s; is it broken?", pkg)
		}
	}
	return keys
}

func TestCataloguesParse(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	for _, l := range Langs {
		if got := l.T("language"); got != string(l) {
			t.Errorf("%s: the key \"language\" is %q; Fyne's choice is read from it", l, got)
		}
	}
}

// TestTranslationsComplete checks that every key the code uses is in every
// catalogue, that the catalogues have the same keys and the same
// placeholders, and that the Chinese ones translate what they hold.
func TestTranslationsComplete(t *testing.T) {
	en := Catalogue(English)
	used := usedKeys(t)
	if len(used) < 250 {
		t.Fatalf("found only %d translated strings in the sources; the scan is broken", len(used))
	}
	// The lane and line names are looked up by their English names.
	for _, n := range blueprint.EnglishNames.Lanes {
		used[n] = "blueprint/i18n/names.go"
	}
	for _, n := range blueprint.EnglishNames.Lines {
		used[n] = "blueprint/i18n/names.go"
	}
	for _, l := range Langs {
		cat := Catalogue(l)
		var missing []string
		for k, f := range used {
			if _, ok := cat[k]; !ok {
				missing = append(missing, f+": "+strconv.Quote(k))
			}
		}
		sort.Strings(missing)
		for _, m := range missing {
			t.Errorf("not in %s.json: %s", l, m)
		}
		if l == English {
			continue
		}
		for k := range en {
			if _, ok := cat[k]; !ok {
				t.Errorf("%s.json lacks %q, which en.json has", l, k)
			}
		}
		for k, v := range cat {
			e, ok := en[k]
			if !ok {
				t.Errorf("en.json lacks %q, which %s.json has", k, l)
				continue
			}
			if v == "" || (v == e && strings.ContainsAny(k, "abcdefghijklmnopqrstuvwxyz") && k != "language") {
				t.Errorf("%s.json does not translate %q", l, k)
			}
			if a, b := fyneFields(e), fyneFields(v); !slices.Equal(a, b) {
				t.Errorf("%s.json %q takes %v, en.json %v", l, k, b, a)
			}
			allowed := append(Placeholders(e), extraArgs[k]...)
			for _, p := range Placeholders(v) {
				if !slices.Contains(allowed, p) {
					t.Errorf("%s.json %q uses {%s}, which en.json does not", l, k, p)
				}
			}
		}
	}
}

// fyneFields returns Fyne's {{.Name}} template fields of s, sorted,
// without repeats: every translation must take the same.
func fyneFields(s string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`).FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// extraArgs are the arguments a message has that its English text leaves
// out and a translation may use: a step is named with its text quoted as
// Go quotes it in English, and in “” in Chinese.
var extraArgs = map[string][]string{
	"lint.step": {"text"},
}

func TestEnglishNamesAreTheFormatDefaults(t *testing.T) {
	got := English.Names()
	for k, v := range blueprint.EnglishNames.Lanes {
		if got.Lanes[k] != v {
			t.Errorf("lane %s: %q, want %q", k, got.Lanes[k], v)
		}
	}
	for k, v := range blueprint.EnglishNames.Lines {
		if got.Lines[k] != v {
			t.Errorf("line %s: %q, want %q", k, got.Lines[k], v)
		}
	}
}

// TestGlossary checks the terms of the domain glossary (DESIGN.md) in both
// Chinese catalogues, exactly as the glossary writes them.
func TestGlossary(t *testing.T) {
	glossary := []struct{ key, hans, hant string }{
		{"Physical evidence", "有形展示", "有形展示"},
		{"Customer actions", "顾客行为", "顧客行為"},
		{"Frontstage actions", "前台员工行为", "前台員工行為"},
		{"Backstage actions", "后台员工行为", "後台員工行為"},
		{"Support processes", "支持过程", "支持過程"},
		{"Line of interaction", "互动分界线", "互動分界線"},
		{"Line of visibility", "可视分界线", "可視分界線"},
		{"Line of internal interaction", "内部互动线", "內部互動線"},
		{"Fail point", "失误点", "失誤點"},
		{"legend.fail", "失误点", "失誤點"},
		{"Wait point", "等待点", "等待點"},
		{"legend.wait", "等待点", "等待點"},
		{"Moment of truth", "真实瞬间", "真實瞬間"},
		{"legend.moment", "真实瞬间", "真實瞬間"},
	}
	for _, g := range glossary {
		if got := Simplified.T(g.key); got != g.hans {
			t.Errorf("zh-Hans %q = %q, want %q", g.key, got, g.hans)
		}
		if got := Traditional.T(g.key); got != g.hant {
			t.Errorf("zh-Hant %q = %q, want %q", g.key, got, g.hant)
		}
	}
	names := Traditional.Names()
	if names.Lanes[blueprint.LaneBackstage] != "後台員工行為" || names.Lines[blueprint.LineInternal] != "內部互動線" {
		t.Errorf("Traditional names %v", names)
	}
}

// simplifiedOnly are characters that Traditional Chinese text of this
// program never contains: simplified forms, and 后 and 里, which in the
// editor's words are always 後 and 裡.
const simplifiedOnly = "们这个时说对会过还发为么没设选择单键击图标视计页导删录开关闭显转换输数据项应实现点线复杂处错误创编辑帮阶顾务员动态变组织钟级规则类别颜总结后里着从没与于无资讯档储启复复盖边栏状齐缩览图标样长进连较适层级图并简体务认标签动态"

func TestTraditionalHasNoSimplifiedCharacters(t *testing.T) {
	for k, v := range Catalogue(Traditional) {
		for _, r := range v {
			if strings.ContainsRune(simplifiedOnly, r) {
				t.Errorf("zh-Hant %q = %q has the simplified %q", k, v, r)
				break
			}
		}
	}
}
