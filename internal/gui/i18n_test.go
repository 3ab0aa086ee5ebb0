package gui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"servicebp/blueprint"
)

func readTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// usedKeys scans the package's sources for lang.L and lang.X calls with a
// literal key.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	re := regexp.MustCompile(`lang\.(L|X)\(("(?:[^"\\]|\\.)*")(?:, ("(?:[^"\\]|\\.)*"))?`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			key, err := strconv.Unquote(m[2])
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			keys[key] = f
		}
	}
	return keys
}

func TestTranslationsComplete(t *testing.T) {
	en := readTranslations(t, "en.json")
	zh := readTranslations(t, "zh-Hans.json")
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("zh-Hans.json lacks %q", k)
		}
	}
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q, which zh-Hans.json has", k)
		}
	}
	used := usedKeys(t)
	if len(used) < 50 {
		t.Fatalf("found only %d translated strings in the sources; the scan is broken", len(used))
	}
	var missing []string
	for k, f := range used {
		if _, ok := en[k]; !ok {
			missing = append(missing, f+": "+k)
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("not in en.json: %s", m)
	}
	for k, v := range zh {
		if v == "" || (v == en[k] && strings.ContainsAny(k, "abcdefghijklmnopqrstuvwxyz") && k != "language") {
			t.Errorf("zh-Hans.json does not translate %q", k)
		}
	}
}

// useLanguage switches the UI language to the locale loc for one test.
func useLanguage(t *testing.T, loc string) {
	t.Helper()
	t.Cleanup(func() {
		if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
			t.Error(err)
		}
	})
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(v, loc)
	}
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		t.Fatal(err)
	}
}

func TestChineseUI(t *testing.T) {
	useLanguage(t, "zh_CN.UTF-8")
	if !uiChinese() {
		t.Fatal("the UI does not speak Chinese under zh_CN")
	}
	e := startEditor(t, test.NewTempApp(t), t.TempDir(), "")
	d := e.Doc()
	want := blueprint.New("", blueprint.ChineseNames)
	for i, l := range d.Lanes {
		if l.Name != want.Lanes[i].Name {
			t.Errorf("lane %d = %q, want %q", i, l.Name, want.Lanes[i].Name)
		}
	}
	if d.Lines[1].Name != "可视分界线" {
		t.Errorf("line of visibility = %q", d.Lines[1].Name)
	}
	if got := e.win.Title(); got != "未命名 — servicebp" {
		t.Errorf("title = %q", got)
	}
	if got := e.win.MainMenu().Items[0].Label; got != "文件" {
		t.Errorf("File menu = %q", got)
	}
}

func TestEnglishUI(t *testing.T) {
	useLanguage(t, "en_GB.UTF-8")
	if uiChinese() {
		t.Fatal("the UI speaks Chinese under en_GB")
	}
	e := startEditor(t, test.NewTempApp(t), t.TempDir(), "")
	if got := e.Doc().Lanes[0].Name; got != "Physical evidence" {
		t.Errorf("first lane = %q", got)
	}
}
