package i18n

import "testing"

func TestFromLocale(t *testing.T) {
	for loc, want := range map[string]Lang{
		"zh_CN.UTF-8":   Simplified,
		"zh_SG":         Simplified,
		"zh_TW.UTF-8":   Traditional,
		"zh_HK.UTF-8":   Traditional,
		"zh_MO":         Traditional,
		"zh":            Simplified,
		"zh.GB18030":    Simplified,
		"zh-Hant":       Traditional,
		"zh-Hans-HK":    Simplified,
		"zh_TW@radical": Traditional,
		"en_GB.UTF-8":   English,
		"ja_JP.UTF-8":   English,
		"C":             English,
		"POSIX":         English,
		"":              English,
	} {
		if got := FromLocale(loc); got != want {
			t.Errorf("FromLocale(%q) = %s, want %s", loc, got, want)
		}
	}
}

func TestFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{nil, English},
		{map[string]string{"LANG": "zh_TW.UTF-8"}, Traditional},
		{map[string]string{"LANG": "zh_TW.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, Simplified},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, English},
		{map[string]string{"LC_ALL": "", "LANG": "zh_HK.UTF-8"}, Traditional},
		{map[string]string{"LANGUAGE": "zh_TW:en", "LANG": "en_US.UTF-8"}, Traditional},
		{map[string]string{"LANGUAGE": ":zh_CN", "LANG": "zh_TW.UTF-8"}, Simplified},
		{map[string]string{"LANGUAGE": "zh_TW", "LANG": "C.UTF-8"}, English},
		{map[string]string{"LANGUAGE": "zh_TW", "LC_ALL": "POSIX", "LANG": "zh_TW.UTF-8"}, English},
		{map[string]string{"LANGUAGE": "zh_HK"}, Traditional},
	}
	for _, tc := range tests {
		if got := FromEnv(env(tc.env)); got != tc.want {
			t.Errorf("FromEnv(%v) = %s, want %s", tc.env, got, tc.want)
		}
	}
	if got := FromEnv(nil); got != English {
		t.Errorf("FromEnv(nil) = %s", got)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"en": English, "zh-Hans": Simplified, "zh_hant": Traditional, "ZH-HANT": Traditional} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %s, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "fr", "zh", "zh-TW"} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) accepted", in)
		}
	}
}

func TestFormat(t *testing.T) {
	step := M("lint.step", "id", "s1", "text", "入住", "quoted", `"入住"`)
	m := M("lint.visibility-leak", "from", step, "to", "s2")
	if got, want := English.Text(m), `flow from s1 "入住" to s2 goes from below the line of visibility straight to the customer, skipping the frontstage: route it through a frontstage step`; got != want {
		t.Errorf("English: %q\nwant %q", got, want)
	}
	if got, want := Traditional.Text(m), "從 s1 「入住」 到 s2 的流程線從可視分界線以下直達顧客，繞過了前台：請經由前台步驟連接"; got != want {
		t.Errorf("Traditional: %q\nwant %q", got, want)
	}
	list := M("lint.dangling-flow", "from", `"a"`, "to", `"b"`, "missing", List{Sep: ", ", Items: []any{"x", 2, M("lint.step", "id", "y", "quoted", `"z"`)}})
	if got, want := Simplified.Text(list), `从 "a" 到 "b" 的流程线指向不存在的步骤：x、2、y “{text}”`; got != want {
		t.Errorf("list: %q, want %q", got, want)
	}
	// Braces that are no placeholder stay; a placeholder without an
	// argument stays as written.
	for in, want := range map[string]string{
		"{{.Name}} {n} {missing} {} {a b} {": "{{.Name}} 7 {missing} {} {a b} {",
		"no braces":                          "no braces",
		"{n}{n}":                             "77",
	} {
		if got := English.Format(in, Arg{"n", 7}); got != want {
			t.Errorf("Format(%q) = %q, want %q", in, got, want)
		}
	}
	if got := English.T("no such key"); got != "no such key" {
		t.Errorf("unknown key: %q", got)
	}
	keys := list.Keys()
	if len(keys) != 3 || keys[0] != "lint.dangling-flow" || keys[1] != ", " || keys[2] != "lint.step" {
		t.Errorf("Keys = %q", keys)
	}
}
