package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"servicebp/blueprint/i18n"
)

// presentFakeGUI records what the present command asks of the GUI.
type presentFakeGUI struct {
	opened, presented, themes []string
	curves                    []bool
	langs                     []i18n.Lang
}

func (g *presentFakeGUI) Open(path string) int {
	g.opened = append(g.opened, path)
	return ExitOK
}

func (g *presentFakeGUI) Present(path, theme string, curve bool, lang i18n.Lang) int {
	g.presented = append(g.presented, path)
	g.langs = append(g.langs, lang)
	g.curves = append(g.curves, curve)
	g.themes = append(g.themes, theme)
	return ExitOK
}

func TestPresentCommand(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("servicebp: 1\ncolumns: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	hotel := lintTemplatePath("hotel")
	tests := []struct {
		name    string
		args    []string
		code    int
		present string
		stderr  string
		theme   string
	}{
		{"presents a valid file", []string{hotel}, ExitOK, hotel, "", "contrast"},
		{"in the dark theme", []string{"--theme", "dark", hotel}, ExitOK, hotel, "", "dark"},
		{"unknown theme", []string{"--theme", "neon", hotel}, ExitUsage, "", "unknown --theme \"neon\"", ""},
		{"no file", nil, ExitUsage, "", "give exactly one blueprint FILE", ""},
		{"two files", []string{hotel, hotel}, ExitUsage, "", "give exactly one", ""},
		{"standard input", []string{"-"}, ExitUsage, "", "give exactly one", ""},
		{"unknown flag", []string{"--nope", hotel}, ExitUsage, "", "nope", ""},
		{"missing file", []string{filepath.Join(dir, "missing.yaml")}, ExitFailure, "", "missing.yaml", ""},
		{"invalid file", []string{broken}, ExitFailure, "", "broken.yaml:2:", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := &presentFakeGUI{}
			var out, errOut bytes.Buffer
			code := Main(append([]string{"present"}, tc.args...), Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}, g)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errOut.String())
			}
			if !strings.Contains(errOut.String(), tc.stderr) {
				t.Errorf("stderr %q does not mention %q", errOut.String(), tc.stderr)
			}
			if got := strings.Join(g.presented, " "); got != tc.present {
				t.Errorf("presented %q, want %q", got, tc.present)
			}
			if got := strings.Join(g.themes, " "); got != tc.theme {
				t.Errorf("theme %q, want %q", got, tc.theme)
			}
			if len(g.opened) != 0 {
				t.Errorf("opened the editor on %v", g.opened)
			}
		})
	}
	t.Run("language", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			env  map[string]string
			want i18n.Lang
			code int
		}{
			{[]string{hotel}, nil, i18n.English, ExitOK},
			{[]string{hotel}, map[string]string{"LANG": "zh_TW.UTF-8"}, i18n.Traditional, ExitOK},
			{[]string{"--lang", "zh-Hans", hotel}, map[string]string{"LANG": "zh_TW.UTF-8"}, i18n.Simplified, ExitOK},
			{[]string{"--lang", "fr", hotel}, nil, "", ExitUsage},
		} {
			g := &presentFakeGUI{}
			var errOut bytes.Buffer
			env := Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &errOut, Getenv: func(k string) string { return tc.env[k] }}
			if code := Main(append([]string{"present"}, tc.args...), env, g); code != tc.code {
				t.Fatalf("%v %v: exit %d, want %d: %s", tc.args, tc.env, code, tc.code, errOut.String())
			}
			if tc.code != ExitOK {
				if !strings.Contains(errOut.String(), `unknown language "fr"`) {
					t.Errorf("--lang fr: stderr %q", errOut.String())
				}
				continue
			}
			if len(g.langs) != 1 || g.langs[0] != tc.want {
				t.Errorf("%v %v: presented in %v, want %s", tc.args, tc.env, g.langs, tc.want)
			}
		}
	})
	t.Run("emotion curve switch", func(t *testing.T) {
		for _, args := range [][]string{{hotel}, {"--no-emotion-curve", hotel}} {
			g := &presentFakeGUI{}
			var errOut bytes.Buffer
			if code := Main(append([]string{"present"}, args...), Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &errOut}, g); code != ExitOK {
				t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
			}
			if want := len(args) == 1; len(g.curves) != 1 || g.curves[0] != want {
				t.Errorf("%v: curves %v, want %v", args, g.curves, want)
			}
		}
	})
	t.Run("no GUI", func(t *testing.T) {
		var errOut bytes.Buffer
		if code := Main([]string{"present", hotel}, Env{Stdout: &bytes.Buffer{}, Stderr: &errOut}, nil); code != ExitFailure {
			t.Errorf("exit %d without a GUI, want %d", code, ExitFailure)
		}
	})
}
