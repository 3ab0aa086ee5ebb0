package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// defaultNamed is a Chinese blueprint whose lanes and lines keep their
// default names: the file names none of them.
const defaultNamed = `servicebp: 1
title: 咖啡店点单
columns:
  - {id: order, name: 点单}
steps:
  - {id: ask, lane: customer, column: order, text: 顾客点一杯咖啡, fail: 排队太久}
  - {id: take, lane: frontstage, column: order, text: 店员接单}
  - {id: brew, lane: backstage, column: order, text: 咖啡师制作}
flows:
  - {from: ask, to: take}
  - {from: take, to: brew}
`

// runEnv runs servicebp with args under the environment env.
func runEnv(env map[string]string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}, nil)
	return code, out.String(), errOut.String()
}

// TestExportLabelsLanguage checks the one rule for the language of an
// export's labels: --lang, else the locale, else English; the default lane
// and line names and the legend are always in the same language.
func TestExportLabelsLanguage(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "cafe.yaml")
	if err := os.WriteFile(in, []byte(defaultNamed), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		env        map[string]string
		args       []string
		want, deny []string
	}{
		{"no locale", nil, nil,
			[]string{"Backstage actions", "Line of visibility", "Fail point"},
			[]string{"后台员工行为", "失误点", "後台員工行為"}},
		{"--lang zh-Hans", nil, []string{"--lang", "zh-Hans"},
			[]string{"后台员工行为", "可视分界线", "顾客行为", "失误点"},
			[]string{"Backstage actions", "Fail point", "後台員工行為"}},
		{"zh_CN locale", map[string]string{"LANG": "zh_CN.UTF-8"}, nil,
			[]string{"后台员工行为", "失误点"},
			[]string{"Backstage actions", "Fail point"}},
		{"zh_TW locale", map[string]string{"LANG": "zh_TW.UTF-8"}, nil,
			[]string{"後台員工行為", "可視分界線", "顧客行為", "內部互動線", "失誤點"},
			[]string{"Backstage actions", "后台员工行为", "失误点"}},
		{"zh_HK in LC_ALL over LANG", map[string]string{"LANG": "en_GB.UTF-8", "LC_ALL": "zh_HK.UTF-8"}, nil,
			[]string{"後台員工行為", "失誤點"},
			[]string{"Backstage actions", "Fail point"}},
		{"--lang over the locale", map[string]string{"LANG": "zh_TW.UTF-8"}, []string{"--lang", "en"},
			[]string{"Backstage actions", "Fail point"},
			[]string{"後台員工行為", "失誤點"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "cafe.svg")
			args := append([]string{"export", in, "-o", out}, tc.args...)
			if code, _, stderr := runEnv(tc.env, args...); code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			svg, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.want {
				if !bytes.Contains(svg, []byte(">"+s+"<")) {
					t.Errorf("the SVG lacks the label %q", s)
				}
			}
			for _, s := range tc.deny {
				if bytes.Contains(svg, []byte(">"+s+"<")) {
					t.Errorf("the SVG has the label %q", s)
				}
			}
		})
	}
	if code, _, stderr := runEnv(nil, "export", in, "-o", filepath.Join(dir, "x.svg"), "--lang", "zh-TW"); code != ExitUsage || !strings.Contains(stderr, `--lang: unknown language "zh-TW"; use en, zh-Hans, zh-Hant`) {
		t.Errorf("--lang zh-TW: exit %d, %q", code, stderr)
	}
}

// TestLintLanguage checks lint's findings in English by default, exactly
// as before, and in Chinese with --lang or a Chinese locale.
func TestLintLanguage(t *testing.T) {
	in := filepath.Join(t.TempDir(), "cafe.yaml")
	if err := os.WriteFile(in, []byte(defaultNamed), 0o644); err != nil {
		t.Fatal(err)
	}
	const english = `fail point ask "顾客点一杯咖啡" (排队太久) has no owner: name who is responsible for it`
	_, out, _ := runEnv(nil, "lint", in)
	if !strings.Contains(out, "warning fail-point-without-owner: "+english+"\n") {
		t.Errorf("English lint output:\n%s", out)
	}
	_, hans, _ := runEnv(nil, "lint", "--lang", "zh-Hans", in)
	if !strings.Contains(hans, "warning fail-point-without-owner: 失误点 ask “顾客点一杯咖啡”（排队太久）没有负责人：请指明由谁负责\n") {
		t.Errorf("zh-Hans lint output:\n%s", hans)
	}
	_, hant, _ := runEnv(map[string]string{"LC_MESSAGES": "zh_TW.UTF-8"}, "lint", in)
	// The step's own text stays as the file writes it.
	if !strings.Contains(hant, "warning fail-point-without-owner: 失誤點 ask 「顾客点一杯咖啡」（排队太久）沒有負責人：請指明由誰負責\n") {
		t.Errorf("zh-Hant lint output:\n%s", hant)
	}
	// The JSON message follows the language; the rule id does not.
	_, js, _ := runEnv(nil, "lint", "--format", "json", "--lang", "zh-Hant", in)
	if !strings.Contains(js, `"rule": "fail-point-without-owner"`) || !strings.Contains(js, `"message": "失誤點 ask`) {
		t.Errorf("zh-Hant JSON:\n%s", js)
	}
	if code, _, stderr := runEnv(nil, "lint", "--lang", "fr", in); code != ExitUsage || !strings.Contains(stderr, `unknown language "fr"`) {
		t.Errorf("--lang fr: exit %d, %q", code, stderr)
	}
}

// TestStatsLanguage checks that stats names the lanes that keep their
// default names in the chosen language.
func TestStatsLanguage(t *testing.T) {
	in := filepath.Join(t.TempDir(), "cafe.yaml")
	if err := os.WriteFile(in, []byte(defaultNamed), 0o644); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"en": "Backstage actions", "zh-Hans": "后台员工行为", "zh-Hant": "後台員工行為"} {
		code, out, stderr := runEnv(nil, "stats", "--lang", lang, in)
		if code != ExitOK || !strings.Contains(out, "  "+want+" ") {
			t.Errorf("stats --lang %s: exit %d, %s\n%s", lang, code, stderr, out)
		}
	}
}
