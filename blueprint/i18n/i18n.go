// Package i18n holds servicebp's message catalogues, one embedded JSON file
// a language (English, Simplified Chinese, Traditional Chinese), and looks
// strings up in them. It imports no Fyne: the command line translates lint
// findings, default lane names and legends with it, and the editor feeds
// the same files (Files) to Fyne's lang package for its widgets, so there
// is one set of translations.
//
// A catalogue maps a key to its text. Most keys are the English text
// itself; messages with arguments (the lint findings) have keys such as
// "lint.long-wait" and {name} placeholders, filled by Format.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// Files holds the catalogues, translations/<lang>.json, in the form Fyne's
// lang.AddTranslationsFS reads.
//
//go:embed translations/*.json
var Files embed.FS

// Dir is the directory of the catalogues in Files.
const Dir = "translations"

// Lang is a language servicebp speaks, named by its BCP 47 tag.
type Lang string

// The languages, each with a catalogue translations/<tag>.json.
const (
	English     Lang = "en"
	Simplified  Lang = "zh-Hans"
	Traditional Lang = "zh-Hant"
)

// Langs lists every language, English first.
var Langs = []Lang{English, Simplified, Traditional}

// catalogues holds each language's parsed catalogue, parsed on its first
// lookup: a command that speaks English parses only en.json.
var catalogues struct {
	sync.Mutex
	m   map[Lang]map[string]string
	err error
}

// catalogue returns the parsed catalogue of l, empty for an unknown
// language or a file that does not parse (see Err).
func catalogue(l Lang) map[string]string {
	catalogues.Lock()
	defer catalogues.Unlock()
	if m, ok := catalogues.m[l]; ok {
		return m
	}
	if catalogues.m == nil {
		catalogues.m = make(map[Lang]map[string]string, len(Langs))
	}
	m := map[string]string{}
	if l.Valid() {
		var err error
		if m, err = parseCatalogue(l); err != nil && catalogues.err == nil {
			catalogues.err = err
		}
	}
	catalogues.m[l] = m
	return m
}

// parseCatalogue reads the catalogue of l. A value is a string, or an
// object with an "other" form as go-i18n writes plurals.
func parseCatalogue(l Lang) (map[string]string, error) {
	name := Dir + "/" + string(l) + ".json"
	data, err := Files.ReadFile(name)
	if err != nil {
		return map[string]string{}, err
	}
	flat := map[string]string{}
	if err := json.Unmarshal(data, &flat); err == nil {
		return flat, nil
	}
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(data, &raw); err != nil {
		return map[string]string{}, fmt.Errorf("%s: %w", name, err)
	}
	m := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if err := json.Unmarshal(v, &s); err == nil {
			m[k] = s
			continue
		}
		var forms struct{ Other string }
		if err := json.Unmarshal(v, &forms); err != nil || forms.Other == "" {
			return m, fmt.Errorf("%s: %q is neither a string nor a plural form with \"other\"", name, k)
		}
		m[k] = forms.Other
	}
	return m, nil
}

// Err reports whether the embedded catalogues failed to parse; a build
// that ships a broken file then looks keys up in English or as the keys.
func Err() error {
	for _, l := range Langs {
		catalogue(l)
	}
	catalogues.Lock()
	defer catalogues.Unlock()
	return catalogues.err
}

// Catalogue returns a copy of the catalogue of l, for tests and tools.
func Catalogue(l Lang) map[string]string {
	c := catalogue(l)
	m := make(map[string]string, len(c))
	for k, v := range c {
		m[k] = v
	}
	return m
}

// Lookup returns the text of key in l and whether l's catalogue has it.
func (l Lang) Lookup(key string) (string, bool) {
	s, ok := catalogue(l)[key]
	return s, ok
}

// T returns the text of key in l, falling back to English and then to the
// key itself.
func (l Lang) T(key string) string {
	if s, ok := l.Lookup(key); ok {
		return s
	}
	if s, ok := English.Lookup(key); ok {
		return s
	}
	return key
}

// Valid reports whether l is one of Langs.
func (l Lang) Valid() bool {
	for _, k := range Langs {
		if l == k {
			return true
		}
	}
	return false
}

// Parse returns the language named s: one of en, zh-Hans and zh-Hant, in
// any case and with - or _.
func Parse(s string) (Lang, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	for _, l := range Langs {
		if strings.EqualFold(t, string(l)) {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown language %q; use %s", s, strings.Join(langNames(), ", "))
}

func langNames() []string {
	out := make([]string, len(Langs))
	for i, l := range Langs {
		out[i] = string(l)
	}
	return out
}
