package i18n

import "strings"

// LocaleVars are the environment variables that name the locale, in
// order of precedence, as POSIX setlocale reads them for messages.
var LocaleVars = []string{"LC_ALL", "LC_MESSAGES", "LANG"}

// FromEnv returns the language of the environment: the locale is the
// first of LC_ALL, LC_MESSAGES and LANG that is set and not empty; unless
// it is C or POSIX, the first entry of LANGUAGE (a list such as
// "zh_TW:en", as gettext reads it) comes before it. Either is read with
// FromLocale; with neither it is English. This is the order Fyne follows
// for the editor, so the editor and the command line agree. getenv is
// os.Getenv, or a stand-in in tests; nil means an empty environment.
func FromEnv(getenv func(string) string) Lang {
	if getenv == nil {
		return English
	}
	loc := ""
	for _, v := range LocaleVars {
		if loc = getenv(v); loc != "" {
			break
		}
	}
	if base, _, _ := strings.Cut(loc, "."); base == "C" || base == "POSIX" {
		return English
	}
	for _, l := range strings.Split(getenv("LANGUAGE"), ":") {
		if l != "" {
			return FromLocale(l)
		}
	}
	return FromLocale(loc)
}

// FromLocale returns the language of a POSIX locale name or BCP 47 tag:
// Traditional Chinese for zh_TW, zh_HK, zh_MO and zh-Hant, Simplified
// Chinese for every other zh (zh_CN, zh_SG, zh-Hans, plain zh), English for
// anything else (en_GB.UTF-8, C, POSIX, "").
func FromLocale(loc string) Lang {
	// Drop the encoding and the modifier: zh_TW.UTF-8@euro.
	if i := strings.IndexAny(loc, ".@"); i >= 0 {
		loc = loc[:i]
	}
	parts := strings.FieldsFunc(strings.ToLower(loc), func(r rune) bool { return r == '_' || r == '-' })
	if len(parts) == 0 || parts[0] != "zh" {
		return English
	}
	for _, p := range parts[1:] {
		switch p {
		case "hant", "tw", "hk", "mo":
			return Traditional
		case "hans", "cn", "sg":
			return Simplified
		}
	}
	return Simplified
}
